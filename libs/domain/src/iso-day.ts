/**
 * The one way user-facing text shows a date: ISO 8601 `YYYY-MM-DD`, in UTC (the time a report, the CLI and the
 * API's text agree on whatever the reader's locale or time zone). A value that is not a date is shown as given,
 * so a hand-written `at` in an imported report still reads as what it says rather than `Invalid Date`.
 */
export function isoDay(at: string | number | Date): string {
  const d = at instanceof Date ? at : new Date(at);
  return Number.isNaN(d.getTime()) ? String(at) : d.toISOString().slice(0, 10);
}
