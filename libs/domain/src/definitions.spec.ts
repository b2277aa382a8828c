import { stampEvidence } from './evidence.js';
import { defaultLens } from './graph.js';
import { isTriageCleared } from './finding.js';
import { parseNotetakerSettings } from './notetaker-settings.js';

describe('meanings defined once in the domain', () => {
  it('triage clears a finding only when mitigated or a false positive (accepted risks still count)', () => {
    expect(isTriageCleared({ triage: { status: 'mitigated' } })).toBe(true);
    expect(isTriageCleared({ triage: { status: 'false_positive' } })).toBe(true);
    expect(isTriageCleared({ triage: { status: 'accepted' } })).toBe(false);
    expect(isTriageCleared({})).toBe(false);
  });

  it('the default lens is the practice\'s first, else default', () => {
    expect(defaultLens({ lenses: ['immigrant-clients', 'minors'] })).toBe('immigrant-clients');
    expect(defaultLens({ lenses: [] })).toBe('default');
  });

  it('notetaker settings are parsed once at the edge: known names, valid values', () => {
    expect(parseNotetakerSettings({ training: 'allowed', audio_retention_days: 30 })).toEqual({ training: 'allowed', audio_retention_days: 30 });
    expect(() => parseNotetakerSettings({ training: 'sometimes' })).toThrow(/invalid value for training/);
    expect(() => parseNotetakerSettings({ colour: 'blue' })).toThrow(/unknown setting "colour"/);
    expect(() => parseNotetakerSettings({})).toThrow(/needs settings/);
  });
});

describe('evidence stamping', () => {
  it('adds the source document where the evidence does not name one, and keeps what it names', () => {
    const source = { documentId: 'sha-a', file: 'a.md' };
    expect(stampEvidence([{ quote: 'q' }, { quote: 'r', documentId: 'sha-b', file: 'b.md' }], source)).toEqual([
      { quote: 'q', documentId: 'sha-a', file: 'a.md' },
      { quote: 'r', documentId: 'sha-b', file: 'b.md' },
    ]);
    expect(stampEvidence(undefined, source)).toEqual([]);
  });
});
