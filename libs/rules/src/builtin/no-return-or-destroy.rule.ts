import type { DataCategory, Evidence } from '@custody/domain';
import { CITE } from '../citations.js';
import { baasInForce, governingFact } from '../contracts.js';
import { displayName, heldCategories, partTerms, termsParts, vendorSystems, type TermsPart } from '../graph-queries.js';
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
      const held = heldCategories(graph, s.id);
      if (held.length === 0) continue;
      // Per part of its data by the contracts that govern it (a flow-down binds only its sender's data): a part under
      // no contract is no termination question (missing-baa's or baa-chain-break's), one whose terms refuse or whose
      // BAA is silent is.
      let refused: TermsPart | undefined;
      let silent: TermsPart | undefined;
      const categories: DataCategory[] = [];
      const evidence: Evidence[] = [];
      for (const part of termsParts(graph, s, held)) {
        if (part.contracts.length === 0) continue;
        const fact = governingFact(part, 'return_or_destroy_on_termination', now);
        if (fact.value === 'yes' || (fact.value === 'unspecified' && baasInForce(part, now).length === 0)) continue;
        if (fact.value === 'no') refused ??= part;
        else silent ??= part;
        for (const c of part.categories) if (!categories.includes(c)) categories.push(c);
        for (const e of fact.evidence) evidence.push(e);
      }
      const part = refused ?? silent;
      if (!part) continue;
      const partsHeld = held.filter((c) => categories.includes(c));
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories: partsHeld,
        likelihood: refused ? 0.9 : 0.5,
        impact: impactOf(0.6, partsHeld, settings),
        evidence,
        detail: refused
          ? `${partTerms(graph, s, refused, `${displayName(graph, s.id)}'s terms`)} say${refused.via ? 's' : ''} it does not return or destroy data at termination.`
          : `${partTerms(graph, s, part, `${displayName(graph, s.id)}'s BAA`, 'BAA')} does not say what happens to PHI at termination.`,
      });
    }
    return drafts;
  },
};
