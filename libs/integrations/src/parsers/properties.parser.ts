import { InvalidInputError, type ParseResult } from '@custody/domain';
import type { ParseContext } from '../builder.js';
import { FORBIDDEN_KEYS } from '../safe/json.js';
import { findSelfName, readTree } from './tree-reader.js';

type Obj = Record<string, unknown>;

/**
 * Java `.properties` (OpenHIM mediators, OpenMRS EIP / Spring Boot): dotted keys are nested into a
 * tree (so `xds.registry.host` and `xds.registry.port` form one endpoint), `${key}` references to
 * other keys are resolved once, `${ENV:default}` placeholders stay symbolic, and the section comment
 * above a key (`# == Terminology Service ==`) is kept as a hint.
 */
export function parseProperties(ctx: ParseContext): ParseResult {
  const flat = new Map<string, { value: string; line: number }>();
  const hints = new Map<string, string>();
  let comment = '';
  const rows = ctx.text.split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    let l = rows[i].trim();
    const lineNo = i + 1;
    if (!l) {
      comment = '';
      continue;
    }
    if (/^[#!]/.test(l)) {
      // A commented-out assignment is an alternative value, not a description.
      if (!/^[#!]\s*[\w.-]+\s*[=:]/.test(l)) comment = `${comment} ${trimEndOf(l.replace(/^[#!=\s]+/, ''), '= \t')}`.trim();
      continue;
    }
    while (l.endsWith('\\') && i + 1 < rows.length) l = l.slice(0, -1) + rows[++i].trim();
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/s.exec(l);
    if (!m) {
      ctx.skip(`line ${lineNo} is not a key=value pair`, `line ${lineNo}`);
      continue;
    }
    flat.set(m[1], { value: m[2], line: lineNo });
    if (comment) hints.set(m[1], comment);
  }
  const resolve = (v: string) => v.replace(/\$\{([\w.-]+)\}/g, (all, k: string) => (flat.has(k) && !flat.get(k)!.value.includes(`\${${k}}`) ? flat.get(k)!.value : all));
  const root: Obj = {};
  const lines = new Map<string, number>();
  for (const [key, { value, line }] of flat) {
    const parts = key.split('.');
    if (parts.some((p) => FORBIDDEN_KEYS.has(p))) throw new InvalidInputError(`forbidden key "${key}" at line ${line}`);
    let o = root;
    for (const part of parts.slice(0, -1)) {
      const cur = o[part];
      if (typeof cur === 'string') o[part] = { '': cur };
      else if (!cur) o[part] = {};
      o = o[part] as Obj;
    }
    const last = parts[parts.length - 1];
    if (o[last] && typeof o[last] === 'object') (o[last] as Obj)[''] = resolve(value);
    else o[last] = resolve(value);
    lines.set(key.split('.').map((p) => (/^[A-Za-z_$][\w$-]*$/.test(p) ? p : JSON.stringify(p))).join('.'), line);
  }
  // A comment describes the keys that follow it up to the next blank line, and only those.
  const keyHints = new Map<string, string>();
  for (const [k, c] of hints) keyHints.set(k.split('.').map((p) => (/^[A-Za-z_$][\w$-]*$/.test(p) ? p : JSON.stringify(p))).join('.'), c);
  readTree(ctx, root, { lineOf: (p, n) => lines.get(p) ?? lines.get(p.replace(/"/g, '')) ?? ctx.locate([n]), hints: keyHints, selfName: findSelfName(root) });
  return ctx.result();
}

/** `s` without trailing characters from `chars`; a loop, since `[=\s]+$` is quadratic on long `= = =` runs. */
function trimEndOf(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return s.slice(0, end);
}
