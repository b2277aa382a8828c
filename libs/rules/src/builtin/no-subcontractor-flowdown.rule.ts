import { wordList, type AttachedContract, type DataCategory, type Graph, type GraphSystem } from '@custody/domain';
import { CITE } from '../citations.js';
import { baasInForce, factIn, nameMatches, namedSubprocessors, type FactReading } from '../contracts.js';
import {
  carriesPhi, displayName, heldCategories, holderRoutes, isPracticeSide, outboundOf, partTerms, termsParts, vendorSystems, type TermsPart,
} from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

interface FlowdownGap {
  part: TermsPart;
  baas: readonly AttachedContract[];
  readings: FactReading<'subcontractor_flowdown'>[];
}

/** The parts of a holder's data (termsParts) under BAAs in force none of which binds its subcontractors. */
function routeGaps(graph: Graph, s: GraphSystem, held: DataCategory[], now: Date): FlowdownGap[] {
  const gaps: FlowdownGap[] = [];
  for (const part of termsParts(graph, s, held)) {
    const baas = baasInForce(part, now);
    const readings = baas.map((c) => factIn(c, 'subcontractor_flowdown'));
    if (baas.length > 0 && !readings.some((r) => r.value === 'yes')) gaps.push({ part, baas, readings });
  }
  return gaps;
}

/**
 * A BAA in force that does not bind the vendor's subcontractors to the same restrictions, read per part of the
 * vendor's data (a BAA held through a sender's flow-down governs that sender's data only). Likelier to
 * matter when the vendor is known to pass PHI on (outbound flows or named sub-processors).
 */
export const noSubcontractorFlowdownRule: Rule = streamingRule({
  id: 'no-subcontractor-flowdown',
  classReads: { settings: ['subprocessors'] },
  title: 'BAA does not flow its restrictions down to subcontractors',
  kind: 'no_subcontractor_flowdown',
  citations: [CITE.subcontractorFlowdown, CITE.subcontractorDisclosure, CITE.subcontractorSecurity],
  remediation:
    'Amend the BAA so the vendor must bind every subcontractor that creates, receives, maintains or transmits PHI to the ' +
    'same restrictions and conditions (a written subcontractor BAA), and must list those subcontractors and notify you ' +
    'before adding new ones.',
  evaluateInto({ graph, now, settings }, drafts) {
    for (const s of vendorSystems(graph)) {
      if (isPracticeSide(graph, s.id)) continue;
      const baas = baasInForce(s, now);
      if (baas.length === 0) continue;
      // A holder bound through no one's flow-down (nearly all): its BAAs govern all it holds, and any one that binds its
      // subcontractors binds the vendor (every BAA in force binds it alike). One bound through a sender's flow-down: each
      // part of its data by the BAAs that govern it (a flow-down binds its sender's data only, so it neither answers for
      // what the holder's own BAA governs nor is that BAA's gap on its own route).
      const routed = holderRoutes(graph, s.id) !== undefined;
      if (!routed && baas.some((c) => factIn(c, 'subcontractor_flowdown').value === 'yes')) continue;
      const held = heldCategories(graph, s.id);
      if (held.length === 0) continue;
      // termsParts: one part (all it holds, every contract) for a holder bound through no one's flow-down.
      const gaps = routeGaps(graph, s, held, now);
      if (gaps.length === 0) continue;
      const categories = routed ? held.filter((c) => gaps.some((g) => g.part.categories.includes(c))) : held;
      const gapReadings = gaps.flatMap((g) => g.readings);
      const outbound = outboundOf(graph, s.id).filter((f) => carriesPhi(f) && !isPracticeSide(graph, f.to));
      const named = namedSubprocessors(s);
      // One name per party: "OpenAI" modelled, "OpenAI, L.L.C." in the contract and "OpenAI" in settings are one sub-processor.
      const subs: string[] = [];
      for (const n of [...outbound.map((f) => displayName(graph, f.to)), ...named.inContracts, ...named.inSettings]) {
        if (!subs.some((k) => nameMatches(k, n))) subs.push(n);
      }
      const refused = gapReadings.some((r) => r.value === 'no');
      const whose = gaps.length === 1 ? partTerms(graph, s, gaps[0]!.part, `The BAA with ${displayName(graph, s.id)}`, 'BAA') : `The BAA with ${displayName(graph, s.id)}`;
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories,
        likelihood: subs.length > 0 ? (refused ? 0.9 : 0.75) : 0.35,
        impact: impactOf(0.7, categories, settings),
        evidence: [
          ...gapReadings.flatMap((r) => r.evidence),
          ...gaps.flatMap((g) => g.baas).flatMap((c) => factIn(c, 'subprocessors_named').evidence),
          ...outbound.flatMap((f) => f.evidence),
        ],
        detail: () =>
          `${whose} ${refused ? 'excludes' : 'does not state'} subcontractor flow-down` +
          (subs.length > 0 ? `, and PHI is known to reach ${wordList(subs)}.` : '; no sub-processors are known yet.'),
      });
    }
  },
});
