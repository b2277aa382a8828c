import type { FactContext } from './fact-context.js';
import { POLICY_WORDS } from '../clauses/vocabulary.js';
import { ENDS_WITH_SUFFIX, NOT_A_NAME } from './subprocessor-name-patterns.js';

/** Whether a candidate is an organisation's name (subprocessor-names.ts): policy words, ordinary words, cleaning. */

// A legal form's or an initial's period ends a name ("Acme Inc.", "J.P."); any other final period is the sentence's.
const KEEP_PERIOD = /(?:\b(?:Inc|Ltd|ltd|Corp|Co|Bhd)|\.[\p{Lu}])\.$/u;

/** Whether every word of a name is a word policies capitalise as a heading or term ("Authorized Users"). */
export function policyWordsOnly(name: string): boolean {
  const words = name.toLowerCase().split(/[\s/]+/).filter(Boolean);
  return words.every((w) => POLICY_WORDS.has(w) || POLICY_WORDS.has(w.replace(/s$/, '')) || POLICY_WORDS.has(w.replace(/ies$/, 'y')));
}

const STOP = new Set(['of', 'de', 'du', 'and', 'for', '&', 'the', 'la', 'le']);
const IDENT_BEFORE = /[\p{L}\p{N}_\\/.@-]/u;
// (An e-mail address's local part too: "stripe-payments@brave.com" is an address, not the word "stripe".)
const IDENT_AFTER = /^(?:[\p{L}\p{N}_\\@/]|\.[a-z]{2}|[\p{L}\p{N}._+-]*@)/u;
/**
 * Whether a lower-case word occurs in the prose, not only inside an identifier: "stripe" in a cookie's name
 * ("\\_\\_stripe\\_mid", "__stripe_sid") does not make "Stripe" an ordinary word. Asked only of candidate names.
 */
function inProse(text: string, w: string): boolean {
  for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
    // As in lower-words.ts, a web or e-mail address is not prose either ("stripe.com", "/stripe/").
    if (!IDENT_BEFORE.test(text[i - 1] ?? ' ') && !IDENT_AFTER.test(text.slice(i + w.length, i + w.length + 64))) return true;
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
  // An ordinal ("3rd party providers", "1st party cookies") is no name.
  if (/^\d+(?:st|nd|rd|th)$/i.test(name)) return undefined;
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
