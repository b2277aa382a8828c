/**
 * Who a sentence binds, as data shared by the fact readers: a restriction on the user or on third parties
 * ("You may not use our Content to train …", a list under "You agree not to:") is about what others may do with
 * the vendor's materials, never about what the vendor does with customer data; and the vendor's own materials
 * ("Our Content", "content from the Site") are not the customer's data.
 */
import type { Sentence } from '../text/sentences.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { introChain } from './structure.js';

// The user or third parties as the ones barred: "you may not", "neither you nor your End Users will", "you agree not to",
// or an imperative addressed to the reader ("Do not aggregate API Data"; not the "Do Not Sell" / "Do Not Track" titles).
export const USER_BARRED = /\b(?:you|your end users|users?|licensees?|neither you|third part(?:y|ies)|any (?:other )?(?:person|party|one)|anyone|others)\b(?:\s+\w+){0,6}?\s+(?:may not|must not|shall not|will not|won't|cannot|can't|agrees? not to|are not (?:permitted|allowed|authori[sz]ed) to|(?:are|is) (?:strictly )?prohibited from|should not)\b|\bnot (?:allow|permit|authori[sz]e) any (?:third party|other person|one)\b|^\W*neither you\b|^\W*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:do not|don't|don’t)\s+(?!sell\b|share\b|track\b)[a-z]/i;
// A lead-in of a list of forbidden uses ("You agree not to:", "To use any of the following things…" after a
// "you need our permission", "The following are prohibited:", "All other uses of user data are prohibited, including:").
export const BARRED_LEAD = /\b(?:you|users?)\b[^.;]{0,60}\b(?:may not|must not|shall not|will not|agrees? not to|not to|are not (?:permitted|allowed) to|(?:are|is) prohibited from)\b|\b(?:prohibited|forbidden|not permitted|restricted) (?:uses?|activities|conduct|actions)\b|\bthe following\b[^.;:]{0,40}?\b(?:are|is) (?:prohibited|forbidden|not (?:permitted|allowed))\b|\b(?:need|ask for|get|obtain) (?:our|the) (?:prior )?(?:written )?permission\b|\b(?:are|is)\s+(?:strictly\s+)?(?:prohibited|forbidden|not (?:permitted|allowed))(?:,?\s+(?:including|such as))?\s*:\s*$/i;
// The vendor's own materials as the object ("Our Content", "content from the Site", "data from the AI services").
export const VENDOR_MATERIALS = /\b(?:(?:our|the site's|the service's)\s+(?:content|materials?|works?|database)\b|(?:content|data|materials?|text|information)\s+(?:\w+\s+){0,3}?(?:from|through|via)\s+(?:the|our)\s+(?:site|services?|platform|websites?|web site|ai services)\b|from (?:the|our) (?:site|services?|platform|website|ai services)\b)/i;
// The customer's data named as the object, which keeps a sentence about the vendor's use of it.
export const CUSTOMER_DATA = /\b(?:your|customer|user|users'|members')\s+(?:personal\s+)?(?:content|data|information|inputs?|prompts?|messages|files|recordings?|conversations?)\b/i;

// Where one coordinated part of a sentence ends and the next begins: "We do not sell it, and we do not permit any
// third party to sell it" binds the vendor in its first part and third parties in its second.
const PART_BOUNDARY = /[;:]|,\s*(?:and|but|while|whereas|although|though)\b|\band\s+(?=(?:we|our|us|the company)\b)/gi;

// A part whose subject is the vendor: "we …", "our company …", "the Company …".
const VENDOR_OPENS = /^\W*(?:we|our (?:company|service|services)|the company)\b/i;

/** The coordinated part of a sentence's view that holds offset `at` (see PART_BOUNDARY). */
export function partAt(view: string, at: number): string {
  let start = 0;
  let end = view.length;
  for (const m of view.matchAll(PART_BOUNDARY)) {
    const i = m.index ?? 0;
    if (i + m[0].length <= at) start = i + m[0].length;
    else if (i >= at) { end = i; break; }
  }
  return view.slice(start, end).trim();
}

/**
 * Whether the sentence restricts the user or third parties (itself, or as an item of a list of forbidden uses).
 * With `at`, only the coordinated part holding that offset is read, so a vendor's own commitment beside a rule for
 * others ("We do not sell it, and third parties may not sell it either") is still the vendor's.
 */
export function restrictsOthers(sentences: Sentence[], s: Sentence, at?: number): boolean {
  if (USER_BARRED.test(s.view)) {
    // Only a part that the vendor itself opens as subject is set apart; an item of an inline list of forbidden
    // uses ("you may not: (a) …; (b) …") stays under the lead-in that bars it.
    if (at === undefined) return true;
    const part = partAt(s.view, at);
    if (USER_BARRED.test(part) || !VENDOR_OPENS.test(part)) return true;
  }
  // Every level of a nested list: "(d) use the Site to do any of the following:" sits under "You agree not to:".
  return introChain(sentences, s).some((lead) => BARRED_LEAD.test(lead.view) || USER_BARRED.test(lead.view));
}

