import { type DataCategory, categoryList } from '@custody/domain';
import { CITE } from '../citations.js';
import { displayName, heldCategories, holdingEvidence, vendorSystems } from '../graph-queries.js';
import { lensActive } from '../lenses.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';
import { outOfLawEnforcementScope, postureOf, postureWords } from './weak-law-enforcement-posture.rule.js';

const DETAILS: readonly DataCategory[] = ['immigration_status', 'political_activity'];
const NOTE_CONTENT: readonly DataCategory[] = ['progress_notes', 'psychotherapy_notes', 'session_recording', 'session_transcript'];

/**
 * Immigration status or political activity (protest involvement) held by a party whose law-enforcement
 * posture is weak. Held explicitly (`holds` or flows), or implicitly: the practice says it documents them
 * (`practice.records.documents_sensitive`) and the party holds the notes or recordings they are written in.
 */
export const sensitiveDetailExposedRule: Rule = streamingRule({
  id: 'sensitive-detail-exposed',
  // No install setting read: held categories, contracts and evidence are in every class key (see expired-baa).
  classReads: { settings: [] },
  title: 'Immigration status or political activity held where it can be handed to enforcement',
  kind: 'sensitive_detail_exposed',
  citations: [CITE.lawEnforcement, CITE.adminRequest, CITE.minimumNecessary],
  remediation:
    'Do not document immigration status or protest involvement unless it is clinically necessary; when it is, keep it ' +
    'in psychotherapy notes held by the practice rather than in notes, transcripts or recordings that vendors hold. ' +
    'Turn off recording for sessions where it comes up, and negotiate a judicial-order-only, notify-first ' +
    'law-enforcement clause with every holder.',
  evaluateInto(ctx, drafts) {
    const { graph, now, settings } = ctx;
    const documented = (graph.practice.records.documents_sensitive ?? []).filter((c) => DETAILS.includes(c));
    for (const s of vendorSystems(graph)) {
      if (outOfLawEnforcementScope(s)) continue;
      const held = heldCategories(graph, s.id);
      const explicit = held.filter((c) => DETAILS.includes(c));
      const implicit = held.some((c) => NOTE_CONTENT.includes(c)) ? documented.filter((c) => !explicit.includes(c)) : [];
      const details = [...explicit, ...implicit];
      if (details.length === 0) continue;
      const posture = postureOf(s, now);
      if (!posture.weak) continue;
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories: details,
        likelihood: posture.likelihood * (explicit.length > 0 ? 1 : 0.85),
        impact: impactOf(lensActive(ctx, 'immigrant-clients') ? 1 : 0.85, details, settings),
        evidence: [...posture.evidence, ...holdingEvidence(graph, s.id, details)],
        // Built when read: it names the system, which a class's members do not share.
        detail: () =>
          `${displayName(graph, s.id)} holds ${[
            ...(explicit.length > 0 ? [categoryList(explicit)] : []),
            ...(implicit.length > 0 ? [`${categoryList(implicit)} (the practice documents ${implicit.length > 1 ? 'them' : 'it'} in the notes or recordings it holds)`] : []),
          ].join(' and ')}; ${postureWords(posture.value)}.`,
      });
    }
  },
});
