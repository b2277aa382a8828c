import type { Fact } from '@custody/domain';
import type { Candidate, FactContext } from './fact-context.js';
import { decide, evidenceAt, neighbour, operative } from './fact-context.js';

type V = Fact<'subcontractor_flowdown'>['value'];

const PREFILTER = /\b(?:subcontract|sub-?contract|sub-?processor|agents?\b|vendor|service provider|third[- ]part|recipient|contractor|supplier)|^(?:each|all|they|these|such)\b/i;
const WHO = /\b(?:subcontractors?|sub-?contractors?|sub-?processors?|agents?|vendors?|(?:third[- ]party )?service providers?|third parties|third-party|recipients?|contractors?|suppliers?)\b/i;
// Restrictions imposed on them by the vendor, in the words BAAs, DPAs and policies use.
const BOUND: RegExp[] = [
  /\b(?:same|identical|equivalent|similar|substantially (?:the )?same|no less (?:protective|restrictive|stringent)|at least as (?:protective|restrictive|stringent))\b[^.;]{0,40}\b(?:restrictions|conditions|requirements|obligations|terms|protections|data protection obligations)/i,
  /\b(?:require|requires|required(?! by (?:applicable |any |the )?(?:laws?\b|statutes?\b|regulations?\b|[\w ]{0,40}\bact\b))|obligate|obligates|bind|binds|ensure|ensures|impose|imposes|contractually)\b[^.;]{0,120}\b(?:protect(?!ion (?:act|law|regulation))|safeguard|confidential|only for|solely for|use it only|restrictions|obligations|duties|requirements|comply with|fulfils?|fulfills?)/i,
  /\bsubject to\b[^.;]{0,40}\b(?:contractual|written|confidentiality)\b[^.;]{0,80}\b(?:requirements|obligations|restrictions|agreements?)/i,
  /\b(?:prohibit|prohibiting|prohibits) (?:them|it|such \w+) from (?:using|disclosing)/i,
  /\b(?:written|binding|business associate|data processing|confidentiality) (?:agreements?|contracts?|addend(?:um|a))\b[^.;]{0,80}\b(?:protect|restrictions|obligations|confidential|terms)/i,
  /\b(?:bound|signs?|signed|execute[sd]?) (?:by |to )?(?:a |an )?(?:written |business associate |data processing |confidentiality )(?:agreements?|contracts?|addend(?:um|a)|obligations)/i,
  /\bflow(?:s|ed)?[- ]down\b/i,
];
// Their own policies or terms are not restrictions the vendor imposes.
const OWN_TERMS = /\b(?:bound|governed|subject|covered) by (?:their|its|the (?:third party's|provider's|developer's)) (?:own )?(?:privacy policies|privacy policy|terms|policies)\b|\bin accordance with (?:the )?(?:app )?(?:developers'|their|its) (?:own )?(?:terms|privacy)/i;
// The customer's own duties ("Customer shall…", "You are responsible for obtaining consent from recipients").
const CUSTOMER_DUTY = /^(?:\(?[a-z0-9]{1,4}[.)]\s*)*(?:the )?(?:customer|covered entity|you|controller|client|practice|user)s? (?:shall|will|must|agrees?|(?:is|are) (?:solely )?(?:responsible|liable) for)\b/i;
// The safeguards of a transfer abroad (standard contractual clauses, "an adequate level of protection") bind a
// recipient to the transfer's legal standard, not to the vendor's own obligations: a review candidate, not a flow-down.
const TRANSFER_SAFEGUARD = /\bstandard contractual clauses\b|\btransfer mechanisms?\b|\badequacy decisions?\b|\bbinding corporate rules\b|\badequate (?:level of )?(?:data )?protection\b/i;
// The vendor's own obligations named as what binds the providers.
const OWN_OBLIGATIONS = /\b(?:same|equivalent|similar|identical|comparable|these|those|such|our|this|its)\s+(?:[\w-]+\s+){0,3}?(?:restrictions|conditions|requirements|obligations|standards|terms|duties|protections)\b|\b(?:restrictions|conditions|requirements|obligations|terms|duties)\s+(?:(?:set out|set forth|contained|described)\s+)?(?:of|in|under|herein|hereunder|imposed (?:on|by))\s*(?:this|the|these)?\s*(?:agreement|addendum|dpa|baa|policy|privacy policy|notice|terms|contract|section|clause)?\b|\b(?:no less|at least as)\s+(?:protective|restrictive|stringent)|\bcomply with (?:this|our|the terms of this)\b|\bsame as\b|\b(?:this|the present)\s+(?:agreement|addendum|dpa|baa|contract|policy|privacy policy|terms)\b/i;
const PROTECTION = /\b(?:protect|safeguard|confidential)/i;
const PURPOSE_LIMIT = /\b(?:only|solely|exclusively)\b[^.;]{0,60}\b(?:for|to|on|as)\b|\b(?:our|documented|written)\s+instructions\b|\bon (?:our|its) behalf\b|\b(?:not|no)\b[^.;]{0,30}\b(?:use|process)\w*\b[^.;]{0,40}\b(?:for any other|for (?:their|its) own|other purpose|for any purpose (?:except|other than|but))/i;
const NO = /\b(?:not|no)\b[^.;]{0,40}\b(?:require|obligat|bind|responsible for (?:the )?(?:privacy|data) practices)\w*\b[^.;]{0,40}\b(?:subcontractors?|sub-?processors?|vendors?|service providers?)/i;

/**
 * `subcontractor_flowdown`: are the vendor's subcontractors / sub-processors / service providers bound by
 * the same (or equivalent) restrictions? yes when the vendor requires, ensures or contractually imposes
 * protection and use limits on them; no when it disclaims that; a provider "bound by its own privacy
 * policy" is not a flow-down and leaves the fact unspecified.
 */
export function extractSubcontractorFlowdown(ctx: FactContext): Fact<'subcontractor_flowdown'> {
  const cands: Candidate<V>[] = [];
  for (const s of operative(ctx, PREFILTER)) {
    const v = s.view;
    const prev = neighbour(ctx, s, -1);
    const refersBack = /^(?:each of them|each of these|all of them|they|these (?:providers|vendors|parties|companies)|such (?:providers|vendors|parties))\b/i.test(v) && prev !== undefined && WHO.test(prev.view);
    const w = WHO.exec(v) ?? (refersBack ? /^\S+(?:\s+of\s+\S+)?/.exec(v) : null);
    if (!w || OWN_TERMS.test(v)) continue;
    const no = NO.exec(v);
    if (no) {
      cands.push({ value: 'no', evidence: evidenceAt(ctx, s, no.index, no.index + no[0].length), confidence: 0.7 });
      continue;
    }
    for (const re of BOUND) {
      const m = re.exec(v);
      if (!m) continue;
      // The customer promising things about its own staff is not a vendor flow-down.
      if (CUSTOMER_DUTY.test(v)) break;
      const ev = evidenceAt(ctx, s, Math.min(w.index, m.index), Math.max(w.index + w[0].length, m.index + m[0].length));
      if (re !== BOUND[0] && TRANSFER_SAFEGUARD.test(v)) cands.push({ value: 'yes', evidence: ev, confidence: 0.5, review: 'safeguards of a transfer abroad, not the vendor\'s own obligations' });
      // README: confidentiality or "protect the data" alone, or unnamed "requirements", is not a flow-down; it takes
      // the vendor's own obligations (same, these, this Agreement's) or confidentiality with a purpose limit.
      else if (re === BOUND[1] && !OWN_OBLIGATIONS.test(v) && !(PROTECTION.test(m[0]) && PURPOSE_LIMIT.test(v))) cands.push({ value: 'yes', evidence: ev, confidence: 0.45, review: 'providers bound to protect or keep data confidential, without the vendor\'s own obligations or a purpose limit' });
      else cands.push({ value: 'yes', evidence: ev, confidence: 0.8 });
      break;
    }
  }
  return decide('subcontractor_flowdown', cands, ['yes', 'no']);
}
