import { categoryList } from '@custody/domain';
import { CITE } from '../citations.js';
import { governingFact } from '../contracts.js';
import {
  baaCoverage, carriesPhi, displayName, heldCategories, inboundOf, isBusinessAssociateRole, isDirectAssociate, isPracticeSide, vendorSystems,
} from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/**
 * A direct business associate of the practice (PHI comes to it from the practice side, or it is declared to
 * hold PHI) with no BAA at all: no BAA attached and no flow into it declared under one. Sub-processors that
 * only receive PHI from other vendors are `baa-chain-break`'s concern; an expired BAA is `expired-baa`'s.
 */
export const missingBaaRule: Rule = streamingRule({
  id: 'missing-baa',
  classReads: { settings: [] },
  title: 'PHI goes to a business associate with no BAA',
  kind: 'missing_baa',
  citations: [CITE.baDisclosure, CITE.baContractsSecurity, CITE.baContractTerms],
  remediation:
    'Stop sending PHI to this vendor until a Business Associate Agreement is signed. Ask the vendor for its BAA (most ' +
    'health-focused vendors offer one); if it will not sign, replace it with one that will. Record the signed BAA in ' +
    'Custody so the finding closes.',
  evaluateInto({ graph, now, settings }, drafts) {
    for (const s of vendorSystems(graph)) {
      if (isPracticeSide(graph, s.id) || !isBusinessAssociateRole(s) || !isDirectAssociate(graph, s.id)) continue;
      const categories = heldCategories(graph, s.id);
      if (categories.length === 0) continue;
      const coverage = baaCoverage(graph, s.id, now);
      if (coverage.covered || coverage.expired.length > 0) continue;
      const offered = governingFact(s, 'baa_offered', now);
      const refused = offered.value === 'no';
      // The governing clause's evidence, then each PHI flow's from the practice side (else the system's own), in
      // one list sized as it goes: no filtered list of flows nor spread copies per finding.
      const evidence = offered.evidence.slice();
      let fromPractice = false;
      for (const f of inboundOf(graph, s.id)) {
        if (!carriesPhi(f) || !isPracticeSide(graph, f.from)) continue;
        fromPractice = true;
        for (const e of f.evidence) evidence.push(e);
      }
      if (!fromPractice) for (const e of s.evidence) evidence.push(e);
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories,
        // A vendor that says it will not sign is a certainty; silence in the paperwork we hold is nearly one.
        likelihood: refused ? 1 : 0.85,
        impact: impactOf(0.9, categories, settings),
        evidence,
        detail: () => refused
          ? `${displayName(graph, s.id)} receives ${categoryList(categories)} and its documents say it does not offer a BAA.`
          : `${displayName(graph, s.id)} receives ${categoryList(categories)} but no BAA is on file for it and no flow into it is declared under one.`,
      });
    }
  },
});