// Data from public sources ("information that's publicly available online or from other public sources", "data from
// publicly available sources") is not the customer's data.
export const PUBLIC_SOURCES = /\bpublicly[- ]available\s+(?:online|sources?|information|data|content)\b|\b(?:that's|that is|which is)\s+publicly available\b|\bfrom (?:other )?public sources\b/i;
// A pointer to another document ("More information about … model-training … is available in our Privacy Policy").
export const POINTER = /^\W*(?:more|further|additional) (?:information|details) (?:about|on|regarding)\b/i;

// A sentence that points the reader elsewhere for a topic ("To learn more about X, visit here", "For more information
// about X, see our Cookie Policy", "Our Ad Choices site provides you more information about X"): X is named as what the
// other page explains, not stated as what the vendor does (a presupposed practice is no statement of it).
const POINTER_LEAD = /^\W*(?:(?:to|if you (?:would like|want|wish) to)\s+(?:learn|find out|read|know|understand)\s+more\s+about|(?:for\s+)?(?:more|further|additional)\s+(?:information|details)\s+(?:about|on|regarding|concerning))\b|\b(?:provides?|offers?|gives?)\s+(?:you\s+)?(?:with\s+)?(?:more|further|additional)\s+(?:information|details)\s+(?:about|on|regarding|concerning)\b/i;
// Where the topic ends: the instruction to go elsewhere (", see", ", you can visit"), or "… is available".
const POINTER_END = /,\s*(?:please\s+)?(?:you\s+(?:can|may|should|might)\s+(?:also\s+)?)?(?:visit|see|read|click|go|check|refer|consult|contact|review)\b|\s(?:is|are)\s+available\b|\s(?:can|may)\s+be\s+found\b/i;

/** Whether offset `at` of a sentence's view lies in the topic of a pointer to another page (see {@link POINTER_LEAD}). */
export function inPointerTopic(view: string, at: number): boolean {
  const m = POINTER_LEAD.exec(view);
  if (!m || at < m.index + m[0].length) return false;
  const from = m.index + m[0].length;
  const end = view.slice(from).search(POINTER_END);
  if (end >= 0) return at < from + end;
  // No place named: an opening pointer's topic ends where a clause of its own begins ("For more information about
  // cookies, we use them for targeted advertising"); a pointer inside the sentence ("… gives you more information
  // about X") runs to its end.
  const clause = opensSentence(view, m) ? view.slice(from).search(OWN_CLAUSE) : -1;
  return clause < 0 || at < from + clause;
}

const opensSentence = (view: string, m: RegExpExecArray): boolean => m.index === 0 && /^\W*(?:to|if|for|more|further|additional)\b/i.test(view.slice(0, m[0].length));
// A main clause after the opening phrase: its own subject ("…, we use", "…: our partners").
const OWN_CLAUSE = /[,:;]\s*(?:we|you|they|it|our)\b/i;

/** Whether the whole sentence is such a pointer: it opens with one, and after the topic says only where to go. */
export function pointsElsewhere(view: string): boolean {
  const m = POINTER_LEAD.exec(view);
  return m !== null && opensSentence(view, m) && POINTER_END.test(view.slice(m.index + m[0].length));
}

// Who does an act (clauses/doer.ts reads these). Words of a verb group that may stand between a subject and its verb:
// "Advertisers may use", "Users who transfer", "you do not store" (no other verb: "you agree that …", "you choose to …"
// make the subject another verb's).
export const VERB_GROUP_WORDS = ['who', 'that', 'also', 'then', 'only', 'still', 'themselves', 'itself', 'directly', 'independently', 'separately'];
// A provider word that is not the vendor's own defined name ("Service Provider" in a contract may be the vendor): a plural
// ("our partners", "service providers") or a third party's ("a third-party provider", "advertising partners").
export const OTHER_PROVIDER = /\b(?:third|partners?|advertis\w*|networks?)\b|s$/i;
// The act done for the vendor ("… to train our models", "on our behalf"): its providers working for it, not for themselves.
export const FOR_THE_VENDOR = /\b(?:on\s+(?:our|its|the company's)\s+behalf|on\s+behalf\s+of\s+(?:us|the company)|for\s+us\b|(?:our|the company's)\s+(?:own\s+)?(?:[\w-]+,?\s+(?:and\s+|or\s+)?){0,3}?(?:models?|ai|artificial intelligence|algorithms?|machine learning|systems?|technolog(?:y|ies)|servers?|data cent(?:er|re)s?|infrastructure|facilit(?:y|ies)|regions?|cloud))\b/i;

// A sentence that opens on a duty of the reader or of a party a platform governs: "You must …", "Apps should not …",
// "Your app must …", "Developers are required to …", or an imperative to the reader ("Do not use …"), after a list mark, a bold run-in title or an opening condition
// ("Unless otherwise permitted by law, you may not …").
const DUTY_OPENS = /^\W*(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2}(?:\.\d{1,2}){0,3})[.)]?\s+)?(?:\*\*[^*]{1,80}\*\*\W*)?(?:(?:unless|except|where|when|if)\b[^,.;]{0,80},\s*)?(?:(?:do not|don't|never)\s+(?!sell\b|share\b|track\b)[a-z]|(?:you|your\s+(?:apps?|applications?|sites?|websites?|products?|ads?|games?|extensions?)|(?:the\s+|all\s+|any\s+|each\s+)?(?:developers?|publishers?|advertisers?|merchants?|sellers?|creators?|partners?|licensees?|apps|applications|extensions))\b[^.;:]{0,140}?\b(?:must|should|shall|may not|cannot|can't|are (?:required|expected|not (?:allowed|permitted)) to|is (?:required|expected) to|need to)\b)/i;
// A rule with no actor: a modal passive ("Data collected from apps may only be shared …", "… may be permitted provided
// that …", "… may not be sold …").
const IMPERSONAL_RULE = /\b(?:may|must|shall|should|can|cannot)\s+(?:only\s+|not\s+|never\s+|also\s+)?be\s+(?:[a-z]+ly\s+)?(?:[a-z]+(?:ed|en|wn)|sold|sent|held|kept|lent|made|put|set|told)\b/i;
// The vendor or the reader's own data in the sentence: "we", "our", "your information" keep it the vendor's statement.
const VENDOR_OR_READER = /\b(?:we|us|our|your)\b/i;

