import { type DataCategory, type Evidence, categoryLabel, settingPhrase, wordList } from '@custody/domain';
import { CITE } from '../citations.js';
import { governingFact } from '../contracts.js';
import { daysSetting, displayName, flowdownContract, settingEvidence, termsPartsFor, vendorSystems } from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

type Over = { category: DataCategory; days: number; limit: number; source: string };

const daysText = (days: number) => (Number.isFinite(days) ? `for ${days} days` : 'indefinitely');

/**
 * One category's retention over the limit, named once however many sources say it: a setting and the contract
 * that both keep recordings 90 days are one period with two sources, and periods that differ are each listed.
 */
function retentionText(category: DataCategory, over: Over[]): string {
  const byDays = new Map<number, string[]>();
  for (const o of over) byDays.set(o.days, [...(byDays.get(o.days) ?? []), o.source]);
  const periods = [...byDays].map(([days, sources]) => `${daysText(days)} (${wordList(sources)})`);
  return `${categoryLabel(category)} ${wordList(periods)}, over the ${over[0]!.limit}-day limit`;
}

/**
 * Session audio or transcripts kept longer than the configured limit (settings
 * `audio_retention_days`/`transcript_retention_days`, or the contract's `audio_or_recording_retention_days`).
 * The further over the limit, the likelier: a recording kept forever is one subpoena or breach away.
 */
export const recordingRetentionRule: Rule = streamingRule({
  id: 'recording-retention',
  classReads: { settings: ['audio_retention_days', 'transcript_retention_days'] },
  title: 'Session recordings or transcripts kept past the retention limit',
  kind: 'recording_retention',
  citations: [CITE.minimumNecessary, CITE.safeguards],
  remediation:
    'Set the notetaker to delete audio as soon as the note is signed (and within the practice\'s limit at most) and ' +
    'transcripts within the transcript limit; get the retention period written into the BAA, with deletion covering ' +
    'backups and sub-processors. Apply the setting to every install.',
  evaluateInto({ graph, now, settings }, drafts) {
    const { audio: audioLimit, transcript: transcriptLimit } = settings.retentionLimitDays;
    for (const s of vendorSystems(graph)) {
      const over: (Over & { evidence: Evidence[] })[] = [];
      const audio = daysSetting(s, 'audio_retention_days');
      if (audio !== undefined && audio > audioLimit) {
        over.push({ category: 'session_recording', days: audio, limit: audioLimit, source: `its ${settingPhrase('audio_retention_days')} setting`, evidence: settingEvidence(s, 'audio_retention_days') });
      }
      const transcript = daysSetting(s, 'transcript_retention_days');
      if (transcript !== undefined && transcript > transcriptLimit) {
        over.push({ category: 'session_transcript', days: transcript, limit: transcriptLimit, source: `its ${settingPhrase('transcript_retention_days')} setting`, evidence: settingEvidence(s, 'transcript_retention_days') });
      }
      // The contracts that govern its recordings: a flow-down binds it for its sender's data only (termsPartsFor).
      for (const part of termsPartsFor(graph, s, 'session_recording')) {
        const fact = governingFact(part, 'audio_or_recording_retention_days', now);
        if (typeof fact.value === 'number' && fact.value > audioLimit && !(audio !== undefined && audio <= audioLimit)) {
          over.push({ category: 'session_recording', days: fact.value, limit: audioLimit, source: part.via ? flowdownContract(graph, part.via) : 'its contract', evidence: fact.evidence });
        }
      }
      if (over.length === 0) continue;
      const categories = [...new Set(over.map((o) => o.category))];
      const excess = Math.max(...over.map((o) => (o.days - o.limit) / o.limit));
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories,
        likelihood: 0.5 + 0.5 * Math.min(1, excess),
        impact: impactOf(0.7, categories, settings),
        evidence: over.flatMap((o) => o.evidence),
        detail: () => `${displayName(graph, s.id)} keeps ${categories.map((c) => retentionText(c, over.filter((o) => o.category === c))).join('; ')}.`,
      });
    }
  },
});
