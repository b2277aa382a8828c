import type { FactContext } from './fact-context.js';
import { POLICY_WORDS } from '../clauses/vocabulary.js';
import { AUTHORITY_HEADS } from '../clauses/authorities.js';
import { AnchoredWindows, CapitalIndex, wordsBefore } from '../text/anchored-windows.js';
import { hasWholeWord } from '../text/whole-word.js';
import { capitalisedWordsOfText } from '../text/capitalised-words.js';
import { LEGAL_SUFFIX, REGION_IN_NAME, TRAILING_LEGAL_SUFFIX } from '../text/legal-suffixes.js';

/**
 * The syntax of organisation names in policies, for the sub-processor readers: name tokens and legal suffixes,
 * splitting "A, B and C", the lead entity of a list item or cell, cleaning a candidate, comparison keys, the
 * vendor's products and the legal name a document gives a brand. Pure functions of the text.
 */
// The legal forms, from the one vocabulary (text/legal-suffixes.ts).
export const SUFFIX = LEGAL_SUFFIX;
// A name token: capitalised or with an inner capital ("iDenfy", "eBay"), a number with letters, dotted brands ("Kapa.ai").
export const TOKEN = String.raw`(?:[\p{Lu}0-9][\p{L}\p{N}&'’.+-]*[\p{L}\p{N}]|[\p{Lu}]|[\p{Ll}]+-?[\p{Lu}][\p{L}\p{N}&'’.+-]*)`;
// A trade name after "doing business as" belongs to the same name ("Widgix, LLC dba Survey Gizmo"), when it ends where
// the name does: at punctuation, the sentence's end or a lower-case word. Capitalised words running on after it are
// another phrase ("… dba SurveyGizmo Privacy Policy", "… dba Survey Quill The Survey Platform"): the name then ends
// at its legal suffix, as without the trade name. A trade name may open with "The" ("… d/b/a The Widget Store").
const DBA_WORD = String.raw`(?!(?:The|Our|In|For|To|At|On|By|With|See|Privacy|Policy|Notice|Terms)(?![\p{L}]))${TOKEN}`;
const DBA = String.raw`(?:\s+(?:dba|d\/b\/a|d\.b\.a\.)\s+(?:The\s+)?${DBA_WORD}(?:\s+${DBA_WORD}){0,3}(?=\s*(?:[,.;:()]|$)|\s+\p{Ll}))?`;
const NAME = String.raw`${TOKEN}(?:\s+(?:(?:of|de|du|&|and|for)\s+)?${TOKEN}){0,5}(?:(?:\s+${REGION_IN_NAME})?,?\s+${SUFFIX}(?![\p{L}])${DBA})?`;
export const ENDS_WITH_SUFFIX = new RegExp(String.raw`${SUFFIX}$`, 'u');
const KEEP_PERIOD = /(?:\b(?:Inc|Ltd|ltd|Corp|Co)|\.[\p{Lu}])\.$/u;
// A legal suffix ends a company's name: "and" after one joins the next company ("Google LLC and Sanoma Media Finland
// Oy" is two), while "and" between other words may be inside one name ("Procter and Gamble Co."). The look-behind is
// asked only after an "and" has matched: at every other word boundary it would cost a scan of the suffix list.
// A region may stand before the suffix, inside the name ("ACI Worldwide (EMEA) Ltd.", "Samsung Electronics (UK) Limited").
export const SUFFIX_NAME = new RegExp(String.raw`(?<![\p{L}\p{N}])(${TOKEN}(?:(?:\s+(?:and|&)\s+(?<!\s${SUFFIX}\s+(?:and|&)\s+)|\s+of\s+|\s+)${TOKEN}){0,5})(?:\s+${REGION_IN_NAME})?,?\s+${SUFFIX}(?![\p{L}])${DBA}`, 'gu');
export const SUFFIX_NAME_ALL = new RegExp(SUFFIX_NAME.source, 'gu');
// A legal suffix anywhere: the name-with-suffix scan (slow: up to six name tokens tried at every capital) runs only where one is.
export const HAS_SUFFIX = new RegExp(String.raw`\s${SUFFIX}(?![\p{L}])`, 'u');
export const NAME_AT = new RegExp(String.raw`^\s*(?:the\s+)?(${NAME})`, 'u');
// A short parenthesis after a name in a list is its country or acronym ("Zendesk Inc. (USA), Stripe (USA) and Adyen (the
// Netherlands)"): the list goes on after it (splitNames keeps the name before it). One holding a company's legal name
// ("Sentry.io (Functional Software, Inc., USA)", "(formerly Writelatex Ltd)") is another name for the same entity or
// a former one, not a note: the list ends before it, as it did without notes.
const NAME_NOTE = String.raw`(?:\s*\((?![^()]*\s${SUFFIX}(?![\p{L}]))[^()\d\n]{1,40}\))?`;
// Two products of two providers written with a slash between them ("Google Analytics/Firebase Analytics (USA), Amazon
// group (USA)"): two names, when each has at least two words ("Conversant/CJ Affiliate" is one company's names, "TCP/IP" no one's).
// The slash is matched before the look-behind is asked: asked first, the look-behind would run at every position.
const SLASH = String.raw`\/(?<=\p{Lu}\S*\s\S+\/)(?=\p{Lu}\S*\s\p{Lu})`;
// "Stripe, the Department of Justice and Mailgun": a public body written with its "the" inside a list is one entry of
// it (set aside alone as an authority when read, see authoritySpan), not the list's end. Only before a body's head word:
// "Stripe, the payment processor" or "Stripe, the Company" still ends it.
const THE_BODY = String.raw`(?:the\s+(?=(?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}(?:${AUTHORITY_HEADS.join('|')})(?![\p{L}])))?`;
// One copy of the name after either separator: (A|B)C tries its readings in the order AC|BC does, so the readings are
// those of a copy after each, in a pattern V8 compiles in about half the time.
export const NAME_LIST_AT = new RegExp(String.raw`^\s*(?:the\s+)?(${NAME}${NAME_NOTE}(?:(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\/or\s+|\s+and\s+|\s+or\s+|\s+&\s+)${THE_BODY}|${SLASH})${NAME}${NAME_NOTE}){0,12})`, 'u');
// Connective adverbs that open sentences ("Additionally, …") are not names either.
export const NOT_A_NAME = /^(?:additionally|furthermore|moreover|finally|alternatively|similarly|accordingly|consequently|likewise|specifically|generally|otherwise|therefore|thus|hence|nevertheless|nonetheless|meanwhile|subsequently|the|a|an|our|we|you|your|this|these|such|any|all|each|customer|covered entity|business associate|company|vendor|services?|section|article|schedule|exhibit|appendix|annex|agreement|hipaa|gdpr|ccpa|cpra|phi|eu|eea|uk|us|u\.s\.|united states|usa|california|europe|data|personal|protected|note|none|n\/a|name|purpose|location|sub-?processors?|entity|country|service|function|description|category|sub-?contractors?|vendors?|providers?|(?:service|third[- ]party) providers?|recipients?|partners?|names?|purposes?|functions?|locations?|countr(?:y|ies)|regions?|roles?|services provided|processing|activity|activities|(?:company|vendor|provider|entity|sub-?processor|sub-?contractor|legal|supplier) names?|suppliers?|third[- ]part(?:y|ies)|hosting location|privacy policy|privacy notice|privacy statement|terms|terms of (?:service|use)|cookie policy|cookies?|personal data|personal information|user|users|member|members|website|site|app|apps|application|platform|content|account|email|sms|api|ai|ml|it|hr|faq|help center|support|settings|dashboard|standard contractual clauses|sccs?|dpa|data processing agreement|data privacy framework|privacy shield|for|if|when|where|while|with|in|on|at|by|to|from|as|or|and|but|also|other|some|certain|further|more|please|see|click|learn|read|note|important|example|e\.g|i\.e|etc|inc|llc|ltd|limited|gmbh|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|[a-z]|transport layer security|tls|ssl|https?|secure sockets layer|advanced encryption standard|aes|wi-?fi|bluetooth|ip|sdk|javascript|html|yes|true|false|optional|required|mandatory|unknown|not applicable|everyone|anyone|someone|nobody|list|statement|page|addendum|form|portal|link|table|document|here|below|above|overview|summary|details)$/i;