// A word for data as the passive's subject ("Personal data may be disclosed …", "PHI may be disclosed …").
const DATA_SUBJECT = /\b(?:data|information|info|phi|ephi|records?|content|files?|recordings?|messages?|communications?)\b/i;
// Data named by the governed party's source ("Data collected from apps", "Information gathered by the extension",
// "Data received from the Marketing API"): what the governed party holds.
const GOVERNED_SOURCE = /\b(?:collected|obtained|gathered|received|accessed|derived|retrieved|acquired|read)\s+(?:from|through|via|by|using|with)\b/i;
/**
 * Whose thing the passive rule is about: the governed party's data (named by its source) or no data at all ("third-party
 * analytics … may be permitted"). A bare word for data ("Personal data may be disclosed to law enforcement …", "Customer
 * Data shall be deleted …") is data the vendor holds: after the reader's duties in a terms of use, it is still the
 * vendor's own handling, said without an actor.
 */
function governedSubject(subject: string): boolean {
  return GOVERNED_SOURCE.test(subject) || !DATA_SUBJECT.test(subject);
}

/**
 * Whether an actorless rule (a modal passive naming neither the vendor nor the reader's data) sits in a run of duties of
 * the reader or of the parties a platform governs: two of the (up to four) sentences before it, back to a heading or to a
 * sentence where the vendor speaks, open on such a duty. A developer guideline's "Data collected from apps may only be
 * shared with third parties to improve the app or serve advertising", after "You must …" twice, is what the developer
 * may do, not what the vendor does with anyone's data; the vendor's own rule names it ("we", "our") or the reader's data.
 */
export function governedRun(sentences: Sentence[], s: Sentence, vendorNames: readonly string[] = []): boolean {
  const v = s.view;
  const rule = IMPERSONAL_RULE.exec(v);
  if (!rule || VENDOR_OR_READER.test(v) || DUTY_OPENS.test(v) || !governedSubject(v.slice(0, rule.index))) return false;
  // The vendor named as one who acts ("Acme may share …"); its name inside a title ("the Acme Developer Program License
  // Agreement") is no actor.
  if (vendorNames.some((n) => n.length > 2 && new RegExp(String.raw`\b${escapeRegExp(n)}\s+(?:\w+\s+)?(?:may|will|can|shall|must|might|would|does|do|is|are|uses|shares|sells|collects|processes|discloses)\b`, 'i').test(v))) return false;
  let duties = 0;
  for (let i = s.index - 1; i >= 0 && i >= s.index - 4; i--) {
    const p = sentences[i];
    if (p.isHeading) break;
    if (DUTY_OPENS.test(p.view)) {
      if (++duties >= 2) return true;
    } else if (/\b(?:we|us|our)\b/i.test(p.view)) break;
  }
  return false;
}
