/**
 * Names as keys and ids. Every library that turns a name into an id (system ids, workspace slugs, finding
 * subjects, fleet groups) or compares two spellings of a vendor uses these, so "Upheal, Inc." and "UPHEAL"
 * meet in one system and the same name gives the same id in the projection, the parsers and the rules.
 */

/** Words that distinguish a company's legal entity, not the company: "Upheal, Inc." is "Upheal". */
const LEGAL_SUFFIXES = new Set(['inc', 'incorporated', 'llc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'gmbh', 'plc', 'pbc', 'lp', 'llp', 'pc', 'pllc', 'sa', 'ag', 'bv']);

/** Lower-case ASCII words of a name: accents folded, `&` read as "and", dots of "L.L.C." dropped. */
function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * {@link words} of an ASCII name without a dot, in one pass over its lower case (ASCII has no accents to fold,
 * and with no dot no word is glued from pieces): the rules key a fleet's 200,000 install names and ids.
 * Undefined for any other name.
 */
function asciiWords(name: string): string[] | undefined {
  const lower = name.toLowerCase();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (name.charCodeAt(i) > 0x7f) return undefined;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (start < 0) start = i;
      continue;
    }
    if (c === 0x2e) return undefined;
    if (start >= 0) out.push(lower.slice(start, i));
    start = -1;
    if (c === 0x26) out.push('and');
  }
  if (start >= 0) out.push(lower.slice(start));
  return out;
}

/**
 * The key two spellings of one party's name share: case-, accent- and punctuation-insensitive, without
 * trailing legal suffixes. `"Upheal, Inc."`, `"UPHEAL"` and `"Upheal Inc"` all give `"upheal"`.
 */
export function nameKey(name: string): string {
  const w = asciiWords(name) ?? words(name);
  while (w.length > 1 && LEGAL_SUFFIXES.has(w[w.length - 1]!)) w.pop();
  return w.join('');
}

/**
 * An id made from a name: ASCII, lower-case, `-` separated, at most `max` characters (60: within the
 * manifest's id grammar), `fallback` when nothing is left. Only the head of a long name can reach the
 * slug, so at most 1,024 characters are read (the patterns stay linear on hostile input).
 */
export function slugify(name: string, opts: { max?: number; fallback?: string } = {}): string {
  const slug = name
    .slice(0, 1024)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, opts.max ?? 60)
    .replace(/-+$/, '');
  return slug || (opts.fallback ?? 'unnamed');
}

/** A party's name left as a blank to fill in a template: "[Insert Name of Business Associate]", "_____", "<Vendor Name>". */
export const BLANK_NAME = String.raw`\[[^\]\n]{1,80}\]|_{3,}|<[^>\n]{1,60}>`;
const WHOLE_BLANK = new RegExp(`^(?:${BLANK_NAME})$`, 'u');

/** Whether a party's name is a template's blank ({@link BLANK_NAME}): it names no one. */
export function isBlankName(name: string): boolean {
  return WHOLE_BLANK.test(name.trim());
}

/**
 * The name a template's system goes by ({@link GraphSystem.template}), its party and its file: "Business Associate (name
 * left blank in baa-template.md)". Made here and read back by {@link templateNameParts}, so the pictures that draw it
 * in two short lines (the dashboard's map, the report's) agree with the projection that names it.
 */
export function templateName(party: string, file: string): string {
  return `${party} (name left blank in ${file})`;
}

/**
 * A file name at most `max` characters long for a picture: whole when it fits, else cut in its middle with its last
 * `keep` characters (its extension) kept, so the dashboard's map and the report's picture shorten a template's file alike.
 */
export function cutFileName(file: string, max: number, keep: number): string {
  if (file.length <= max) return file;
  const tail = Math.min(keep, file.length);
  return `${file.slice(0, max - 1 - tail)}…${file.slice(-tail)}`;
}

/** The party and the file of a {@link templateName}; undefined for any other name. */
export function templateNameParts(name: string): { party: string; file: string } | undefined {
  const m = /^(.+?) \(name left blank in (.+)\)$/.exec(name);
  return m ? { party: m[1]!, file: m[2]! } : undefined;
}
