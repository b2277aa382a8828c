import type { Evidence } from '@custody/domain';

/*
 * The order of the graph's evidence lists (every system and flow record, and through their first items the
 * order of a pair's flows): one keyed sort is the definition, and the field-by-field paths a fleet's short and
 * long lists take must give its very items in its order (sort-evidence.spec.ts compares them).
 */

const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function evidenceKey(e: Evidence): string {
  return `${e.documentId ?? ''}\u0000${e.file ?? ''}\u0000${String(e.line ?? 0).padStart(9, '0')}\u0000${String(e.start ?? 0).padStart(12, '0')}\u0000${e.path ?? ''}\u0000${e.quote}`;
}

/** Evidence deduplicated and sorted by document, line and offset. */
export function sortEvidence(list: Iterable<Evidence>): Evidence[] {
  // One item is already sorted and unique (most fleet systems and flows cite one row): skip building keys.
  if (Array.isArray(list) && list.length <= 1) return [...(list as Evidence[])];
  // A fleet flow or install cites a few items, mostly the same objects again (its row, one BAA clause): those
  // are ordered by comparing fields, without building the keys, the maps and the sort below.
  if (Array.isArray(list) && list.length <= SMALL_LIST) {
    const small = sortSmall(list as Evidence[]);
    if (small) return small;
  }
  if (Array.isArray(list) && list.length > SMALL_LIST) {
    const large = sortFewDocuments(list as Evidence[]);
    if (large) return large;
  }
  // Deduplicated by the sort key plus the whole item (as JSON, so items differing only in a field the key
  // omits stay apart). The JSON is only built when two distinct items share a sort key: rare, and a fleet
  // vendor's evidence lists run to tens of thousands of rows, many of them the very same object (one BAA
  // clause cited once per install), which is dropped by identity before any key is built.
  const byKey = new Map<string, Evidence | Map<string, Evidence>>();
  for (const e of new Set(list)) {
    const key = evidenceKey(e);
    const prev = byKey.get(key);
    if (prev === undefined) byKey.set(key, e);
    else if (prev instanceof Map) prev.set(JSON.stringify(e), e);
    else byKey.set(key, new Map([[JSON.stringify(prev), prev], [JSON.stringify(e), e]]));
  }
  const keys = sortKeysOf(byKey);
  const out: Evidence[] = [];
  for (const key of keys) {
    const hit = byKey.get(key)!;
    if (!(hit instanceof Map)) out.push(hit);
    // Same order as before: by the sort key, then by the JSON.
    else for (const j of [...hit.keys()].sort(cmpStr)) out.push(hit.get(j)!);
  }
  return out;
}

const SMALL_LIST = 16;

/**
 * A short list's items in the order the keyed sort below gives them, or undefined when that order cannot be
 * told from the fields alone: one field a prefix of the other's (the separator or the JSON after a whole key
 * decides there), or two items with equal keys whose JSON may differ. Items with equal keys and the same JSON
 * are one item, the later kept, as the keyed sort keeps it.
 */
function sortSmall(list: readonly Evidence[]): Evidence[] | undefined {
  // One object cited again (a fleet install's row, on its sub-processor edge by the export and by the settings):
  // that object alone, without its key fields, in a list of its own size (a list grown by a push has 17 slots,
  // and this one is the record's).
  let n = 1;
  while (n < list.length && list[n] === list[0]) n++;
  if (n === list.length) return [list[0]!];
  const items: Evidence[] = [];
  // Repeats of one object are dropped before anything else, as the keyed sort's Set drops them: an object
  // seen before is skipped even when a later equal item has replaced it. Items are compared field by field
  // in place (a fleet's 100,000 sub-processor edges each cite an install's row and its vendor's BAA clause).
  next: for (let n = 0; n < list.length; n++) {
    const e = list[n]!;
    for (let m = 0; m < n; m++) if (list[m] === e) continue next;
    for (let i = 0; i < items.length; i++) {
      const c = cmpEvidence(items[i]!, e);
      if (Number.isNaN(c)) return undefined;
      if (c !== 0) continue;
      if (!sameJson(items[i]!, e)) return undefined;
      items[i] = e;
      continue next;
    }
    items.push(e);
  }
  // Distinct keys, none prefixing another (every pair was compared above): the comparator answers -1 or 1.
  return items.length === 1 ? items : items.sort(cmpEvidence);
}

/**
 * A long list from a few documents (a fleet sub-processor cites every install's row, and the BAA that names
 * it: 250,000 items) in the order the keyed sort gives it, compared field by field instead of building a key
 * string per item. With lines and offsets as whole numbers the key pads to a fixed width, and document ids and
 * files none of which prefixes another, that order is by document, file, line, offset, then `path \0 quote`.
 * Items with equal keys are told apart by their JSON, as the keyed sort does. Undefined (the keyed sort decides)
 * for anything else, or when one key prefixes the next (there the item's JSON decides).
 */
