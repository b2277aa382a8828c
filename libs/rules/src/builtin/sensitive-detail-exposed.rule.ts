import { type DataCategory, categoryList } from '@custody/domain';
import { CITE } from '../citations.js';
import { displayName, heldCategories, termsParts, vendorSystems } from '../graph-queries.js';
import { lensActive } from '../lenses.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';
import { outOfLawEnforcementScope, postureClauses, weakEvidence, weakParts } from './weak-law-enforcement-posture.rule.js';

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
      // What of `categories` is sensitive detail: held explicitly, or written in the notes or recordings among them.
      const split = (categories: readonly DataCategory[]) => {
        const explicit = categories.filter((c) => DETAILS.includes(c));
        const implicit = categories.some((c) => NOTE_CONTENT.includes(c)) ? documented.filter((c) => !explicit.includes(c)) : [];
        return { explicit, implicit };
      };
      const { explicit, implicit } = split(held);
      const all = [...explicit, ...implicit];
      if (all.length === 0) continue;
      // Each part of its data judged by its own contracts (termsParts): only detail a weak part brings is exposed.
      const weak = weakParts(termsParts(graph, s, held), now, (p) => { const d = split(p.categories); return [...d.explicit, ...d.implicit]; });
      if (weak.length === 0) continue;
      // Explicit where a weak part brings it, implied where a weak part brings only the notes it is written in.
      const parts = weak.map((w) => split(w.part.categories));
      const ex = explicit.filter((c) => parts.some((d) => d.explicit.includes(c)));
      // (A detail held explicitly on a part whose terms are strong is still implied on a weak one bringing notes.)
      const im = all.filter((c) => !ex.includes(c) && parts.some((d) => d.implicit.includes(c)));
      const details = [...ex, ...im];
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories: details,
        likelihood: Math.max(...weak.map((w) => w.posture.likelihood)) * (ex.length > 0 ? 1 : 0.85),
        impact: impactOf(lensActive(ctx, 'immigrant-clients') ? 1 : 0.85, details, settings),
        // The flows that bring the detail, or (implied) the notes or recordings it is written in.
        evidence: weakEvidence(s, weak, (w) => { const d = split(w.part.categories); return d.explicit.length > 0 ? d.explicit : w.part.categories.filter((c) => NOTE_CONTENT.includes(c)); }),
        // Built when read: it names the system, which a class's members do not share.
        detail: () => `${displayName(graph, s.id)} holds ${holdsWords(ex, im)}; ${postureClauses(graph, s, weak)}.`,
      });
    }
  },
});

/** The sensitive detail a holder holds, in words: explicit categories, then those documented in its notes or recordings. */
function holdsWords(explicit: readonly DataCategory[], implicit: readonly DataCategory[]): string {
  return [
    ...(explicit.length > 0 ? [categoryList(explicit)] : []),
    ...(implicit.length > 0 ? [`${categoryList(implicit)} (the practice documents ${implicit.length > 1 ? 'them' : 'it'} in the notes or recordings it holds)`] : []),
  ].join(' and ');
}
