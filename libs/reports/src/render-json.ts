import type { AuditReport } from '@custody/domain';

/** Options for {@link renderJson}. */
export interface JsonRenderOptions {
  /** Spaces per indent level (default 2). */
  indent?: number;
}

/** Deep copy with every object's keys sorted, so equal reports serialise to identical bytes (NDJSON lines). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * Containers nested this deep or deeper are serialised in one `JSON.stringify` call; shallower ones are
 * walked here. Depth 4 is a finding instance or a flow's evidence item: small, however large the fleet,
 * while the arrays above them (findings, instances, systems, flows) grow with it.
 */
const LEAF_DEPTH = 4;
/** Characters gathered before a chunk is handed out: large enough that writes are few, small enough to stream. */
export const CHUNK_CHARS = 1 << 16;

/** What `JSON.stringify` writes for a value inside an array: `null` where it would leave a property out. */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * The order JSON.stringify writes the key-sorted copy's keys in: sorted, except that integer-like keys (array
 * indices) come first in numeric order, as every JavaScript object lists them.
 */
function keyOrder(keys: string[]): string[] {
  const sorted = keys.sort();
  // Sorted, an integer-like key can only be among those before the first that starts with a letter; most
  // objects have none, and skip the regex.
  const first = sorted[0]?.charCodeAt(0) ?? 0x41;
  if (first > 0x39) return sorted;
  const index = sorted.filter((k) => /^(0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4_294_967_295);
  if (!index.length) return sorted;
  const isIndex = new Set(index);
  return [...index.sort((a, b) => Number(a) - Number(b)), ...sorted.filter((k) => !isIndex.has(k))];
}

/**
 * What JSON.stringify writes for a value that is not an object or array (undefined where it writes nothing);
 * null for objects and arrays, which the callers walk.
 */
function scalarJson(value: unknown): string | undefined | null {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // The number's own text, null for NaN and the infinities.
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return value === null ? 'null' : null;
    case 'bigint':
      // JSON.stringify's own TypeError.
      return JSON.stringify(value);
    default:
      return undefined;
  }
}

/**
 * `JSON.stringify(sortKeys(value))` (compact, keys sorted) without building the sorted copy: NDJSON writes one
 * such line per record, hundreds of thousands for a large fleet, and the copy was garbage for each. With
 * `extra`, the text of `{ ...value, ...extra }` without building that object either (a record's own fields
 * plus the NDJSON's).
 */
export function stableJson(value: unknown, extra?: Record<string, unknown>): string | undefined {
  const text = scalarJson(value);
  if (text !== null) return text;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `${i ? ',' : ''}${stableJson(value[i]) ?? 'null'}`;
    return `${out}]`;
  }
  const own = value as Record<string, unknown>;
  let keys = Object.keys(own);
  if (extra) keys = [...keys, ...Object.keys(extra).filter((k) => !Object.hasOwn(own, k))];
  let out = '';
  for (const key of keyOrder(keys)) {
    const text = stableJson(extra && Object.hasOwn(extra, key) ? extra[key] : own[key]);
    if (text !== undefined) out += `${out ? ',' : '{'}${quotedKey(key, 'compact')}${text}`;
  }
  return out ? `${out}}` : '{}';
}

/**
 * Reports use a few dozen distinct keys, written millions of times: each is quoted once, as `"key": ` (pretty)
 * or `"key":` (compact).
 */
const quotedKeys = { pretty: new Map<string, string>(), compact: new Map<string, string>() };
function quotedKey(key: string, form: 'pretty' | 'compact' = 'pretty'): string {
  const cache = quotedKeys[form];
  let q = cache.get(key);
  if (q === undefined) {
    q = `${JSON.stringify(key)}:${form === 'pretty' ? ' ' : ''}`;
    if (cache.size < 10_000) cache.set(key, q);
  }
  return q;
}

/**
 * `value` as `JSON.stringify(sortKeys(value), null, unit)` writes it with every line after the first indented
 * by `ind`, or undefined where JSON.stringify writes nothing (undefined, functions, symbols). Written directly
 * rather than by stringifying a key-sorted copy and re-indenting it: a 10,000-install fleet has ~90,000 finding
 * instances, and the copy, the second pass and the garbage they made were most of the render's time.
 * Like the copy it replaces, an object is its own enumerable keys (a Date is `{}`), an array its indices.
 */
function pretty(value: unknown, ind: string, unit: string, repeats?: LargeRepeats): string | undefined {
  const scalar = scalarJson(value);
  if (scalar !== null) return scalar;
  const inner = ind + unit;
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `${i ? ',' : ''}\n${inner}${pretty(value[i], inner, unit, repeats) ?? 'null'}`;
    return `${out}\n${ind}]`;
  }
  const object = value as Record<string, unknown>;
  const known = repeats?.text(object, ind);
  if (known !== undefined) return known;
  let out = '';
  for (const key of keyOrder(Object.keys(object))) {
    const text = pretty(object[key], inner, unit, repeats);
    if (text !== undefined) out += `${out ? ',' : '{'}\n${inner}${quotedKey(key)}${text}`;
  }
  const text = out ? `${out}\n${ind}}` : '{}';
  repeats?.rendered(object, ind, text);
  return text;
}

