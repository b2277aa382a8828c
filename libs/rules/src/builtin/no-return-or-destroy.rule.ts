import { CITE } from '../citations.js';
import { baasInForce, governingFact } from '../contracts.js';
import { displayName, heldCategories, vendorSystems } from '../graph-queries.js';
import type { FindingDraft, Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/** No return or destruction of PHI at termination: refused in the terms, or unstated in a BAA that must state it. */
export const noReturnOrDestroyRule: Rule = {
  id: 'no-return-or-destroy',
  title: 'No return or destruction of PHI when the contract ends',
  kind: 'no_return_or_destroy',
  citations: [CITE.returnOrDestroy, CITE.baContractTerms],
  remediation:
    'Amend the BAA: at termination the vendor returns all PHI in a usable format or destroys it (including backups and ' +
    'sub-processor copies) and certifies destruction in writing; where that is infeasible, it extends the BAA\'s ' +
    'protections to what it keeps and limits further use.',
  evaluate({ graph, now, settings }) {
    const drafts: FindingDraft[] = [];
    for (const s of vendorSystems(graph)) {
      if (s.contracts.length === 0) continue;
      const fact = governingFact(s, 'return_or_destroy_on_termination', now);
      const hasBaa = baasInForce(s, now).length > 0;
      if (fact.value === 'yes' || (fact.value === 'unspecified' && !hasBaa)) continue;
      const categories = heldCategories(graph, s.id);
      if (categories.length === 0) continue;
      const refused = fact.value === 'no';
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories,
        likelihood: refused ? 0.9 : 0.5,
        impact: impactOf(0.6, categories, settings),
        evidence: fact.evidence,
        detail: refused
          ? `${displayName(graph, s.id)}'s terms say it does not return or destroy data at termination.`
          : `${displayName(graph, s.id)}'s BAA does not say what happens to PHI at termination.`,
      });
    }
    return drafts;
  },
};
