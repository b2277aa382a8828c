// The one hardened YAML loader (manifest, triage file, YAML configs). Imported as `@custody/domain/safe-yaml`,
// not from the domain's index, so the browser bundle and pure callers never load the `yaml` package.
import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { cutIntoPieces, loadPieces } from './safe-yaml-chunks.js';

/** Keys that would reach `Object.prototype` (or a class) if any consumer ever merged this object naïvely. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Explicit tags a manifest may use: the YAML core schema's own. `!!binary`, `!!set`, `!js/...` are refused. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));
/** A real manifest reuses a list a handful of times; thousands of alias expansions are an attack. */
export const MAX_ALIAS_COUNT = 50;
/**
 * A manifest for even a 400-clinician agency is tens of kilobytes: the default bound, and the one uploads get.
 * The offline CLI may pass a larger one (`custody audit --max-manifest-mb`) for agency- or fleet-sized
 * manifests it reads from the user's own disk.
 */
export const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;
/** Deeper than this is not a config anyone writes; it is there to exhaust the stack of whoever walks it. */
export const MAX_YAML_DEPTH = 256;
/** Scalars, maps and lists in one document: a large integration config has thousands. */
export const MAX_YAML_NODES = 1_000_000;

/** One problem, located: `line` is 1-based, `path` is `systems[1].role` style. */
export interface LocatedProblem {
  line: number;
  path: string;
  reason: string;
  /** Set when the document is over a complexity budget (nesting, nodes, aliases) rather than malformed. */
  budget?: 'too_complex';
}

/** A YAML document loaded without custom tags, merge keys or alias bombs, with a way back to lines. */
export interface LoadedYaml {
  data: unknown;
  problems: LocatedProblem[];
  /** The 1-based line of the node at `path` (or of the deepest ancestor that exists). */
  lineOf(path: readonly PropertyKey[], key?: boolean): number;
  /** The source text of the line, trimmed: the verbatim quote evidence points at. */
  lineText(line: number): { quote: string; start: number; end: number };
  /** The line of every node and key, by path joined with `join`, in one walk (for readers of large configs). */
  lineMap(join: (path: string, key: string | number) => string): Map<string, number>;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out || '(root)';
}

/**
 * Parse YAML defensively: core schema only (no `!!binary`, `!!set`, timestamps or custom tags), no `<<`
 * merge keys, duplicate keys rejected, prototype-polluting keys rejected before any JS object is built,
 * and alias expansion capped. Every problem is collected with its line so one run reports them all.
 */
