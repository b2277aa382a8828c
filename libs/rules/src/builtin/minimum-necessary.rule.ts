import { type DataCategory, type SystemRole, categoryList, roleNoun } from '@custody/domain';
import { CITE } from '../citations.js';
import { carriesPhi, displayName, flowTargets } from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

const CLINICAL_CONTENT: DataCategory[] = ['psychotherapy_notes', 'progress_notes', 'session_recording', 'session_transcript'];
const NON_CLINICAL_DETAIL: DataCategory[] = ['immigration_status', 'political_activity'];

/**
 * What each role does NOT need for its purpose. Payment (clearinghouse, payer, billing) needs claims, codes
 * and identifiers, not session content; reminders need contact and scheduling, not diagnoses; a payment
 * processor needs payment and contact details only. Treatment disclosures are exempt from minimum necessary
 * (164.502(b)(2)(i)), so clinical roles are not listed.
 */
export const EXCESS_FOR_ROLE: Partial<Record<SystemRole, readonly DataCategory[]>> = {
  clearinghouse: [...CLINICAL_CONTENT, 'substance_use', ...NON_CLINICAL_DETAIL],
  payer: [...CLINICAL_CONTENT, ...NON_CLINICAL_DETAIL],
  billing_service: [...CLINICAL_CONTENT, 'substance_use', ...NON_CLINICAL_DETAIL],
  communications: [...CLINICAL_CONTENT, 'diagnosis', 'treatment_plan', 'substance_use', 'claims', ...NON_CLINICAL_DETAIL],
  payment_processor: [...CLINICAL_CONTENT, 'diagnosis', 'treatment_plan', 'substance_use', 'claims', ...NON_CLINICAL_DETAIL],
};

/** More PHI than the receiving role's purpose needs (e.g. progress notes to a clearinghouse). */
export const minimumNecessaryRule: Rule = streamingRule({
  id: 'minimum-necessary',
  title: 'More PHI sent than the purpose needs',
  kind: 'minimum_necessary',
  citations: [CITE.minimumNecessary, CITE.minimumNecessaryImpl],
  remediation:
    'Reconfigure the integration to send only the fields the purpose needs: for claims, the 837 data set (codes, dates, ' +
    'identifiers); for reminders, name, contact and appointment time. If a payer requests notes for an audit or prior ' +
    'authorization, send a treatment summary, never psychotherapy notes or recordings, and log the request.',
  evaluateInto({ graph, settings }, drafts) {
    // Each flow's receiver from the graph's shared list: looked up by id once per graph, not once per rule.
    const targets = flowTargets(graph);
    for (let i = 0; i < graph.flows.length; i++) {
      const f = graph.flows[i]!;
      const x = targets[i];
      const excessFor = x ? EXCESS_FOR_ROLE[x.role] : undefined;
      if (!x || !excessFor || !carriesPhi(f)) continue;
      const excess = f.data.filter((c) => excessFor.includes(c));
      if (excess.length === 0) continue;
      drafts.push({
        subject: `flow:${f.id}`,
        systems: [x.id, f.from],
        categories: excess,
        likelihood: 0.8,
        impact: impactOf(0.7, excess, settings),
        evidence: f.evidence,
        detail: `${displayName(graph, f.from)} sends ${categoryList(excess)} to ${displayName(graph, x.id)}, ${roleNoun(x.role)} whose purpose${f.purpose ? ` (${f.purpose})` : ''} does not need them.`,
      });
    }
  },
});
