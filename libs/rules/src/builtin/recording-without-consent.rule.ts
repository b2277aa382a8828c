import type { Citation } from '@custody/domain';
import { CITE, STATE_RECORDING_STATUTES } from '../citations.js';
import { consentCoverage, displayName, settingEvidence, stateOf, stringSetting, vendorSystems } from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/**
 * Sessions recorded without the client's consent: `consent_capture: none`. Consent as the law asks: the
 * all-party statutes (e.g. Cal. Penal Code 632, RCW 9.73.030) require every party's consent, not written
 * consent, so consent captured verbally (and recorded) satisfies them; written-only is a practice policy.
 * All-party states (the practice's jurisdiction, or the install's own `jurisdiction` setting) raise the
 * likelihood and cite the statute. A live `recording` consent in the graph for that system closes it.
 */
export const recordingWithoutConsentRule: Rule = streamingRule({
  id: 'recording-without-consent',
  classReads: { settings: ['consent_capture', 'recording', 'jurisdiction'] },
  title: 'Sessions recorded without the client\'s documented consent',
  kind: 'recording_without_consent',
  citations: [
    { ...CITE.calPenal632, title: 'e.g. California: all-party consent to record a confidential communication (each such state has its own statute)' },
    CITE.apaRecording,
  ],
  remediation:
    'Obtain each client\'s consent to recording before the first recorded session (and the right to decline ' +
    'without losing care), and configure the notetaker to capture it at the start of each session: a recorded verbal ' +
    'consent satisfies the all-party statutes; a signed form is good practice. In all-party-consent states, every participant (including family members in the session) must agree.',
  evaluateInto({ graph, now, settings }, drafts) {
    for (const s of vendorSystems(graph)) {
      const capture = stringSetting(s, 'consent_capture');
      if (capture !== 'none' || stringSetting(s, 'recording') === 'off') continue;
      const state = stateOf(typeof s.settings.jurisdiction === 'string' ? s.settings.jurisdiction : graph.practice.jurisdiction);
      const allParty = state !== undefined && settings.allPartyConsentStates.includes(state);
      const consent = consentCoverage(graph, s.id, ['session_recording'], now, ['recording']);
      if (consent.uncovered.length === 0) continue;
      const statute: Citation | undefined = allParty && state ? STATE_RECORDING_STATUTES[state] : undefined;
      const categories = ['session_recording', 'session_transcript'] as const;
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories: [...categories],
        likelihood: allParty ? 0.95 : 0.75,
        impact: impactOf(0.85, categories, settings),
        evidence: settingEvidence(s, 'consent_capture'),
        detail: () =>
          `${displayName(graph, s.id)} records sessions without capturing the client's consent` +
          (allParty ? ` in ${state}, an all-party-consent state${statute ? ` (${statute.ref})` : ''}.` : '.'),
        ...(statute ? { citations: [statute] } : {}),
      });
    }
  },
});