// A brand's shape: an inner capital ("PayPal"), a dot ("Kapa.ai") or a digit ("G2").
export const BRAND_SHAPE = /[\p{Ll}][\p{Lu}]|\.[\p{L}]|[\p{L}][0-9]/u;
const SPLIT_NAMES = new RegExp(String.raw`(;|,(?![^()]*\))|\s+and\/or\s+|\s+and\s+|\s+or\s+|\s+&\s+(?=[\p{Lu}])|${SLASH})`, 'u');
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

/** Whether every word of a name is a word policies capitalise as a heading or term ("Authorized Users"). */
export function policyWordsOnly(name: string): boolean {
  const words = name.toLowerCase().split(/[\s/]+/).filter(Boolean);
  return words.every((w) => POLICY_WORDS.has(w) || POLICY_WORDS.has(w.replace(/s$/, '')) || POLICY_WORDS.has(w.replace(/ies$/, 'y')));
}

const STOP = new Set(['of', 'de', 'du', 'and', 'for', '&', 'the', 'la', 'le']);
const IDENT_BEFORE = /[\p{L}\p{N}_\\/.@-]/u;
const IDENT_AFTER = /^(?:[\p{L}\p{N}_\\@/]|\.[a-z]{2})/u;
/**
 * Whether a lower-case word occurs in the prose, not only inside an identifier: "stripe" in a cookie's name
 * ("\\_\\_stripe\\_mid", "__stripe_sid") does not make "Stripe" an ordinary word. Asked only of candidate names.
 */
