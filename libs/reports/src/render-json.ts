import type { AuditReport } from '@custody/domain';
import { ByteSink } from './byte-sink.js';
import { ownKeyOrder, quotedKey, refreshKeyWalk, scalarJson } from './json-text.js';

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
 * Containers nested this deep or deeper are written whole (leaves), and {@link small} ones from two levels above;
 * others are walked, handing out chunks between their entries. Depth 4 is a finding instance or a flow's evidence
 * item: small, however large the fleet, while the arrays above them (findings, instances, systems, flows) grow.
 */
const LEAF_DEPTH = 4;
/**
 * Small: a list of at most SMALL_LIST items, or an object of at most SMALL_MEMBERS members none of which is a
 * longer list (a flow, a manifest's finding; not a fleet finding with its instances, nor the score's node map).
 */
const SMALL_LIST = 16;
const SMALL_MEMBERS = 64;
function small(value: object): boolean {
  if (Array.isArray(value)) return value.length <= SMALL_LIST;
  let members = 0;
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (++members > SMALL_MEMBERS || (Array.isArray(v) && v.length > SMALL_LIST)) return false;
  }
  return true;
}
/**
 * Bytes gathered before a chunk (JSON or NDJSON) is handed out: large enough that writes are few, small enough to
 * stream. The chunks are Buffers ({@link ByteSink}), off V8's heap: when they were strings, a chunk past 64K
 * characters went to large-object space when flattened for writing (~1.8 of ~3.2 CPU s of the 10k fleet's
 * render), which held them to 16K characters; that limit does not apply to bytes.
 */
export const CHUNK_BYTES = 1 << 16;

/** What `JSON.stringify` writes for a value inside an array: `null` where it would leave a property out. */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** A plain object (not null, not an array): what a shared list's items are written through {@link Repeats}. */
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Per depth, the text before each entry of a container: `\n<indent>` for an array element and
 * `\n<indent>"key": ` for a member, with the `,` that follows an earlier entry or the `{` that opens the
 * object. Made once per depth and key, so writing an entry is one concatenation rather than four.
 */
class Layout {
  private readonly lines: string[] = [];
  private readonly nextLines: string[] = [];
  private readonly arrayCloses: string[] = [];
  private readonly objectCloses: string[] = [];
  private readonly members: { first: Map<string, string>; next: Map<string, string> }[] = [];

  constructor(readonly unit: string) {}

  /** `\n` and the indent of `depth`. */
  line(depth: number): string {
    return (this.lines[depth] ??= `\n${this.unit.repeat(depth)}`);
  }

  /** The text that closes a container at `depth`: its line and `]` or `}`. */
  close(depth: number, array: boolean): string {
    const closes = array ? this.arrayCloses : this.objectCloses;
    return (closes[depth] ??= `${this.line(depth)}${array ? ']' : '}'}`);
  }

  /** The text before an array element at `depth`: its line, after a `,` unless it is the first. */
  element(depth: number, first: boolean): string {
    return first ? this.line(depth) : (this.nextLines[depth] ??= `,${this.line(depth)}`);
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

/** What one render writes with: where the bytes go, the layout, the kept text of repeated objects. */
interface Writer {
  sink: ByteSink;
  layout: Layout;
  repeats: Repeats;
}

/**
 * Writes `value` as `JSON.stringify(sortKeys(value), null, unit)` writes it with every line after the first indented
 * `depth` units; false, writing nothing, where JSON.stringify writes nothing (undefined, functions, symbols). Written
 * directly rather than by stringifying a key-sorted copy and re-indenting it: a 10,000-install fleet has
 * ~90,000 finding instances, and the copy, the second pass and the garbage they made were most of the render's
 * time. Like the copy it replaces, an object is its own enumerable keys (a Date is `{}`), an array its indices.
 * `shared`: the value is a list of shared items (evidence), whose text {@link Repeats} keeps.
 */
function pretty(value: unknown, depth: number, w: Writer, shared = false): boolean {
  if (typeof value === 'string') {
    w.sink.jsonString(value);
    return true;
  }
  // Offsets, lines, counts: written as digits (String() of each was garbage when V8's number-string cache missed).
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    w.sink.int(value);
    return true;
  }
  const scalar = scalarJson(value);
  if (scalar !== null) {
    if (scalar === undefined) return false;
    w.sink.str(scalar);
    return true;
  }
  if (Array.isArray(value)) {
    if (!value.length) {
      w.sink.str('[]');
      return true;
    }
    w.sink.str('[');
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      w.sink.str(w.layout.element(depth + 1, i === 0));
      if (shared && isObject(v)) w.repeats.item(v, depth + 1, w);
      else if (!pretty(v, depth + 1, w)) w.sink.str('null');
    }
    w.sink.str(w.layout.close(depth, true));
    return true;
  }
  w.repeats.object(value as Record<string, unknown>, depth, w);
  return true;
}

