import type { Sentence } from '../text/sentences.js';
import { mayMatch } from '../text/keyword-gate.js';
import { PROVIDER_NOUN, RELATION_VERB } from '../clauses/vocabulary.js';
import { NAME_AT } from './subprocessor-names.js';

/**
 * A provider described in its own sentence, in a passage about the vendor's providers: "Twilio provides
 * communication and authentication services used for account verification. The platform processes limited user
 * data, such as phone numbers …". Policies write their providers this way as often as in a table: the name is the
 * subject, a verb of supplying a service follows, and the same or the next sentence says the provider handles
 * data of people. Three things must hold, or nothing is read:
 * - the sentence opens with a name and a supplying verb ("provides", "delivers", "supplies", "is a … platform");
 * - an earlier sentence of the paragraph relates the vendor to providers ("we typically use Service Providers like:");
 * - this or the next sentence of the paragraph says the provider processes, stores or receives data, and not only
 *   aggregated or anonymised data ("It processes aggregated and anonymised data" is not personal data); after a modal
 *   the verb is in its base form ("Veriff will delete any data collected …" says Veriff holds it).
 */
const SUPPLIES = /^\s+(?:provides|delivers|supplies|offers|operates|is\s+an?\s+(?:[\w-]+\s+){0,8}?(?:platform|provider|service|tool|processor|vendor))\b/;
const DATA_NOUN = String.raw`\b(?:data|information|details|content|responses|interactions|messages|identifiers|(?:phone\s+)?numbers|inputs|prompts|records)\b`;
const HANDLES_DATA = new RegExp(String.raw`\b(?:process(?:es|ed|ing)?|stor(?:es|ed|ing)|receiv(?:es|ed)|collect(?:s|ed)|retain(?:s|ed)?|delet(?:es|ed)|handl(?:es|ed)|host(?:s|ed|ing))\b[^.]{0,60}?${DATA_NOUN}`, 'i');
// The base form after a modal ("Idcheckr will delete any data …"). Alone, "store", "host" or "collect" may be a noun or
// another subject's verb ("the app store", "We collect your details"), so the modal's subject must be the provider: in
// the next sentence its name, "it", "they" or "the platform"; in its own sentence, a verb joined to the name's ("…
// and will store your messages"). "You may delete your data", "Users can store messages" say nothing of the provider.
const MODAL_HANDLES = new RegExp(String.raw`\b(?:will|may|might|can|could|shall|should|would|must)\s+(?:also\s+|only\s+)?(?:store|receive|collect|retain|delete|handle|host)\b[^.]{0,60}?${DATA_NOUN}`, 'i');
const JOINED_SUBJECT = /(?:\band|\bwhich|\bthat|\bwho)\s+(?:also\s+)?$/i;
const PROVIDER_SUBJECT = /^(?:it|they|(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?:platform|provider|service|company|tool|processor|vendor|app))\s+(?:also\s+)?$/i;

