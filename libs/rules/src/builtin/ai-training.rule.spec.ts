import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { aiTrainingRule } from './ai-training.rule.js';
import { routedHost } from '../testing/routed-host.js';

describe('ai-training', () => {
  const scribe = (settings: Record<string, unknown> = {}) =>
    new GraphBuilder().system('scribe', 'ai_notetaker', { settings }).flow('practice', 'scribe', ['session_transcript']);

  it.each([
    ['allowed', 0.9],
    ['opt_out', 0.7],
  ] as const)('fires when the contract says training is %s', (value, likelihood) => {
    const [d] = evaluateRule(aiTrainingRule, scribe().baa('scribe', { ai_training_on_customer_data: value }).build());
    expect(d!.likelihood).toBe(likelihood);
    expect(d!.evidence[0]!.quote).toBe(`ai_training_on_customer_data: "${value}"`);
  });

  it('fires on a notetaker whose settings say training: opt_out', () => {
    const [d] = evaluateRule(aiTrainingRule, scribe({ training: 'opt_out' }).build());
    expect(d!.likelihood).toBe(0.7);
    expect(d!.evidence[0]!.path).toBe('systems.scribe.settings.training');
  });

  it('does not fire for opt_in, prohibited or unspecified', () => {
    for (const v of ['opt_in', 'prohibited', 'unspecified'] as const) {
      expect(evaluateRule(aiTrainingRule, scribe().baa('scribe', { ai_training_on_customer_data: v }).build())).toEqual([]);
    }
    expect(evaluateRule(aiTrainingRule, scribe({ training: 'opt_in' }).build())).toEqual([]);
  });

  it('lowers likelihood when the contract allows it but the setting is off', () => {
    const [d] = evaluateRule(aiTrainingRule, scribe({ training: 'prohibited' }).baa('scribe', { ai_training_on_customer_data: 'allowed' }).build());
    expect(d!.likelihood).toBeCloseTo(0.54);
  });

  it('lets the BAA govern over a privacy policy', () => {
    const g = scribe()
      .contract('scribe', { ai_training_on_customer_data: 'allowed' }, { kind: 'privacy_policy' })
      .baa('scribe', { ai_training_on_customer_data: 'prohibited' })
      .build();
    expect(evaluateRule(aiTrainingRule, g)).toEqual([]);
  });

  describe('a contract held through a sender\'s flow-down covers that sender\'s data only', () => {
    it('charges a flow-down BAA allowing training with its sender\'s data, not another sender\'s', () => {
      const drafts = evaluateRule(aiTrainingRule, routedHost({ dictation: true, flowdown: { ai_training_on_customer_data: 'allowed' } }));
      expect(drafts.map((x) => x.subject)).toEqual(['system:records', 'system:host']);
      const d = drafts[1];
      expect(d!.categories).toEqual(['progress_notes', 'diagnosis']);
    });

    it('reads the host\'s own terms for another sender\'s data, though the flow-down BAA forbids training', () => {
      const g = routedHost({ dictation: true, flowdown: { ai_training_on_customer_data: 'prohibited' }, ownTerms: { ai_training_on_customer_data: 'opt_out' } });
      const [d, ...rest] = evaluateRule(aiTrainingRule, g);
      expect(rest).toEqual([]);
      expect(d!.subject).toBe('system:host');
      expect(d!.categories).toEqual(['session_transcript']);
      expect(d!.likelihood).toBe(0.7);
      expect(d!.evidence[0]!.quote).toBe('ai_training_on_customer_data: "opt_out"');
      expect(evaluateRule(aiTrainingRule, routedHost({ flowdown: { ai_training_on_customer_data: 'prohibited' }, ownTerms: { ai_training_on_customer_data: 'opt_out' } }))).toEqual([]);
    });
  });
});
