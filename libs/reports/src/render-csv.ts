import type { AuditReport } from '@custody/domain';

/** Options for {@link renderCsv}. */
export interface CsvRenderOptions {
  /** Line separator; RFC 4180 says CRLF (the default). */
  newline?: '\r\n' | '\n';
}

export const CSV_COLUMNS = [
  'id', 'ruleId', 'kind', 'severity', 'title', 'subject', 'categories', 'citations', 'remediation', 'contribution', 'evidence',
] as const;

/**
 * Spreadsheets execute cells that start with = + - @ (and tab/CR, which some strip first) as formulas, so
 * a vendor name like `=HYPERLINK(...)` in a contract could run when a consultant opens the export. Prefixing
 * a single quote makes the cell text (OWASP "CSV injection").
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: quote a field containing a comma, quote or line break; double embedded quotes. */
export function csvField(raw: string | number): string {
  const cell = neutraliseFormula(String(raw));
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One row per finding, with a header row. Categories and citations are `;`-joined. */
export function renderCsv(report: AuditReport, opts: CsvRenderOptions = {}): string {
  const nl = opts.newline ?? '\r\n';
  const rows = report.findings.map((f) => [
    f.id, f.ruleId, f.kind, f.severity, f.title, f.subject,
    f.categories.join(';'),
    f.citations.map((c) => c.ref).join(';'),
    f.remediation,
    f.contribution,
    f.evidence[0]?.quote ?? '',
  ]);
  return [[...CSV_COLUMNS], ...rows].map((r) => r.map(csvField).join(',')).join(nl) + nl;
}
