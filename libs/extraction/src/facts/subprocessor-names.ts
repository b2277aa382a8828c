import { ENDS_WITH_SUFFIX, HAS_SUFFIX, NAME_AT, NAME_LIST_AT, SPLIT_NAMES, SUFFIX_NAME, SUFFIX_NAME_ALL } from './subprocessor-name-patterns.js';

/**
 * The syntax of organisation names in policies, for the sub-processor readers: name tokens and legal suffixes,
 * splitting "A, B and C", the lead entity of a list item or cell, cleaning a candidate, comparison keys, the
 * vendor's products and the legal name a document gives a brand. Pure functions of the text.
 */
// Each part in its own file (the patterns, whether a candidate is a name, comparing names, the vendor's own names),
// re-exported here, where the sub-processor readers import them from; splitting and reading leads stay here.
export {
  BRAND_SHAPE,
  ENDS_WITH_SUFFIX,
  HAS_SUFFIX,
  NAME_AT,
  NAME_LIST_AT,
  NOT_A_NAME,
  SUFFIX,
  SUFFIX_NAME,
  SUFFIX_NAME_ALL,
  TOKEN,
} from './subprocessor-name-patterns.js';
export { cleanName, common, policyWordsOnly } from './subprocessor-name-checks.js';
export { aliasesAmong, core, inLink, isShortFormOf } from './subprocessor-name-keys.js';
export { dominantBrand, legalName, productsOf } from './subprocessor-vendor-brand.js';

/** Splits "A, B and C" into names (each with its offset), skipping parts that are not names. */
export function splitNames(body: string, offset: number, emit: (name: string, at: number) => void, loose = false): void {
  // Corporate names first, blanked (same length) so their commas do not split them.
  const corp: [number, string][] = [];
  const blank = !HAS_SUFFIX.test(body)
    ? body
    : body.replace(SUFFIX_NAME_ALL, (m, _g, i: number) => {
        corp.push([i, m]);
        return ' '.repeat(m.length);
      });
  for (const [i, m] of corp) emit(m, offset + i);
  let at = 0;
  for (const part of blank.split(SPLIT_NAMES)) {
    const partAt = at;
    at += part.length;
    if (!part.trim() || /^(?:;|,|\s+and\/or\s+|\s+and\s+|\s+or\s+)$/.test(part)) continue;
    // Parts with digits are addresses ("Main Str. 40", "L-1855 Luxembourg"), not names.
    if (loose && /\d/.test(part)) continue;
    const m = NAME_AT.exec(part);
    if (m) emit(m[1], offset + partAt + part.indexOf(m[1]));
  }
}

/**
 * A name-column cell that is one name as a whole ("Cloud du Ministère de l'Intérieur", "Amazon Web Services (AWS)"):
 * short, starting like a name, without sentence punctuation; a trailing parenthesis (an acronym, a country) goes.
 * A corporate name with an address after it is left to {@link readLead}.
 */
export function wholeCell(text: string): string | undefined {
  const t = text.replace(/\s*\([^)]*\)\s*$/, '').replace(/^(?:\*\*|__)|(?:\*\*|__|\\)$/g, '').trim();
  // Several names in one cell ("Google Ad Manager and Google Tag", "APM / Piwik") are split by readLead; "&" stays
  // inside a name ("Ampersand Print & Mail").
  if (/\s(?:and|\/|or)\s|;/.test(t)) return undefined;
  // A comma only before a legal suffix ("Sinointeractive Digital Marketing Co., Limited").
  const commas = ENDS_WITH_SUFFIX.test(t) ? t.replace(/,(?=\s*[\p{Lu}][\p{L}.]*\.?$)/u, '') : t;
  // A company may write its name in lower case ("advanced STORE GmbH", "emetriq GmbH"): a cell ending in a legal suffix is one.
  if (!t || t.split(/\s+/).length > 7 || /[,;:]|\.\s(?!\p{Lu}[\p{L}.]*$)|\d{3,}/u.test(commas) || !(/^(?:[\p{Lu}0-9]|[\p{Ll}]+[\p{Lu}])/u.test(t) || (/^\p{Ll}/u.test(t) && ENDS_WITH_SUFFIX.test(t)))) return undefined;
  return t;
}

/** The lead entity of a list item's body or a table cell: a corporate name, or a short run of names before the first ',', ':', '(' or dash. */
export function readLead(body: string, offset: number, add: (raw: string, at: number) => void): void {
  SUFFIX_NAME.lastIndex = 0;
  const corp = HAS_SUFFIX.test(body) ? SUFFIX_NAME.exec(body) : null;
  if (corp && corp.index === 0) {
    add(corp[0], offset);
    return;
  }
  // A brand may open in lower case before an inner capital ("bRealTime", "iDenfy").
  const lead = /^((?:[\p{Lu}]|[\p{Ll}]{1,3}(?=[\p{Lu}]))(?:[^,(;:|\u2013\u2014.*_]|\.(?=[\p{L}\p{N}])){0,60}?)(?:\s*(?:\*{1,2}|_{1,2})?\s*(?:[,(;:|\u2013\u2014]|\s-\s|\.(?:\s|$)|$))/u.exec(body);
  if (lead && lead[1].split(/\s+/).length <= 8) {
    const full = NAME_LIST_AT.exec(lead[1]);
    if (full && full[1].length >= lead[1].trim().length - 1) splitNames(full[1], offset + lead[1].indexOf(full[1]), add);
  }
}
