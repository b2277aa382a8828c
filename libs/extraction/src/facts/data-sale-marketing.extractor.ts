import type { Fact } from '@custody/domain';
import type { Candidate, FactContext } from './fact-context.js';
import { agentOf, has, hitsOf, negated, recipientsOf, verbal } from '../clauses/clause.js';
import { clauseEvidence, decide, evidenceAt, operative } from './fact-context.js';
import { inPointerTopic, restrictsOthers } from '../clauses/actor-readings.js';
import { bothCases } from '../clauses/both-cases.js';
import { refusal, refusedAt } from '../clauses/refusal.js';
import type { Sentence } from '../text/sentences.js';
import {
  ADS_ON_DATA,
  ADS_TO_PERSON,
  ALLOWED,
  CONTEXTUAL,
  DECLINE_MARKETING,
  deidentifiedOnly,
  EXPLICIT_TARGETED,
  FR_MARKETING,
  MAY_MARKET,
  NEGATED_ITEM,
  othersSend,
  SHOWS_ADS,
} from './data-sale-allowed.js';
import {
  BRAND,
  CHARACTERISED,
  CUSTOMER_SUBJECT,
  IMPERATIVE_TO_USER,
  inDefinition,
  LEGAL_RIGHT,
  MARKETED_DATA,
  NAMED_REQUEST,
  NAMED_REQUEST_G,
  sellsGoods,
  SOLD_TO_USER,
} from './data-sale-lookalikes.js';
import {
  CONDITION_OPEN,
  CONSENT_EXCEPTION,
  consentAside,
  MARKETING_USE,
  PROMOTE_ACT,
  PROMOTED_DATA,
  REFUSABLE,
  SALE_ACT,
  SALE_AND_NOT,
  SCOPE_LIMIT,
  TARGETED_ACT,
  USER_CONDITION,
  vendorSubject,
} from './data-sale-refusals.js';
import { CHANNEL_REVIEW, CONCEDED, SCOPED, SCOPED_REVIEW, scopingLead } from './data-sale-scope.js';
import { execPastTopic, governedPartyDuty, governedPartyRefuses, inLinkText, linkOnly, notVendorMarketing, userRunsAds } from './data-sale-actors.js';
import { readNoSharing } from './data-sale-no-sharing.js';
import { demoteGovernedRuns } from './governed-runs.js';

type V = Fact<'data_sale_or_marketing'>['value'];
// A negation inside the matched permission takes it back; "including, but not limited to" widens a list and negates nothing.
// A purpose phrase ("… for the purposes of targeted advertising") belongs to the verbs before it, so their negation reaches
// it across a list of verbs and their object ("We do not sell, share, or process your personal data for the purposes of …").
// Only a negated list of verbs, an aside allowed after the negation ("do not, under any circumstances, sell, …"): a
// negation in another clause ("Where you have not objected, Acme processes … for the
// purposes of …") keeps the ordinary reach.
const REFUSED_VERBS_FOR = /\b(?:not|never)(?:,[^,;.]{1,40},)?\s+(?:[a-z]+,\s+){0,3}[a-z]+,?\s+(?:or|and|nor)\s+(?:otherwise\s+)?[a-z]+\b[^,;.]{0,80}\bfor\s+(?:the\s+)?(?:purposes?\s+of\s+)?$/i;
const NEGATION_IN_MATCH = /\b(?:not|never|no)\b(?!\s+limited\s+to\b)/i;

const PREFILTER = /\b(?:sell|sale\b|sold\b|rent\b|rent(?:ing|s)\b|market|advert|ads\b|promot|offers\b|offered by\b|ad personali|remuneration|newsletter|licen[cs]|sublicen[cs]|interest\b|send(?:ing)? you\b|send(?:ing|s)? (?:details|information|news|updates) (?:of|about|on|regarding)\b|publicit|prospection\b|ciblage\b)/i;

/**
 * `data_sale_or_marketing`: may the vendor sell the data or use it for marketing/advertising? Any
 * permission to market to users, serve targeted ads or sell data is allowed even when a sale is refused
 * elsewhere (what the vendor may do counts); only negated sale/marketing clauses give prohibited.
 * Clauses binding the customer ("Customer will not sell the Services") are ignored.
 */
export function extractDataSaleMarketing(ctx: FactContext): Fact<'data_sale_or_marketing'> {
  const cands: Candidate<V>[] = [];
  for (const s of operative(ctx, PREFILTER)) readSentence(ctx, s, cands);
  // A refusal to pass the data to third parties at all (data-sale-no-sharing.ts), in sentences that name no sale or
  // marketing word; with one, the patterns above read the sentence first.
  for (const s of operative(ctx, NO_SHARING_PREFILTER)) {
    if (PREFILTER.test(s.view) || othersSentence(ctx, s)) continue;
    const c = readNoSharing(ctx, s);
    if (c) cands.push(c);
  }
  return decide('data_sale_or_marketing', demoteGovernedRuns(ctx, cands), ['allowed', 'prohibited']);
}
const NO_SHARING_PREFILTER = /\bthird[- ]?part(?:y|ies)\b/i;

