import { BudgetExceededError, InvalidInputError } from '@custody/domain';

/** Keys that could pollute prototypes when a parsed object is merged or spread later. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 256;
/**
 * Most values one config may hold. Each value also costs a path→line map entry, so a 50 MB JSON of small
 * values would need gigabytes of heap; a real integration config has thousands.
 */
export const MAX_NODES = 1_000_000;

export interface JsonWithLines {
  value: unknown;
  /** Structural path (`a.b[0].c`) → 1-based line where that value starts. */
  lines: Map<string, number>;
}

/** Appends a key to a structural path, quoting keys that are not plain identifiers. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const k = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  return base ? `${base}.${k}` : k;
}

/**
 * A strict JSON parser that records the line of every value, rejects prototype-polluting keys and
 * nesting deeper than 256, and reports malformed input with its line. Objects are created without a
 * prototype-sensitive assignment path (keys are checked before they are set).
 */
export function parseJsonWithLines(text: string): JsonWithLines {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const n = text.length;

  const fail = (msg: string): never => {
    throw new InvalidInputError(`malformed JSON at line ${line}: ${msg}`, { line });
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
      i++;
    }
  };
  const str = (): string => {
    i++; // opening quote
    let out = '';
    let start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(start, i);
        const e = text[i + 1];
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (!(e in map)) fail(`bad escape \\${e}`);
          out += map[e];
          i += 2;
        }
        start = i;
        continue;
      }
      if (c === 10) fail('newline in string');
      i++;
    }
    return fail('unterminated string');
  };
  let nodes = 0;
  const value = (path: string, depth: number): unknown => {
    if (depth > MAX_DEPTH) throw new BudgetExceededError('too_complex', `JSON nesting deeper than ${MAX_DEPTH} at line ${line}`, { line });
    if (++nodes > MAX_NODES) throw new BudgetExceededError('too_complex', `JSON holds more than ${MAX_NODES} values`, { line });
    ws();
    lines.set(path, line);
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const key = str();
        if (FORBIDDEN_KEYS.has(key)) {
          throw new InvalidInputError(`forbidden key "${key}" at line ${line} (prototype pollution)`, { line, key });
        }
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        Object.defineProperty(obj, key, { value: value(joinPath(path, key), depth + 1), enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(joinPath(path, arr.length), depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return str();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) return fail(`unexpected ${c === undefined ? 'end of input' : JSON.stringify(c)}`);
    i += m[0].length;
    return m[0] === 'true' ? true : m[0] === 'false' ? false : m[0] === 'null' ? null : Number(m[0]);
  };

  const v = value('', 0);
  ws();
  if (i < n) fail('trailing content after the JSON value');
  return { value: v, lines };
}