function inProse(text: string, w: string): boolean {
  for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
    // As in lower-words.ts, a web or e-mail address is not prose either ("stripe.com", "/stripe/").
    if (!IDENT_BEFORE.test(text[i - 1] ?? ' ') && !IDENT_AFTER.test(text.slice(i + w.length, i + w.length + 3))) return true;
  }
  return false;
}

// inProse per document and word: the same words come back with every candidate name, and a word seen only inside
// identifiers is a scan of the whole text each time (seconds over a 20 MB text).
const proseAnswers = new WeakMap<FactContext, Map<string, boolean>>();
function proseMemo(ctx: FactContext, w: string): boolean {
  let memo = proseAnswers.get(ctx);
  if (!memo) proseAnswers.set(ctx, (memo = new Map()));
  let v = memo.get(w);
  if (v === undefined) memo.set(w, (v = inProse(ctx.text, w)));
  return v;
}

/** Whether every word of a name is an ordinary word of this document ("Transport Layer Security", "Authorized"). */
export function common(ctx: FactContext, name: string): boolean {
  const words = name.split(/\s+/).filter((w) => !STOP.has(w.toLowerCase()));
  if (words.length === 0) return true;
  // Acronyms ("AWS") and brands with inner capitals or dots ("PayPal", "Kapa.ai") are not ordinary words.
  if (words.some((w) => /^[\p{Lu}0-9]{2,}$/u.test(w) && w.length >= 3) || words.some((w) => /.[\p{Lu}]|\.\p{L}/u.test(w))) return false;
  const lower = ctx.isLowerWord;
  const ordinary = (w: string) => {
    const l = w.toLowerCase();
    return [l, l.replace(/s$/, ''), l.replace(/ies$/, 'y')].some((x) => lower(x) && proseMemo(ctx, x));
  };
  return words.every(ordinary);
}

