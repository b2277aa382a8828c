import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { recordingWithoutConsentRule } from './recording-without-consent.rule.js';

describe('recording-without-consent', () => {
  const g = (jurisdiction: string, settings: Record<string, unknown>) =>
    new GraphBuilder({ jurisdiction }).system('scribe', 'ai_notetaker', { settings });

  it('fires with no consent capture in California and cites Penal Code 632', () => {
    const [d] = evaluateRule(recordingWithoutConsentRule, g('US-CA', { consent_capture: 'none', recording: 'always' }).build());
    expect(d!.likelihood).toBe(0.95);
    expect(d!.citations?.map((c) => c.ref)).toEqual(['Cal. Penal Code § 632']);
  });

  it('cites the all-party state statute; verbal recorded consent satisfies it (consent, not a signature, is the law)', () => {
    const [wa] = evaluateRule(recordingWithoutConsentRule, g('US-WA', { consent_capture: 'none' }).build());
    expect(wa!.citations?.[0]!.ref).toBe('Wash. Rev. Code § 9.73.030');
    expect(wa!.likelihood).toBe(0.95);
    for (const state of ['US-WA', 'US-CA', 'US-TX']) {
      expect(evaluateRule(recordingWithoutConsentRule, g(state, { consent_capture: 'verbal' }).build())).toEqual([]);
    }
  });

  it('fires on no consent capture even in a one-party state', () => {
    const [d] = evaluateRule(recordingWithoutConsentRule, g('US-TX', { consent_capture: 'none' }).build());
    expect(d!.likelihood).toBe(0.75);
    expect(d!.citations).toBeUndefined();
  });

  it('does not fire with written consent, recording off, or a live recording consent on file', () => {
    expect(evaluateRule(recordingWithoutConsentRule, g('US-CA', { consent_capture: 'written' }).build())).toEqual([]);
    expect(evaluateRule(recordingWithoutConsentRule, g('US-CA', { consent_capture: 'none', recording: 'off' }).build())).toEqual([]);
    const consented = g('US-CA', { consent_capture: 'none' }).consent({ to: 'scribe', data: ['session_recording'], type: 'recording' }).build();
    expect(evaluateRule(recordingWithoutConsentRule, consented)).toEqual([]);
  });
});
