import type { Fact } from '@custody/domain';
import type { Candidate, FactContext } from './fact-context.js';
import { decide, evidenceAt, negatedBefore, operative } from './fact-context.js';

type V = Fact<'deidentified_data_use'>['value'];

const PREFILTER = /\b(?:de-?identif|anonymi[sz]|non-personally[- ]identifiable|aggregate)/i;
const DEID = /\b(?:de-?identif(?:y|ies|ied|ying|ication)|anonymi[sz](?:e|es|ed|ing|ation)|non-personally[- ]identifiable|aggregated? (?:and|or|,) ?(?:de-?identified|anonymi[sz]ed)|(?:de-?identified|anonymi[sz]ed),? (?:or |and )?aggregated?)\b/i;
// The vendor using the result for itself: any purpose, its own purposes, product work, commerce.
const OWN_USE = /\bfor any (?:legal |lawful )?purpose|\bany purpose permitted|\bfor (?:its|our|their) own\b|\bown (?:business )?purposes\b|\bcommercial|\b(?:improve|develop|enhance|build|refine|train|benchmark|research|analy[sz]e|analytics|publish|sell|license|share)\b|\bretain (?:and use )?(?:such|the) (?:de-?identified|anonymi)|\bperpetual|\bafter (?:the )?termination/i;
const MAY = /\b(?:may|can|will|shall be (?:permitted|entitled)|is permitted|are permitted|is entitled|reserves? the right|to (?:generate|create|produce|use|compile))\b|\b(?:we|company|the company|vendor|provider)\s+(?:also\s+|then\s+|routinely\s+)?(?:use|uses|rely on|analy[sz]e|analy[sz]es|share|shares|license|licenses|sell|sells|combine|combines)\b/i;
const ONLY_FOR_SERVICES = /\b(?:only|solely|exclusively)\b[^.;]{0,60}\b(?:to (?:provide|perform)|for (?:the )?(?:provision|performance) of|on behalf of)\b/i;

/**
 * `deidentified_data_use`: may the vendor de-identify (or anonymise/aggregate) customer data and use the
 * result for itself? A permission with an own-use purpose is allowed; a negated clause ("shall not
 * de-identify", "will not use de-identified data") or de-identification only to perform the services is
 * prohibited. A permission anywhere wins over a prohibition elsewhere (it is what the vendor may do).
 */
export function extractDeidentified(ctx: FactContext): Fact<'deidentified_data_use'> {
  const cands: Candidate<V>[] = [];
  for (const s of operative(ctx, PREFILTER)) {
    const v = s.view;
    const m = DEID.exec(v);
    if (!m) continue;
    const ev = evidenceAt(ctx, s, m.index, m.index + m[0].length);
    const negated = negatedBefore(v, m.index, 90) || /\b(?:shall|will|may) not\b[^.;]{0,60}\b(?:use|disclose|sell|share)\b[^.;]{0,40}\b(?:de-?identified|anonymi)/i.test(v);
    if (negated) {
      cands.push({ value: 'prohibited', evidence: ev, confidence: 0.8 });
    } else if (ONLY_FOR_SERVICES.test(v) && !/\bfor any\b|\bown\b/i.test(v)) {
      cands.push({ value: 'prohibited', evidence: ev, confidence: 0.7 });
    } else if (MAY.test(v) && OWN_USE.test(v)) {
      cands.push({ value: 'allowed', evidence: ev, confidence: 0.85 });
    }
  }
  return decide('deidentified_data_use', cands, ['allowed', 'prohibited']);
}