export function loadYaml(text: string, opts: { maxBytes?: number; piecewiseFromBytes?: number } = {}): LoadedYaml {
  const maxBytes = opts.maxBytes ?? MAX_MANIFEST_BYTES;
  const lineStarts = [0];
  // By indexOf, not char by char: an agency's manifest is tens of megabytes.
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineText = (line: number) => {
    const start = lineStarts[line - 1] ?? 0;
    let end = lineStarts[line] ?? text.length;
    // The line without its break (`\n` or `\r\n`), trimmed. Asked once per item of a large manifest (its
    // evidence quote): spaces are skipped in place and the quote is one slice; other white space at either
    // end is left to trim, which knows all of it.
    if (end > start && text.charCodeAt(end - 1) === 0x0a) end -= end - 1 > start && text.charCodeAt(end - 2) === 0x0d ? 2 : 1;
    let a = start;
    let b = end;
    while (a < b && text.charCodeAt(a) === 0x20) a++;
    while (b > a && text.charCodeAt(b - 1) === 0x20) b--;
    if (a < b && !isSpaceLike(text.charCodeAt(a)) && !isSpaceLike(text.charCodeAt(b - 1))) return { quote: text.slice(a, b), start: a, end: b };
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const quote = raw.trim();
    return { quote, start: start + lead, end: start + lead + quote.length };
  };

  const problems: LocatedProblem[] = [];
  const empty = (): LoadedYaml => ({ data: undefined, problems, lineOf: () => 1, lineMap: () => new Map(), lineText });
  // UTF-8 length without Node's Buffer (the domain also runs in the browser); a cheap bound first.
  if (text.length > maxBytes / 3 && utf8Length(text, maxBytes) > maxBytes) {
    problems.push({ line: 1, path: '(root)', reason: `file is larger than ${maxBytes} bytes` });
    return empty();
  }
  if (text.length > (opts.piecewiseFromBytes ?? PIECEWISE_FROM_BYTES)) {
    const pieces = cutIntoPieces(text, text.split('\n'));
    // A piece as large as a whole upload is parsed with the whole document (and its budgets) instead.
    if (pieces && pieces.every((p) => lineStarts[p.end] === undefined || lineStarts[p.end]! - lineStarts[p.start]! <= MAX_MANIFEST_BYTES)) {
      return loadPieces(text, pieces, lineStarts, lineText, {
        parsePiece: (body, firstLine, found) => {
          const lineCounter = new LineCounter();
          const lineAt = (offset: number | undefined) => (offset === undefined ? firstLine + 1 : lineCounter.linePos(offset).line + firstLine);
          return { doc: parseChecked(body, lineCounter, lineAt, found), lineAt };
        },
        firstItem: (node) => (isSeq(node) ? node.items[0] : undefined),
        checkTree, toData, locate, lineMap, nodeBudget: piecewiseNodeBudget(text.length),
      });
    }
  }
  const lineCounter = new LineCounter();
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const doc = parseChecked(text, lineCounter, lineAt, problems);
  if (problems.length) return { ...empty(), lineOf: (path, key) => locate(doc, path, key, lineAt), lineMap: (join) => lineMap(doc.contents, '', join, lineAt) };
  const budget = { nodes: 0, limit: MAX_YAML_NODES };
  checkTree(doc.contents, [], lineAt, problems, budget);
  const data = problems.length ? undefined : toData(doc, lineAt, problems);
  return { data, problems, lineOf: (path, key) => locate(doc, path, key, lineAt), lineMap: (join) => lineMap(doc.contents, '', join, lineAt), lineText };
}

/**
 * The UTF-8 length of `text` as TextEncoder would encode it (a lone surrogate as U+FFFD, three bytes), counted up
 * to just past `limit`, without encoding a copy: an agency's manifest is tens of megabytes, nearly all ASCII.
 */
export function utf8Length(text: string, limit = Infinity): number {
  if (text.length > limit) return text.length;
  if (!/[^\x00-\x7f]/.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) (bytes += 4), i++;
    else bytes += 3;
  }
  return bytes;
}

/** Whether `trim` might remove this character: ASCII controls and space, and anything past ASCII (NBSP, BOM, …). */
const isSpaceLike = (c: number) => c <= 0x20 || c >= 0x7f;

/** Documents larger than this are parsed piece by piece when they can be (safe-yaml-chunks.ts). */
export const PIECEWISE_FROM_BYTES = 1024 * 1024;

/**
 * The node budget of a document parsed in pieces: each piece keeps MAX_YAML_NODES; the whole gets a quarter
 * of its bytes (a node takes at least two bytes of source, a real manifest about seven), so any real
 * manifest fits and the densest lists are still refused, and the total stays bounded by the size limit.
 */
export const piecewiseNodeBudget = (bytes: number) => Math.max(MAX_YAML_NODES, Math.ceil(bytes / 4));

function parseChecked(text: string, lineCounter: LineCounter, lineAt: (o: number | undefined) => number, problems: LocatedProblem[]): Document.Parsed {
  const doc = parseDocument(text, { lineCounter, schema: 'core', merge: false, uniqueKeys: true, prettyErrors: false, strict: true,
    // Without this, yaml resolves YAML 1.1 tags (!!binary, !!set, !!timestamp) even under the core schema.
    resolveKnownTags: false,
  });
  for (const e of doc.errors) {
    // The parser reports its own stack overflow on absurd nesting as a document error: a budget, not a typo.
    const overflow = /call stack/i.test(e.message);
    problems.push({ line: lineAt(e.pos[0]), path: '(yaml)', reason: overflow ? 'YAML nested too deeply to parse' : e.message.split('\n')[0]!, ...(overflow ? { budget: 'too_complex' as const } : {}) });
  }
  for (const w of doc.warnings) problems.push({ line: lineAt(w.pos[0]), path: '(yaml)', reason: w.message.split('\n')[0]! });
  return doc;
}

