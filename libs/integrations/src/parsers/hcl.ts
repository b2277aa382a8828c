import { InvalidInputError } from '@custody/domain';
import { FORBIDDEN_KEYS } from '../safe/json.js';

/** A block: `resource "type" "name" { … }`. */
export interface HclBlock {
  type: string;
  labels: string[];
  body: HclBody;
  line: number;
}
export interface HclBody {
  attrs: Record<string, { value: unknown; line: number }>;
  blocks: HclBlock[];
}

/**
 * A small HCL reader for Terraform: blocks, attributes, strings (interpolations kept verbatim),
 * heredocs, lists, objects and function calls (`jsonencode({...})` → `{ $call, args }`). References
 * (`aws_s3_bucket.data.arn`) are kept as strings. Good enough to read data paths, not to evaluate.
 */
export function parseHcl(text: string): HclBody {
  let i = 0;
  let line = 1;
  const n = text.length;
  const fail = (m: string): never => {
    throw new InvalidInputError(`malformed HCL at line ${line}: ${m}`, { line });
  };
  const skipWs = (newlines: boolean) => {
    while (i < n) {
      const c = text[i];
      if (c === '\n') {
        if (!newlines) return;
        line++;
        i++;
      } else if (c === ' ' || c === '\t' || c === '\r') i++;
      else if (c === '#' || (c === '/' && text[i + 1] === '/')) while (i < n && text[i] !== '\n') i++;
      else if (c === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        const stop = end < 0 ? n : end + 2;
        for (; i < stop; i++) if (text[i] === '\n') line++;
      } else return;
    }
  };
  const ident = () => {
    const m = /^[A-Za-z_][\w-]*/.exec(text.slice(i, i + 256));
    if (!m) return fail(`expected a name, found ${JSON.stringify(text[i] ?? 'end of input')}`);
    i += m[0].length;
    return m[0];
  };
  const str = (): string => {
    i++;
    let out = '';
    let depth = 0;
    while (i < n) {
      const c = text[i];
      if (c === '\\') {
        const e = text[i + 1];
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e;
        i += 2;
        continue;
      }
      if (c === '$' && text[i + 1] === '{') depth++;
      else if (c === '}' && depth) depth--;
      else if (c === '"' && !depth) {
        i++;
        return out;
      } else if (c === '\n') line++;
      out += c;
      i++;
    }
    return fail('unterminated string');
  };
  const expr = (depth: number): unknown => {
    if (depth > 64) fail('expression nested too deeply');
    skipWs(true);
    const c = text[i];
    let v: unknown;
    if (c === '"') v = str();
    else if (c === '<' && text.startsWith('<<', i)) {
      const m = /^<<-?\s*([A-Za-z_]\w*)\r?\n/.exec(text.slice(i, i + 128));
      if (!m) return fail('bad heredoc');
      const end = new RegExp(`\\n\\s*${m[1]}\\s*(?:\\n|$)`).exec(text.slice(i));
      if (!end) return fail('unterminated heredoc');
      v = text.slice(i + m[0].length, i + end.index);
      const stop = i + end.index + end[0].length - (end[0].endsWith('\n') ? 1 : 0);
      for (; i < stop; i++) if (text[i] === '\n') line++;
    } else if (c === '[') {
      i++;
      const arr: unknown[] = [];
      for (;;) {
        skipWs(true);
        if (text[i] === ']') {
          i++;
          break;
        }
        if (i >= n) fail('unterminated list');
        arr.push(expr(depth + 1));
        skipWs(true);
        if (text[i] === ',') i++;
      }
      v = arr;
    } else if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      for (;;) {
        skipWs(true);
        if (text[i] === '}') {
          i++;
          break;
        }
        if (i >= n) fail('unterminated object');
        const key = text[i] === '"' ? str() : text[i] === '(' ? String(expr(depth + 1)) : ident();
        if (FORBIDDEN_KEYS.has(key)) fail(`forbidden key "${key}"`);
        skipWs(false);
        if (text[i] !== '=' && text[i] !== ':') fail('expected "=" in object');
        i++;
        obj[key] = expr(depth + 1);
        skipWs(false);
        if (text[i] === ',') i++;
      }
      v = obj;
    } else {
      const m = /^[A-Za-z_][\w-]*(?:\[[^\]\n]*\]|\.[\w*-]+)*/.exec(text.slice(i, i + 512));
      if (m && text[i + m[0].length] === '(') {
        i += m[0].length + 1;
        const args: unknown[] = [];
        for (;;) {
          skipWs(true);
          if (text[i] === ')') {
            i++;
            break;
          }
          if (i >= n) fail('unterminated call');
          args.push(expr(depth + 1));
          skipWs(true);
          if (text[i] === ',' || text.startsWith('...', i)) i += text[i] === ',' ? 1 : 3;
        }
        v = { $call: m[0], args };
      } else {
        // A reference, number or operator expression: kept as raw text up to the end of the value.
        const start = i;
        let d = 0;
        while (i < n) {
          const ch = text[i];
          if ('([{'.includes(ch)) d++;
          else if (')]}'.includes(ch)) {
            if (!d) break;
            d--;
          } else if ((ch === ',' || ch === '\n') && !d) break;
          else if (ch === '"') {
            str();
            continue;
          }
          i++;
        }
        const raw = text.slice(start, i).trim();
        if (!raw) fail(`unexpected ${JSON.stringify(text[i] ?? 'end of input')}`);
        v = raw === 'true' ? true : raw === 'false' ? false : raw === 'null' ? null : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
      }
    }
    return v;
  };
  const body = (depth: number, closing: boolean): HclBody => {
    const out: HclBody = { attrs: {}, blocks: [] };
    for (;;) {
      skipWs(true);
      if (i >= n) {
        if (closing) fail('unterminated block');
        return out;
      }
      if (text[i] === '}') {
        if (!closing) fail('unexpected "}"');
        i++;
        return out;
      }
      const at = line;
      const name = ident();
      skipWs(false);
      if (text[i] === '=') {
        i++;
        if (FORBIDDEN_KEYS.has(name)) fail(`forbidden key "${name}"`);
        out.attrs[name] = { value: expr(depth + 1), line: at };
        continue;
      }
      const labels: string[] = [];
      while (text[i] === '"' || /[A-Za-z_]/.test(text[i] ?? '')) {
        labels.push(text[i] === '"' ? str() : ident());
        skipWs(false);
      }
      if (text[i] !== '{') fail(`expected "{" after ${name}`);
      i++;
      if (depth > 32) fail('blocks nested too deeply');
      out.blocks.push({ type: name, labels, body: body(depth + 1, true), line: at });
    }
  };
  return body(0, false);
}
