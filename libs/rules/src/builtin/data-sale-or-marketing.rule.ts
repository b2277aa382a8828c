import { categoryList } from '@custody/domain';
import { CITE } from '../citations.js';
import { contractTermFindings } from '../contract-term.js';
import { displayName, partTerms } from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/** The vendor's terms let it sell PHI or use it for marketing. */
export const dataSaleOrMarketingRule: Rule = streamingRule({
  id: 'data-sale-or-marketing',
  classReads: { settings: [] },
  title: 'Vendor may sell PHI or use it for marketing',
  kind: 'data_sale_or_marketing',
  citations: [CITE.saleOfPhi, CITE.marketingAuth, CITE.saleAuth],
  remediation:
    'A business associate may not sell PHI or use it for marketing without each client\'s authorization. Require a ' +
    'written amendment prohibiting sale, marketing and sharing with advertisers or data brokers; if refused, move the ' +
    'data to a vendor whose BAA prohibits it.',
  evaluateInto(ctx, drafts) {
    contractTermFindings(ctx, drafts, 'data_sale_or_marketing', (fact, s, categories, part) =>
      fact.value !== 'allowed' ? undefined : {
        likelihood: 0.9,
        impact: impactOf(1, categories, ctx.settings),
        detail: `${partTerms(ctx.graph, s, part, `${displayName(ctx.graph, s.id)}'s terms`)} allow${part.via ? 's' : ''} it to sell or market data it holds: ${categoryList(categories)}.`,
      });
  },
});