/**
 * The text of LARGE objects a report holds more than once, kept for one render: a fleet vendor's contract
 * (facts, evidence, clauses: ~10 KB) is attached to each of thousands of installs, ~58 MB of a 10,000-install
 * fleet's JSON. Only objects whose text reaches {@link LargeRepeats.MIN_CHARS} are ever remembered, so the
 * sets stay a few entries long however large the fleet: an earlier cache of EVERY rendered object (a WeakSet
 * and WeakMap of ~millions of evidence items) made the 100k render slower and larger, and was taken out
 * (abd124b, f9909b7). Plain Map and Set, not weak ones: they live only as long as the render, which holds the
 * report anyway. The text depends on the indent it lands at, so it is reused only at the same indent.
 */
class LargeRepeats {
  static readonly MIN_CHARS = 2048;
  /** Kept text in all, at most: a bound on the memory this may hold. */
  static readonly MAX_CHARS = 32 * 1024 * 1024;
  private readonly seen = new Set<object>();
  private readonly texts = new Map<object, { ind: string; text: string }>();
  private kept = 0;

  text(object: object, ind: string): string | undefined {
    const hit = this.texts.get(object);
    return hit !== undefined && hit.ind === ind ? hit.text : undefined;
  }

  /** Met once: remembered as seen; met again, its text is kept (within the bound). */
  rendered(object: object, ind: string, text: string): void {
    if (text.length < LargeRepeats.MIN_CHARS) return;
    if (!this.seen.has(object)) {
      this.seen.add(object);
      return;
    }
    if (this.texts.has(object) || this.kept + text.length > LargeRepeats.MAX_CHARS) return;
    this.kept += text.length;
    this.texts.set(object, { ind, text });
  }
}

/**
 * The report as {@link renderJson} writes it, in chunks of about 64 KB, never holding the whole text: a
 * 100,000-install fleet's JSON is larger than a JavaScript string may be. Joined, the chunks are exactly
 * `renderJson(report)` (a spec checks it against `JSON.stringify` of the key-sorted copy).
 */
export function* jsonChunks(report: AuditReport, opts: JsonRenderOptions = {}): Generator<string> {
  const unit = ' '.repeat(opts.indent ?? 2);
  let buf = '';
  const repeats = new LargeRepeats();
  const isLeaf = (value: unknown, depth: number) => value === null || typeof value !== 'object' || depth >= LEAF_DEPTH;
  const writeLeaf = (value: unknown, depth: number) => {
    buf += (unit ? pretty(value, unit.repeat(depth), unit, repeats) : JSON.stringify(sortKeys(value))) ?? 'null';
  };
  // Walks containers above LEAF_DEPTH by hand (same layout as JSON.stringify with an indent) and yields as it
  // goes. A leaf is written in its container's loop, not by a generator of its own: a 10,000-install fleet has
  // ~90,000 instances, and a generator each (whose rare chunk passed up through every level) was most of the walk.
  function* walk(value: object, depth: number): Generator<string> {
    const inner = `\n${unit.repeat(depth + 1)}`;
    const isArray = Array.isArray(value);
    const keys = isArray ? undefined : keyOrder(Object.keys(value)).filter((k) => !omitted((value as Record<string, unknown>)[k]));
    const length = isArray ? value.length : keys!.length;
    if (!length || !unit) {
      // Empty containers, and the compact form, are what JSON.stringify writes for them.
      buf += JSON.stringify(sortKeys(value), null, unit);
      return;
    }
    buf += isArray ? '[' : '{';
    for (let i = 0; i < length; i++) {
      const key = keys?.[i];
      let v = key === undefined ? (value as unknown[])[i] : (value as Record<string, unknown>)[key];
      if (key === undefined && omitted(v)) v = null;
      buf += (i ? ',' : '') + inner + (key === undefined ? '' : `${JSON.stringify(key)}: `);
      if (!isLeaf(v, depth + 1)) yield* walk(v as object, depth + 1);
      else {
        writeLeaf(v, depth + 1);
        if (buf.length >= CHUNK_CHARS) {
          yield buf;
          buf = '';
        }
      }
    }
    buf += `\n${unit.repeat(depth)}${isArray ? ']' : '}'}`;
  }
  if (isLeaf(report, 0)) writeLeaf(report, 0);
  else yield* walk(report, 0);
  yield `${buf}\n`;
}

/**
 * The AuditReport as pretty JSON with a stable (alphabetical, recursive) key order and a trailing newline.
 * Array order is kept: it is meaningful (findings are ordered by the engine). For large reports write
 * {@link jsonChunks} to a stream instead.
 */
export function renderJson(report: AuditReport, opts: JsonRenderOptions = {}): string {
  return [...jsonChunks(report, opts)].join('');
}
