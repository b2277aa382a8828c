import { escapeRegExp } from '../text/escape-regexp.js';

/**
 * Other names the document gives the vendor's own legal entities, read from the words right before a candidate:
 * - a new or former name in a parenthesis after one of the vendor's names ("Acme Inc. (recently renamed Zeta Holding
 *   Co.)", "Zeta Ltd (formerly Acme Ltd)"): the same entity under another name, so the vendor still;
 * - a name set off by commas right after "us" or "we" ("you authorize us, Acme Trust Services, LLC, or our affiliates to
 *   apply for …"): the apposition says who "us" is;
 * - the entities listed after the vendor's brand and "entities" ("offered by three Acme entities: A Ltd, B Ltd and C
 *   Ltd"): the vendor's own legal persons, not parties its data goes to (an affiliate receiving data is named in a
 *   clause passing data to it, which the collector reads before this).
 */

// The name right before the parenthesis and the word that makes the next name another name of it.
const RENAMED_BEFORE = /((?:[\p{Lu}\d][\p{L}\p{N}.&'’-]*,?\s+){0,5}[\p{Lu}\d][\p{L}\p{N}.&'’-]*)\s*\(\s*(?:(?:recently|since|now|formerly|previously|later)\s+)?(?:renamed|rebranded|known\s+as|called|f\/?k\/?a|formerly|now)\s+(?:as\s+|to\s+)?["“]?$/u;

/** The name `before` (the text just before a candidate) gives as the candidate's other name, if any. */
export function renamedFrom(before: string): string | undefined {
  return RENAMED_BEFORE.exec(before)?.[1].trim();
}

/**
 * Whether `before` lists the candidate among the vendor's entities (see above): one of `brandWords` (the vendor's first
 * words, lower case), up to two words, "entities", then the list so far in one clause, with no verb passing data in it.
 */
export function listedAsOwnEntities(before: string, brandWords: Iterable<string>): boolean {
  const words = [...brandWords].filter((w) => w.length >= 3).map(escapeRegExp);
  if (words.length === 0) return false;
  const m = entitiesAfter(words.join('|')).exec(before);
  return m !== null && m[1].split(/\s+/).every(ownEntityWord) && !PASSING_DATA.test(m[2]);
}
// The pattern of listedAsOwnEntities for one document's brand words, kept for the next candidate (asked for each candidate
// the collector reads, it was compiled anew each time: a compile per name). One entry: a document asks with its own words.
let entitiesMemo: { key: string; re: RegExp } | undefined;
function entitiesAfter(alternatives: string): RegExp {
  if (entitiesMemo?.key !== alternatives) entitiesMemo = { key: alternatives, re: new RegExp(String.raw`\b(?:${alternatives})\s+((?:[\w-]+\s+){0,2}?)entities\s*[:,(]?([^.;:]*)$`, 'i') };
  return entitiesMemo.re;
}
// Words between the brand and "entities" that keep them the brand's own ("Acme Group entities", "Acme legal entities"),
// unlike "Acme partner entities" or "Acme uses third-party entities", which are other parties.
const ownEntityWord = (w: string): boolean => w === '' || /^\p{Lu}/u.test(w) || OWN_ENTITY_WORDS.has(w.toLowerCase());
const OWN_ENTITY_WORDS = new Set(['group', 'legal', 'corporate', 'affiliated', 'regulated', 'operating', 'local', 'own']);
const PASSING_DATA = /\b(?:shar\w*|disclos\w*|transfer\w*|sen[dt]\w*|provid\w+\s+(?:to|with)|receiv\w*|process\w*)\b/i;

/** Whether the name between `before` and `after` stands in apposition to "us"/"we" (see above): a comma on each side. */
export function appositiveToUs(before: string, after: string): boolean {
  return /\b(?:we|us)\s*,\s*$/i.test(before) && /^\s*(?:\([^()]{0,40}\)\s*)?,/.test(after);
}