export function cleanName(raw: string): string | undefined {
  let name = raw.replace(/\s+/g, ' ').trim().replace(/^(?:\d+(?:\.\d+)*\.?\s+)+/, '').replace(/^(?:and|or|the|by|to|with|from|via)\s+/i, '').replace(/[\s,;:]+$/, '');
  // Keep the period of "Inc." or "Ltd.", drop a sentence's final period otherwise.
  if (name.endsWith('.') && !KEEP_PERIOD.test(name)) name = name.slice(0, -1);
  name = name.replace(/['’]s$/, '');
  // A name has letters ("1.1.1.1" is a resolver's address, not an organisation).
  // Two characters only for a brand of a capital and a digit ("G2", "O2").
  if ((name.length < 3 && !/^\p{Lu}[0-9]$/u.test(name)) || name.length > 80 || !/\p{L}/u.test(name) || /\d{3,}/.test(name) || /\b(?:We|You|Our|Your|Us)\b/.test(name) || /^P\.?O\.?$/.test(name)) return undefined;
  const words = name.split(' ');
  // An acronym made an adjective ("RFID-enabled badges", "GPS-based") describes a thing, it names no one.
  if (/^[\p{Lu}0-9]+-\p{Ll}+$/u.test(name)) return undefined;
  if (NOT_A_NAME.test(name) || (words.length === 1 && NOT_A_NAME.test(words[0]))) return undefined;
  if (/^(?:The|Our|This|These|Such|Any|Each|All|If|When|We|You|Customer|Covered|For|In|On|At|By|To|As|With|From|Some|Other|Certain|Please|See|Note|Opt|Install|Learn|Click|Visit|Read|Only|So-called|Only)\s/.test(name)) return undefined;
  // Technical terms and abbreviations that are not organisations. "ID"/"IDs" only: with a digit it is a brand ("ID5", an
  // advertising-identifier company partners are named with).
  if (/^(?:sdks?|apis?|gps|global positioning system|tlsv?[\d.]*|ssl|oauth|pii|cpni|cctv|a\.?i|ai-\w+|u\.s|u\.k|pci(?: dss)?(?:-compliant)?|ios(?: \d+)?|android(?: \d+)?|[\w]+ yen|euro|dollars?|nai|dmps?|dsps?|ssps?|cmp|crm|url|urls|rss|cbd|ids?)$/i.test(name)) return undefined;
  // Document titles and data kinds are not organisations ("Google Privacy Policy", "HTTP Referral Data").
  if (/\b(?:policy|policies|notice|terms|statement|settings|data|information|content|cookies?|address(?:es)?|identifiers?|add-on|extension)$/i.test(name) && !ENDS_WITH_SUFFIX.test(name)) return undefined;
  // All-caps words of a heading or a shouting sentence ("WE MAY SHARE") are not names; acronyms are ("AWS").
  // A short one ending in a legal suffix is a company written in capitals ("IKEA IT AB").
  if (words.length > 2 && name === name.toUpperCase() && /[A-Z]{3}/.test(name) && !(words.length <= 4 && ENDS_WITH_SUFFIX.test(name))) return undefined;
  return name;
}

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

// A product's words follow its brand on the same line: the name after a line break starts another line of the text
// (a table's next row: "As disclosed in the Privacy Notice" ending one row, "Salesforce" opening the next).
const PRODUCT_TAIL = new RegExp(String.raw`[^\S\n]+(${TOKEN}(?:[^\S\n]+${TOKEN}){0,2})`, 'uy');

/**
 * The vendor's product names: up to three name words after one of its brands ("Acme Rewards"), each prefix
 * lower-cased. The brands are found with indexOf (one regex alternation of them, tried at every position of
 * the text, was a tenth of all extraction time); at each place the first brand, in order, followed by a name wins.
 */
export function productsOf(text: string, brands: string[]): Set<string> {
  const out = new Set<string>();
  const starts = new Set<number>();
  for (const b of brands) for (let i = text.indexOf(b); i >= 0; i = text.indexOf(b, i + 1)) starts.add(i);
  let from = 0;
  for (const at of [...starts].sort((a, b) => a - b)) {
    if (at < from) continue;
    for (const b of brands) {
      if (!text.startsWith(b, at)) continue;
      PRODUCT_TAIL.lastIndex = at + b.length;
      const m = PRODUCT_TAIL.exec(text);
      if (!m) continue;
      const words = m[1].split(/\s+/);
      for (let k = 1; k <= words.length; k++) out.add(words.slice(0, k).join(' ').toLowerCase());
      from = PRODUCT_TAIL.lastIndex;
      break;
    }
  }
  return out;
}

const AFTER_BRAND = new RegExp(String.raw`((?:\s+${TOKEN}){0,3}),?\s+${SUFFIX}(?![\p{L}])`, 'uy');

/** The legal name the document gives a brand ("Rexx" → "Rexx Systems GmbH"), or the brand: the first occurrence followed by up to three words and a legal suffix. */
export function legalName(text: string, brand: string): string {
  if (ENDS_WITH_SUFFIX.test(brand)) return brand;
  if (text.length > LONG_TEXT && brand.length <= BRAND_MARGIN) {
    const long = legalNameNearSuffixes(text, brand);
    if (long !== undefined) return long;
  }
  for (let at = text.indexOf(brand), n = 0; at >= 0 && n < 200; at = text.indexOf(brand, at + 1), n++) {
    if (at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1])) continue;
    AFTER_BRAND.lastIndex = at + brand.length;
    const m = AFTER_BRAND.exec(text);
    if (m) return (brand + m[0]).replace(/\s+/g, ' ');
  }
  return brand;
}

// In a long text (many documents in one) each name's scan above is as long as the text, and most names have no
// legal name: there only the occurrences near a legal suffix are looked at (the same answer, see below).
const LONG_TEXT = 1 << 20;
const BRAND_MARGIN = 200;
const SUFFIX_AFTER_SPACE = new RegExp(String.raw`\s(?=${SUFFIX}(?![\p{L}]))`, 'gu');
let suffixWindows: { text: string; windows: AnchoredWindows; capitals?: CapitalIndex } | undefined;

