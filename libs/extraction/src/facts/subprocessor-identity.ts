import { escapeRegExp } from '../text/escape-regexp.js';
import { mentionsOf } from '../calibration/mentions.js';
import type { Evidence } from '@custody/domain';
import { LEGAL_SUFFIX } from '../text/legal-suffixes.js';
import { ENDS_WITH_SUFFIX, core } from './subprocessor-names.js';

/**
 * Which of the names read are one party written twice, and in which form, from the document's own words (README: a
 * recipient is "written as the document writes them"). Each reading is a way a document itself ties two forms to one
 * organisation; none guesses from what is known about companies:
 * - an acronym and the name it abbreviates, both read as providers ("infrastructure partners (such as AWS)" and
 *   "service providers like Amazon Web Services") or defined as such ("Amazon Web Services, Inc. (“AWS”)"): one party,
 *   written by its full name, as a parenthesised acronym already is (aliasesAmong, "Kids Web Services (KWS)");
 * - the legal entities a parenthesis right after a name gives as that name's own ("DingTalk (data controllers:
 *   Dingding Technology Co., Ltd. and …)", "Sentry.io (Functional Software, Inc.)"): the party is the name before
 *   the parenthesis, when the document names the entity nowhere else;
 * - a capital "The" opening a name mid-sentence ("such as Xandr or The AdEx") is part of the name as written.
 * What stays two parties: two products of one brand ("Google Analytics", "Google Cloud"), a product and its provider
 * (the labels write both forms, one or the other, with no rule the conventions state), a store and a cloud of one
 * group ("Amazon", "Amazon Web Services").
 */

/** A name read elsewhere that may stand for an acronym kept: its form and a quote of it. */
export interface SpelledName {
  name: string;
  ev: Evidence;
}

// Words an acronym skips ("Federal Bureau of Investigation" → FBI).
const SKIPPED = new Set(['of', 'and', 'for', 'the', '&', 'de', 'du']);
const ACRONYM = /^[\p{Lu}]{3,5}$/u;

/** The initials of a name of two to five capitalised words ("Amazon Web Services" → "AWS"), or undefined. */
export function initials(name: string): string | undefined {
  if (ENDS_WITH_SUFFIX.test(name)) return undefined;
  const words = name.split(/\s+/).filter((w) => !SKIPPED.has(w.toLowerCase()));
  if (words.length < 2 || words.length > 5 || !words.every((w) => /^[\p{Lu}]\p{Ll}/u.test(w))) return undefined;
  return words.map((w) => w[0]).join('');
}

/**
 * For each acronym among `kept` (three to five capitals), the name it spells: among `kept`, among `seen` (names the reader
 * read in a provider clause and set aside, e.g. as made of ordinary words), or where the text defines it ("Amazon Web
 * Services, Inc. (“AWS”)"): acronym → that name (a string when it is kept already). In that order; of several, the first.
 */
export function spelledAcronyms(kept: string[], seen: SpelledName[], text: string): Map<string, SpelledName | string> {
  const out = new Map<string, SpelledName | string>();
  for (const a of kept) {
    if (!ACRONYM.test(a)) continue;
    const apart = (n: string): boolean => initials(n) === a && !namedSideBySide(text, a, n);
    const full = kept.find((n) => n !== a && apart(n)) ?? seen.find((n) => apart(n.name)) ?? definedAs(text, a);
    if (full !== undefined) out.set(a, full);
  }
  return out;
}

/**
 * Whether one sentence writes both the acronym (not as the name's parenthesised short form) and the name it spells:
 * "service providers such as AWS and Advanced Web Solutions" lists two parties, however their initials fall.
 */
function namedSideBySide(text: string, acronym: string, name: string): boolean {
  const bare = new RegExp(String.raw`(?<![(“"'\p{L}\p{N}])${acronym}(?![\p{L}\p{N}])`, 'u');
  return text.split(/(?<=[.!?])\s+|\n+/).some((s) => s.includes(name) && bare.test(s));
}

// A name of up to five words, with its legal suffix, right before a parenthesis holding only the acronym, quoted or not.
const DEFINED_BEFORE = new RegExp(String.raw`((?:\p{Lu}[\p{L}\p{N}&.-]*\s+(?:(?:of|and|for|&)\s+)?){1,4}\p{Lu}[\p{L}\p{N}&.-]*(?:,?\s+${LEGAL_SUFFIX})?)\s*$`, 'u');

/** Each name defined by a parenthesis of `short` right after it (at most 20), with its bare form and the quote's span. */
function* definitionsOf(text: string, short: string, quoted: string): Generator<{ name: string; bare: string; start: number; end: number }> {
  const re = new RegExp(String.raw`\(\s*${quoted}\s*\)`, 'g');
  for (let m = re.exec(text), n = 0; m && n < 20; m = re.exec(text), n++) {
    const d = DEFINED_BEFORE.exec(text.slice(Math.max(0, m.index - 100), m.index));
    if (!d) continue;
    const name = d[1].replace(/\s+/g, ' ');
    const start = m.index - (text.slice(Math.max(0, m.index - 100), m.index).length - d.index);
    yield { name, bare: name.replace(new RegExp(String.raw`,?\s+${LEGAL_SUFFIX}$`, 'u'), ''), start, end: m.index + m[0].length };
  }
}

