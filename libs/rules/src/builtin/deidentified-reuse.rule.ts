import { categoryList } from '@custody/domain';
import { CITE } from '../citations.js';
import { contractTermFindings } from '../contract-term.js';
import { displayName, flowdownContract } from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/** The vendor may de-identify PHI and use the result for itself (products, benchmarks, resale). */
export const deidentifiedReuseRule: Rule = streamingRule({
  id: 'deidentified-reuse',
  classReads: { settings: [] },
  title: 'Vendor may de-identify PHI and reuse it for itself',
  kind: 'deidentified_reuse',
  citations: [CITE.deidentification, CITE.deidStandard, CITE.baPermittedUses],
  remediation:
    'Strike the de-identification licence from the contract, or limit it to aggregate statistics produced under the ' +
    '164.514(b) Safe Harbor or expert-determination method, with no sale, no model training and no re-identification ' +
    'attempts. Session transcripts are rarely de-identifiable: their content identifies the client.',
  evaluateInto(ctx, drafts) {
    contractTermFindings(ctx, drafts, 'deidentified_data_use', (fact, s, categories, part) =>
      fact.value !== 'allowed' ? undefined : {
        likelihood: 0.7,
        impact: impactOf(0.6, categories, ctx.settings),
        detail: () => `${displayName(ctx.graph, s.id)} may de-identify and reuse ${categoryList(categories)} for its own purposes${part.via ? `: so says ${flowdownContract(ctx.graph, part.via)}` : ''}.`,
      });
  },
});
