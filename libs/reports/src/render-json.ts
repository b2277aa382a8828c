import type { AuditReport } from '@custody/domain';
import { keyOrder, quotedKey, scalarJson } from './json-text.js';

export { stableJson } from './json-text.js';

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
/**
 * Characters gathered before a chunk is handed out: large enough that writes are few, small enough to stream.
 * Small enough, too, that a chunk (with the leaf that takes it past this, a ~10 KB contract at most) stays
 * under V8's large-object size (128 KB) when it is flattened for writing, as a two-byte string (a quote with
 * a dash or a section sign makes it one). At 64K characters each of the 10k fleet's ~3,200 chunks went to
 * large-object space, and those allocations and the full collections they brought on were ~1.8 of ~3.2 CPU s
 * of its render; at 16K the render is ~1 s.
 */
export const CHUNK_CHARS = 1 << 14;

/** What `JSON.stringify` writes for a value inside an array: `null` where it would leave a property out. */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * Per depth, the text before each entry of a container: `\n<indent>` for an array element and
 * `\n<indent>"key": ` for a member, with the `,` that follows an earlier entry or the `{` that opens the
 * object. Made once per depth and key, so writing an entry is one concatenation rather than four.
 */
class Layout {
  private readonly lines: string[] = [];
  private readonly members: { first: Map<string, string>; next: Map<string, string> }[] = [];

  constructor(readonly unit: string) {}

  /** `\n` and the indent of `depth`. */
  line(depth: number): string {
    return (this.lines[depth] ??= `\n${this.unit.repeat(depth)}`);
  }

  /** The text before the member `key` at `depth`: `{` or `,`, the line, the quoted key. */
  member(depth: number, key: string, first: boolean): string {
    const level = (this.members[depth] ??= { first: new Map(), next: new Map() });
    const cache = first ? level.first : level.next;
    let text = cache.get(key);
    if (text === undefined) {
      text = `${first ? '{' : ','}${this.line(depth)}${quotedKey(key)}`;
      if (cache.size < 10_000) cache.set(key, text);
    }
    return text;
  }
}

/**
 * `value` as `JSON.stringify(sortKeys(value), null, unit)` writes it with every line after the first indented
 * `depth` units, or undefined where JSON.stringify writes nothing (undefined, functions, symbols). Written
 * directly rather than by stringifying a key-sorted copy and re-indenting it: a 10,000-install fleet has
 * ~90,000 finding instances, and the copy, the second pass and the garbage they made were most of the render's
 * time. Like the copy it replaces, an object is its own enumerable keys (a Date is `{}`), an array its indices.
 * `shared`: the value is a list of shared items (evidence), whose text {@link Repeats} keeps.
 */
function pretty(value: unknown, depth: number, layout: Layout, repeats: Repeats, shared = false): string | undefined {
  const scalar = scalarJson(value);
  if (scalar !== null) return scalar;
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    const line = layout.line(depth + 1);
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      const text = shared && v !== null && typeof v === 'object' && !Array.isArray(v) ? repeats.item(v, depth + 1, layout) : pretty(v, depth + 1, layout, repeats);
      out += `${i ? ',' : ''}${line}${text ?? 'null'}`;
    }
    return `${out}${layout.line(depth)}]`;
  }
  const object = value as Record<string, unknown>;
  const known = repeats.text(object, depth);
  if (known !== undefined) return known;
  const text = prettyObject(object, depth, layout, repeats);
  repeats.rendered(object, depth, text);
  return text;
}

/** An object's text, written without looking it up among the repeats. */
function prettyObject(object: Record<string, unknown>, depth: number, layout: Layout, repeats: Repeats): string {
  let out = '';
  for (const key of keyOrder(Object.keys(object))) {
    const text = pretty(object[key], depth + 1, layout, repeats, key === SHARED_LIST);
    if (text !== undefined) out += layout.member(depth + 1, key, !out) + text;
  }
  return out ? `${out}${layout.line(depth)}}` : '{}';
}

/**
 * `text` made one flat string now, while its pieces are fresh in the cache (ToNumber flattens a string in
 * place). A leaf's text is hundreds of small concatenated pieces; left as they are, the chunk's final
 * flattening (when it is written out) walked millions of them cold: ~4 of ~5 CPU s of the 10k fleet's render.
 */
function flat(text: string): string {
  void Number(text);
  return text;
}

/** The key of the lists whose items a report shares between many records: evidence. */
const SHARED_LIST = 'evidence';

/**
 * The text of objects a report holds more than once, kept for one render, per depth (the text depends on the
 * indent it lands at):
 * - LARGE objects anywhere: a fleet vendor's contract (facts, evidence, clauses: ~10 KB) is attached to each of
 *   thousands of installs, ~58 MB of a 10,000-install fleet's JSON. Only objects whose text reaches
 *   {@link Repeats.MIN_CHARS} are remembered, a handful however large the fleet;
 * - the items of `evidence` lists: the same evidence objects are cited by a fleet's systems, flows, findings
 *   and instances (10k fleet: ~227,000 citations of ~40,000 items; 134,000 in instances alone, of 22,000).
 *   Only these are remembered among the small objects: an earlier cache of EVERY rendered object (a WeakSet
 *   and WeakMap of ~millions of objects) made the 100k render slower and larger, and was taken out
 *   (abd124b, f9909b7).
 * An object's text is kept when it is met the second time, within {@link Repeats.MAX_CHARS} in all. Plain Map
 * and Set, not weak ones: they live only as long as the render, which holds the report anyway.
 */
