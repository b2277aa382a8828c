import { restrictsOthers } from '../clauses/actor-readings.js';
import { bothCases } from '../clauses/both-cases.js';
import { refusal } from '../clauses/refusal.js';
import type { Sentence } from '../text/sentences.js';
import type { Candidate, FactContext } from './fact-context.js';
import { evidenceAt, neighbour } from './fact-context.js';
import { inDefinition } from './data-sale-lookalikes.js';
import { SCOPE_LIMIT, USER_CONDITION, vendorSubject } from './data-sale-refusals.js';

// data_sale_or_marketing read from a refusal to pass the data to third parties at all (README: "prohibited when the text
// bars selling/'sharing' and limits use to the service"): "MDN Plus doesn't share any of your data with third parties",
// "Gartner will not share this information with any third party", "The parties … are not entitled to use personal data
// beyond this scope or to pass it on to third parties". A bar on all sharing leaves no sale and no marketing through
// others; a permission to market anywhere in the document still wins (the fact's precedence).

// The act: giving the data to third parties, in the words policies use.
const SHARE_WITH_THIRD = /\b(?:share|sharing|shares|disclose|discloses|disclosing|pass(?:es|ing)?\s+(?:(?:it|them|this|such|the|any|your)\s+(?:[\w-]+\s+){0,2}?)?on|transfer|transfers|give|gives|sell|sells|rent|rents)\b[^.;]{0,60}?\b(?:with|to)\s+(?:any\s+|other\s+)?third[- ]?part(?:y|ies)\b/i;
// What is given must be the person's data ("any of your data", "this information", "it" after "personal data").
const DATA_GIVEN = /\b(?:data|information|details|pii|it|them)\b/i;
// The parties of a mutual clause bind the vendor as one of them.
const PARTIES_SUBJECT = /^\W*(?:[\d.]+\s*)?(?:the\s+(?:contracting\s+)?parties|both\s+parties|each\s+party|neither\s+party)\b/i;
// What may follow without making the bar partial: legal compulsion and the person's own publication ("except when
// required to by a subpoena or valid court order, or when you explicitly publish that information yourself").
const EXCEPTION = /\b(?:except|unless|other than|save|without|apart from|with the exception of|but (?:only|may))\b/i;
const ONLY_LEGAL = /^[^.;]*?\b(?:except|unless|save)\b[^.;]*?\b(?:subpoena|court order|warrant|legal process|required (?:to )?(?:by|under) (?:the )?law|law requires|legal obligation|you (?:\w+\s+){0,2}(?:publish|post|make public))/i;
// Any other recipient or ground anywhere among the exceptions makes the bar partial, before the legal one or after it
// ("except as required by law or to our vendors who process it", "unless required by law or with your consent", "except
// when required by a subpoena or in connection with a business transfer").
const WIDER_EXCEPTION = /\b(?:consent|permission|authori[sz]\w*|agree\w*|providers?|vendors?|partners?|affiliates?|subsidiar\w*|processors?|contractors?|suppliers?|hosting|business|merger|acquisition|sale|protect|necessary|needed|provide|operate|following|below|above|as (?:described|set out|stated|explained|provided|outlined|specified|otherwise))\b/i;
// An exception ahead of the refusal ("Except as described below, we do not share …", "Other than as set out in this
// policy, we will not disclose …") bounds it as much as one after it.
const EXCEPTION_BEFORE = /\b(?:except|unless|other than|save|apart from|with the exception of|subject to)\b[^.;]*$/i;
// The person as the one who gives ("We cannot guarantee that information you disclose to third parties will remain
// private"): what the person shares, not the vendor's refusal.
const PERSON_GIVES = /\b(?:you|users?|customers?|members?)\s+(?:\w+\s+){0,2}$/i;
// Another party's secrets under a confidentiality clause ("Each party shall not disclose the other party's Confidential
// Information to any third party"): not the person's data.
const CONFIDENTIAL = /\bconfidential\s+information\b/i;
// The sentence after sharing after all ("However, we may share it with our affiliates and service providers", "We may
// share information with our service providers"): the bar is the policy's headline, not all it says.
const SHARES_AFTER = /^\W*(?:(?:however|but|that said|nevertheless),?\s+)?(?:we|our company)\s+(?:may|might|can|will|do|also|sometimes|occasionally)\s+(?:also\s+)?(?:share|disclose|transfer|provide|pass)\b/i;
// A purpose after the act makes the bar partial ("… with third parties for their own marketing purposes").
const FOR_PURPOSE = /^[^.;]{0,80}?\bfor\s+(?:(?:their|its|his|her)\s+own|(?:\w+\s+){0,2}(?:marketing|advertising|commercial|promotional)\b)/i;

/** The candidate of a sentence that refuses any passing of the data to third parties, if it does. */
export function readNoSharing(ctx: FactContext, s: Sentence): Candidate<'prohibited'> | undefined {
  const v = s.view;
  const r = refusal(v, SHARE_WITH_THIRD, 70, { sentences: ctx.sentences, s });
  if (!r) return undefined;
  const end = r.act.index + r.act[0].length;
  if (!DATA_GIVEN.test(r.act[0]) && !DATA_GIVEN.test(v.slice(0, r.act.index))) return undefined;
  // Whose refusal: the vendor's ("we", its name), or the parties' of a mutual clause; not the person's.
  if (!vendorSubject(v, r.index, ctx.vendorNames) && !PARTIES_SUBJECT.test(v)) return undefined;
  const rest = v.slice(end);
  if (FOR_PURPOSE.test(rest) || SCOPE_LIMIT.test(rest) || USER_CONDITION.test(v.slice(Math.max(0, r.index - 60), r.index))) return undefined;
  if (EXCEPTION.test(rest) && (!ONLY_LEGAL.test(rest) || WIDER_EXCEPTION.test(rest.split(/[.;]/)[0]))) return undefined;
  const before = EXCEPTION_BEFORE.exec(v.slice(0, r.index));
  if (before && (!ONLY_LEGAL.test(before[0]) || WIDER_EXCEPTION.test(before[0]))) return undefined;
  if (PERSON_GIVES.test(v.slice(r.index, r.act.index)) || CONFIDENTIAL.test(v.slice(0, end))) return undefined;
  const next = neighbour(ctx, s, 1);
  if (next !== undefined && SHARES_AFTER.test(next.view)) return undefined;
  if (bothCases(v, r.index) || inDefinition(v, r.index) || restrictsOthers(ctx.sentences, s, r.index)) return undefined;
  // README asks for the bar and a use limited to the service: with the limit in the sentence or the one before ("The
  // parties … use the personal data exclusively within the scope of the contractual agreement and … are not entitled …
  // to pass it on to third parties"), the refusal is firm; alone it is weaker.
  const prev = neighbour(ctx, s, -1);
  const limited = USE_LIMIT.test(v) || (prev !== undefined && prev.heading === s.heading && USE_LIMIT.test(prev.view));
  return { value: 'prohibited', evidence: evidenceAt(ctx, s, r.index, end), confidence: limited ? 0.8 : 0.7 };
}
// The use kept to the service or its purpose: "exclusively within the scope of the contractual agreement", "will use this
// information to provide you with …", "only when truly needed".
const USE_LIMIT = /\b(?:only|solely|exclusively)\b[^.;]{0,60}\b(?:for|to|within|when|as)\b|\b(?:use|process)\w*\s+(?:this|the|such|your|personal)\s+(?:[\w-]+\s+)?(?:data|information)\s+(?:only\s+)?to\s+(?:provide|process|deliver|operate|improve|personali[sz]e)\b|\blimited to\b/i;
