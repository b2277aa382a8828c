import { introChain } from '../clauses/structure.js';
import type { Sentence } from '../text/sentences.js';
import { vendorSubject } from './data-sale-refusals.js';

// Who advertises, and whose data: an advertising or marketing word is the vendor using the person's data only when the
// vendor is its actor and the person's data (or the person) is in sight. Ad-network policies, community guidelines and
// publisher terms talk about advertising as their subject matter — what advertisers may advertise, what users may not
// promote, what a publisher using the ad code must do — and state no use of the reader's data (README: allowed when
// personal data may be sold or used for marketing e-mails or targeted advertising).

// A modal or "also" opening the match: its subject stands before it ("Tobacco companies may advertise …", "Content you
// can advertise …"), and must be the vendor.
const MODAL_OPEN = /^(?:may|will|can|also)\b/i;
// The person's data or the person as the one reached ("market to you", "advertise to users").
const REACHES_PERSON = /\b(?:data|information|personal|e-?mail address(?:es)?|phone numbers?|contact details|profiles?|cookies?|identifiers?|browsing|interests?)\b|\bto (?:you|users|members|customers|visitors)\b/i;

/**
 * Whether a "may/can/will market|advertise" permission is someone else's: a subject other than the vendor before the
 * modal, or no data and no person in the sentence (advertising the services or products themselves uses no data).
 */
export function notVendorMarketing(v: string, m: RegExpExecArray, vendorNames: string[]): boolean {
  // Another party advertising to the person on the person's data ("Third parties may advertise to you based on your
  // browsing on our site") is still advertising on that data; without the data it is an ad policy's permission.
  if (MODAL_OPEN.test(m[0]) && !vendorSubject(v, m.index, vendorNames)) return !(PERSONS_DATA.test(v) && /\bto you\b/i.test(v));
  return !REACHES_PERSON.test(v);
}
// The person's own data named: "your browsing", "your personal information", "your interests".
const PERSONS_DATA = /\byour\s+(?:[\w-]+\s+){0,2}?(?:data|information|browsing|interests?|activity|profile|e-?mail address|identifiers?|cookies?)\b/i;

// The user running ads of their own: a condition whose subject is the user ("If you use the ad code for personalised
// advertising: …", "When you serve interest-based ads …") states the customer's duties, not the vendor's use of data.
// The advertising must stay inside the condition: "When you use our app we show you ads" is the vendor, in its main
// clause, after the condition.
const USER_ADVERTISES = /\b(?:if|when|where|whether)\s+you\s+(?:(?:choose|decide|want|wish)\s+to\s+)?(?:use|run|serve|show|display|engage in|conduct|operate|buy|purchase|place)\b(?:(?!\b(?:we|they|it)\b)[^.;:,])*$/i;
export const userRunsAds = (v: string, at: number): boolean => USER_ADVERTISES.test(v.slice(Math.max(0, at - 160), at));

// A sentence that is nothing but links or images ("* [Interest-Based Ads (Opt Out)](https://…)", a footer or menu of
// such entries, an icon before "[_Learn more about personalised advertising_](…)"): names of pages, not a statement of
// what the vendor does.
const BARE_LINK = /^(?:[\s*>|•·,.;-]|!?\[[^\]]{0,160}\]\([^)\s]*\))+$/;
/**
 * Whether a sentence is only links: in Markdown source (BARE_LINK), or in a loaded document where the loader kept the
 * links' texts and their spans (`links`, offsets in the text) and nothing but list marks and punctuation is left around them.
 */
export function linkOnly(v: string, start: number, links: readonly [number, number][]): boolean {
  if (BARE_LINK.test(v.trim())) return true;
  const end = start + v.length;
  let rest = v;
  let linked = false;
  for (const [a, b] of links) {
    if (b <= start || a >= end) continue;
    const from = Math.max(a, start) - start;
    const to = Math.min(b, end) - start;
    rest = rest.slice(0, from) + ' '.repeat(to - from) + rest.slice(to);
    linked = true;
  }
  return linked && /^[\s*>|•·,.;_-]*$/.test(rest);
}

