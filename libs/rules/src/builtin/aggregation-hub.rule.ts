import { SENSITIVE_CATEGORIES, type DataCategory, type GraphFlow, categoryList, wordList } from '@custody/domain';
import { CITE } from '../citations.js';
import { carriesPhi, displayName, fleetParty, inboundOf, phiSources, systemById, vendorSystems } from '../graph-queries.js';
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
      // A fleet's installs count as their vendor's party; a stand-in party (no system declared) reads as the vendor's name.
      const named = new Map<string, string>();
      for (const id of phiSources(graph, s.id)) {
        const p = party(id);
        if (p !== undefined && !named.has(p)) named.set(p, systemById(graph, p)?.name ?? systemById(graph, id)?.group?.vendor ?? p);
        else if (p === undefined) named.set(id, displayName(graph, id));
      }
      const sources = [...named.keys()].sort();
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
        detail: () => `${displayName(graph, s.id)} receives ${sensitive.length} sensitive categories (${categoryList(sensitive)}) from ${sources.length} sources (${wordList(sources.map((id) => named.get(id)!))}).`,
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
