import { SENSITIVE_CATEGORIES, unique, type DataCategory, type GraphFlow } from '@custody/domain';
import { CITE } from '../citations.js';
import { carriesPhi, displayName, fleetParty, inboundOf, phiSources, vendorSystems } from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/**
 * One party receives many sensitive categories from many sources: a single breach, subpoena or policy change
 * there exposes all of it at once. Thresholds are `settings.aggregationHub`. Sources are parties: the installs
 * of one notetaker fleet are one source (their vendor), not one per laptop.
 */
export const aggregationHubRule: Rule = streamingRule({
  id: 'aggregation-hub',
  // No install setting read: an install's sources are the peers of its inbound flows, in every class key.
  classReads: { settings: [] },
  title: 'One party aggregates many sensitive categories from many sources',
  kind: 'aggregation_hub',
  citations: [CITE.riskAnalysis, CITE.minimumNecessary],
  remediation:
    'Treat this party as the highest-value target in the risk analysis: confirm its BAA, encryption, access logging and ' +
    'law-enforcement terms are the strongest in the stack, and stop sending it categories it does not need (e.g. send ' +
    'recordings to the notetaker but not to the EHR).',
  evaluateInto({ graph, settings }, drafts) {
    const { minSensitiveCategories, minSources } = settings.aggregationHub;
    const party = fleetParty(graph);
    for (const s of vendorSystems(graph)) {
      // Both conditions must hold; the categories are counted first, without building a list: most systems
      // receive few sensitive categories, and their sources (sorted, by party) are then never worked out.
      const inbound = inboundOf(graph, s.id);
      if (!receivesSensitive(inbound, minSensitiveCategories)) continue;
      const sources = unique(phiSources(graph, s.id).map((id) => party(id) ?? id)).sort();
      if (sources.length < minSources) continue;
      const flows = inbound.filter(carriesPhi);
      const sensitive = [...new Set(flows.flatMap((f) => f.data.filter((c) => SENSITIVE_CATEGORIES.includes(c))))];
      if (sensitive.length < minSensitiveCategories) continue;
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories: sensitive,
        likelihood: Math.min(0.9, 0.5 + 0.1 * (sources.length - minSources + 1)),
        impact: impactOf(0.8, sensitive, settings),
        evidence: flows.flatMap((f) => f.evidence),
        // Built when read: it names the system, which a class's members do not share.
        detail: () => `${displayName(graph, s.id)} receives ${sensitive.length} sensitive categories (${sensitive.join(', ')}) from ${sources.length} sources (${sources.join(', ')}).`,
      });
    }
  },
});

/** Whether PHI flows in `inbound` carry at least `min` distinct sensitive categories (counted up to `min`). */
function receivesSensitive(inbound: readonly GraphFlow[], min: number): boolean {
  if (min <= 0) return true;
  const seen: DataCategory[] = [];
  for (const f of inbound) {
    if (!carriesPhi(f)) continue;
    for (const c of f.data) {
      if (!SENSITIVE_CATEGORIES.includes(c) || seen.includes(c)) continue;
      seen.push(c);
      if (seen.length >= min) return true;
    }
  }
  return false;
}
