import { PRACTICE_ID } from '@custody/domain';
import { CITE } from '../citations.js';
import { consentCoverage, displayName, isPracticeSide, systemById } from '../graph-queries.js';
import type { FindingDraft, Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/**
 * Psychotherapy notes get extra protection only while they stay the clinician's own, separate from the
 * record (164.501) and released only with a specific authorization (164.508(a)(2)). Fires when they flow
 * anywhere but the practice or its EHR (or the EHR's sub-processors bound by its BAA's flow-down) without a
 * live authorization, when a vendor other than the EHR is
 * declared to hold them, or when the practice says it does not keep them separately.
 */
export const psychotherapyNotesExposedRule: Rule = {
  id: 'psychotherapy-notes-exposed',
  title: 'Psychotherapy notes leave the practice or are not kept separately',
  kind: 'psychotherapy_notes_exposed',
  citations: [CITE.psychotherapyNotesDef, CITE.psychotherapyNotesAuth],
  remediation:
    'Keep psychotherapy notes in a separate, access-restricted section of the EHR (or on paper), never in the progress ' +
    'note, and never send them to billing, notetaker, platform or third parties. Release them only on a signed ' +
    'authorization that names psychotherapy notes specifically. Reconfigure integrations that export them.',
  evaluate({ graph, now, settings }) {
    const drafts: FindingDraft[] = [];
    // The EHR's own sub-processors, bound by its BAA's flow-down (its hosting), are where the EHR keeps its
    // records, not a place the notes went: the same restricted section, under the same terms.
    const isNoteHome = (id: string, seen = new Set<string>()): boolean => {
      const s = systemById(graph, id);
      if (isPracticeSide(graph, id) || s?.role === 'ehr') return true;
      if (seen.has(id)) return false;
      seen.add(id);
      return (s?.contracts ?? []).some((c) => c.via !== undefined && isNoteHome(c.via.system, seen));
    };
    for (const f of graph.flows) {
      if (!f.data.includes('psychotherapy_notes') || isNoteHome(f.to)) continue;
      if (consentCoverage(graph, f.to, ['psychotherapy_notes'], now, ['authorization', undefined]).uncovered.length === 0) continue;
      drafts.push({
        subject: `flow:${f.id}`,
        systems: [f.to, f.from],
        categories: ['psychotherapy_notes'],
        likelihood: 0.9,
        impact: impactOf(1, ['psychotherapy_notes'], settings),
        evidence: f.evidence,
        detail: `Psychotherapy notes flow from ${displayName(graph, f.from)} to ${displayName(graph, f.to)} with no authorization on file for them.`,
      });
    }
    for (const s of graph.systems) {
      // The declaration first: a walk (a lookup and a set) per system is only worth it for the few that hold them.
      if (!s.holds.includes('psychotherapy_notes') || isNoteHome(s.id)) continue;
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories: ['psychotherapy_notes'],
        likelihood: 0.8,
        impact: impactOf(1, ['psychotherapy_notes'], settings),
        evidence: s.evidence,
        detail: `${displayName(graph, s.id)} is declared to hold psychotherapy notes outside the practice and its EHR.`,
      });
    }
    if (graph.practice.records.psychotherapy_notes_kept_separately === false) {
      drafts.push({
        subject: `system:${PRACTICE_ID}`,
        systems: [PRACTICE_ID],
        categories: ['psychotherapy_notes'],
        likelihood: 0.7,
        impact: impactOf(0.8, ['psychotherapy_notes'], settings),
        evidence: [],
        detail:
          'The practice states psychotherapy notes are not kept separately from the record, so they lose their special ' +
          'protection and travel with every disclosure of the record.',
      });
    }
    return drafts;
  },
};
