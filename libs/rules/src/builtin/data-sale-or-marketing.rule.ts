import { CITE } from '../citations.js';
import { governingFact } from '../contracts.js';
import { displayName, heldCategories, vendorSystems } from '../graph-queries.js';
import type { FindingDraft, Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/** The vendor's terms let it sell PHI or use it for marketing. */
export const dataSaleOrMarketingRule: Rule = {
  id: 'data-sale-or-marketing',
  title: 'Vendor may sell PHI or use it for marketing',
  kind: 'data_sale_or_marketing',
  citations: [CITE.saleOfPhi, CITE.marketingAuth, CITE.saleAuth],
  remediation:
    'A business associate may not sell PHI or use it for marketing without each client\'s authorization. Require a ' +
    'written amendment prohibiting sale, marketing and sharing with advertisers or data brokers; if refused, move the ' +
    'data to a vendor whose BAA prohibits it.',
  evaluate({ graph, now, settings }) {
    const drafts: FindingDraft[] = [];
    for (const s of vendorSystems(graph)) {
      const fact = governingFact(s, 'data_sale_or_marketing', now);
      if (fact.value !== 'allowed') continue;
      const categories = heldCategories(graph, s.id);
      if (categories.length === 0) continue;
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories,
        likelihood: 0.9,
        impact: impactOf(1, categories, settings),
        evidence: fact.evidence,
        detail: `${displayName(graph, s.id)}'s terms allow it to sell or market data it holds: ${categories.join(', ')}.`,
      });
    }
    return drafts;
  },
};