function sortFewDocuments(list: readonly Evidence[]): Evidence[] | undefined {
  const items = [...new Set(list)];
  const documents = new Set<unknown>();
  const files = new Set<unknown>();
  for (const e of items) {
    if (typeof e.quote !== 'string' || (e.path !== undefined && typeof e.path !== 'string')) return undefined;
    if (!fixedWidth(e.line ?? 0, 1e9) || !fixedWidth(e.start ?? 0, 1e12)) return undefined;
    documents.add(e.documentId ?? '');
    files.add(e.file ?? '');
    if (documents.size > MAX_DOCUMENTS || files.size > MAX_DOCUMENTS) return undefined;
  }
  if (!apart(documents) || !apart(files)) return undefined;
  const tail = (e: Evidence) => `${e.path ?? ''}\u0000${e.quote}`;
  // Documents and files ranked once, so the comparator compares numbers, not 64-character ids.
  const docRank = rank(documents);
  const fileRank = rank(files);
  const decorated = items.map((e) => ({ e, d: docRank.get(e.documentId ?? '')!, f: fileRank.get(e.file ?? '')!, l: e.line ?? 0, s: e.start ?? 0 }));
  const byPlace = (a: Placed, b: Placed) => a.d - b.d || a.f - b.f || a.l - b.l || a.s - b.s || cmpStr(tail(a.e), tail(b.e));
  const sorted = byLine(decorated, byPlace) ?? decorated.sort(byPlace);
  for (let i = 0; i < items.length; i++) items[i] = sorted[i]!.e;
  const head = (a: Evidence, b: Evidence) => (a.documentId ?? '') === (b.documentId ?? '') && (a.file ?? '') === (b.file ?? '') && (a.line ?? 0) === (b.line ?? 0) && (a.start ?? 0) === (b.start ?? 0);
  const out: Evidence[] = [];
  for (let i = 0; i < items.length; ) {
    const a = items[i]!;
    let j = i + 1;
    while (j < items.length && head(a, items[j]!) && tail(a) === tail(items[j]!)) j++;
    if (j === i + 1) out.push(a);
    else {
      // Equal keys (the sort is stable: in first-seen order): one item per JSON, the later kept, by JSON — as the keyed sort does.
      const byJson = new Map<string, Evidence>();
      for (let k = i; k < j; k++) byJson.set(JSON.stringify(items[k]), items[k]!);
      for (const json of [...byJson.keys()].sort(cmpStr)) out.push(byJson.get(json)!);
    }
    // A key that prefixes the next one: the keyed sort lets the JSON decide there.
    if (j < items.length && head(a, items[j]!) && tail(items[j]!).startsWith(tail(a))) return undefined;
    i = j;
  }
  return out;
}

const MAX_DOCUMENTS = 8;

interface Placed {
  e: Evidence;
  d: number;
  f: number;
  l: number;
  s: number;
}

/**
 * `items` in `byPlace` order, stably, by counting sorts on line then on document and file, with `byPlace`
 * sorting only the runs that share a place and a line; undefined when lines are too sparse for that. A fleet
 * sub-processor's evidence (one row per install, 250,000 of them) has lines 2…N+1, and a comparator sort of
 * it was most of finishing that system.
 */
function byLine(items: readonly Placed[], byPlace: (a: Placed, b: Placed) => number): Placed[] | undefined {
  let maxLine = 0;
  for (const p of items) if (p.l > maxLine) maxLine = p.l;
  if (maxLine > 4 * items.length + 1024) return undefined;
  const byL = countingSort(items, maxLine + 1, (p) => p.l);
  const out = countingSort(byL, MAX_DOCUMENTS * MAX_DOCUMENTS, (p) => p.d * MAX_DOCUMENTS + p.f);
  for (let i = 0; i < out.length; ) {
    let j = i + 1;
    while (j < out.length && out[j]!.d === out[i]!.d && out[j]!.f === out[i]!.f && out[j]!.l === out[i]!.l) j++;
    if (j - i > 1) {
      const run = out.slice(i, j).sort(byPlace);
      for (let k = 0; k < run.length; k++) out[i + k] = run[k]!;
    }
    i = j;
  }
  return out;
}

