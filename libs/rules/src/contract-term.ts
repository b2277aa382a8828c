import type { DataCategory, FactName, GraphSystem } from '@custody/domain';
import { governingFact, type FactReading } from './contracts.js';
import { heldCategories, vendorSystems } from './graph-queries.js';
import type { DraftSink, FindingDraft, RuleContext } from './rule.js';

/** How a rule rates one vendor whose governing contract term triggered it. */
export interface TermVerdict {
  likelihood: number;
  impact: number;
  /** As {@link FindingDraft.detail}: a function when the text is built per vendor system (a fleet's installs). */
  detail: FindingDraft['detail'];
}

/**
 * The shape several contract rules share: for every vendor holding PHI, read the governing value of one
 * fact and, when `judge` returns a verdict, raise a finding on that system citing the clause (pushed into `drafts`).
 */
export function contractTermFindings<K extends FactName>(
  ctx: RuleContext,
  drafts: DraftSink,
  fact: K,
  judge: (reading: FactReading<K>, system: GraphSystem, categories: DataCategory[]) => TermVerdict | undefined,
): void {
  for (const s of vendorSystems(ctx.graph)) {
    const categories = heldCategories(ctx.graph, s.id);
    if (categories.length === 0) continue;
    const reading = governingFact(s, fact, ctx.now);
    const verdict = judge(reading, s, categories);
    if (!verdict) continue;
    drafts.push({ subject: `system:${s.id}`, systems: [s.id], categories, ...verdict, evidence: reading.evidence });
  }
}
