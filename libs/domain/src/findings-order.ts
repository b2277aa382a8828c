import { InvalidInputError } from './errors.js';
import { cmp } from './collections.js';
import type { Finding } from './finding.js';
import { pageCursor, pageRequest, type Page } from './paging.js';
import { FINDING_KINDS, SEVERITIES, type FindingKind, type Severity } from './taxonomy.js';

/**
 * Which findings a page lists and in what order (GET /findings?order=&severity=&kind=). `id` is the route's
 * original keyset order; `severity` is the order a report ranks findings in (compareByImpact: worst severity
 * first, then the most points, then id), so the dashboard's list and a report put the same finding first. The
 * severity and kind filters read clear columns, so a filtered page still opens only its own rows.
 */
export const FINDING_ORDERS = ['id', 'severity'] as const;
export type FindingOrder = (typeof FINDING_ORDERS)[number];

export interface FindingsFilter {
  order: FindingOrder;
  severity?: Severity;
  kind?: FindingKind;
}

/** The query parameters checked; an unknown value is refused with the values allowed. */
export function findingsFilter(opts: { order?: string; severity?: string; kind?: string }): FindingsFilter {
  const pick = <T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined => {
    if (value === undefined || value === '') return undefined;
    if (!allowed.includes(value as T)) throw new InvalidInputError(`${name} must be one of ${allowed.join(', ')}, not "${value.slice(0, 40)}"`);
    return value as T;
  };
  return { order: pick('order', opts.order, FINDING_ORDERS) ?? 'id', severity: pick('severity', opts.severity, SEVERITIES), kind: pick('kind', opts.kind, FINDING_KINDS) };
}

/** Worst first as a number that sorts ascending: critical 0 … info 4 (what the SQL's CASE computes too). */
export const severityPosition = (s: Severity): number => SEVERITIES.length - 1 - SEVERITIES.indexOf(s);

type Ranked = Pick<Finding, 'id' | 'severity' | 'contribution'>;

/**
 * The order a report ranks findings in, and the dashboard lists them in: worst severity first, then the points
 * a finding adds (what fixing it takes off the score), then id in code-point order (as COLLATE "C" pages it).
 */
export function compareByImpact(a: Ranked, b: Ranked): number {
  return severityPosition(a.severity) - severityPosition(b.severity) || b.contribution - a.contribution || cmp(a.id, b.id);
}

/** The key a finding sorts by under `order`, and that a cursor names: the id, or position, points and id. */
export function findingKey(f: Ranked, order: FindingOrder): string {
  return order === 'id' ? f.id : `${severityPosition(f.severity)}\u0000${f.contribution}\u0000${f.id}`;
}

/** A severity-order key split back into its parts; a key this API did not issue is refused. */
export function splitSeverityKey(key: string): { position: number; contribution: number; id: string } {
  const [position, contribution, id, ...rest] = key.split('\u0000').map((part, i) => (i < 2 ? (part === '' ? NaN : Number(part)) : part)) as [number, number, string?, ...unknown[]];
  if (!Number.isInteger(position) || position < 0 || position >= SEVERITIES.length || !Number.isFinite(contribution) || id === undefined || rest.length > 0) {
    throw new InvalidInputError('cursor is not one this API returned');
  }
  return { position, contribution, id };
}

/**
 * A cursor's key checked against the order it is used with: a severity key (position, points, id, NUL between) only in severity
 * order, and no NUL in an id (none has one, and PostgreSQL refuses NUL in text, which would be a 500, not a 400).
 */
export function checkFindingKey(key: string, order: FindingOrder): { position: number | null; contribution: number | null; id: string } {
  if (order === 'severity') return splitSeverityKey(key);
  if (key.includes('\u0000')) throw new InvalidInputError('cursor is not one this API returned');
  return { position: null, contribution: null, id: key };
}

/**
 * One page of findings in memory, filtered and ordered as the database pages them (ProjectionRepository.
 * findingsPage): for an audit that is not stored (another lens, a past moment) and for fakes of the API.
 */
export function pageFindings<T extends Finding>(findings: readonly T[], opts: { limit?: string | number; cursor?: string }, filter: FindingsFilter): Page<T> {
  const { limit, after } = pageRequest(opts);
  const from = after === undefined ? undefined : checkFindingKey(after, filter.order);
  const compare = (a: Ranked, b: Ranked) => (filter.order === 'id' ? cmp(a.id, b.id) : compareByImpact(a, b));
  const sorted = findings.filter((f) => (!filter.severity || f.severity === filter.severity) && (!filter.kind || f.kind === filter.kind)).sort(compare);
  // The cursor names the last finding of the previous page by its sort key, so a page starts right after it
  // even when that finding has since gone.
  const last: Ranked | undefined = from && { id: from.id, severity: SEVERITIES[SEVERITIES.length - 1 - (from.position ?? 0)]!, contribution: from.contribution ?? 0 };
  const rest = last ? sorted.filter((f) => compare(f, last) > 0) : sorted;
  const page = rest.slice(0, limit);
  return {
    items: page,
    total: sorted.length,
    ...(rest.length > limit ? { nextCursor: pageCursor(findingKey(page[page.length - 1]!, filter.order)) } : {}),
  };
}