/** A stable sort by a small whole-number key in [0, size). */
function countingSort<T>(items: readonly T[], size: number, key: (item: T) => number): T[] {
  const starts = new Int32Array(size + 1);
  for (const item of items) starts[key(item) + 1]!++;
  for (let k = 1; k <= size; k++) starts[k]! += starts[k - 1]!;
  const out = new Array<T>(items.length);
  for (const item of items) out[starts[key(item)]!++] = item;
  return out;
}

/** Each value's place in sorted order. */
function rank(values: Set<unknown>): Map<unknown, number> {
  return new Map([...values as Set<string>].sort(cmpStr).map((v, i) => [v, i]));
}

/** Strings without the key's separator, none a prefix of another: compared alone they order the keys as the keys do. */
function apart(values: Set<unknown>): boolean {
  const list = [...values];
  for (const v of list) if (typeof v !== 'string' || v.includes('\u0000')) return false;
  for (let i = 0; i < list.length; i++) for (let j = 0; j < list.length; j++) if (i !== j && (list[j] as string).startsWith(list[i] as string)) return false;
  return true;
}

/** A value the key writes as a whole number of a fixed width, so its string order is its numeric order. */
const fixedWidth = (n: unknown, limit: number): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < limit;

/**
 * The order of two items' {@link evidenceKey}s, compared field by field without building them: 0 for equal
 * keys, NaN when a field is a prefix of the other's (there the separator or the item's JSON after the whole
 * key decides). Lines and offsets that the key pads to a fixed width compare as numbers; each other field as
 * the key writes it.
 */
function cmpEvidence(a: Evidence, b: Evidence): number {
  return orderOf(String(a.documentId ?? ''), String(b.documentId ?? '')) ??
    orderOf(String(a.file ?? ''), String(b.file ?? '')) ??
    padded(a.line ?? 0, b.line ?? 0, 9, 1e9) ??
    padded(a.start ?? 0, b.start ?? 0, 12, 1e12) ??
    orderOf(String(a.path ?? ''), String(b.path ?? '')) ??
    orderOf(String(a.quote), String(b.quote)) ??
    0;
}

/** One field of {@link cmpEvidence}: undefined when equal (the next field decides), NaN when one prefixes the other. */
function orderOf(x: string, y: string): number | undefined {
  if (x === y) return undefined;
  if (x.startsWith(y) || y.startsWith(x)) return NaN;
  return x < y ? -1 : 1;
}

/** A number field of {@link cmpEvidence}, as the key pads it to `width` digits. */
function padded(x: unknown, y: unknown, width: number, limit: number): number | undefined {
  if (x === y) return undefined;
  if (fixedWidth(x, limit) && fixedWidth(y, limit)) return (x as number) < (y as number) ? -1 : 1;
  return orderOf(String(x).padStart(width, '0'), String(y).padStart(width, '0'));
}

/**
 * Whether two flat items surely have the same JSON (same keys in the same order, same scalar values). The keys
 * whose value is undefined (JSON leaves them out) are stepped over in place: a fleet's flows compare an install's
 * row with its copies on every edge, and two filtered key lists per comparison were most of this function.
 */
function sameJson(a: Evidence, b: Evidence): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const ka = Object.keys(x);
  const kb = Object.keys(y);
  for (let i = 0, j = 0; ; i++, j++) {
    while (i < ka.length && x[ka[i]!] === undefined) i++;
    while (j < kb.length && y[kb[j]!] === undefined) j++;
    if (i === ka.length || j === kb.length) return i === ka.length && j === kb.length;
    if (ka[i] !== kb[j]) return false;
    const v = x[ka[i]!];
    const scalar = typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || v === null;
    if (!scalar || v !== y[kb[j]!]) return false;
  }
}

/**
 * The keys in the order of `key + JSON of its item` (the old single key): the key's own order unless one key
 * is a prefix of another, when the JSON decides. A plain sort (native string order, no comparator calls) is
 * that order unless two neighbours in it are prefix-related — any key between a key and a longer key it
 * prefixes has that prefix too — so the comparator sort runs only then.
 */
function sortKeysOf(byKey: Map<string, Evidence | Map<string, Evidence>>): string[] {
  const keys = [...byKey.keys()].sort();
  let prefixed = false;
  for (let i = 1; i < keys.length && !prefixed; i++) prefixed = keys[i]!.startsWith(keys[i - 1]!);
  if (!prefixed) return keys;
  const json = (k: string) => {
    const hit = byKey.get(k)!;
    return k + JSON.stringify(hit instanceof Map ? hit.values().next().value : hit);
  };
  return keys.sort((a, b) => {
    const c = a < b ? -1 : a > b ? 1 : 0;
    if (c < 0 ? b.startsWith(a) : a.startsWith(b)) return cmpStr(json(a), json(b));
    return c;
  });
}
