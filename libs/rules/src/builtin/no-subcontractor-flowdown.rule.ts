import { wordList } from '@custody/domain';
import { CITE } from '../citations.js';
import { baasInForce, factIn, nameMatches, namedSubprocessors } from '../contracts.js';
import { carriesPhi, displayName, heldCategories, isPracticeSide, outboundOf, vendorSystems } from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/**
 * A BAA in force that does not bind the vendor's subcontractors to the same restrictions. Likelier to
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
      const readings = baas.map((c) => factIn(c, 'subcontractor_flowdown'));
      if (readings.some((r) => r.value === 'yes')) continue;
      const categories = heldCategories(graph, s.id);
      if (categories.length === 0) continue;
      const outbound = outboundOf(graph, s.id).filter((f) => carriesPhi(f) && !isPracticeSide(graph, f.to));
      const named = namedSubprocessors(s);
      // One name per party: "OpenAI" modelled, "OpenAI, L.L.C." in the contract and "OpenAI" in settings are one sub-processor.
      const subs: string[] = [];
      for (const n of [...outbound.map((f) => displayName(graph, f.to)), ...named.inContracts, ...named.inSettings]) {
        if (!subs.some((k) => nameMatches(k, n))) subs.push(n);
      }
      const refused = readings.some((r) => r.value === 'no');
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories,
        likelihood: subs.length > 0 ? (refused ? 0.9 : 0.75) : 0.35,
        impact: impactOf(0.7, categories, settings),
        evidence: [
          ...readings.flatMap((r) => r.evidence),
          ...baas.flatMap((c) => factIn(c, 'subprocessors_named').evidence),
          ...outbound.flatMap((f) => f.evidence),
        ],
        detail: () =>
          `The BAA with ${displayName(graph, s.id)} ${refused ? 'excludes' : 'does not state'} subcontractor flow-down` +
          (subs.length > 0 ? `, and PHI is known to reach ${wordList(subs)}.` : '; no sub-processors are known yet.'),
      });
    }
  },
});
