import type { Evidence, Fact } from '@custody/domain';
import type { Clause } from '../clauses/clause.js';
import { hitsOf, inException, modality, negated, subjectOf, verbal } from '../clauses/clause.js';
import type { Hit } from '../clauses/lexicon.js';
import type { Sentence } from '../text/sentences.js';
import type { Candidate, FactContext } from './fact-context.js';
import { refusal } from '../clauses/refusal.js';

/** The law-enforcement reader's notice reading: whether the vendor commits to tell the customer or user of a legal demand. */

type V = Fact<'law_enforcement_disclosure'>['value'];

// Notice only "where required by law", "if the law requires" (or "where appropriate") is the law's duty or a discretion,
// not the vendor's commitment; "unless prohibited by law" is a commitment with the usual carve-out, and so is "when
// possible", "where reasonably practicable" (the labels' efforts-based notice, Chayn and Wikipedia: the vendor still
// commits), and "where the law allows" (a carve-out like "unless prohibited", not a condition on the notice).
const CONDITION = String.raw`\b(?:where|when|if|to the extent|as|insofar as)\s+`;
// Notice where the vendor judges it fitting ("where Acme considers notice appropriate", "if it deems it advisable", "at its
// sole discretion") is its choice, not a commitment, like "where appropriate".
const JUDGED = String.raw`(?:[\w-]+\s+){1,3}?(?:considers?|deems?|determines?|believes?|judges?|decides?|finds?)\s+(?:that\s+)?(?:[\w-]+\s+){0,3}?(?:appropriate|advisable|warranted|necessary|fitting)\b`;
const DISCRETION = String.raw`\b(?:at|in)\s+(?:its|our|their|[A-Z][\w-]*'s)\s+(?:(?:sole|absolute|reasonable|own)\s+){0,2}discretion\b`;
const CONDITIONAL_NOTICE = new RegExp(String.raw`${CONDITION}(?:(?:legally|so|it is|we are)\s+)?(?:required|mandated|appropriate)\b|${CONDITION}(?:(?:the|applicable|any|such)\s+)?(?:laws?|regulations?|legislation)\s+(?:so\s+)?(?:requires?|mandates?)\b|${CONDITION}${JUDGED}|${DISCRETION}`, 'gi');
// A requirement that is the disclosure's, not the notice's: "if we are required by law to disclose your data, we will
// notify you" conditions the notice on the demand.
const TO_THE_ACT = /^\s+(?:(?:by|under)\s+(?:[\w-]+\s+){1,3}?)?to\s+$/i;
// The end of another verb's conjunct, up to the notice verb coordinated with it: "will disclose PHI only as required by
// law and will notify", "…, and Acme shall promptly notify". Only a subject, modals and adverbs between "and" and the verb.
const COORDINATED = /(?:,\s*|\s)(?:and|but)\s+(?:(?:we|it|they|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+)?(?:(?:will|shall|must|also|then|promptly|immediately|further|agrees?\s+to|undertakes?\s+to)\s+)*$/;
// A notice duty the same sentence disclaims: "will notify Customer of such a request where practicable, but is not
// required to notify Customer before disclosing" promises nothing the customer can rely on before the disclosure.
// A duty to notify, which the shared negation reader may find refused ("is not required to notify", "has no obligation to
// inform"): notice disclaimed.
const NOTICE_DUTY = /\b(?:(?:be\s+)?(?:required|obliged|obligated|bound|under\s+(?:any|an)\s+obligation)\s+to\s+(?:\w+\s+){0,2}?(?:notify|inform|tell|alert|warn|give\s+(?:\w+\s+){0,2}?notice|provide\s+(?:\w+\s+){0,2}?notice)|(?:obligation|duty|commitment)\s+to\s+(?:notify|inform|tell|give\s+(?:\w+\s+){0,2}?notice))\b/i;
// A firm word before an attempted notice: "will attempt to notify", "will take reasonable steps to attempt to notify",
// "are committed to notifying" is an efforts-based commitment; "may attempt" is not (a `may` anywhere before it).
const FIRM = /\b(?:will|shall|must|commit(?:s|ted)? to|undertakes? to)\b/gi;
// What ends the verb phrase of a firm word before the attempt: a coordinated verb ("will review it and attempt"), a new
// clause (", and we try"), a subordinate one ("a subpoena that we must comply with, we …").
const NOT_GOVERNED = /\b(?:and|or|but|then|that|which|we|it|if|when|unless)\b|[,;:]/i;

/** Whether the last firm word before an attempted notice governs it: "will attempt to", "will take reasonable steps to attempt to". */
function firmGoverns(before: string): boolean {
  const last = [...before.matchAll(FIRM)].pop();
  return last !== undefined && !NOT_GOVERNED.test(before.slice(last.index + last[0].length));
}
// What a notice must be about to be notice of a legal demand: the request, the demand, the disclosure.
const NOTICE_ABOUT = /\b(?:requests?|demands?|subpoenas?|orders?|warrants?|process|disclos\w*|respond\w*|produc\w*|complying|legal requirements?|(?:such|these|those) requirements?)\b/i;
// A notice that refers back to the disclosure or request of the sentence before: "of such a request", "of the
// demand", "of the subpoena", "of such requirements" (the legal obligation the disclosure answers), "before disclosure", "prior to disclosing your personal data" — not "of any unauthorized disclosure", nor
// a disclosure to someone else ("before disclosure to the press").
const REFERS_BACK = /\b(?:(?:such|the|this|that|these|those|any such)\s+(?:an?\s+)?(?:legal\s+|government\s+|law enforcement\s+)?(?:requests?|demands?|disclosures?|subpoenas?|warrants?)\b|(?:such|these|those|any such)\s+(?:legal\s+)?requirements?\b|(?:before|prior to)\s+(?:we\s+)?(?:disclos\w*|respond\w*|comply\w*|produc\w*)\b(?=((?:\s+(?:it|them|(?:the|your|their|such)\s+(?:\w+\s+)?(?:data|information|records|content))\b)?))\1(?!\s+(?:to|with)\b))/i;
// (The object is taken whole, as an atomic group: dropping it must not let "before disclosing your data to the press" pass.)
// A notice clause conditioned on a demand: "If we receive a subpoena, we will notify …".
const ON_DEMAND = /\b(?:if|when|where|whenever|in (?:the )?(?:case|event)|upon|on receipt|after|before)\b[^.]{0,160}\b(?:receives?|received|receipt|requests?|demands?|compelled|required|served|subpoenas?|orders?|warrants?|requires?)\b/i;
// The user's own request ("your request of erasure … will be notified to you") is not a legal demand.
const YOUR_REQUEST = /\byour (?:own )?(?:\w+ )?requests?\b/i;
// What a law may require that is no demand for data: keeping, logging or collecting it ("required by law for us to keep a log").
const LAW_REQUIRES_KEEPING = /^\s*(?:for\s+(?:us|it|the company|the provider)\s+)?to\s+(?:keep|retain|log|store|collect|record|maintain|monitor)\b/i;
// Instruments that are a demand made on the vendor (a notice can be about them); "as required by law" is not.
const DEMANDS = ['judicial', 'subpoena', 'legal_request', 'compelled'];

/**
 * A notice of the disclosure with no demand of its own ("Where permitted, we notify affected Users before
 * disclosure.") takes the demand of the disclosure on a legal ground just before it in the same paragraph, when it
 * refers back to it (not a notice of a breach or of a new purpose after it).
 */
export function noticeOfDisclosureBefore(ctx: FactContext, s: Sentence, c: Clause, earlier: Clause[] = []): boolean {
  const notify = hitsOf(c, 'action', 'notify');
  if (notify.length === 0) return false;
  // "We may disclose your content when legal process requires it, but only after we notify you": a notice the clause
  // makes the disclosure of the clause before it wait for is notice of that disclosure's demand.
  if (ONLY_AFTER.test(c.view) && earlier.some(legalDisclosure)) return true;
  return notify.some((h) => REFERS_BACK.test(c.view.slice(h.end, h.end + 120))) && legalDisclosureBefore(ctx, s);
}
const ONLY_AFTER = /^\W*(?:but\s+|and\s+)?only\s+(?:after|once)\b/i;

/**
 * The notice reading of a clause that names a legal demand (or refers back to one): a commitment to notify the
 * customer or user of the demand, or a reading for review when the notice is discretionary, conditional or disclaimed.
 */
export function noticeReading(s: Sentence, c: Clause, instruments: Hit[], authorities: Hit[], demandBefore: boolean, ev: Evidence): Candidate<V> | undefined {
  const notify = hitsOf(c, 'action', 'notify');
  const n = notify.find((h) => !negated(c, h));
  const userRequestOnly = YOUR_REQUEST.test(c.view) && authorities.length === 0 && instruments.every((h) => h.kind === 'legal_request' || h.kind === 'by_law');
  // A notice is of a legal demand only when the clause names one (an authority or a demand instrument): notice
  // "of the legal requirement" for data the user is asked for, or of changed terms, is not.
  // "As required by law" counts as the ground of a notice ("… in such a case, we shall inform the controller of that
  // legal requirement") unless the law is what requires the notice itself ("the law requires us to tell you",
  // "where required under law, we will notify you") or the data is what the user is asked to give.
  const customerGives = hitsOf(c, 'action', 'disclose').some((x) => subjectOf(c, x)?.kind === 'customer');
  // Nor when what the law would require is keeping data, not handing it over ("If it ever becomes required by law for us
  // to keep a persistent log …, we will immediately notify our customers"): notice of a change in the law, not of a demand.
  const lawGround = !customerGives && instruments.some((h) => h.kind === 'by_law' && !(n !== undefined && h.t1 <= n.t0 && n.t0 - h.t1 <= 6 && qualifiesNotice(c, n, h.start, h.end)) && !LAW_REQUIRES_KEEPING.test(c.view.slice(h.end, h.end + 60)));
  // The demand must be what the notice is about, not its exception: "we will give you advance notice (unless changes
  // are required sooner, e.g. by a change in legal requirements)" is a notice of changes, waived for legal reasons.
  const exceptionOnly = n !== undefined && n.t0 < c.exceptAt && authorities.length + instruments.length > 0 && [...authorities, ...instruments].every((h) => inException(c, h));
  const demand = !exceptionOnly && (authorities.length > 0 || instruments.some((h) => DEMANDS.includes(h.kind)) || lawGround || demandBefore);
  // A reflexive notice ("You should inform yourself as to the legal requirements") is the customer's own inquiry.
  const customerNotifies = n !== undefined && /^(?:yourself|yourselves|themselves|himself|herself|itself)$/.test(c.tokens[n.t1]?.lower ?? '');
  if (n && demand && !userRequestOnly && !customerNotifies && noticeToCustomer(c, n) && (NOTICE_ABOUT.test(c.view.slice(n.end, n.end + 120)) || ON_DEMAND.test(c.view.slice(0, n.start)))) {
    const m = modality(c, n);
    const conditional = conditionalNotice(c, n);
    const before = c.view.slice(0, n.start);
    const firmAttempt = m === 'attempt' && firmGoverns(before) && !/\bmay\b/i.test(before);
    const disclaimed = refusal(s.view, NOTICE_DUTY, 16) !== null;
    if ((m === 'will' || firmAttempt || (m === 'fact' && !/\bmay\b/i.test(c.view))) && !conditional && !disclaimed) return { value: 'legal_process_with_notice', evidence: ev, confidence: 0.8 };
    return { value: 'legal_process_with_notice', evidence: ev, confidence: 0.5, review: disclaimed ? 'the same sentence says notice is not required' : m === 'may' || m === 'attempt' ? 'notice is discretionary ("may"/"attempt"), not a commitment' : 'notice only where the law requires or allows it' };
  }
  return undefined;
}

/**
 * Whether the notice is only "where required" (or "where appropriate"): a condition after the notice verb, or one
 * before it that qualifies the notice, not the disclosure it is coordinated with.
 */
function conditionalNotice(c: Clause, n: Hit): boolean {
  const from = Math.max(0, n.start - 80);
  return [...c.view.slice(from).matchAll(CONDITIONAL_NOTICE)].some((m) => from + m.index >= n.start ? !anotherVerbBetween(c, n, from + m.index) : qualifiesNotice(c, n, from + m.index, from + m.index + m[0].length));
}

// A new conjunct with its own modal after the notice: "will notify you, and may at its discretion contest it".
const NEW_CONJUNCT = /\b(?:and|but|or)\s+(?:(?:we|it|they|[A-Z][\w-]*)\s+)?(?:may|will|shall|can|must|might)\b/;

/** Whether a new conjunct with its own modal comes between the notice verb and a condition after it: the condition is then its. */
function anotherVerbBetween(c: Clause, n: Hit, at: number): boolean {
  return NEW_CONJUNCT.test(c.view.slice(n.end, at));
}

/**
 * Whether a requirement of the law at [start, end), before the notice verb, is the notice's: not the requirement to
 * disclose ("required by law to disclose"), nor the close of another verb's conjunct that the notice is coordinated
 * with ("will disclose PHI only as required by law and will notify"): there it limits the disclosure.
 */
function qualifiesNotice(c: Clause, n: Hit, start: number, end: number): boolean {
  if (c.hits.some((x) => x.cat === 'action' && x.kind !== 'notify' && x.start >= end && x.start < n.start && TO_THE_ACT.test(c.view.slice(end, x.start)))) return false;
  const otherVerb = c.hits.some((x) => x.cat === 'action' && x.kind !== 'notify' && x.end <= start && verbal(c, x));
  return !(otherVerb && COORDINATED.test(c.view.slice(end, n.start)));
}

/** Whether one of the two sentences before `s`, in its paragraph, discloses on a legal ground (an instrument or an authority). */
function legalDisclosureBefore(ctx: FactContext, s: Sentence): boolean {
  for (let i = s.index - 1; i >= 0 && s.index - i <= 2; i--) {
    const p = ctx.sentences[i];
    if (p.paragraph !== s.paragraph || p.isHeading) return false;
    if (ctx.clauses(p).some(legalDisclosure)) return true;
  }
  return false;
}

/** Whether a clause discloses on a legal ground (an instrument or an authority). */
function legalDisclosure(c: Clause): boolean {
  const grounds = hitsOf(c, 'instrument').length > 0 || hitsOf(c, 'actor', 'authority').length > 0;
  return grounds && hitsOf(c, 'action', 'disclose').some((h) => verbal(c, h) && !negated(c, h));
}

/**
 * Whether a notice goes to the customer or user: a customer actor right after the notice verb ("notify Customer",
 * "inform you", "promptly notify the Client") or right before a notice noun ("send Practice prompt written notice",
 * "give you notice").
 */
function noticeToCustomer(c: Clause, n: Hit): boolean {
  for (const x of c.hits) {
    if (x.cat !== 'actor' || x.kind !== 'customer') continue;
    if (x.t0 >= n.t1 && x.t0 - n.t1 <= 3) return true;
    if (x.t1 <= n.t0 && n.t0 - x.t1 <= 4 && /\b(?:give|gives|giving|send|sends|provide|provides|deliver|delivers|furnish)\b/i.test(c.view.slice(Math.max(0, x.start - 30), x.start))) return true;
  }
  return false;
}
