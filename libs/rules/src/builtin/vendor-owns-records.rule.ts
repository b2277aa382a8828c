import { valuePhrase } from '@custody/domain';
import { CITE } from '../citations.js';
import { contractTermFindings } from '../contract-term.js';
import { displayName, partTerms } from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/**
 * The vendor or platform owns (or co-owns) the records, so it decides on release and retention. Worse when
 * the practice says it keeps no copy of its own (`practice.records.keeps_own_copy: false`).
 */
export const vendorOwnsRecordsRule: Rule = streamingRule({
  id: 'vendor-owns-records',
  classReads: { settings: [] },
  title: 'Vendor or platform owns the clinical records',
  kind: 'vendor_owns_records',
  citations: [CITE.access, CITE.baAccess, CITE.returnOrDestroy],
  remediation:
    'Require the contract to state that the practice owns all records and PHI, that the vendor holds them only as a ' +
    'business associate, and that it exports them in a usable format on request and at termination. Keep your own ' +
    'copy of every client\'s record outside the platform.',
  evaluateInto(ctx, drafts) {
    const noOwnCopy = ctx.graph.practice.records.keeps_own_copy === false;
    contractTermFindings(ctx, drafts, 'record_ownership', (fact, s, categories, part) =>
      fact.value !== 'vendor' && fact.value !== 'shared' ? undefined : {
        likelihood: (fact.value === 'vendor' ? 0.85 : 0.5) + (noOwnCopy ? 0.1 : 0),
        impact: impactOf(noOwnCopy ? 1 : 0.7, categories, ctx.settings),
        detail: () =>
          `${partTerms(ctx.graph, s, part, `${displayName(ctx.graph, s.id)}'s terms`)} say${part.via ? 's' : ''} the records are owned by ${fact.value === 'shared' ? 'the vendor and the practice together' : valuePhrase(fact.value)}` +
          (noOwnCopy ? ', and the practice keeps no copy of its own.' : '.'),
      });
  },
});
