import { TRAILING_LEGAL_SUFFIX } from '../text/legal-suffixes.js';

/** Comparing names (subprocessor-names.ts): short forms, aliases, comparison keys, and links. */

// Words that end a company's full name ("Castle Key Insurance Company"), beyond the legal suffixes.
const CORPORATE_TAIL = /\s(?:company|group|holdings?|corporation|incorporated|limited|inc\.?|llc|ltd\.?|gmbh|plc|ag|sa|s\.a\.|b\.v\.|n\.v\.)$/i;

/**
 * Whether `short` is the brand of a company named in full elsewhere in the list ("Castle Key" beside "Castle Key
 * Insurance Company"): its words start the full name, which ends in a corporate word. "Google" beside "Google
 * Analytics" stays (a product, not the company's full name).
 */
export function isShortFormOf(short: string, full: string): boolean {
  return full.length > short.length && full.toLowerCase().startsWith(short.toLowerCase() + ' ') && CORPORATE_TAIL.test(full);
}

/**
 * The names in `names` that are short names the document gives another of them in parentheses ("Kids Web Services
 * (KWS)"): one organisation, reported once by its full name. Only acronyms are candidates, and the text is scanned
 * once for parenthesised acronyms (a search per pair of names was quadratic on long texts).
 */
export function aliasesAmong(text: string, names: string[]): Set<string> {
  const out = new Set<string>();
  const candidates = new Set(names.filter((n) => ACRONYM.test(n)));
  if (candidates.size === 0 || names.length < 2) return out;
  PAREN_ACRONYM.lastIndex = 0;
  for (let m = PAREN_ACRONYM.exec(text); m; m = PAREN_ACRONYM.exec(text)) {
    if (!candidates.has(m[1]) || out.has(m[1])) continue;
    const before = text.slice(Math.max(0, m.index - 100), m.index).trimEnd();
    if (names.some((full) => full !== m![1] && full.length > m![1].length && before.endsWith(full))) out.add(m[1]);
  }
  return out;
}
const ACRONYM = /^[\p{Lu}0-9&.-]{2,8}$/u;
const PAREN_ACRONYM = /\(([\p{Lu}0-9&.-]{2,8})\)/gu;

/** A name's comparison key: lower case, letters and digits only, without a legal suffix. */
export function core(x: string): string {
  // A leading "The" is kept where a table writes it ("The Trade Desk") and dropped in prose: the same organisation.
  return x.toLowerCase().replace(/^the\s+/, '').replace(TRAILING_LEGAL_SUFFIX, '').replace(/[^\p{L}\p{N}]/gu, '');
}

/** Whether [a, b) lies inside one of the (sorted, disjoint) link ranges. */
export function inLink(links: [number, number][], a: number, b: number): boolean {
  let lo = 0;
  let hi = links.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (links[mid][1] < a) lo = mid + 1;
    else if (links[mid][0] > a) hi = mid - 1;
    else return b <= links[mid][1] + 1;
  }
  return false;
}
