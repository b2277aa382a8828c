/**
 * The one way user-facing text shows a date: ISO 8601 `YYYY-MM-DD`, in UTC (the time a report, the CLI and the
 * API's text agree on whatever the reader's locale or time zone). A value that is not a date is shown as given,
 * so a hand-written `at` in an imported report still reads as what it says rather than `Invalid Date`.
 */
export function isoDay(at: string | number | Date): string {
  const d = at instanceof Date ? at : new Date(at);
  return Number.isNaN(d.getTime()) ? String(at) : d.toISOString().slice(0, 10);
}

/**
 * A moment as user-facing text shows it: ISO 8601 date and time in UTC to the second (`2026-01-05 14:03:27 UTC`),
 * the date in the form every report and the CLI print, the time for views that step between events.
 */
export function isoMoment(at: string | number | Date): string {
  const d = at instanceof Date ? at : new Date(at);
  return Number.isNaN(d.getTime()) ? String(at) : `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;
}
