import { type DataCategory, categoryList, roleNoun } from '@custody/domain';
import { CITE } from '../citations.js';
import { carriesPhi, displayName, flowTargets, pathSubject, phiOf, shortestPathTo, systemById } from '../graph-queries.js';
import type { FindingDraft, Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/** Categories that make a flow "claims data". */
export const CLAIMS_CATEGORIES: readonly DataCategory[] = ['claims', 'insurance_ids'];

/**
 * Claims data reaching a data broker or aggregator, directly or through a clearinghouse or payer: the seed
 * story of ISO ClaimSearch repurposed for immigration enforcement. Reported on the path from an origin.
 */
export const claimsAggregationRule: Rule = {
  id: 'claims-aggregation',
  title: 'Claims data reaches a data broker or aggregator',
  kind: 'claims_aggregation',
  citations: [CITE.saleOfPhi, CITE.baPermittedUses, CITE.baDisclosure, CITE.lawEnforcement],
  remediation:
    'Ask the clearinghouse and payers in writing which databases and "fraud prevention" or analytics services receive ' +
    'your claims, and require the BAA to forbid disclosure to data brokers and aggregators. Offer self-pay (with the ' +
    '164.522(a)(1)(vi) restriction on disclosure to the health plan) to clients at risk, and minimise diagnosis detail ' +
    'on claims to what payment requires.',
  evaluate({ graph, settings }) {
    const drafts: FindingDraft[] = [];
    const targets = flowTargets(graph);
    for (let i = 0; i < graph.flows.length; i++) {
      const f = graph.flows[i]!;
      const x = targets[i];
      if (!x || x.role !== 'data_broker' || !carriesPhi(f)) continue;
      const claims = f.data.filter((c) => CLAIMS_CATEGORIES.includes(c));
      if (claims.length === 0) continue;
      const upstream = shortestPathTo(graph, f.from, CLAIMS_CATEGORIES) ?? [f.from];
      const via = systemById(graph, f.from)?.role;
      const categories = phiOf(f.data);
      drafts.push({
        subject: pathSubject([...upstream, x.id]),
        systems: [x.id, f.from],
        categories,
        likelihood: via === 'clearinghouse' || via === 'payer' ? 0.9 : 0.8,
        impact: impactOf(0.9, categories, settings),
        evidence: f.evidence,
        detail:
          `${displayName(graph, x.id)}, ${roleNoun(x.role)}, receives ${categoryList(categories)} from ${displayName(graph, f.from)}` +
          (upstream.length > 1 ? ` (path: ${[...upstream, x.id].map((id) => displayName(graph, id)).join(' → ')}).` : '.'),
      });
    }
    for (const x of graph.systems) {
      if (x.role !== 'data_broker') continue;
      const held = x.holds.filter((c) => CLAIMS_CATEGORIES.includes(c));
      if (held.length === 0 || drafts.some((d) => d.systems[0] === x.id)) continue;
      drafts.push({
        subject: `system:${x.id}`,
        systems: [x.id],
        categories: held,
        likelihood: 0.7,
        impact: impactOf(0.9, held, settings),
        evidence: x.evidence,
        detail: `${displayName(graph, x.id)}, ${roleNoun(x.role)}, is declared to hold ${categoryList(held)}.`,
      });
    }
    return drafts;
  },
};
