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

/**
 * Read `line` (one line of text, its break excluded) as a block-list item holding one flow map, or return
 * undefined when it is outside the subset described above.
 */
export function readFlowLineItem(line: string): FlowLineItem | undefined {
  const n = line.length;
  let i = 0;
  const skipSpaces = () => {
    while (i < n && line.charCodeAt(i) === SPACE) i++;
  };
  /** A scalar at `i`: its raw text and what it resolves to, or undefined. Leaves `i` after it (spaces skipped). */
  const scalar = (): { text: string; value: string | boolean | null } | undefined => {
    const c = line.charCodeAt(i);
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      const start = ++i;
      while (i < n) {
        const d = line.charCodeAt(i);
        if (d === c) break;
        // Escapes (`\`) and doubled quotes are left to yaml; so is anything outside printable ASCII.
        if (d < SPACE || d > 0x7e || d === 0x5c) return undefined;
        i++;
      }
      if (i >= n) return undefined;
      const text = line.slice(start, i++);
      skipSpaces();
      return { text, value: text };
    }
    if (!isLetter(c)) return undefined;
    const start = i;
    let end = ++i;
    while (i < n) {
      const d = line.charCodeAt(i);
      if (isPlainChar(d)) end = ++i;
      else if (d === SPACE) i++;
      else break;
    }
    const text = line.slice(start, end);
    return { text, value: WORDS.has(text) ? WORDS.get(text)! : text };
  };

  skipSpaces();
  if (line.charCodeAt(i) !== 0x2d /* - */ || line.charCodeAt(i + 1) !== SPACE) return undefined;
  i += 2;
  skipSpaces();
  if (line.charCodeAt(i) !== 0x7b /* { */) return undefined;
  i++;
  skipSpaces();
  const value: Record<string, unknown> = {};
  let nodes = 1;
  for (;;) {
    const key = scalar();
    if (!key || typeof key.value !== 'string' || key.text.length > MAX_KEY_CHARS || FORBIDDEN_KEYS.has(key.text) || Object.prototype.hasOwnProperty.call(value, key.text)) return undefined;
    // `key: value` with a space after the colon; `key:value` and empty values are left to yaml.
    if (line.charCodeAt(i) !== 0x3a /* : */ || line.charCodeAt(i + 1) !== SPACE) return undefined;
    i += 2;
    skipSpaces();
    if (line.charCodeAt(i) === 0x5b /* [ */) {
      i++;
      skipSpaces();
      const list: unknown[] = [];
      nodes++;
      if (line.charCodeAt(i) !== 0x5d /* ] */) {
        for (;;) {
          const item = scalar();
          if (!item) return undefined;
          list.push(item.value);
          nodes++;
          const d = line.charCodeAt(i++);
          if (d === 0x5d) break;
          if (d !== 0x2c /* , */) return undefined;
          skipSpaces();
        }
      } else i++;
      skipSpaces();
      value[key.text] = list;
    } else {
      const v = scalar();
      if (!v) return undefined;
      value[key.text] = v.value;
      nodes++;
    }
    const d = line.charCodeAt(i++);
    if (d === 0x7d /* } */) break;
    if (d !== 0x2c) return undefined;
    skipSpaces();
  }
  // Only spaces (and a CRLF file's carriage return) may follow the map.
  skipSpaces();
  if (i < n && !(i === n - 1 && line.charCodeAt(i) === 0x0d)) return undefined;
  return { value, nodes };
}