/**
 * The name the text defines an acronym as ("Amazon Web Services, Inc. (“AWS”)"), when its words spell it; with `company`,
 * only a name with a legal suffix (not a law or framework: "General Data Protection Regulation (“GDPR”)").
 */
export function definedAs(text: string, acronym: string, company = false): SpelledName | undefined {
  if (!ACRONYM.test(acronym)) return undefined;
  for (const d of definitionsOf(text, acronym, String.raw`["“']?${acronym}["”']?`)) {
    if (initials(d.bare) !== acronym || (company && d.bare === d.name)) continue;
    return { name: d.name, ev: { quote: text.slice(d.start, d.end), start: d.start, end: d.end } };
  }
  return undefined;
}

/**
 * Whether the text defines `short` as the short name of a company written with its legal suffix right before the
 * parenthesis ("Google Inc. (“Google”)", "Acme Payments Ltd ("Acme")"): the short name is then that company, not a term.
 */
export function definedAsCompany(text: string, short: string): boolean {
  if (short.length < 2 || short.length > 40) return false;
  for (const d of definitionsOf(text, short, String.raw`["“']${escapeRegExp(short)}["”']`)) if (d.bare !== d.name && d.bare.toLowerCase().startsWith(short.toLowerCase())) return true;
  return false;
}

// What a parenthesis may hold before the entity looked at: a lead-in saying what the entities are to the name before it,
// entities already given (each ending in a legal suffix), and the words of this entity's own name before the occurrence
// ("DingTalk (China) " before "Information Technology Co., Ltd.").
const LEAD = /^\s*(?:(?:data\s+)?(?:controllers?|processors?|operators?|(?:legal\s+)?entit(?:y|ies))\s*:\s*|i\.e\.,?\s*)?/i;
// An entity opens with a capital: "(including Slack Technologies, LLC and …)", "(which uses Stripe, Inc.)" are other parties.
const ENTITY = String.raw`\p{Lu}[^()]{0,79}?(?:\s\([^()]{1,20}\))?[^()]{0,80}?,?\s${LEGAL_SUFFIX}(?![\p{L}])`;
const HEAD = String.raw`(?:\p{Lu}[\p{L}\p{N}.&-]*\s+){0,4}(?:\([^()]{1,20}\)\s+)?`;
// Case matters after the lead-in: the head is capitalised words, not "a service provided by ".
const ENTITIES_THEN_HEAD = new RegExp(String.raw`^(?:${ENTITY}\s*(?:,\s*and|,|and|&)\s+)*${HEAD}$`, 'u');
const entityParenthesis = (inner: string): boolean => ENTITIES_THEN_HEAD.test(inner.slice(LEAD.exec(inner)![0].length));

/**
 * The names of `kept` that the text writes only inside a parenthesis giving the legal entities of another kept name
 * right before it: each is that party again, not another recipient. `text` is the text the names were read from.
 */
export function entitiesInParentheses(text: string, kept: string[]): Set<string> {
  const out = new Set<string>();
  const others = kept.map((n) => ({ n: n.toLowerCase(), k: core(n) })).filter((o) => o.k.length >= 3);
  // The first 50 places of each, from one pass over the text for all names (an indexOf loop per name scanned a long
  // text once per name; a name's places may overlap, as that loop's did).
  const withSuffix = kept.filter((name) => ENDS_WITH_SUFFIX.test(name));
  if (withSuffix.length === 0) return out;
  const places = mentionsOf(text, withSuffix, 50, true);
  for (const name of withSuffix) {
    const at = places.get(name)!;
    if (at.length > 0 && at.every((a) => ownerBefore(text, a, core(name), others))) out.add(name);
  }
  return out;
}

/** Whether the occurrence at `at` sits in an entity parenthesis opened right after another kept name. */
function ownerBefore(text: string, at: number, key: string, others: { n: string; k: string }[]): boolean {
  // The parenthesis around `at`, skipping closed inner ones ("DingTalk (China) Information Technology Co., Ltd.").
  let depth = 0;
  let open = -1;
  for (let i = at - 1; i >= Math.max(0, at - 240) && open < 0; i--) {
    const c = text[i];
    if (c === '\n') return false;
    if (c === ')') depth++;
    else if (c === '(' && depth > 0) depth--;
    else if (c === '(') open = i;
  }
  if (open < 0 || !entityParenthesis(text.slice(open + 1, at))) return false;
  const before = text.slice(Math.max(0, open - 80), open).trimEnd().toLowerCase();
  return others.some((o) => o.k !== key && before.endsWith(o.n) && !/[\p{L}\p{N}]/u.test(before[before.length - o.n.length - 1] ?? ' '));
}

/**
 * The name as written when the document opens it with a capital "The" in the middle of a sentence ("such as Xandr or The
 * AdEx"): the article is part of the company's name there (README: names as the document writes them), while a "the"
 * in lower case or at a sentence's start is the sentence's own. `before` is the text just before the raw name.
 */
export function withWrittenArticle(raw: string, name: string, before: string): string {
  return /^\s*The\s+[\p{Lu}\p{N}]/u.test(raw) && !name.startsWith('The ') && /[\p{Ll},]\s+$/u.test(before) ? `The ${name}` : name;
}