/** Whether a sentence binds the customer or only points elsewhere, so nothing in it is the vendor's act. */
function othersSentence(ctx: FactContext, s: Sentence): boolean {
  const v = s.view;
  // What the user or a developer must not do with data ("You will not sell user data", a list under "Prohibited
  // uses:") binds them, not the vendor (OTA: Google API Services User Data Policy).
  // A right stated after a semicolon leaves what the vendor says before it standing ("We share … for their direct
  // marketing purposes; you may request information about our disclosures").
  const right = LEGAL_RIGHT.exec(v);
  if (CUSTOMER_SUBJECT.test(v) || (right && !v.slice(0, right.index).includes(';')) || IMPERATIVE_TO_USER.test(v)) return true;
  // A menu or footer entry that is only a link names a page; it states nothing the vendor does.
  return linkOnly(v, s.start, ctx.links);
}

// The readings of one sentence are functions of their own, not the body of one long loop: V8 recompiles a function
// whole each time one of its assumptions fails, and new documents keep failing some (this was among the most recompiled).
function readSentence(ctx: FactContext, s: Sentence, cands: Candidate<V>[]): void {
  const v = s.view;
  if (othersSentence(ctx, s)) return;
  // Marketing with the vendor's brand ("a license to use the Brand Features solely for marketing purposes") uses no data.
  if (BRAND.test(v) && !MARKETED_DATA.test(v)) return;
  if (readPatterns(ctx, s, v, cands)) return;
  readRefusedSale(ctx, s, v, cands);
}
/** The permission and refusal patterns: true when one of them decided the sentence. */
function readPatterns(ctx: FactContext, s: Sentence, v: string, cands: Candidate<V>[]): boolean {
  let done = false;
  // "If you do not wish to receive promotional emails …, you may change your preferences": they are sent by default.
  const optOut = DECLINE_MARKETING.exec(v);
  if (optOut && !inDefinition(v, optOut.index)) {
    cands.push({ value: 'allowed', evidence: evidenceAt(ctx, s, optOut.index, optOut.index + optOut[0].length), confidence: 0.75 });
    return true;
  }
  for (const re of ALLOWED) {
    const m = execPastTopic(re, v);
    // A list item that opens with a negation ("* Never selling your information or sharing it … for marketing
    // purposes") negates all of it, however long the link text between.
    // "… the right to know whether we sell personal information": both cases at once, no permission either.
    if (m && !(/licen[cs]/i.test(m[0]) && deidentifiedOnly(m[0])) && !bothCases(v, m.index) && !refusedAt(v, m.index, re === FR_MARKETING || REFUSED_VERBS_FOR.test(v.slice(Math.max(0, m.index - 120), m.index)) ? 120 : 60, { sentences: ctx.sentences, s }) && !NEGATED_ITEM.test(v.slice(0, m.index)) && !NEGATION_IN_MATCH.test(m[0]) && !inDefinition(v, m.index) && !/\bopt(?:-| )?out of\b[^.;]{0,30}$/i.test(v.slice(0, m.index)) && !restrictsOthers(ctx.sentences, s, m.index) && !othersSend(v, m) && !inPointerTopic(v, m.index) && !(re === MAY_MARKET && notVendorMarketing(v, m, ctx.vendorNames)) && !sellsGoods(m[0]) && !userRunsAds(v, m.index) && !governedPartyDuty(ctx.sentences, s, m.index) && !inLinkText(v, s.start, m.index, m.index + m[0].length, ctx.links)) {
      // Ads chosen by the page or the search, not by the person ("serving contextual advertising", "if you search for
      // cars, we'll show you ads about cars"), are not targeted advertising on their data: a person decides.
      // Ads named as targeted stay targeted when a search is given as an example ("targeted ads, so if you search for …").
      if (CONTEXTUAL.test(v) && !(EXPLICIT_TARGETED.test(m[0]) && !/\bcontextual/i.test(v))) cands.push({ value: 'allowed', evidence: evidenceAt(ctx, s, m.index, m.index + m[0].length), confidence: 0.4, review: 'contextual advertising, not targeted on the person\'s data' });
      else if (re === SHOWS_ADS && !ADS_ON_DATA.test(v) && !ADS_TO_PERSON.test(v.slice(m.index))) cands.push({ value: 'allowed', evidence: evidenceAt(ctx, s, m.index, m.index + m[0].length), confidence: 0.4, review: 'advertising shown, with no use of the person\'s data stated' });
      else cands.push({ value: 'allowed', evidence: evidenceAt(ctx, s, m.index, m.index + m[0].length), confidence: 0.8 });
      done = true;
      break;
    }
  }
  if (done) return true;
  // Title-case names of a request ("Do Not Sell My Personal Data: We do not sell …") are blanked, offsets kept, so the
  // refusal after such a name is the one read.
  const unnamed = v.replace(NAMED_REQUEST_G, (x) => ' '.repeat(x.length));
  for (const { act, window } of REFUSABLE) {
    const r = refusal(unnamed, act, window, { sentences: ctx.sentences, s });
    if (!r) continue;
    const at = r.index;
    const end = r.act.index + r.act[0].length;
    const said = v.slice(at, end);
    if (act === MARKETING_USE && !MARKETED_DATA.test(v.slice(0, end))) continue;
    if (act === PROMOTE_ACT && !PROMOTED_DATA.test(v)) continue;
    if (act === TARGETED_ACT && !r.byLead && !vendorSubject(v, at, ctx.vendorNames)) continue;
    if (USER_CONDITION.test(v.slice(Math.max(0, at - 60), at)) || SCOPE_LIMIT.test(v.slice(end))) continue;
    // "Whether or not we sell your data, …": both cases at once, no refusal (the clause layer's test, see bothCases).
    if (bothCases(v, at)) continue;
    if (governedPartyRefuses(v, at)) continue;
    if (inDefinition(v, at) || sellsGoods(said) || SOLD_TO_USER.test(said) || CHARACTERISED.test(said) || restrictsOthers(ctx.sentences, s, at)) continue;
    const consent = act === SALE_ACT ? CONSENT_EXCEPTION.exec(v.slice(end)) : null;
    if (consent) cands.push({ value: 'allowed', evidence: evidenceAt(ctx, s, at, end + consent.index + consent[0].length), confidence: 0.7 });
    else if (act === SALE_ACT && consentAside(ctx, s, v, r)) cands.push({ value: 'allowed', evidence: evidenceAt(ctx, s, at, end), confidence: 0.7 });
    else cands.push(refusedCandidate(ctx, s, v, at, end));
    done = true;
    break;
  }
  return done;
}

