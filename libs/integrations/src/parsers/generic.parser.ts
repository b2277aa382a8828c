import type { ParseResult } from '@custody/domain';
import type { ParseContext } from '../builder.js';
import { DEIDENTIFIED_CLAIM, safeHarborIdentifier } from '../data/safe-harbor.js';
import { FORBIDDEN_KEYS, joinPath, parseJsonWithLines } from '../safe/json.js';
import { BudgetExceededError, InvalidInputError } from '@custody/domain';
import { decodeXmlEntities } from '../safe/text.js';
import { parseXml } from '../safe/xml.js';
import { parseYamlWithLines } from '../safe/yaml.js';
import { readTree } from './tree-reader.js';

/** INI: `[section]` headers and `key = value` lines, with the line of every key. */
export function parseIni(text: string): { value: Record<string, unknown>; lines: Map<string, number> } {
  const value: Record<string, Record<string, string> | string> = {};
  const lines = new Map<string, number>();
  let section: Record<string, string> | undefined;
  let secName = '';
  text.split(/\r?\n/).forEach((raw, i) => {
    const l = raw.trim();
    if (!l || /^[#;]/.test(l)) return;
    const sec = /^\[([^\]]+)\]$/.exec(l);
    if (sec) {
      secName = sec[1].trim();
      if (FORBIDDEN_KEYS.has(secName)) throw new InvalidInputError(`forbidden section "${secName}" at line ${i + 1}`);
      section = (value[secName] as Record<string, string>) ?? {};
      value[secName] = section;
      lines.set(joinPath('', secName), i + 1);
      return;
    }
    const kv = /^([^=:]+)[=:]\s*(.*)$/s.exec(l);
    if (!kv) return;
    const key = kv[1].trim();
    if (FORBIDDEN_KEYS.has(key)) throw new InvalidInputError(`forbidden key "${key}" at line ${i + 1}`);
    const v = kv[2].replace(/^(["'])(.*)\1$/, '$2');
    if (section) section[key] = v;
    else value[key] = v;
    lines.set(joinPath(section ? joinPath('', secName) : '', key), i + 1);
  });
  return { value, lines };
}

function xmlToPlain(n: unknown, depth = 0): unknown {
  if (depth > 128) throw new BudgetExceededError('too_complex', 'XML nested deeper than 128 levels');
  if (Array.isArray(n)) return n.map((x) => xmlToPlain(x, depth + 1));
  if (n && typeof n === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) {
      const key = k.startsWith('@_') ? k.slice(2) : k === '#text' ? 'text' : k;
      if (FORBIDDEN_KEYS.has(key)) throw new InvalidInputError(`forbidden key "${key}" in XML`);
      out[key] = xmlToPlain(v, depth + 1);
    }
    return out;
  }
  return typeof n === 'string' ? decodeXmlEntities(n) : n;
}

/**
 * The reader for any structured file without a dedicated parser (JSON, YAML, INI, XML, CSV): finds
 * endpoints, listeners, brokers and declared field lists (checked against the Safe Harbor identifiers).
 */
export function parseGeneric(ctx: ParseContext): ParseResult {
  const lineOfValue = (needle?: string) => (needle ? ctx.locate([needle]) : undefined);
  switch (ctx.format) {
    case 'generic-json': {
      const { value, lines } = parseJsonWithLines(ctx.text);
      readTree(ctx, value, { lineOf: (p, n) => lines.get(p) ?? lineOfValue(n) });
      break;
    }
    case 'generic-yaml': {
      const { value, lines } = parseYamlWithLines(ctx.text);
      readTree(ctx, value, { lineOf: (p, n) => lines.get(p) ?? lineOfValue(n) });
      break;
    }
    case 'generic-ini': {
      const { value, lines } = parseIni(ctx.text);
      readTree(ctx, value, { lineOf: (p, n) => lines.get(p) ?? lineOfValue(n) });
      break;
    }
    case 'generic-xml': {
      readTree(ctx, xmlToPlain(parseXml(ctx.text)), { lineOf: (_p, n) => lineOfValue(n) });
      break;
    }
    case 'generic-csv': {
      const header = ctx.text.split(/\r?\n/, 1)[0].split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
      const claims = DEIDENTIFIED_CLAIM.test(ctx.text);
      const found = header.filter((h) => safeHarborIdentifier(h));
      for (const h of found) {
        if (claims) ctx.identifier(h, safeHarborIdentifier(h)!, ctx.ev(`header.${h}`, 1));
      }
      if (found.length && !claims) ctx.warn(`CSV columns hold Safe Harbor identifiers: ${found.join(', ')}`);
      ctx.skip('CSV rows are data, not configuration: only the header was read', 'header');
      break;
    }
    default:
      ctx.skip(`no reader for ${ctx.format}`);
  }
  return ctx.result();
}
