/**
 * Rows cut into batches for multi-row statements (the graph's id rows, a scoring run's findings). Apart from
 * projection.repository.ts because the limit it works around is PostgreSQL's, not the read models'.
 */

/**
 * Rows in batches for multi-row statements: PostgreSQL allows at most 65,535 bind parameters per statement,
 * which one INSERT of a 10,000-install fleet's 28,000 flows (5 columns each) would exceed.
 */
export function chunks<T>(rows: T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