/** The candidate of a refused act whose quote runs [at, end) of the sentence: prohibited, for review when taken back or scoped. */
function refusedCandidate(ctx: FactContext, s: Sentence, v: string, at: number, end: number): Candidate<V> {
  const conceded = CONCEDED.test(v.slice(at));
  const scoped = !conceded && scopingLead(ctx, s) !== undefined;
  // "no mobile information will be shared … for their marketing purposes": the data of one collection channel only.
  const channel = !conceded && !scoped && SCOPED.test(v);
  const review = conceded ? 'a refused sale with a sale conceded in the same sentence' : scoped ? SCOPED_REVIEW : channel ? CHANNEL_REVIEW : undefined;
  return { value: 'prohibited', evidence: evidenceAt(ctx, s, at, end), confidence: review ? 0.45 : 0.8, ...(review ? { review } : {}) };
}

/** The clause reading of a refused sale (a negated sell action on data). */
function readRefusedSale(ctx: FactContext, s: Sentence, v: string, cands: Candidate<V>[]): void {
  // The clause reading of a refused sale: a negated sell action on data, by the vendor or in the passive
  // ("We will not sell or market your email address", "information … will never be sold or disseminated").
  // Clauses are built only for sentences with a sale word and a negation.
  if (!SALE_AND_NOT.test(v)) return;
  for (const c of ctx.clauses(s)) {
    // "… licensed, not sold to you": the product sold to the customer, not the customer's data sold to others.
    const sale = hitsOf(c, 'action', 'sell').find((h) => verbal(c, h) && negated(c, h) && agentOf(c, h)?.kind !== 'customer' && has(c, 'object') && !recipientsOf(c, h).some((r) => r.kind === 'customer' && r.t0 - h.t1 <= 4));
    // "Where your Content is not being offered for Sale": a negation inside a condition is no refusal.
    if (sale && CONDITION_OPEN.test(c.view.slice(0, sale.start))) continue;
    if (!sale || governedPartyRefuses(c.view, sale.start) || NAMED_REQUEST.test(c.view.slice(Math.max(0, sale.start - 12), sale.end)) || SCOPE_LIMIT.test(c.view.slice(sale.end)) || USER_CONDITION.test(c.view.slice(0, sale.start)) || inDefinition(c.view, sale.start) || sellsGoods(c.view.slice(sale.start)) || CHARACTERISED.test(c.view) || SOLD_TO_USER.test(c.view) || restrictsOthers(ctx.sentences, s, c.start - s.start + sale.start)) continue;
    // A refusal scoped to one way of collecting ("information gathered this way") does not answer for all data.
    // "We will never sell your Content …, though we may sell or transfer any license you grant us": the refusal is
    // taken back in part in the same sentence.
    if (CONCEDED.test(v)) cands.push({ value: 'prohibited', evidence: clauseEvidence(ctx, c), confidence: 0.45, review: 'a refused sale with a sale conceded in the same sentence' });
    else if (SCOPED.test(c.view)) cands.push({ value: 'prohibited', evidence: clauseEvidence(ctx, c), confidence: 0.45, review: CHANNEL_REVIEW });
    else if (scopingLead(ctx, s) !== undefined) cands.push({ value: 'prohibited', evidence: clauseEvidence(ctx, c), confidence: 0.45, review: SCOPED_REVIEW });
    else cands.push({ value: 'prohibited', evidence: clauseEvidence(ctx, c), confidence: 0.75 });
    break;
  }
}
