import { CITE } from '../citations.js';
import { governingFact } from '../contracts.js';
import { displayName, heldCategories, vendorSystems } from '../graph-queries.js';
import type { FindingDraft, Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/** The vendor may de-identify PHI and use the result for itself (products, benchmarks, resale). */
export const deidentifiedReuseRule: Rule = {
  id: 'deidentified-reuse',
  title: 'Vendor may de-identify PHI and reuse it for itself',
  kind: 'deidentified_reuse',
  citations: [CITE.deidentification, CITE.deidStandard, CITE.baPermittedUses],
  remediation:
    'Strike the de-identification licence from the contract, or limit it to aggregate statistics produced under the ' +
    '164.514(b) Safe Harbor or expert-determination method, with no sale, no model training and no re-identification ' +
    'attempts. Session transcripts are rarely de-identifiable: their content identifies the client.',
  evaluate({ graph, now, settings }) {
    const drafts: FindingDraft[] = [];
    for (const s of vendorSystems(graph)) {
      const fact = governingFact(s, 'deidentified_data_use', now);
      if (fact.value !== 'allowed') continue;
      const categories = heldCategories(graph, s.id);
      if (categories.length === 0) continue;
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories,
        likelihood: 0.7,
        impact: impactOf(0.6, categories, settings),
        evidence: fact.evidence,
        detail: `${displayName(graph, s.id)} may de-identify and reuse ${categories.join(', ')} for its own purposes.`,
      });
    }
    return drafts;
  },
};