/**
 * Whether [from, to) of a sentence's view lies inside the text of a link that names a page: "our [Interest-Based Ads
 * Notice](…)", "our [Interest-Based Ads](…) notice", "read our [Targeted Advertising](…) page" — the title of a document,
 * not a statement of what the vendor does. A link that is the object of a statement ("we use your data for [targeted
 * advertising](…)") names no page and stays. Links are the loader's spans (offsets in the text) or, in Markdown source,
 * "[text](url)".
 */
export function inLinkText(v: string, start: number, from: number, to: number, links: readonly [number, number][]): boolean {
  const names = (a: number, b: number, after: number) => PAGE_WORD_END.test(v.slice(a, b)) || PAGE_WORD_AFTER.test(v.slice(after, after + 30));
  for (const [a, b] of links) if (a <= start + from && start + to <= b) return names(a - start, b - start, b - start);
  const open = v.lastIndexOf('[', from);
  if (open < 0 || v.slice(open, from).includes(']')) return false;
  const close = v.indexOf('](', open);
  if (close < to) return false;
  const urlEnd = v.indexOf(')', close);
  return names(open + 1, close, urlEnd < 0 ? close + 1 : urlEnd + 1);
}
const PAGE_WORD = String.raw`(?:notice|policy|page|statement|terms|guidelines?|settings|cent(?:er|re)|faqs?|section)`;
const PAGE_WORD_END = new RegExp(String.raw`\b${PAGE_WORD}\W*$`, 'i');
const PAGE_WORD_AFTER = new RegExp(String.raw`^\s*${PAGE_WORD}\b`, 'i');

