import type { Evidence } from '@custody/domain';
import { CITE } from '../citations.js';
import { governingFact } from '../contracts.js';
import { displayName, heldCategories, settingEvidence, stringSetting, vendorSystems } from '../graph-queries.js';
import type { FindingDraft, Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/** `storage_region` values that mean the United States: US, us-east-1 (AWS/GCP), usgov-west, eastus2 (Azure). */
export function isUsRegion(region: string): boolean {
  return (
    /^(us|usa|united[ _-]?states)$/i.test(region) ||
    /^us(gov)?[-_]/i.test(region) ||
    /^(east|west|central|north|south|northcentral|southcentral|westcentral)us\d?$/i.test(region)
  );
}

/**
 * PHI processed or stored outside the United States: HIPAA does not forbid it, but US enforcement, breach
 * response and subpoena protections are weaker abroad, and the risk analysis must account for it.
 */
export const offshoreProcessingRule: Rule = {
  id: 'offshore-processing',
  title: 'PHI processed or stored outside the United States',
  kind: 'offshore_processing',
  citations: [CITE.riskAnalysis, CITE.baContractTerms],
  remediation:
    'Ask the vendor to pin storage and processing (including sub-processors and support staff access) to US regions, ' +
    'and write that into the BAA. If offshore processing stays, document it in the risk analysis with the legal ' +
    'regime, encryption and access controls that apply.',
  evaluate({ graph, now, settings }) {
    const drafts: FindingDraft[] = [];
    for (const s of vendorSystems(graph)) {
      const categories = heldCategories(graph, s.id);
      if (categories.length === 0) continue;
      const fact = governingFact(s, 'offshore_processing', now);
      const region = stringSetting(s, 'storage_region');
      const abroad = region !== undefined && region !== '' && !isUsRegion(region);
      if (fact.value !== 'yes' && !abroad) continue;
      const evidence: Evidence[] = [...(fact.value === 'yes' ? fact.evidence : []), ...(abroad ? settingEvidence(s, 'storage_region') : [])];
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories,
        likelihood: abroad ? 0.8 : 0.7,
        impact: impactOf(0.6, categories, settings),
        evidence,
        detail:
          `${displayName(graph, s.id)} processes PHI outside the US` +
          [fact.value === 'yes' ? ' (its terms allow offshore processing)' : '', abroad ? ` (storage region "${region}")` : ''].join('') +
          '.',
      });
    }
    return drafts;
  },
};