/** An object's text, written without looking it up among the repeats. */
function prettyObject(object: Record<string, unknown>, depth: number, w: Writer): void {
  let first = true;
  for (const key of ownKeyOrder(object)) {
    const v = object[key];
    if (omitted(v)) continue;
    w.sink.str(w.layout.member(depth + 1, key, first));
    first = false;
    pretty(v, depth + 1, w, SHARED_LISTS.has(key));
  }
  w.sink.str(first ? '{}' : w.layout.close(depth, false));
}

/**
 * The keys of the lists whose items a report shares between many records: evidence, and the citations a rule's
 * findings all carry (the same objects: a 10k manifest cites ~67,000 times a few dozen, 12.5 of its 89 MB).
 */
const SHARED_LISTS = new Set(['evidence', 'citations']);

/**
 * The text of objects a report holds more than once, kept for one render, per depth (the text depends on the
 * indent it lands at), as the UTF-8 bytes it was written as:
 * - LARGE objects anywhere: a fleet vendor's contract (facts, evidence, clauses: ~10 KB) is attached to each of
 *   thousands of installs, ~58 MB of a 10,000-install fleet's JSON. Only objects whose text reaches
 *   {@link Repeats.MIN_SIZE} are remembered, a handful however large the fleet;
 * - the items of shared lists ({@link SHARED_LISTS}): the same evidence objects are cited by a fleet's systems,
 *   flows, findings and instances (10k fleet: ~227,000 citations of ~40,000 items; 134,000 in instances alone,
 *   of 22,000), and a rule's citations by each of its findings.
 *   Only these are remembered among the small objects: an earlier cache of EVERY rendered object (a WeakSet
 *   and WeakMap of ~millions of objects) made the 100k render slower and larger, and was taken out
 *   (abd124b, f9909b7).
 * An object's text is kept when it is met the second time, within {@link Repeats.MAX_BYTES} in all. Plain Map
 * and Set, not weak ones: they live only as long as the render, which holds the report anyway.
 */
class Repeats {
  /** Bytes from which an object's text is large. */
  static readonly MIN_SIZE = 2048;
  /**
   * Kept bytes in all, at most: a bound on the memory this may hold. At a 48M-character bound much of a 100k
   * fleet's repeated evidence was written again: its JSON render took 18.4 CPU s, 14.2 at 192M characters, with
   * the same peak RSS (1.79 GB, set by the report itself; one run each, render-snapshot.ts).
   */
  static readonly MAX_BYTES = 192 * 1024 * 1024;
  private readonly seen = new Set<object>();
  private readonly texts: Map<object, Buffer>[] = [];
  private kept = 0;

  /** An object's text: kept bytes if it has them; else written, and kept if it is large and was met before. */
  object(object: Record<string, unknown>, depth: number, w: Writer): void {
    const known = this.texts[depth]?.get(object);
    if (known !== undefined) return w.sink.bytes(known);
    if (!this.seen.has(object)) {
      const from = w.sink.mark();
      prettyObject(object, depth, w);
      if (w.sink.mark() - from >= Repeats.MIN_SIZE) this.seen.add(object);
      return;
    }
    const from = w.sink.mark();
    prettyObject(object, depth, w);
    if (w.sink.mark() - from >= Repeats.MIN_SIZE) this.keep(object, depth, w.sink.copySince(from));
  }

  /** A shared list's item: kept bytes from an earlier sighting at this depth, or written now (and kept if met before). */
  item(object: Record<string, unknown>, depth: number, w: Writer): void {
    const known = this.texts[depth]?.get(object);
    if (known !== undefined) return w.sink.bytes(known);
    if (!this.seen.has(object)) {
      this.seen.add(object);
      return prettyObject(object, depth, w);
    }
    if (this.kept >= Repeats.MAX_BYTES) return prettyObject(object, depth, w);
    const from = w.sink.mark();
    prettyObject(object, depth, w);
    this.keep(object, depth, w.sink.copySince(from));
  }

