import { CITE } from '../citations.js';
import { consentCoverage, hopCoverage, displayName, isPracticeSide } from '../graph-queries.js';
import { lensActive } from '../lenses.js';
import type { FindingDraft, Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/**
 * Substance-use records leave the practice without a Part 2 consent to that recipient. Whether Part 2
 * applies depends on the practice being a Part 2 program, which the `substance-use` lens asserts; without it
 * the likelihood is lower. A recipient under a BAA may be a qualified service organization (42 CFR 2.11),
 * which also lowers it.
 */
export const part2WithoutConsentRule: Rule = {
  id: 'part2-without-consent',
  title: 'Substance-use records disclosed without Part 2 consent',
  kind: 'part2_without_consent',
  citations: [CITE.part2Consent, CITE.part2Qso],
  remediation:
    'Obtain a written Part 2 consent (42 CFR 2.31: recipient, purpose, the SUD information, expiry, signature; a single ' +
    'consent may cover all future TPO uses) before disclosing substance-use records, or put the recipient under a ' +
    'qualified service organization agreement. Compulsory disclosure requires a court order under subpart E, not a ' +
    'subpoena alone.',
  evaluate(ctx) {
    const { graph, now, settings } = ctx;
    const program = lensActive(ctx, 'substance-use');
    const drafts: FindingDraft[] = [];
    for (const f of graph.flows) {
      if (!f.data.includes('substance_use') || f.legalBasis === 'deidentified' || isPracticeSide(graph, f.to)) continue;
      if (consentCoverage(graph, f.to, ['substance_use'], now, ['part2']).uncovered.length === 0) continue;
      // Under a BAA for what this sender sends it (one held through another sender's flow-down does not count).
      const qso = hopCoverage(graph, f.from, f.to, now).covered;
      drafts.push({
        subject: `flow:${f.id}`,
        systems: [f.to, f.from],
        categories: ['substance_use'],
        likelihood: (program ? 0.9 : 0.5) * (qso ? 0.6 : 1),
        impact: impactOf(program ? 1 : 0.85, ['substance_use'], settings),
        evidence: f.evidence,
        detail:
          `${displayName(graph, f.from)} sends substance-use records to ${displayName(graph, f.to)} with no Part 2 consent on file` +
          (qso ? ' (it is under a BAA, which may serve as a QSO agreement if it has the Part 2 terms).' : '.'),
      });
    }
    return drafts;
  },
};
