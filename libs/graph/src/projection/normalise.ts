import { DATA_CATEGORIES, hasExpired, nameKey, stampedCopy } from '@custody/domain';
import type { DataCategory, Evidence } from '@custody/domain';
// Name keys and slugs are the domain's (names.ts): the projection, parsers and rules share one definition.
export { slugify } from '@custody/domain';

const NAME_KEYS = new Map<string, string>();
/**
 * Small: the names asked again are a few vendors and sub-processors, and each of a fleet's or manifest's 100,000
 * distinct system names is asked once. At 100,000 entries those filled a map that cost more to grow and probe
 * than the keys cost to make; a small one is cleared now and then and finds the repeated names again at once.
 */
const NAME_KEY_LIMIT = 4096;

/**
 * The domain's name key, remembered: a projection asks it for the same few vendor and sub-processor names once
 * per install and flow (tens of thousands of times in a fleet), and a re-projection asks again.
 */
export function normaliseName(name: string): string {
  let key = NAME_KEYS.get(name);
  if (key === undefined) {
    if (NAME_KEYS.size >= NAME_KEY_LIMIT) NAME_KEYS.clear();
    NAME_KEYS.set(name, (key = nameKey(name)));
  }
  return key;
}

export function basename(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).toLowerCase();
}

const CATEGORY_ORDER = new Map(DATA_CATEGORIES.map((c, i) => [c, i]));

/** Categories deduplicated and in taxonomy order (most sensitive first), so output does not depend on input order. */
export function sortCategories(list: Iterable<DataCategory>): DataCategory[] {
  // A Set (every flow's and system's categories) is unique already: copied, not deduplicated into another Set.
  const out = list instanceof Set ? [...list] : [...new Set(list)];
  return out.length > 1 ? out.sort(byCategory) : out;
}

const byCategory = (a: DataCategory, b: DataCategory) => (CATEGORY_ORDER.get(a) ?? 99) - (CATEGORY_ORDER.get(b) ?? 99);

/** A shallow copy with keys in sorted order, so JSON output is byte-identical across runs. */
export function sortKeys(record: Record<string, unknown>): Record<string, unknown> {
  const keys = sortedKeys(Object.keys(record));
  // Assigned one by one (no entry pair per key, and fromEntries' generic path): a fleet has 100,000 installs of
  // 13 settings. A `__proto__` key of its own (JSON.parse makes one) would set the copy's prototype: fromEntries there.
  if (keys.includes('__proto__')) return Object.fromEntries(keys.map((k) => [k, record[k]]));
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = record[k];
  return out;
}

/** The last key list sorted and its order: a fleet's 100,000 installs have one settings shape, sorted once. */
let lastKeys: { from: string[]; sorted: string[] } | undefined;

/** `keys` sorted (a new array, or the previous call's when `keys` lists the same keys in the same order). */
function sortedKeys(keys: string[]): string[] {
  const last = lastKeys;
  if (last && last.from.length === keys.length) {
    let same = true;
    for (let i = 0; same && i < keys.length; i++) same = last.from[i] === keys[i];
    if (same) return last.sorted;
  }
  const sorted = [...keys].sort();
  lastKeys = { from: keys, sorted };
  return sorted;
}

/** `true` when an agreement expiring on `expires` is no longer in force on the day of `asOf` (domain `hasExpired`). */
export function isExpired(expires: string | undefined, asOf: string): boolean {
  return hasExpired(expires, asOf);
}

/**
 * Stamped copies already made, per parsed evidence object (a document's analysis is kept from one projection
 * to the next): the same input stamped for the same document gives the same object, so the next projection's
 * memo (finalise-memo) finds a fleet's unchanged drafts equal by reference instead of field by field. Graph
 * records are shared between projections already (reused records), so nothing mutates evidence.
 */
const stamped = new WeakMap<Evidence, Evidence>();

/**
 * Evidence from a document, stamped with that document's id and file when the parser left them out. The copy
 * is a function of the item and of the id and file it was given, so a copy holding the id and file this stamp
 * would give is the copy it would make: the cache keeps the copy alone (no entry object per item besides it,
 * half a million in a 100,000-system manifest).
 */
export function stamp(evidence: Evidence[] | undefined, documentId: string, file: string): Evidence[] {
  if (!evidence) return [];
  // Lists of their own size (a list grown by a push has 17 slots): a fleet's 345,000 flows keep theirs through
  // the projection, and most hold one item.
  if (evidence.length === 1) return [stampOne(evidence[0]!, documentId, file)];
  return evidence.map((e) => stampOne(e, documentId, file));
}

function stampOne(e: Evidence, documentId: string, file: string): Evidence {
  let copy = stamped.get(e);
  if (copy === undefined || copy.documentId !== (e.documentId ?? documentId) || copy.file !== (e.file ?? file)) {
    copy = stampedCopy(e, documentId, file);
    stamped.set(e, copy);
  }
  return copy;
}
