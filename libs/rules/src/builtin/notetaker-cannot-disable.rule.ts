import { CITE } from '../citations.js';
import { boolSetting, displayName, settingEvidence, stringSetting, vendorSystems } from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/**
 * The clinician cannot turn the notetaker off (`can_disable: false`): every session is recorded whether or not
 * the client agreed or the clinician judged it safe (seed story: "I am not permitted to turn it off").
 */
export const notetakerCannotDisableRule: Rule = streamingRule({
  id: 'notetaker-cannot-disable',
  classReads: { settings: ['can_disable', 'recording'] },
  title: 'Clinicians cannot turn the AI notetaker off',
  kind: 'notetaker_cannot_disable',
  citations: [CITE.apaRecording, CITE.minimumNecessary, CITE.safeguards],
  remediation:
    'Change the deployment so each clinician can switch recording off per session (and it defaults to off when the ' +
    'client declines). Adopt a written policy that no session is recorded without the client\'s consent and the ' +
    'clinician\'s judgement, and that clinicians are never required to record.',
  evaluateInto({ graph, settings }, drafts) {
    for (const s of vendorSystems(graph)) {
      if (boolSetting(s, 'can_disable') !== false) continue;
      const always = stringSetting(s, 'recording') === 'always';
      const categories = ['session_recording', 'session_transcript'] as const;
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories: [...categories],
        likelihood: always ? 0.95 : 0.8,
        impact: impactOf(0.8, categories, settings),
        evidence: [...settingEvidence(s, 'can_disable'), ...(always ? settingEvidence(s, 'recording') : [])],
        detail: () => `${displayName(graph, s.id)} cannot be disabled by the clinician${always ? ' and records every session' : ''}.`,
      });
    }
  },
});
