import { InvalidInputError } from './errors.js';
import type { Finding } from './finding.js';
import { pageCursor, pageRequest, type Page } from './paging.js';
import { FINDING_KINDS, SEVERITIES, type FindingKind, type Severity } from './taxonomy.js';

/**
 * Which findings a page lists and in what order (GET /findings?order=&severity=&kind=). `id` is the route's
 * original keyset order; `severity` is the order findings are listed in everywhere else (compareFindings:
 * worst first, then id), so a list's first page holds the worst findings of the whole workspace. The
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

/** The key a finding sorts by under `order`, and that a cursor names: the id, or position and id. */
export function findingKey(f: Pick<Finding, 'id' | 'severity'>, order: FindingOrder): string {
  return order === 'id' ? f.id : `${severityPosition(f.severity)}\u0000${f.id}`;
}

/** A severity-order key split back into its parts; a key this API did not issue is refused. */
export function splitSeverityKey(key: string): { position: number; id: string } {
  const cut = key.indexOf('\u0000');
  const position = cut < 0 ? NaN : Number(key.slice(0, cut));
  const id = key.slice(cut + 1);
  if (!Number.isInteger(position) || position < 0 || position >= SEVERITIES.length || id.includes('\u0000')) throw new InvalidInputError('cursor is not one this API returned');
  return { position, id };
}

/**
 * A cursor's key checked against the order it is used with: a severity key (position, NUL, id) only in severity
 * order, and no NUL in an id (none has one, and PostgreSQL refuses NUL in text, which would be a 500, not a 400).
 */
export function checkFindingKey(key: string, order: FindingOrder): { position: number | null; id: string } {
  if (order === 'severity') return splitSeverityKey(key);
  if (key.includes('\u0000')) throw new InvalidInputError('cursor is not one this API returned');
  return { position: null, id: key };
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One page of findings in memory, filtered and ordered as the database pages them (ProjectionRepository.
 * findingsPage): for an audit that is not stored (another lens, a past moment) and for fakes of the API.
 */
export function pageFindings<T extends Finding>(findings: readonly T[], opts: { limit?: string | number; cursor?: string }, filter: FindingsFilter): Page<T> {
  const { limit, after } = pageRequest(opts);
  if (after !== undefined) checkFindingKey(after, filter.order);
  const keyed = findings
    .filter((f) => (!filter.severity || f.severity === filter.severity) && (!filter.kind || f.kind === filter.kind))
    .map((f) => ({ f, key: findingKey(f, filter.order) }))
    .sort((a, b) => byKey(a.key, b.key));
  const rest = after === undefined ? keyed : keyed.filter((x) => x.key > after);
  const page = rest.slice(0, limit);
  return {
    items: page.map((x) => x.f),
    total: keyed.length,
    ...(rest.length > limit ? { nextCursor: pageCursor(page[page.length - 1]!.key) } : {}),
  };
}
