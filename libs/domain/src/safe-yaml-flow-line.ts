/**
 * A one-line list item of plain data — `  - { id: s1, name: System 1, data: [notes, claims] }`, the way agency-
 * and fleet-sized manifests are written — read without the `yaml` package. Building yaml's lexer, CST and
 * Document for each of 50,000 such items was most of a large manifest's audit time (issue 11); this reader is
 * a few string scans per item.
 *
 * It accepts only a subset whose meaning under the hardened loader (core schema, strict, unique keys) is
 * certain: a flow map of unique, allowed keys whose values are scalars or flat lists of scalars; plain
 * scalars that start with a letter and hold only ASCII letters, digits, spaces and `_ . / @ + -`; quoted
 * scalars of printable ASCII without escapes. Anything else (numbers, empty values, nested maps, comments,
 * duplicate or forbidden keys, non-ASCII) returns undefined and the item is parsed by `yaml` as before, so
 * its data and its problems stay exactly what the full parser reports.
 */

/** Keys the loader refuses (safe-yaml.ts): such an item goes through the full parser, which reports them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** YAML refuses implicit keys over 1,024 characters; longer ones are left to it. */
const MAX_KEY_CHARS = 1000;

const SPACE = 0x20;
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** Characters a plain scalar may hold after its first letter (spaces handled apart): never a YAML indicator in flow context. */
const isPlainChar = (c: number) => isLetter(c) || isDigit(c) || c === 0x5f /* _ */ || c === 0x2e /* . */ || c === 0x2f /* / */ || c === 0x40 /* @ */ || c === 0x2b /* + */ || c === 0x2d; /* - */

/** Core-schema words a letter-first plain scalar may resolve to; every other such scalar is a string. */
const WORDS = new Map<string, null | boolean>([
  ['null', null], ['Null', null], ['NULL', null],
  ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false],
]);

/** The item's data and the nodes the loader's budget counts for it (the map, each value, each list entry). */
export interface FlowLineItem {
  value: Record<string, unknown>;
  nodes: number;
}

/** The line being read and the reader's place in it: module state, so no closures are made per item. */
let line = '';
let at = 0;

const skipSpaces = () => {
  while (at < line.length && line.charCodeAt(at) === SPACE) at++;
};

/** What the scalar at `at` resolves to (its text is `scalarText`), or NONE; leaves `at` after it and its spaces. */
const NONE = Symbol('none');
let scalarText = '';
function scalar(): string | boolean | null | typeof NONE {
  const n = line.length;
  const c = line.charCodeAt(at);
  if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
    const start = ++at;
    while (at < n) {
      const d = line.charCodeAt(at);
      if (d === c) break;
      // Escapes (`\`) and doubled quotes are left to yaml; so is anything outside printable ASCII.
      if (d < SPACE || d > 0x7e || d === 0x5c) return NONE;
      at++;
    }
    if (at >= n) return NONE;
    scalarText = line.slice(start, at++);
    skipSpaces();
    return scalarText;
  }
  if (!isLetter(c)) return NONE;
  const start = at;
  let end = ++at;
  while (at < n) {
    const d = line.charCodeAt(at);
    if (isPlainChar(d)) end = ++at;
    else if (d === SPACE) at++;
    else break;
  }
  scalarText = line.slice(start, end);
  const word = WORDS.get(scalarText);
  return word === undefined ? scalarText : word;
}

/**
 * Read `text` (one line, its break excluded) as a block-list item holding one flow map, or return undefined
 * when it is outside the subset described above.
 */
export function readFlowLineItem(text: string): FlowLineItem | undefined {
  line = text;
  at = 0;
  try {
    return readItem();
  } finally {
    // Not kept alive by module state between calls: the line may be a slice of a large document.
    line = '';
  }
}

function readItem(): FlowLineItem | undefined {
  const n = line.length;
  skipSpaces();
  if (line.charCodeAt(at) !== 0x2d /* - */ || line.charCodeAt(at + 1) !== SPACE) return undefined;
  at += 2;
  skipSpaces();
  if (line.charCodeAt(at) !== 0x7b /* { */) return undefined;
  at++;
  skipSpaces();
  const value: Record<string, unknown> = {};
  let nodes = 1;
  for (;;) {
    const key = scalar();
    const name = scalarText;
    if (typeof key !== 'string' || name.length > MAX_KEY_CHARS || FORBIDDEN_KEYS.has(name) || Object.prototype.hasOwnProperty.call(value, name)) return undefined;
    // `key: value` with a space after the colon; `key:value` and empty values are left to yaml.
    if (line.charCodeAt(at) !== 0x3a /* : */ || line.charCodeAt(at + 1) !== SPACE) return undefined;
    at += 2;
    skipSpaces();
    if (line.charCodeAt(at) === 0x5b /* [ */) {
      at++;
      skipSpaces();
      const list: unknown[] = [];
      nodes++;
      if (line.charCodeAt(at) !== 0x5d /* ] */) {
        for (;;) {
          const item = scalar();
          if (item === NONE) return undefined;
          list.push(item);
          nodes++;
          const d = line.charCodeAt(at++);
          if (d === 0x5d) break;
          if (d !== 0x2c /* , */) return undefined;
          skipSpaces();
        }
      } else at++;
      skipSpaces();
      value[name] = list;
    } else {
      const v = scalar();
      if (v === NONE) return undefined;
      value[name] = v;
      nodes++;
    }
    const d = line.charCodeAt(at++);
    if (d === 0x7d /* } */) break;
    if (d !== 0x2c) return undefined;
    skipSpaces();
  }
  // Only spaces (and a CRLF file's carriage return) may follow the map.
  skipSpaces();
  if (at < n && !(at === n - 1 && line.charCodeAt(at) === 0x0d)) return undefined;
  return { value, nodes };
}
