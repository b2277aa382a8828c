import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { notetakerCannotDisableRule } from './notetaker-cannot-disable.rule.js';

describe('notetaker-cannot-disable', () => {
  const g = (settings: Record<string, unknown>) => new GraphBuilder().system('scribe', 'ai_notetaker', { settings }).build();

  it('fires when the clinician cannot disable an always-on notetaker', () => {
    const [d] = evaluateRule(notetakerCannotDisableRule, g({ can_disable: false, recording: 'always' }));
    expect(d!.likelihood).toBe(0.95);
    expect(d!.evidence.map((e) => e.path)).toEqual(['systems.scribe.settings.can_disable', 'systems.scribe.settings.recording']);
  });

  it('reads "false" written as a string (fleet CSV)', () => {
    expect(evaluateRule(notetakerCannotDisableRule, g({ can_disable: 'false' }))).toHaveLength(1);
  });

  it('does not fire when it can be disabled or the setting is unknown', () => {
    expect(evaluateRule(notetakerCannotDisableRule, g({ can_disable: true }))).toEqual([]);
    expect(evaluateRule(notetakerCannotDisableRule, g({}))).toEqual([]);
  });
});