// Parties whose own conduct a platform's policy governs: a refusal with one of them as the subject of its clause
// ("Developers may not share … with advertisers", "Publishers must not sell …") binds them, not the vendor.
const GOVERNED = /^[\s*•·>-]*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:the\s+|all\s+|any\s+)?(?:developers?|publishers?|advertisers?|creators?|sellers?|merchants?|streamers?|apps|applications|(?<!the\s+)(?:app|application))\b[^.;:]{0,80}?\b(?:(?:may|must|shall|will|can|should|do|does)\s*(?:not\b|n['’]t\b)|cannot\b|are not (?:allowed|permitted)\b)/i;

/** Whether the clause holding offset `at` opens with a governed party barred from something (see GOVERNED). */
// The vendor refusing to let others do it ("We don't allow anyone to promote …", "We do not permit users to sell …"):
// a rule for them, not a statement about the vendor's use of data.
const OTHERS_NOT_ALLOWED = /\b(?:not|n['’]t|never)\s+(?:allow|permit|let|tolerate)\s+(?:anyone|anybody|users?|people|you|others|creators|accounts|members|advertisers|developers|publishers)\b/i;
// Barring others from using the person's own data ("We do not permit advertisers to use your personal information")
// is the vendor's promise about that data, so a refusal still.
const YOUR_DATA = /\byour\s+(?:[\w-]+\s+){0,2}?(?:data|information|details)\b/i;
export function governedPartyRefuses(v: string, at: number): boolean {
  const from = Math.max(v.lastIndexOf(';', at) + 1, v.lastIndexOf(':', at) + 1, 0);
  const clause = v.slice(from, at + 40);
  return GOVERNED.test(clause) || (OTHERS_NOT_ALLOWED.test(clause) && !YOUR_DATA.test(v.slice(from, at + 80)));
}

// The parties a platform's policy governs, as its subjects: their duties and refusals are theirs.
const GOVERNED_PARTY = String.raw`(?:developers?|publishers?|advertisers?|creators?|sellers?|merchants?|buyers?|apps|applications)`;
// A duty of a governed party ("Advertisers that engage in behavioral advertising must also provide consumers with the
// ability to opt out of such targeted advertising", "All buyers purchasing inventory … will be obligated to …"): what
// they must do with their own ads binds them, and states no use of the reader's data by the vendor.
const GOVERNED_DUTY = new RegExp(String.raw`^[\s*•·>-]*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:the\s+|all\s+|any\s+|each\s+)?${GOVERNED_PARTY}\b(?:(?!,\s*(?:and|but|while)\b)[^.;:]){0,100}?\b(?:must|shall|should|(?:are|is) (?:required|obligated|obliged|expected) to|will be (?:required|obligated|obliged) to)\b`, 'i');
// The vendor requiring it of them ("We require all our advertisers to follow local legal requirements …, including any
// regulations on advertising to users under age 18"): their duty still.
const REQUIRES_GOVERNED = new RegExp(String.raw`\b(?:require|requires|oblige|obliges)\s+(?:(?:all|any|each|our|its|the)\s+){0,2}${GOVERNED_PARTY}\s+to\b(?:(?!,\s*(?:and|but|while)\b|\b(?:we|us)\b)[^.;:]){0,160}$`, 'i');
// A lead-in that hands the list after it to a governed party's duty ("… then, Publishers must:").
const GOVERNED_DUTY_LEAD = new RegExp(String.raw`\b${GOVERNED_PARTY}\s+(?:must|shall|should|(?:are|is) (?:required|obligated|obliged) to)\s*:\s*$`, 'i');
/**
 * Whether offset `at` of a sentence lies in a governed party's duty: its clause (between ';') opens with the party and
 * a duty (the ads it is about may stand before the duty's verb), or the sentence is an item of a list whose lead-in ends on such a duty;
 * not when the vendor acts ("we", "us") before or at offset `at` in that clause.
 */
export function governedPartyDuty(sentences: Sentence[], s: Sentence, at: number): boolean {
  const v = s.view;
  const end = v.indexOf(';', at);
  const from = v.lastIndexOf(';', at) + 1;
  // Up to the first word read, which may be the vendor's "we".
  const upTo = v.slice(from, at + 3);
  if (REQUIRES_GOVERNED.test(upTo)) return true;
  // The vendor named as an actor before the words read ("Advertisers to whom we sell your data must …", "Advertisers
  // must honour opt-outs, and we sell your data to them"): its own act, whatever the party must do.
  if (/\b(?:we|us)\b/i.test(upTo)) return false;
  return GOVERNED_DUTY.test(v.slice(from, end < 0 ? v.length : end)) || introChain(sentences, s).some((lead) => GOVERNED_DUTY_LEAD.test(lead.view));
}

// The advertising a rule is about ("all laws … that relate to the placement of ads through online behavioral
// advertising", "violations of our policies that apply to interest-based advertising", "Additional policies apply when
// using personalized advertising", a code's name "Best Practice Guideline for Online Behavioural Advertising"): the
// topic of the rule, which holds whether or not the vendor advertises on anyone's data. The topic runs to the first comma: a clause of the vendor's own after the rule ("Under our policy regarding
// cookies, we use your data for targeted advertising", "Depending on state laws that may apply to you, some of these
// disclosures may constitute a sale") states its practice and is read.
// A code named "… for X" names its topic only up to an "and" ("the Principles for Online Behavioral Advertising and use
// your browsing history to show you interest-based ads" goes on to the vendor's use).
const RULE_TOPIC = /\b(?:laws?|rules|regulations?|polic(?:y|ies)|guidelines?|frameworks?|requirements|standards|codes?|principles|restrictions)\b(?:(?:\s+(?:on|about)\b|[^.;]{0,60}?\b(?:relat(?:e|es|ing)\s+to|appl(?:y|ies|ying)\s+(?:to|when)|pertain(?:s|ing)?\s+to|govern(?:s|ing)?|regarding|concerning)\b)(?:(?!\b(?:we|us|our company)\b)[^.;,]){0,100}|\s+for\b(?:(?!\b(?:we|us|our company|and)\b)[^.;,]){0,100})$/i;
export const ruleTopic = (v: string, at: number): boolean => RULE_TOPIC.test(v.slice(Math.max(0, at - 200), at));
/**
 * The first match of `re` in `v` that is not advertising named as a rule's topic: the topic is passed over, not the
 * sentence ("Where state laws that apply to targeted advertising allow it, we use your data for targeted advertising"
 * reads the second). Offsets are the sentence's.
 */
export function execPastTopic(re: RegExp, v: string): RegExpExecArray | null {
  let w = v;
  for (let m = re.exec(w); m; m = re.exec(w)) {
    if (m[0].length === 0 || !ruleTopic(v, m.index)) return m;
    w = w.slice(0, m.index) + ' '.repeat(m[0].length) + w.slice(m.index + m[0].length);
  }
  return null;
}