/**
 * {@link legalName}'s loop, over the occurrences that can be followed by AFTER_BRAND (which ends in a suffix after
 * at most three words): those inside a window before a suffix. The loop's bound of 200 occurrences still counts
 * every occurrence in the text before the one taken. Undefined when the brand cannot be looked up that way.
 */
function legalNameNearSuffixes(text: string, brand: string): string | undefined {
  if (suffixWindows?.text !== text) {
    const ranges: [number, number][] = [];
    SUFFIX_AFTER_SPACE.lastIndex = 0;
    for (let m = SUFFIX_AFTER_SPACE.exec(text); m; m = SUFFIX_AFTER_SPACE.exec(text)) {
      const p = m.index + 1;
      ranges.push([Math.max(0, wordsBefore(text, p, 3) - BRAND_MARGIN), p]);
    }
    suffixWindows = { text, windows: new AnchoredWindows(text, ranges) };
  }
  let m: RegExpExecArray | null = null;
  const at = suffixWindows.windows.visitWordStarts(brand, (i) => {
    if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1])) return false;
    AFTER_BRAND.lastIndex = i + brand.length;
    m = AFTER_BRAND.exec(text);
    return m !== null;
  });
  if (at === undefined) return undefined;
  if (at < 0 || !m) return brand;
  let n = (suffixWindows.capitals ??= new CapitalIndex(text)).countBefore(brand, at, 200);
  if (n === undefined) {
    n = 0;
    for (let i = text.indexOf(brand); i >= 0 && i < at && n < 200; i = text.indexOf(brand, i + 1)) n++;
  }
  return n < 200 ? (brand + (m as RegExpExecArray)[0]).replace(/\s+/g, ' ') : brand;
}

const HEAD_CHARS = 1000;
const COUNTED_CHARS = 60_000;

/**
 * The brand a document names itself by when it defines no alias for itself: the capitalised word it uses far more
 * often than any other (at least 8 times and twice the runner-up) and already in its first 1,000 characters, not an
 * ordinary word of the text nor a word policies capitalise ("Vodafone" in Vodafone's policy, "Sonic" in Sonic.net's).
 * A document is mostly about its author; a provider it names is not its most frequent word by that margin. Lower
 * case, or undefined. Stricter than the definitions' guess (clauses/definitions.ts), which names the vendor for
 * every fact: this one only keeps the author out of its own recipients, and skips words the text also writes in
 * lower case ("Days" in a retention table), which there outnumber a real brand.
 */
export function dominantBrand(text: string, isLowerWord: (w: string) => boolean): string | undefined {
  const counts = new Map<string, number>();
  for (const [w, n] of capitalisedWordsOfText(text.slice(0, COUNTED_CHARS))) {
    // Rare words cannot be the brand nor its runner-up that matters (the brand needs 8 and twice the runner-up).
    if (n < 2 || w.length < 3) continue;
    // "Sonic.net" counts as "Sonic".
    const k = (w.includes('.') ? w.replace(/\.[a-z]{2,4}$/, '') : w).toLowerCase();
    counts.set(k, (counts.get(k) ?? 0) + n);
  }
  // Words are judged from the most frequent down, until the runner-up is known: most are never asked about.
  const judged: [string, number][] = [];
  for (const e of counts) if (e[1] >= 4) judged.push(e);
  judged.sort((a, b) => b[1] - a[1]);
  let best: [string, number] | undefined;
  let second = 0;
  for (const [w, n] of judged) {
    if (POLICY_WORDS.has(w) || NOT_A_NAME.test(w) || !/^[\p{L}\p{N}]+$/u.test(w) || isLowerWord(w)) continue;
    if (!best) best = [w, n];
    else {
      second = n;
      break;
    }
  }
  if (!best || best[1] < 8 || best[1] < 2 * second) return undefined;
  // The author introduces itself at the start; a provider explained at length ("Google Analytics …") comes later.
  // Not as a platform's product the user meets ("the Google Play Store", "your Apple ID"): that is a store, not the author.
  const head = text.slice(0, HEAD_CHARS).toLowerCase();
  return hasWholeWord(head, best[0], PLATFORM_PRODUCT) ? best[0] : undefined;
}
const PLATFORM_PRODUCT = /\s+(?:play|app\s+store|store|id|account|analytics|ads|maps|tag)\b/uy;
