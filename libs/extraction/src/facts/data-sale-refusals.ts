import type { Refusal } from '../clauses/refusal.js';
import { leadIn } from '../clauses/list-lead.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { TRAILING_LEGAL_SUFFIX } from '../text/legal-suffixes.js';
import type { Sentence } from '../text/sentences.js';
import type { FactContext } from './fact-context.js';
import { DATA } from './data-sale-allowed.js';

// The refusals data_sale_or_marketing reads as prohibited: the acts the shared refusal reader looks for, the person's
// consent that turns a refused sale into an opt-in one, and what makes a negation no refusal by the vendor (the user's
// own condition, a group of users only, another subject).

// The acts it may promise not to do, named without their negation: whether one is refused is the shared reader's answer
// (clauses/refusal.ts), with the characters it may look back for the negation ("We will not, under any circumstances,
// sell …"). A marketing use of data or of contact with the person ("no mobile information will be shared … for their
// marketing purposes", "we may contact you …, but never for marketing"), not an eligibility, a responsibility or a
// trademark ("not eligible for advertising", "no responsibility for the advertising materials"): see MARKETED_DATA.
export const SALE_ACT = new RegExp(String.raw`\b(?:sell|sold|selling|rent|renting|sale of)\b[^.;]{0,40}?${DATA}`, 'i');
export const MARKETING_USE = /\b(?:for|in) (?:any )?(?:\w+ )?(?:marketing|advertising|promotional)\b/i;
// "we do not use persistent identifiers to serve targeted advertising": a refused targeted use, when the vendor is
// the subject of the negation (checked in code: not "if you do not opt out, we will serve …").
export const TARGETED_ACT = /\b(?:serve|show|display|deliver)\s+(?:you\s+)?(?:targeted|interest-based|behaviou?ral|personali[sz]ed)\s+(?:advertising|ads|advertisements)\b/i;
// "… will not be used to market …": refused only of the person's data or content (see PROMOTED_DATA).
export const PROMOTE_ACT = /\bto (?:market|advertise|promote)\b/i;
// What a refused promotion must be about to bar marketing use of the person's data: their data, or content said to be
// theirs ("your content will never be used to advertise"). "Ads must not use scare tactics to promote content" and
// "there must be no intent to promote it" are rules for ads and posts, not for the person's data.
export const PROMOTED_DATA = /\b(?:data|information|personal|e-?mail address(?:es)?|phone numbers?|contact details)\b|\b(?:your|user|customer|client|member)s?['’]?\s+(?:[\w-]+\s+)?content\b/i;
export const REFUSABLE: { act: RegExp; window: number }[] = [
  { act: SALE_ACT, window: 60 },
  { act: MARKETING_USE, window: 90 },
  { act: /\b(?:remuneration|payment) (?:directly or indirectly )?in exchange for\b/i, window: 90 },
  { act: PROMOTE_ACT, window: 90 },
  { act: /\bin the business of selling\b/i, window: 12 },
  { act: TARGETED_ACT, window: 70 },
  // "not conventional email marketing": "email", "text" or "mail" right before "marketing" names a kind of marketing, not
  // the vendor sending it ("we do not send marketing emails" still is).
  { act: /\b(?:send\w*|(?:email|e-mail|text|mail|contact)\w*\b(?!\s+(?:marketing|advertising)\b))\b[^.;]{0,40}\b(?:marketing|promotional|advertising)\b/i, window: 40 },
  { act: /\b(?:share|disclose|provide|give)\b[^.;]{0,60}\b(?:with|to) (?:advertisers|marketers|data brokers|advertising (?:partners|networks))\b/i, window: 70 },
];
// The refusal's exception is the person's consent ("We do not sell your personal information other than with your
// consent", "… without your consent", "… unless you agree"): the data may be sold once they agree, an opt-in sale, which
// this fact reads as allowed (README: allowed when the data may be sold; consent does not make it a prohibition). The
// exception must follow the refused act in its own clause (not "…, and we will not share it without your consent").
export const CONSENT_EXCEPTION = /^[^.;,]{0,60}?(?:,\s*)?\b(?:other than|except|unless|without)\s+(?:with\s+|upon\s+|on\s+)?(?:your|the (?:user|customer|member|person)'s|their)\s+(?:prior\s+|express\s+|explicit\s+|affirmative\s+|written\s+)*(?:consent|permission|authori[sz]ation|agreement|opt-in)\b|^[^.;,]{0,60}?(?:,\s*)?\bunless you (?:(?:first|expressly|explicitly)\s+)?(?:consent|agree|opt in|opt-in|authori[sz]e)\b/i;
// The same exception placed before the act: between the negation and the act ("We will not, other than with your consent,
// sell …") or closing a negated lead-in whose items are the refused acts ("We will not, without your consent:" then "- sell
// your personal information"). The consent is then the condition of every refused act after it, as when it follows the act.
const CONSENT_ASIDE = /\b(?:other than|except|unless|without)\s+(?:with\s+|upon\s+|on\s+)?(?:your|the (?:user|customer|member|person)'s|their)\s+(?:prior\s+|express\s+|explicit\s+|affirmative\s+|written\s+)*(?:consent|permission|authori[sz]ation|agreement|opt-in)\b|\bunless you (?:(?:first|expressly|explicitly)\s+)?(?:consent|agree|opt in|opt-in|authori[sz]e)\b/i;
export function consentAside(ctx: FactContext, s: Sentence, v: string, r: Refusal): boolean {
  if (!r.byLead) return CONSENT_ASIDE.test(v.slice(r.index, r.act.index));
  const lead = leadIn(ctx.sentences, s)?.lead.view ?? '';
  // Only the lead-in's own clause, the one that ends in the colon: "Without your consent we will not:" reads the same,
  // "Unless required by law, we do not:" names no consent, and in "We never collect data without your consent, and we
  // will not:" the consent is the collecting's, an earlier clause.
  return CONSENT_ASIDE.test(lead.slice(lastClauseStart(lead)));
}

// Where a lead-in's last clause starts: after "; " or a coordinator that opens a clause of its own ("…, and we will not:").
const CLAUSE_JOIN = /;|\b(?:and|but|while|whereas)\s+(?=(?:we|it|they|you|the company|[A-Z][\w-]*)\s+(?:will|shall|do|does|may|must|never|can|would|are|is)\b)/g;
function lastClauseStart(lead: string): number {
  let at = 0;
  for (const m of lead.matchAll(CLAUSE_JOIN)) at = m.index + m[0].length;
  return at;
}
// A sale word and a negation in one sentence: only then are its clauses built for the clause reading of a refused sale.
export const SALE_AND_NOT = /^(?=[^]*\b(?:sell|sells|sold|selling|sale|rent|rented|renting|lease|leased|trade|traded|monetize|monetise|resell)\b)(?=[^]*\b(?:not|never|no|nor|neither|cannot|won't|don't|doesn't|won|don|doesn)\b)/i;
// A negation inside the user's condition ("If you do not opt out, we will …", "if you don't want us to …") is the
// user's choice, not the vendor's refusal.
export const USER_CONDITION = /\b(?:if|unless|whether|should|in case)\s+(?:you|users?|the user|customers?)\b[^,;.]{0,40}$/i;
// A refusal limited to a group ("to children under 13", "of minors", "to users under the age of 16") is no refusal for
// every user; one that names the group as an instance ("including children's data") still covers everyone.
export const SCOPE_LIMIT = /^(?:(?!\b(?:including|especially|even|also|as well)\b)[^.;]){0,80}?\b(?:to|of|from|about|for|by|on|with|at)\s+(?:(?:the|our|any|young)\s+)?(?:children|child's|kids|minors?|teens?|(?:users?|persons?|people|individuals|anyone|visitors?)\s+(?:under|below|younger than|aged? (?:under|below))\b)/i;

/**
 * Whether the vendor is the subject of the negation at `index`: "we", "we and our providers", or one of its names, with
 * an aside between commas set aside ("Acme, and the service providers that it works with, do not …").
 */
export function vendorSubject(v: string, index: number, vendorNames: string[]): boolean {
  const from = Math.max(0, index - 160, v.lastIndexOf(';', index) + 1);
  const before = v.slice(from, index).replace(/,[^,;]{0,80},/g, ' ').toLowerCase();
  return vendorSubjectPattern(vendorNames).test(before);
}

// The pattern of vendorSubject for one document's names, kept for the next call (it was compiled anew per call: a compile
// per negation read). One entry, keyed by the names themselves: a document asks with its own names, again and again.
let subjectMemo: { key: string; re: RegExp } | undefined;
function vendorSubjectPattern(vendorNames: string[]): RegExp {
  const key = vendorNames.join('\u0000');
  if (subjectMemo?.key === key) return subjectMemo.re;
  // A name is also written without its legal suffix ("Quizzly" for "Quizzly Inc.").
  const names = vendorNames.map((n) => escapeRegExp(n.toLowerCase().replace(TRAILING_LEGAL_SUFFIX, ''))).filter((n) => n.length >= 3);
  const who = ['we(?:\\s+(?:and|&)\\s+(?:our|its)\\s+(?:[\\w-]+\\s+){0,1}[\\w-]+)?', 'the company', ...names].join('|');
  subjectMemo = { key, re: new RegExp(String.raw`(?:^|[^\w-])(?:${who})\s+(?:(?:do|does|will|shall|would|can|also)\s+)?$`, 'i') };
  return subjectMemo.re;
}
// A condition opening the clause before the sale: "Where / If / When … is not being offered for Sale".
export const CONDITION_OPEN = /^\W*(?:where|if|when|whenever|unless|in case)\b[^,;]*$/i;
