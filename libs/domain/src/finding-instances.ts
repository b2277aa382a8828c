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
