import { InvalidInputError } from './errors.js';
import type { Finding, FindingInstance } from './finding.js';
import { pageCursor, pageRequest, type Page } from './paging.js';

/**
 * A grouped fleet finding lists every install as an instance, each with its evidence: on a 10,000-install fleet
 * one finding holds megabytes. A page of findings can carry only the first few instances of each (with the
 * count), and one finding's instances are paged on their own.
 */
export const MAX_INSTANCES_PER_FINDING = 100;

/** A finding cut to its first instances, with how many it has in all (0 for a finding that is not grouped). */
export type FindingWithInstanceCount<T extends Finding = Finding> = T & { instanceCount: number };

/** `instances=N` checked: a whole number from 0 to MAX_INSTANCES_PER_FINDING; absent means "all, as before". */
export function instanceLimit(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > MAX_INSTANCES_PER_FINDING) {
    throw new InvalidInputError(`instances must be a whole number from 0 to ${MAX_INSTANCES_PER_FINDING}`);
  }
  return n;
}

/** The finding with at most `limit` of its instances (the first, in their subject order) and their count. */
export function withFirstInstances<T extends Finding>(finding: T, limit: number): FindingWithInstanceCount<T> {
  const all = finding.instances;
  // A finding already cut (a stored page head) keeps the count of all its instances.
  const known = (finding as Partial<FindingWithInstanceCount>).instanceCount;
  if (!all) return { ...finding, instanceCount: known ?? 0 };
  return { ...finding, instances: all.length > limit ? all.slice(0, limit) : all, instanceCount: known ?? all.length };
}

/**
 * One keyset page of a finding's instances. They are sorted by subject, and subjects may repeat (a stable sort
 * keeps ties), so the cursor names the last subject returned and how many with that subject were returned:
 * a page stays correct when installs appear or disappear between requests, as an offset would not.
 */
export function pageInstances(finding: Finding, opts: { limit?: string | number; cursor?: string }): Page<FindingInstance> {
  const { limit, after } = pageRequest(opts);
  const all = finding.instances ?? [];
  let start = 0;
  if (after !== undefined) {
    const cut = after.lastIndexOf('\u0000');
    const seen = cut < 0 ? NaN : Number(after.slice(cut + 1));
    if (!Number.isInteger(seen) || seen < 1) throw new InvalidInputError('cursor is not one this API returned');
    const subject = after.slice(0, cut);
    while (start < all.length && all[start]!.subject < subject) start++;
    for (let k = 0; k < seen && start < all.length && all[start]!.subject === subject; k++) start++;
  }
  const items = all.slice(start, start + limit);
  if (start + limit >= all.length) return { items, total: all.length };
  const last = items[items.length - 1]!.subject;
  let ties = 0;
  for (let i = start + limit - 1; i >= 0 && all[i]!.subject === last; i--) ties++;
  return { items, total: all.length, nextCursor: pageCursor(`${last}\u0000${ties}`) };
}

/**
 * What a page of findings lists of each finding when the request does not say: its first 10 instances. A page
 * of 50 grouped fleet findings with every install was ~30 MB; the count stays, the rest pages per finding.
 */
export const DEFAULT_PAGE_INSTANCES = 10;

/**
 * Systems and evidence a listed finding carries. An ungrouped finding on a fleet's vendor charges every install
 * and quotes every install's row (~1.5 MB each), so a page lists the first few with the count; the finding's
 * own route (GET /findings/{id}) has all its evidence, GET /findings/{id}/systems pages its systems.
 */
export const PAGE_SYSTEMS = 10;
export const PAGE_EVIDENCE = 10;

/** `instances=N` of a page: as instanceLimit, absent meaning DEFAULT_PAGE_INSTANCES (a page is always cut). */
export function pageInstanceLimit(value: string | number | undefined): number {
  return instanceLimit(value) ?? DEFAULT_PAGE_INSTANCES;
}

/** A finding as a page lists it: its first instances, systems and evidence, with how many of each it has. */
export type PagedFinding<T extends Finding = Finding> = FindingWithInstanceCount<T> & { systemCount: number; evidenceCount: number };

/**
 * The finding as a page lists it. The counts already on it (a stored page head, itself cut) are kept: they
 * count the whole finding, not the head.
 */
export function pagedFinding<T extends Finding>(finding: T, instances: number): PagedFinding<T> {
  const known = finding as Partial<PagedFinding>;
  const systems = finding.systems ?? [];
  const evidence = finding.evidence ?? [];
  // The counts go last whichever the finding is: a stored head carries them among its fields, a whole finding
  // not at all, and the page's bytes (and ETag) must not depend on which of the two was opened.
  const { instanceCount, systemCount: _systems, evidenceCount: _evidence, ...fields } = withFirstInstances(finding, instances) as PagedFinding<T>;
  return {
    ...(fields as unknown as T),
    instanceCount,
    systems: systems.length > PAGE_SYSTEMS ? systems.slice(0, PAGE_SYSTEMS) : systems,
    systemCount: known.systemCount ?? systems.length,
    evidence: evidence.length > PAGE_EVIDENCE ? evidence.slice(0, PAGE_EVIDENCE) : evidence,
    evidenceCount: known.evidenceCount ?? evidence.length,
  };
}

/** Whether the finding is larger than any page lists of it: only then is a smaller sealed head worth storing. */
export function cutOnPages(finding: Finding): boolean {
  return (finding.instances?.length ?? 0) > MAX_INSTANCES_PER_FINDING || (finding.systems?.length ?? 0) > MAX_INSTANCES_PER_FINDING || (finding.evidence?.length ?? 0) > MAX_INSTANCES_PER_FINDING;
}

/**
 * The finding cut to at most MAX_INSTANCES_PER_FINDING instances, systems and evidence, with the counts of all:
 * what a page may need of it (any instances=N, the page's systems and evidence), stored sealed as its head.
 */
export function pageHead<T extends Finding>(finding: T): PagedFinding<T> {
  const systems = finding.systems ?? [];
  const evidence = finding.evidence ?? [];
  return {
    ...withFirstInstances(finding, MAX_INSTANCES_PER_FINDING),
    systems: systems.slice(0, MAX_INSTANCES_PER_FINDING), systemCount: systems.length,
    evidence: evidence.slice(0, MAX_INSTANCES_PER_FINDING), evidenceCount: evidence.length,
  };
}

/**
 * One keyset page of the systems a finding is charged to (GET /findings/{id}/systems), in byte order of their
 * ids, each once: the cursor is the last id returned, so a page stays correct when the finding changes.
 */
export function pageFindingSystems(finding: Finding, opts: { limit?: string | number; cursor?: string }): Page<string> {
  const { limit, after } = pageRequest(opts);
  const all = [...new Set(finding.systems ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let start = 0;
  if (after !== undefined) while (start < all.length && all[start]! <= after) start++;
  const items = all.slice(start, start + limit);
  return { items, total: all.length, ...(start + limit < all.length ? { nextCursor: pageCursor(items[items.length - 1]!) } : {}) };
}
