/**
 * The common fleet export read without csv-parse: no quotes, no whitespace but spaces and line breaks, one
 * record per line, every record as wide as the header. A 100,000-install export is 13 MB of such lines, and
 * csv-parse's general state machine was half of parsing it (issue 11). Anything outside that shape (quotes,
 * tabs, odd spaces, lone carriage returns, ragged or blank-looking rows, odd headers) returns undefined and
 * csv-parse reads it with the options parseFleetText gives it, so its records, lines and errors are unchanged.
 */

/** One record: the header's (trimmed, lower-cased) names to the row's trimmed values, and its 1-based line. */
export interface PlainCsvRecord {
  record: Record<string, string>;
  line: number;
}

/**
 * What makes a text not plain: quotes, control characters, carriage returns outside CRLF, and every whitespace
 * character but the space (csv-parse trims the same set JavaScript's \s names, so with only spaces left a
 * field trims alike either way); surrogates too, as csv-parse reads the text re-encoded as UTF-8.
 */
const NOT_PLAIN = /["\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ud800-\udfff]|\r(?!\n)/;

export function readPlainCsv(text: string): PlainCsvRecord[] | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (NOT_PLAIN.test(body)) return undefined;
  const lines = body.split('\n');
  // csv-parse takes its record delimiter from the first line break it meets: a file that mixes CRLF and LF
  // lines reads differently there (records run together), so only files with one kind of line end are plain.
  const crlf = lines[0]!.endsWith('\r');
  for (let i = 0; i < lines.length - 1; i++) if (lines[i]!.endsWith('\r') !== crlf) return undefined;
  if (!crlf && body.includes('\r')) return undefined;
  const columns = lines[0]!.replace(/\r$/, '').split(',').map((c) => c.trim().toLowerCase());
  // Unnamed, repeated or prototype-reaching names are csv-parse's to handle (and to refuse).
  if (columns.some((c) => c === '' || c === '__proto__') || new Set(columns).size !== columns.length) return undefined;
  const records: PlainCsvRecord[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    if (line === '') continue;
    if (line.trim() === '') return undefined;
    const fields = line.split(',');
    if (fields.length !== columns.length) return undefined;
    const record: Record<string, string> = {};
    for (let j = 0; j < columns.length; j++) record[columns[j]!] = fields[j]!.trim();
    records.push({ record, line: i + 1 });
  }
  return records;
}
