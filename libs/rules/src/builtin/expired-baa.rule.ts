import { categoryList } from '@custody/domain';
import { CITE } from '../citations.js';
import { withSource } from '../contracts.js';
import { baaCoverage, displayName, heldCategories, vendorSystems } from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/** A system holds PHI and every BAA attached to it has expired. */
export const expiredBaaRule: Rule = streamingRule({
  id: 'expired-baa',
  // It reads no install setting: what it reads (held categories, contracts, inbound flows) is in every class
  // key, so a fleet's installs are judged once per class, not one by one (issue 11: it walked all 100,000).
  classReads: { settings: [] },
  title: 'The BAA with a vendor holding PHI has expired',
  kind: 'expired_baa',
  citations: [CITE.baDisclosure, CITE.baContractsSecurity, CITE.returnOrDestroy],
  remediation:
    'Renew the Business Associate Agreement (or confirm an evergreen clause keeps it in force and record that). If the ' +
    'relationship has ended, require the vendor to return or destroy the PHI and certify it in writing.',
  evaluateInto({ graph, now, settings }, drafts) {
    // Every system but the practice side: the vendors, in graph order.
    for (const s of vendorSystems(graph)) {
      const categories = heldCategories(graph, s.id);
      if (categories.length === 0) continue;
      const coverage = baaCoverage(graph, s.id, now);
      if (coverage.inForce.length > 0 || coverage.expired.length === 0) continue;
      const latest = [...coverage.expired].sort((a, b) => Date.parse(b.expires!) - Date.parse(a.expires!))[0]!;
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories,
        likelihood: 0.9,
        impact: impactOf(0.85, categories, settings),
        // The clause with the expiry date proves the finding; the BAA's title (baa_offered) only that one existed.
        evidence: coverage.expired.flatMap((c) => withSource(c.expiresEvidence ?? c.facts?.baa_offered?.evidence ?? [], c)),
        // Built when read: it names the system, which a class's members do not share.
        detail: () => `${displayName(graph, s.id)} still holds ${categoryList(categories)}, but its BAA (${latest.file}) expired on ${latest.expires}.`,
      });
    }
  },
});