/** Whether a sentence says the provider `name` handles data, `own` when it is the sentence that names it. */
function handlesData(x: string, name: string, own: boolean): boolean {
  if (HANDLES_DATA.test(x)) return true;
  const m = MODAL_HANDLES.exec(x);
  if (!m) return false;
  const before = x.slice(0, m.index);
  if (own) return JOINED_SUBJECT.test(before);
  return PROVIDER_SUBJECT.test(before) || (before.startsWith(name) && /^(?:['’]s\s+[\w-]+)?\s+(?:also\s+)?$/.test(before.slice(name.length)));
}
const NOT_PERSONAL = /\b(?:aggregated|anonymi[sz]ed|de-?identified|non-personal|statistical)\b/i;
const SUPPLY_VERB = /\s(?:provides|delivers|supplies|offers|operates|is)\s/;
const OPENING_WORD = /^(?:where|when|if|while|although|though|because|since|as|once|unless|whether|whereas|after|before|until|upon|each|every|this|that|these|those|the|our|your|its|their|it|they|we|you|such|any|all|some|other)$/i;
// How far back in the paragraph the sentence relating the vendor to its providers may stand.
const CONTEXT_SENTENCES = 25;

/** The provider a sentence describes as supplying a service that handles people's data, with its offset in the view. */
export function providerProfile(sentences: Sentence[], s: Sentence): { name: string; at: number } | undefined {
  const v = s.view;
  // The verb first (a plain search): the name pattern is the costly part and most sentences have no such verb.
  if (!mayMatch(SUPPLY_VERB, v, s) || !SUPPLY_VERB.test(v)) return undefined;
  const m = NAME_AT.exec(v);
  if (!m || m.index !== 0) return undefined;
  const name = m[1];
  // "Where Cloudflare is a data processor, …": a clause opened by a conjunction, not a name.
  if (OPENING_WORD.test(name.split(/\s+/)[0])) return undefined;
  const at = v.indexOf(name);
  if (at !== 0 || !SUPPLIES.test(v.slice(name.length))) return undefined;
  const next = sentences[s.index + 1];
  const handled = [v, next !== undefined && next.paragraph === s.paragraph ? next.view : ''].find((x, k) => handlesData(x, name, k === 0));
  if (!handled || NOT_PERSONAL.test(handled)) return undefined;
  for (let i = s.index - 1; i >= 0 && s.index - i <= CONTEXT_SENTENCES; i--) {
    const p = sentences[i];
    if (p.paragraph !== s.paragraph || p.isHeading) break;
    if (PROVIDER_NOUN.test(p.view) && RELATION_VERB.test(p.view)) return { name, at };
  }
  return undefined;
}

// A heading's provider described by the sentence under it: "Google Analytics" then "Google Analytics is a web analytics service".
const DESCRIBED = /^\s+(?:is|are|provides|offers|delivers|helps|enables|allows)\b/;
// A numbered section heading ("13. Analytics"): the walk back for the sentence relating the vendor to providers stops there.
const SECTION_NUMBER = /^\d+(?:\.\d+)*\.?\s/;
const WE_USE = /\b(?:we|us|our)\b/i;

/**
 * A heading that names one of the vendor's providers, in a section that introduces them: "We may use third-party
 * Service Providers to monitor and analyze the use of our Service." then the heading "Google Analytics" and "Google
 * Analytics is a web analytics service …". The heading is a name and nothing else, the sentence under it describes
 * that name, and a sentence of the same section (before the heading, up to its numbered title) relates the vendor to
 * providers.
 */
export function providerHeading(sentences: Sentence[], s: Sentence): { name: string; at: number } | undefined {
  // A bullet left in the heading's text (Markdown "### \* Google Analytics" reads "* Google Analytics") is not part of the name.
  const v = s.view.trim().replace(/^[-*•]\s+/, '');
  if (!s.isHeading || v.length > 40 || v.split(/\s+/).length > 4 || SECTION_NUMBER.test(v)) return undefined;
  const m = NAME_AT.exec(v);
  if (!m || m[1] !== v) return undefined;
  const next = sentences[s.index + 1];
  if (next === undefined || next.isHeading || !next.view.startsWith(v) || !DESCRIBED.test(next.view.slice(v.length))) return undefined;
  for (let i = s.index - 1; i >= 0 && s.index - i <= CONTEXT_SENTENCES; i--) {
    const p = sentences[i];
    if (p.isHeading) {
      if (SECTION_NUMBER.test(p.view)) return undefined;
      continue;
    }
    if (WE_USE.test(p.view) && PROVIDER_NOUN.test(p.view) && RELATION_VERB.test(p.view)) return { name: v, at: s.view.indexOf(v) };
  }
  return undefined;
}

// "Google is one of the third-party advertising companies we may use to serve ads", "Google is one of these third-party
// vendors": the name is given as one of the vendor's providers. The kind must be the vendor's (third-party, "these",
// "our", or one "we use"), not a ranking ("one of the largest companies in the world").
// A template's slip, "one of a third-party vendor on our site", says the same; "one of a number of companies" does not
// (the article "a" counts only before "third-party").
const ONE_OF = /^\s+is\s+(?:also\s+)?one\s+of\s+(the|these|our|a(?=\s+third[- ]party\b))\s+((?:[\w-]+\s+){0,4}?)(?:vendors?|companies|providers?|partners?|processors|sub-?processors|networks|suppliers)\b(\s+(?:that\s+|whom\s+)?we\s+(?:may\s+|also\s+)?(?:use|work\s+with|engage|rely\s+on))?/i;
// "Quillads, as a third party vendor, uses cookies to serve ads on your site", "Paystride, as our payment processor,
// receives …": the role set off by commas right after the opening name (README: named as the vendor's provider).
const AS_ROLE = /^,\s+as\s+(?:a|an|our)\s+(?:[\w-]+\s+){0,2}?(?:vendor|provider|processor|sub-?processor|partner|supplier)\s*,\s+\p{Ll}/u;

/** A provider named as one of the vendor's providers in a sentence of its own, with its offset in the view. */
export function oneOfProviders(s: Sentence): { name: string; at: number } | undefined {
  const v = s.view;
  const oneOf = v.includes(' one of ');
  if (!oneOf && !v.includes(', as ')) return undefined;
  const m = NAME_AT.exec(v);
  if (!m || m.index !== 0 || OPENING_WORD.test(m[1].split(/\s+/)[0]) || !v.startsWith(m[1])) return undefined;
  if (!oneOf) return AS_ROLE.test(v.slice(m[1].length)) ? { name: m[1], at: 0 } : undefined;
  const o = ONE_OF.exec(v.slice(m[1].length));
  if (!o) return undefined;
  const ours = o[1].toLowerCase() !== 'the' || o[3] !== undefined;
  return ours ? { name: m[1], at: 0 } : undefined;
}
