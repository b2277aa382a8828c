import type { DataCategory, Evidence, FactName, GraphSystem } from '@custody/domain';
import { governingFact, type FactReading } from './contracts.js';
import { heldCategories, termsParts, vendorSystems, type TermsPart } from './graph-queries.js';
import type { DraftSink, FindingDraft, RuleContext } from './rule.js';

/** How a rule rates one vendor whose governing contract term triggered it. */
export interface TermVerdict {
  likelihood: number;
  impact: number;
  /** As {@link FindingDraft.detail}: a function when the text is built per vendor system (a fleet's installs). */
  detail: FindingDraft['detail'];
}

/**
 * The shape several contract rules share: for every vendor holding PHI, read the governing value of one fact for
 * each part of its data by the contracts that govern it (termsParts: a flow-down binds its sender's data only) and,
 * when `judge` returns a verdict for a part, raise one finding on that system for the parts it fires on, rated by the
 * strongest, citing their clauses (pushed into `drafts`). `judge` sees the part its reading governs.
 */
export function contractTermFindings<K extends FactName>(
  ctx: RuleContext,
  drafts: DraftSink,
  fact: K,
  judge: (reading: FactReading<K>, system: GraphSystem, categories: DataCategory[], part: TermsPart) => TermVerdict | undefined,
): void {
  for (const s of vendorSystems(ctx.graph)) {
    const held = heldCategories(ctx.graph, s.id);
    if (held.length === 0) continue;
    const parts = termsParts(ctx.graph, s, held);
    if (parts.length === 1) {
      // A holder bound through no one's flow-down (nearly all): one part, all it holds.
      const reading = governingFact(parts[0]!, fact, ctx.now);
      const verdict = judge(reading, s, held, parts[0]!);
      if (verdict) drafts.push({ subject: `system:${s.id}`, systems: [s.id], categories: held, ...verdict, evidence: reading.evidence });
      continue;
    }
    let best: { reading: FactReading<K>; part: TermsPart; verdict: TermVerdict } | undefined;
    const fired: DataCategory[] = [];
    const evidence: Evidence[] = [];
    for (const part of parts) {
      const reading = governingFact(part, fact, ctx.now);
      const verdict = judge(reading, s, part.categories, part);
      if (!verdict) continue;
      for (const c of part.categories) if (!fired.includes(c)) fired.push(c);
      for (const e of reading.evidence) if (!evidence.includes(e)) evidence.push(e);
      if (!best || verdict.likelihood > best.verdict.likelihood) best = { reading, part, verdict };
    }
    if (!best) continue;
    const categories = held.filter((c) => fired.includes(c));
    const verdict = judge(best.reading, s, categories, best.part)!;
    drafts.push({ subject: `system:${s.id}`, systems: [s.id], categories, ...verdict, evidence });
  }
}
