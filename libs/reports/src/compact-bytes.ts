/**
 * The NDJSON's lines written as UTF-8 bytes into a {@link ByteSink}: the same text as {@link stableJson}
 * (compact, keys sorted, a record's own fields merged with the NDJSON's), without building it as a string.
 * A 100k fleet's NDJSON is ~1.4M lines; as strings each line's pieces, its flattening and its re-encoding by
 * the writer were garbage for the young generation, and each string value was first quoted by JSON.stringify.
 */
import type { ByteSink } from './byte-sink.js';
import { keyOrder, ownKeyOrder, quotedKey, scalarJson } from './json-text.js';

/** What JSON.stringify leaves out of an object (and writes as `null` in an array). */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * The keys of `{ ...own, ...extra }` in the order stableJson writes them: sorted, so the union of the two shapes'
 * orders, kept per pair of shapes (a record kind's NDJSON fields beside its own). Listing and merging the keys
 * for each of a 10k manifest's ~150,000 lines, and the keys of every nested object, was ~120 MB of garbage a render.
 */
function mergedOrder(own: Record<string, unknown>, extra: Record<string, unknown> | undefined): readonly string[] {
  const ownOrder = ownKeyOrder(own);
  if (!extra) return ownOrder;
  const extraOrder = ownKeyOrder(extra);
  let byExtra = mergedOrders.get(ownOrder);
  let order = byExtra?.get(extraOrder);
  if (order === undefined) {
    order = keyOrder([...ownOrder, ...extraOrder.filter((k) => !ownOrder.includes(k))]);
    // Bounded: orders of data-sized key lists (made afresh each time) would otherwise each add an entry.
    if (mergedOrderCount < 10_000) {
      if (!byExtra) mergedOrders.set(ownOrder, (byExtra = new Map()));
      byExtra.set(extraOrder, order);
      mergedOrderCount++;
    }
  }
  return order;
}
const mergedOrders = new Map<readonly string[], Map<readonly string[], readonly string[]>>();
let mergedOrderCount = 0;

/** The value of member `key` of `{ ...own, ...extra }`. */
const memberOf = (own: Record<string, unknown>, extra: Record<string, unknown> | undefined, key: string): unknown =>
  extra && Object.hasOwn(extra, key) ? extra[key] : own[key];

/** `stableJson(value, extra)` written to `sink`; false, writing nothing, where stableJson gives undefined. */
export function writeCompact(sink: ByteSink, value: unknown, extra?: Record<string, unknown>): boolean {
  if (typeof value === 'string') {
    sink.jsonString(value);
    return true;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    sink.int(value);
    return true;
  }
  const text = scalarJson(value);
  if (text !== null) {
    if (text === undefined) return false;
    sink.str(text);
    return true;
  }
  if (Array.isArray(value)) {
    sink.str('[');
    for (let i = 0; i < value.length; i++) {
      if (i) sink.str(',');
      if (!writeCompact(sink, value[i])) sink.str('null');
    }
    sink.str(']');
    return true;
  }
  const own = value as Record<string, unknown>;
  let first = true;
  for (const key of mergedOrder(own, extra)) {
    const v = memberOf(own, extra, key);
    if (omitted(v)) continue;
    sink.str(quotedKey(key, first ? 'first' : 'next'));
    first = false;
    writeCompact(sink, v);
  }
  sink.str(first ? '{}' : '}');
  return true;
}

/** Members of a streamed record at this depth or deeper are written whole, by {@link writeCompact}. */
const STREAM_DEPTH = 2;

/**
 * {@link writeCompact} of `value` (an object or array), the sink's chunk handed out whenever it reaches `limit`
 * bytes between two members. For the records that grow with the fleet as ONE line: a 100k fleet's score (a
 * contribution per finding instance) is ~100 MB of text, and written whole it would be one chunk that size.
 */
export function* writeCompactPieces(sink: ByteSink, value: object, extra: Record<string, unknown> | undefined, limit: number, depth = 0): Generator<Buffer> {
  const streamed = (v: unknown): v is object => v !== null && typeof v === 'object' && depth + 1 < STREAM_DEPTH;
  if (Array.isArray(value)) {
    // As stableJson: an array's text ignores `extra`.
    sink.str('[');
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (i) sink.str(',');
      if (streamed(v)) yield* writeCompactPieces(sink, v, undefined, limit, depth + 1);
      else if (!writeCompact(sink, v)) sink.str('null');
      if (sink.size >= limit) yield sink.take();
    }
    sink.str(']');
    return;
  }
  const own = value as Record<string, unknown>;
  // The members written, in order (a list per call: this runs for two records a render, not per line).
  const keys = mergedOrder(own, extra).filter((k) => !omitted(memberOf(own, extra, k)));
  for (let i = 0; i < keys.length; i++) {
    const v = memberOf(own, extra, keys[i]!);
    sink.str(quotedKey(keys[i]!, i ? 'next' : 'first'));
    if (streamed(v)) yield* writeCompactPieces(sink, v, undefined, limit, depth + 1);
    else writeCompact(sink, v);
    if (sink.size >= limit) yield sink.take();
  }
  sink.str(keys.length ? '}' : '{}');
}
