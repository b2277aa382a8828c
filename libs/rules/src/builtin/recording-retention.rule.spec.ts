import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { recordingRetentionRule } from './recording-retention.rule.js';

describe('recording-retention', () => {
  const scribe = (settings: Record<string, unknown>) =>
    new GraphBuilder().system('scribe', 'ai_notetaker', { settings }).flow('practice', 'scribe', ['session_recording']);

  it('fires when audio is kept past the audio limit (90 > 30) at full likelihood', () => {
    const [d] = evaluateRule(recordingRetentionRule, scribe({ audio_retention_days: 90, transcript_retention_days: 365 }).build());
    expect(d!.categories).toEqual(['session_recording']);
    expect(d!.likelihood).toBe(1);
    expect(d!.evidence[0]!.path).toBe('systems.scribe.settings.audio_retention_days');
  });

  it('fires on transcripts kept indefinitely, and on a contract retention period', () => {
    expect(evaluateRule(recordingRetentionRule, scribe({ transcript_retention_days: 'indefinite' }).build())[0]!.categories).toEqual(['session_transcript']);
    const contract = scribe({}).baa('scribe', { audio_or_recording_retention_days: 45 }).build();
    expect(evaluateRule(recordingRetentionRule, contract)[0]!.likelihood).toBeCloseTo(0.75);
  });

  it('names a category once when the setting and the contract both keep it too long, each period once', () => {
    const both = (days: number) => scribe({ audio_retention_days: 90, transcript_retention_days: 'indefinite' }).baa('scribe', { audio_or_recording_retention_days: days }).build();
    const [same] = evaluateRule(recordingRetentionRule, both(90));
    expect(same!.detail).toBe('scribe keeps session recordings for 90 days (its audio retention days setting and its contract), over the 30-day limit; session transcripts indefinitely (its transcript retention days setting), over the 365-day limit.');
    expect(same!.evidence).toHaveLength(3); // both sources still prove it
    expect(evaluateRule(recordingRetentionRule, both(180))[0]!.detail).toMatch(/keeps session recordings for 90 days \(its audio retention days setting\) and for 180 days \(its contract\), over the 30-day limit; session transcripts/);
  });

  it('does not fire within the limits, or with raised limits', () => {
    expect(evaluateRule(recordingRetentionRule, scribe({ audio_retention_days: 7, transcript_retention_days: 365 }).build())).toEqual([]);
    expect(evaluateRule(recordingRetentionRule, scribe({ audio_retention_days: 90 }).build(), { settings: { retentionLimitDays: { audio: 90 } } })).toEqual([]);
  });
});
