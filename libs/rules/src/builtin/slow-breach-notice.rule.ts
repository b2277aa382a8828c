import { BREACH_RULE_MAX_DAYS, bindsToBreachRule, setsAsideBreachRule } from '@custody/domain';
import { CITE } from '../citations.js';
import { baasInForce, factIn } from '../contracts.js';
import { displayName, heldCategories, partTerms, termsParts, vendorSystems } from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/**
 * A BAA in force lets the vendor take longer than the limit (default 60 days, the regulatory ceiling) to tell
 * the practice of a breach, or does not say. The practice's own 60-day clock to notify clients starts at
 * discovery, which includes the BA's discovery when it acts as the practice's agent. A BAA that binds the vendor to
 * report "as required by 45 CFR 164.410" states a deadline by reference: the rule's own 60 days, not none; one that sets
 * the section aside ("is not subject to 164.410") states none.
 */
export const slowBreachNoticeRule: Rule = streamingRule({
  id: 'slow-breach-notice',
  classReads: { settings: [] },
  title: 'Breach notice to the practice is slow or unstated',
  kind: 'slow_breach_notice',
  citations: [CITE.breachNotice, CITE.baBreachReport],
  remediation:
    'Amend the BAA so the vendor notifies the practice of any security incident or breach of unsecured PHI without ' +
    'unreasonable delay and within a fixed short period (5–10 business days is common), with the details the practice ' +
    'needs for its own notices under 164.404.',
  evaluateInto({ graph, now, settings }, drafts) {
    const max = settings.breachNoticeMaxDays;
    for (const s of vendorSystems(graph)) {
      if (baasInForce(s, now).length === 0) continue;
      const held = heldCategories(graph, s.id);
      if (held.length === 0) continue;
      // Per part of its data by the BAAs that govern it: a BAA bound through a sender's flow-down speaks for what
      // that sender sends it only (a part under no BAA is no breach-notice question).
      for (const part of termsParts(graph, s, held)) {
        const baas = baasInForce(part, now);
        if (baas.length === 0) continue;
        const readings = baas.map((c) => factIn(c, 'breach_notice_days'));
        // Days stated, or the Breach Notification Rule's ceiling for a BAA that binds the vendor to it.
        const daysOf = (r: (typeof readings)[number]) => (typeof r.value === 'number' ? r.value : bindsToBreachRule(r) ? BREACH_RULE_MAX_DAYS : undefined);
        const stated = readings.filter((r) => daysOf(r) !== undefined);
        // With two BAAs in force, the shortest stated window is the one the practice can enforce.
        const best = stated.sort((a, b) => daysOf(a)! - daysOf(b)!)[0];
        const days = best && daysOf(best);
        if (days !== undefined && days <= max) continue;
        const categories = part.categories;
        const byReference = best !== undefined && typeof best.value !== 'number';
        // No deadline, and a clause that sets the rule aside ("is not subject to 164.410"): the finding quotes it.
        const setAside = best === undefined ? readings.find(setsAsideBreachRule) : undefined;
        const whose = partTerms(graph, s, part, `${displayName(graph, s.id)}'s BAA`, 'BAA');
        drafts.push({
          subject: `system:${s.id}`,
          systems: [s.id],
          categories,
          likelihood: days === undefined ? 0.5 : 0.6 + 0.3 * Math.min(1, (days - max) / max),
          impact: impactOf(0.55, categories, settings),
          evidence: (best ?? setAside)?.evidence ?? [],
          detail: () =>
            days === undefined
              ? setAside
                ? `${whose} sets aside 45 CFR 164.410's deadline and states none of its own.`
                : `${whose} states no breach-notice deadline.`
              : byReference
                ? `${whose} binds it only to 45 CFR 164.410, which allows up to ${days} days to report a breach (limit ${max}).`
                : `${whose} allows ${days} days to report a breach (limit ${max}).`,
        });
        break;
      }
    }
  },
});
