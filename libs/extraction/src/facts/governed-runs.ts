import { governedRun } from '../clauses/actor-readings.js';
import { sentenceAt } from '../calibration/features.js';
import type { Candidate, FactContext } from './fact-context.js';

export const GOVERNED_RUN_REVIEW = 'an actorless rule among duties of the reader or of the parties the document governs, not the vendor\'s own act';

/**
 * The firm candidates read from an actorless rule in a run of the reader's or governed parties' duties (clauses/
 * actor-readings.ts governedRun), demoted to review: who acts is not the vendor, so the reader abstains.
 */
export function demoteGovernedRuns<V>(ctx: FactContext, cands: Candidate<V>[]): Candidate<V>[] {
  return cands.map((c) => {
    if (c.review || c.evidence.start === undefined) return c;
    const s = sentenceAt(ctx.sentences, c.evidence.start);
    return s && governedRun(ctx.sentences, s, ctx.vendorNames) ? { ...c, confidence: Math.min(c.confidence, 0.4), review: GOVERNED_RUN_REVIEW } : c;
  });
}
