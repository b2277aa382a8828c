import { THIRD_PARTY_ROLES, type SystemRole, categoryList, roleNoun } from '@custody/domain';
import { CITE } from '../citations.js';
import { carriesPhi, consentCoverage, displayName, flowTargets, phiOf } from '../graph-queries.js';
import type { FindingDraft, Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';
import { CLAIMS_CATEGORIES } from './claims-aggregation.rule.js';

// Employers and brokers have no treatment/payment role at all; research may run under an IRB waiver
// (164.512(i)); some disclosures to government are required by law (164.512(a)-(b)).
const LIKELIHOOD: Partial<Record<SystemRole, number>> = { employer: 0.9, data_broker: 0.9, research: 0.75, government: 0.55 };

/**
 * PHI flows to an employer, researcher, government body or data broker without a live authorization in
 * `graph.consents` covering those categories. Claims flows to brokers are `claims-aggregation`'s.
 */
export const unauthorizedThirdPartyDisclosureRule: Rule = {
  id: 'unauthorized-third-party-disclosure',
  title: 'PHI disclosed to a third party without a valid authorization',
  kind: 'unauthorized_third_party_disclosure',
  citations: [CITE.authorizationElements, CITE.authorizationExpired, CITE.minimumNecessary],
  remediation:
    'Stop the disclosure until the client signs an authorization that meets 164.508(c): what information (name the ' +
    'categories, e.g. attendance dates only rather than progress notes), to whom, for what purpose, an expiry date or ' +
    'event, and the right to revoke. Send only what the authorization names; for employers that is usually a ' +
    'fitness-for-duty letter, not notes.',
  evaluate({ graph, now, settings }) {
    const drafts: FindingDraft[] = [];
    const targets = flowTargets(graph);
    for (let i = 0; i < graph.flows.length; i++) {
      const f = graph.flows[i]!;
      const x = targets[i];
      if (!x || !THIRD_PARTY_ROLES.includes(x.role) || !carriesPhi(f)) continue;
      if (x.role === 'data_broker' && f.data.some((c) => CLAIMS_CATEGORIES.includes(c))) continue;
      const cov = consentCoverage(graph, x.id, phiOf(f.data), now, ['authorization', 'part2', undefined]);
      if (cov.uncovered.length === 0) continue;
      const expiredNote = cov.expired.length > 0 ? ` An authorization existed but expired on ${cov.expired.map((c) => c.expires).join(', ')}.` : '';
      drafts.push({
        subject: `flow:${f.id}`,
        systems: [x.id, f.from],
        categories: cov.uncovered,
        likelihood: LIKELIHOOD[x.role] ?? 0.8,
        impact: impactOf(0.9, cov.uncovered, settings),
        evidence: [...f.evidence, ...cov.evidence],
        detail:
          `${displayName(graph, f.from)} sends ${categoryList(cov.uncovered)} to ${displayName(graph, x.id)}, ${roleNoun(x.role)}, ` +
          `with no live authorization covering them${f.purpose ? ` (purpose: ${f.purpose})` : ''}.${expiredNote}`,
      });
    }
    return drafts;
  },
};