  /** Met again: its bytes are kept (within the bound). */
  private keep(object: object, depth: number, bytes: Buffer): void {
    if (this.kept + bytes.length > Repeats.MAX_BYTES) return;
    const texts = (this.texts[depth] ??= new Map());
    if (texts.has(object)) return;
    this.kept += bytes.length;
    texts.set(object, bytes);
  }
}

/**
 * The report as {@link renderJson} writes it: UTF-8 chunks of about CHUNK_BYTES, never holding the whole text: a
 * 100,000-install fleet's JSON (~2.2 GB) is larger than a JavaScript string may be. Concatenated, the chunks are
 * exactly `renderJson(report)` (a spec checks it against `JSON.stringify` of the key-sorted copy).
 */
export function* jsonChunks(report: AuditReport, opts: JsonRenderOptions = {}): Generator<Buffer> {
  // JSON.stringify's indent: a whole number of spaces, at most 10 (more would no longer be its text).
  const unit = ' '.repeat(Math.min(10, Math.max(0, Math.trunc(opts.indent ?? 2))));
  refreshKeyWalk();
  const w: Writer = { sink: new ByteSink(CHUNK_BYTES), layout: new Layout(unit), repeats: new Repeats() };
  const { sink, layout } = w;
  // Small containers up to two levels above LEAF_DEPTH (a flow, a manifest's finding, a system's settings, a score
  // contribution: ~200,000 at 10k) are leaves too: walked, each was a generator, ~a tenth of the render.
  const isLeaf = (value: unknown, depth: number) =>
    value === null || typeof value !== 'object' || depth >= LEAF_DEPTH || (depth >= LEAF_DEPTH - 2 && small(value));
  // `sharedItem`: the value is an item of a shared list; `sharedList`: it is such a list.
  const writeLeaf = (value: unknown, depth: number, sharedItem: boolean, sharedList: boolean) => {
    if (!unit) sink.str(JSON.stringify(sortKeys(value)) ?? 'null');
    else if (sharedItem && isObject(value)) w.repeats.item(value, depth, w);
    else if (!pretty(value, depth, w, sharedList)) sink.str('null');
  };
  // Walks containers above the leaves by hand (same layout as JSON.stringify with an indent) and yields as it
  // goes. A leaf is written in its container's loop, not by a generator of its own: a 10,000-install fleet has
  // ~90,000 instances, and a generator each (whose rare chunk passed up through every level) was most of the walk.
  // `shared`: the container is a shared list, whose items are written through the repeats.
  function* walk(value: object, depth: number, shared: boolean): Generator<Buffer> {
    const isArray = Array.isArray(value);
    const keys = isArray ? undefined : ownKeyOrder(value).filter((k) => !omitted((value as Record<string, unknown>)[k]));
    const length = isArray ? value.length : keys!.length;
    if (!length || !unit) {
      // Empty containers, and the compact form, are what JSON.stringify writes for them.
      sink.str(JSON.stringify(sortKeys(value), null, unit));
      return;
    }
    if (isArray) sink.str('[');
    for (let i = 0; i < length; i++) {
      const key = keys?.[i];
      let v = key === undefined ? (value as unknown[])[i] : (value as Record<string, unknown>)[key];
      if (key === undefined && omitted(v)) v = null;
      sink.str(key === undefined ? layout.element(depth + 1, i === 0) : layout.member(depth + 1, key, i === 0));
      const sharedList = key !== undefined && SHARED_LISTS.has(key);
      if (!isLeaf(v, depth + 1)) yield* walk(v as object, depth + 1, sharedList);
      else {
        writeLeaf(v, depth + 1, shared, sharedList);
        if (sink.size >= CHUNK_BYTES) yield sink.take();
      }
    }
    sink.str(layout.close(depth, isArray));
  }
  if (isLeaf(report, 0)) writeLeaf(report, 0, false, false);
  else yield* walk(report, 0, false);
  sink.str('\n');
  yield sink.take();
}

/**
 * The AuditReport as pretty JSON with a stable (alphabetical, recursive) key order and a trailing newline.
 * Array order is kept: it is meaningful (findings are ordered by the engine). For large reports write
 * {@link jsonChunks} to a stream instead.
 */
export function renderJson(report: AuditReport, opts: JsonRenderOptions = {}): string {
  return Buffer.concat([...jsonChunks(report, opts)]).toString('utf8');
}