/**
 * Nesting and size are checked on the parsed tree before toJS, whose recursion a deep document would
 * otherwise end in a stack overflow; the walk stops at the first budget problem.
 */
function checkTree(root: unknown, rootPath: PropertyKey[], lineAt: (o: number | undefined) => number, problems: LocatedProblem[], budget: { nodes: number; limit: number }): void {
  let over = false;
  const walk = (node: unknown, path: PropertyKey[]): void => {
    if (over || isAlias(node)) {
      return;
    }
    if (path.length > MAX_YAML_DEPTH || ++budget.nodes > budget.limit) {
      over = true;
      const reason = path.length > MAX_YAML_DEPTH ? `YAML nesting deeper than ${MAX_YAML_DEPTH}` : `YAML holds more than ${budget.limit} nodes`;
      problems.push({ line: lineAt(rangeOf(node)), path: '(yaml)', reason, budget: 'too_complex' });
      return;
    }
    const tag = (node as YamlNode | null)?.tag;
    if (tag && !CORE_TAGS.has(tag)) {
      problems.push({ line: lineAt(rangeOf(node)), path: formatPath(path), reason: `tag ${tag} is not allowed` });
      return;
    }
    if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isScalar(pair.key)) {
        problems.push({ line: lineAt(rangeOf(pair.key)), path: formatPath(path), reason: 'keys must be plain strings' });
        continue;
      }
      const key = String(pair.key.value);
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ line: lineAt(pair.key.range?.[0]), path: formatPath([...path, key]), reason: `key "${key}" is not allowed` });
        continue;
      }
      walk(pair.value, [...path, key]);
    }
  };
  walk(root, rootPath);
}

function toData(doc: Document.Parsed, lineAt: (o: number | undefined) => number, problems: LocatedProblem[]): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // yaml throws a ReferenceError when alias expansion exceeds maxAliasCount (a "billion laughs" document).
    const line = firstAliasLine(doc, lineAt);
    problems.push({ line, path: '(yaml)', reason: `too many alias expansions (limit ${MAX_ALIAS_COUNT}): ${(err as Error).message}`, budget: 'too_complex' });
    return undefined;
  }
}

function rangeOf(node: unknown): number | undefined {
  return (node as YamlNode | null)?.range?.[0];
}

function firstAliasLine(doc: Document.Parsed, lineAt: (o: number | undefined) => number): number {
  let found: number | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined) return;
    if (isAlias(node)) found = lineAt(node.range?.[0]);
    else if (isSeq(node)) node.items.forEach(visit);
    else if (isMap(node)) node.items.forEach((p) => visit(p.value));
  };
  visit(doc.contents);
  return found ?? 1;
}

/** Follow `path` through maps and sequences; stop at the deepest node that exists. */
function locate(doc: Document.Parsed, path: readonly PropertyKey[], key: boolean | undefined, lineAt: (o: number | undefined) => number): number {
  let node: unknown = doc.contents;
  let offset = rangeOf(node);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isAlias(node)) node = node.resolve(doc);
    if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      // An empty value (`role:`) has a range after the colon, possibly on the next line: point at the key.
      const empty = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
      if ((key && i === path.length - 1) || empty) return lineAt(rangeOf(pair.key));
      node = pair.value;
    } else break;
    if (node === undefined || node === null) break;
    offset = rangeOf(node) ?? offset;
  }
  return lineAt(offset);
}

function lineMap(root: unknown, rootPath: string, join: (path: string, key: string | number) => string, lineAt: (o: number | undefined) => number): Map<string, number> {
  const lines = new Map<string, number>();
  const walk = (node: unknown, path: string, depth: number): void => {
    // Deeper than any real config; the loader has already refused what toJS could not build.
    if (!node || depth > 256) return;
    const offset = rangeOf(node);
    if (offset !== undefined) lines.set(path, lineAt(offset));
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const p = join(path, String(pair.key.value));
        lines.set(p, lineAt(rangeOf(pair.key)));
        if (pair.value && !isScalar(pair.value)) walk(pair.value, p, depth + 1);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, join(path, i), depth + 1));
  };
  walk(root, rootPath, 0);
  return lines;
}