class Repeats {
  static readonly MIN_CHARS = 2048;
  /**
   * Kept text in all, at most: a bound on the memory this may hold (up to ~384 MB if two-byte). At a 48M bound
   * much of a 100k fleet's repeated evidence was written again: its JSON render took 18.4 CPU s, 14.2 at this
   * bound, with the same peak RSS (1.79 GB, set by the report itself; one run each, render-snapshot.ts).
   */
  static readonly MAX_CHARS = 192 * 1024 * 1024;
  private readonly seen = new Set<object>();
  private readonly texts: Map<object, string>[] = [];
  private kept = 0;

  text(object: object, depth: number): string | undefined {
    return this.texts[depth]?.get(object);
  }

  /** A large object's text, just written: kept if it was met before. */
  rendered(object: object, depth: number, text: string): void {
    if (text.length >= Repeats.MIN_CHARS) this.keep(object, depth, text);
  }

  /** The text of a shared list's item, kept from an earlier sighting at this depth or written now. */
  item(object: Record<string, unknown>, depth: number, layout: Layout): string {
    const known = this.text(object, depth);
    if (known !== undefined) return known;
    const text = prettyObject(object, depth, layout, this);
    this.keep(object, depth, text);
    return text;
  }

  /** Met once: remembered as seen; met again, its text is kept (within the bound). */
  private keep(object: object, depth: number, text: string): void {
    if (!this.seen.has(object)) {
      this.seen.add(object);
      return;
    }
    if (this.kept + text.length > Repeats.MAX_CHARS) return;
    const texts = (this.texts[depth] ??= new Map());
    if (texts.has(object)) return;
    this.kept += text.length;
    // Flattened once, so each reuse copies one flat string rather than walking the pieces it was made of.
    texts.set(object, flat(text));
  }
}

/**
 * The report as {@link renderJson} writes it, in chunks of about CHUNK_CHARS characters, never holding the whole text: a
 * 100,000-install fleet's JSON is larger than a JavaScript string may be. Joined, the chunks are exactly
 * `renderJson(report)` (a spec checks it against `JSON.stringify` of the key-sorted copy).
 */
export function* jsonChunks(report: AuditReport, opts: JsonRenderOptions = {}): Generator<string> {
  const unit = ' '.repeat(opts.indent ?? 2);
  let buf = '';
  const layout = new Layout(unit);
  const repeats = new Repeats();
  const isLeaf = (value: unknown, depth: number) => value === null || typeof value !== 'object' || depth >= LEAF_DEPTH;
  // A large leaf's text kept from an earlier sighting (a fleet vendor's contract on each install, ~10 KB): handed
  // out as a chunk of its own rather than copied into `buf`, which is flattened (copied again) when written.
  let kept: string | undefined;
  const writeLeaf = (value: unknown, depth: number, sharedItem: boolean) => {
    const known = unit && value !== null && typeof value === 'object' && !Array.isArray(value) ? repeats.text(value, depth) : undefined;
    if (known !== undefined && known.length >= Repeats.MIN_CHARS) kept = known;
    else if (!unit) buf += JSON.stringify(sortKeys(value)) ?? 'null';
    else if (sharedItem && value !== null && typeof value === 'object' && !Array.isArray(value)) buf += repeats.item(value as Record<string, unknown>, depth, layout);
    else buf += flat(pretty(value, depth, layout, repeats) ?? 'null');
  };
  // Walks containers above LEAF_DEPTH by hand (same layout as JSON.stringify with an indent) and yields as it
  // goes. A leaf is written in its container's loop, not by a generator of its own: a 10,000-install fleet has
  // ~90,000 instances, and a generator each (whose rare chunk passed up through every level) was most of the walk.
  // `shared`: the container is an evidence list, whose items are written through the repeats.
  function* walk(value: object, depth: number, shared: boolean): Generator<string> {
    const isArray = Array.isArray(value);
    const keys = isArray ? undefined : keyOrder(Object.keys(value)).filter((k) => !omitted((value as Record<string, unknown>)[k]));
    const length = isArray ? value.length : keys!.length;
    if (!length || !unit) {
      // Empty containers, and the compact form, are what JSON.stringify writes for them.
      buf += JSON.stringify(sortKeys(value), null, unit);
      return;
    }
    const line = layout.line(depth + 1);
    if (isArray) buf += '[';
    for (let i = 0; i < length; i++) {
      const key = keys?.[i];
      let v = key === undefined ? (value as unknown[])[i] : (value as Record<string, unknown>)[key];
      if (key === undefined && omitted(v)) v = null;
      buf += key === undefined ? `${i ? ',' : ''}${line}` : layout.member(depth + 1, key, i === 0);
      if (!isLeaf(v, depth + 1)) yield* walk(v as object, depth + 1, key === SHARED_LIST);
      else {
        writeLeaf(v, depth + 1, shared);
        if (kept !== undefined) {
          if (buf) yield buf;
          yield kept;
          buf = '';
          kept = undefined;
        } else if (buf.length >= CHUNK_CHARS) {
          yield buf;
          buf = '';
        }
      }
    }
    buf += `${layout.line(depth)}${isArray ? ']' : '}'}`;
  }
  if (isLeaf(report, 0)) writeLeaf(report, 0, false);
  else yield* walk(report, 0, false);
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
