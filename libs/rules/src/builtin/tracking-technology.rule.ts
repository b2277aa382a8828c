import { categoryList, PRACTICE_ID, roleNoun } from '@custody/domain';
import { CITE } from '../citations.js';
import { displayName, hopCoverage, inboundOf, phiOf } from '../graph-queries.js';
import type { FindingDraft, Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/**
 * Tracking technology (pixels, tag managers, session replay) on patient-facing pages sends identifiers and
 * page context to an analytics vendor. Reported per flow; a tracker under a BAA is still reported, at lower
 * likelihood, because most tracker terms permit advertising use regardless.
 */
export const trackingTechnologyRule: Rule = {
  id: 'tracking-technology',
  title: 'Tracking technology sends patient data to an analytics vendor',
  kind: 'tracking_technology',
  citations: [CITE.ocrTracking, CITE.ftcHbnr, CITE.baDisclosure],
  remediation:
    'Remove third-party pixels, tag managers and session replay from the patient portal, intake and scheduling pages. ' +
    'Where analytics are needed, use a vendor that signs a BAA and receives no identifiers beyond what the BAA allows, ' +
    'or server-side, first-party analytics with IP addresses stripped. Note: a 2024 court ruling (AHA v. Becerra) ' +
    'vacated OCR\'s guidance for unauthenticated public pages; authenticated pages are still covered.',
  evaluate({ graph, now, settings }) {
    const drafts: FindingDraft[] = [];
    for (const x of graph.systems) {
      if (x.role !== 'analytics_tracker') continue;
      const flows = inboundOf(graph, x.id).filter((f) => phiOf(f.data).length > 0);
      for (const f of flows) {
        const categories = phiOf(f.data);
        // Under a BAA for what this sender sends it (one held through another sender's flow-down does not count).
        const covered = hopCoverage(graph, f.from, x.id, now).covered;
        drafts.push({
          subject: `flow:${f.id}`,
          systems: [x.id, f.from],
          categories,
          likelihood: covered ? 0.35 : 0.9,
          impact: impactOf(0.7, categories, settings),
          evidence: f.evidence,
          detail: `${displayName(graph, f.from)} sends ${categoryList(categories)} to ${displayName(graph, x.id)}, ${roleNoun(x.role)}${covered ? ' (under a BAA)' : ''}.`,
        });
      }
      const held = phiOf(x.holds);
      if (flows.length === 0 && held.length > 0) {
        // What it is declared to hold is the practice's own: under a BAA of its own, not another sender's flow-down.
        const covered = hopCoverage(graph, PRACTICE_ID, x.id, now).covered;
        drafts.push({
          subject: `system:${x.id}`,
          systems: [x.id],
          categories: held,
          likelihood: covered ? 0.35 : 0.8,
          impact: impactOf(0.7, held, settings),
          evidence: x.evidence,
          detail: `${displayName(graph, x.id)}, ${roleNoun(x.role)}, is declared to hold ${categoryList(held)}.`,
        });
      }
    }
    return drafts;
  },
};
