import { SEVERITIES, severityPosition, checkFindingKey, type FindingsFilter } from '@custody/domain';

// The SQL of a page of stored findings (ProjectionRepository.findingsPage), apart from the repository so the
// statement a test EXPLAINs is the one the API runs.

/** Worst first as a number that sorts ascending (severityPosition), computed from the clear column. */
const SEVERITY_POSITION = `(CASE severity ${SEVERITIES.map((s) => `WHEN '${s}' THEN ${severityPosition(s)}`).join(' ')} ELSE ${SEVERITIES.length} END)`;

/**
 * The statement behind `findingsPage` ($1 workspace, $2 the id to start after or NULL, $3 page size + 1; then,
 * when the filter has them, the severity, the kind and the severity position to start after or NULL: see
 * findingsPageParams), exported so a test can EXPLAIN the very query the API runs. The id order without filters
 * walks the byte-order index; the severity order (compareByImpact: worst first, then most points, then id)
 * sorts the clear columns of the workspace's open findings and opens only the page's rows.
 */
export function findingsPageSql(includeResolved: boolean, withInstanceHead: boolean, filter: FindingsFilter = { order: 'id' }): string {
  let n = 3;
  const where = ['workspace_id = $1', includeResolved ? '' : 'resolved_at IS NULL',
    filter.severity ? `severity = $${++n}::text` : '', filter.kind ? `kind = $${++n}::text` : ''].filter(Boolean).join(' AND ');
  const bySeverity = filter.order === 'severity';
  const at = bySeverity ? `$${++n}::int` : '';
  const points = bySeverity ? `$${++n}::float8` : '';
  const keyset = bySeverity
    ? `($2::text IS NULL OR ${SEVERITY_POSITION} > ${at} OR (${SEVERITY_POSITION} = ${at} AND (contribution < ${points} OR (contribution = ${points} AND id COLLATE "C" > $2::text))))`
    : '($2::text IS NULL OR id COLLATE "C" > $2::text)';
  const order = (t: string) => (bySeverity ? `${t}position, ${t}contribution DESC, ${t}id COLLATE "C"` : `${t}id COLLATE "C"`);
  return `WITH page AS (
         SELECT workspace_id, id, data, ${withInstanceHead ? 'CASE WHEN head_sealed IS NULL THEN data_sealed END AS data_sealed, head_sealed' : 'data_sealed'}, key_id, first_seen_at, last_seen_at, resolved_at${bySeverity ? `, ${SEVERITY_POSITION} AS position, contribution` : ''} FROM finding
          WHERE ${where} AND ${keyset}
          ORDER BY ${order('')} LIMIT $3)
       SELECT (SELECT count(*)::int FROM finding WHERE ${where}) AS total, page.*
         FROM (SELECT 1) one LEFT JOIN page ON true ORDER BY ${order('page.')}`;
}

/** The parameters of findingsPageSql for one page, in its order. A severity-order cursor names position, points and id. */
export function findingsPageParams(workspaceId: string, page: { limit: number; after?: string }, filter: FindingsFilter): unknown[] {
  const after = page.after === undefined ? null : checkFindingKey(page.after, filter.order);
  return [workspaceId, after?.id ?? null, page.limit + 1,
    ...(filter.severity ? [filter.severity] : []), ...(filter.kind ? [filter.kind] : []), ...(filter.order === 'severity' ? [after?.position ?? null, after?.contribution ?? null] : [])];
}
