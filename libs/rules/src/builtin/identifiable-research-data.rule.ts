import { PRACTICE_ID, type DataCategory, type GraphIdentifierExposure } from '@custody/domain';
import { CITE } from '../citations.js';
import { displayName, inboundFlows } from '../graph-queries.js';
import type { FindingDraft, Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/** Which data category a Safe Harbor identifier falls under, for weighing and filtering. */
export function identifierCategory(identifier: string): DataCategory {
  const id = identifier.toLowerCase();
  if (/phone|fax|email|e-mail/.test(id)) return 'contact';
  if (/ssn|social|record|mrn|health.?plan|beneficiary|account|certificate|license|licence|vehicle|serial/.test(id)) return 'insurance_ids';
  if (/ip|url|device|web|biometric|photo|face/.test(id)) return 'web_identifiers';
  return 'demographics';
}

/**
 * An export that claims to be de-identified (research, analytics) still carries Safe Harbor identifiers.
 * One finding per receiving system, on the flow that carries the export to it (the flow the exporting config
 * declares, else any flow into it): `flow:ehr->research`, charged to both ends. `system:<id>` when no flow
 * reaches the receiver, and `document:<file>` when the receiver is unknown.
 */
export const identifiableResearchDataRule: Rule = {
  id: 'identifiable-research-data',
  title: 'Data treated as de-identified still carries Safe Harbor identifiers',
  kind: 'identifiable_research_data',
  citations: [CITE.safeHarbor, CITE.deidStandard],
  remediation:
    'Remove all 18 Safe Harbor identifiers (names, geography below state, all date elements but year, contact numbers, ' +
    'record and account numbers, device and web identifiers, photos, any other unique code) before export, or obtain ' +
    'an expert determination, or treat the data as PHI and disclose it only under an authorization or IRB waiver.',
  evaluate({ graph, settings }) {
    const groups = new Map<string, GraphIdentifierExposure[]>();
    for (const i of graph.identifiers) {
      const key = i.system ? `system:${i.system}` : `document:${i.file}`;
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
    const drafts: FindingDraft[] = [];
    for (const [key, items] of groups) {
      const categories = [...new Set(items.map((i) => identifierCategory(i.identifier)))];
      const system = items[0]!.system;
      const into = system ? inboundFlows(graph, system) : [];
      const flow = into.find((f) => f.evidence.some((e) => e.documentId === items[0]!.documentId)) ?? into[0];
      drafts.push({
        subject: flow ? `flow:${flow.id}` : key,
        systems: flow ? [flow.to, flow.from] : [system ?? PRACTICE_ID],
        categories,
        likelihood: 0.85,
        impact: impactOf(0.8, categories, settings),
        evidence: items.map((i) => ({ ...i.evidence, documentId: i.evidence.documentId ?? i.documentId, file: i.evidence.file ?? i.file })),
        detail:
          `${system ? displayName(graph, system) : items[0]!.file} receives data with identifiers: ` +
          items.map((i) => `${i.field} (${i.identifier})`).join(', ') + '.',
      });
    }
    return drafts;
  },
};
