import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { noSubcontractorFlowdownRule } from './no-subcontractor-flowdown.rule.js';

describe('no-subcontractor-flowdown', () => {
  const scribe = () =>
    new GraphBuilder()
      .system('scribe', 'ai_notetaker', { settings: { subprocessors: ['OpenAI', 'Deepgram'] } })
      .flow('practice', 'scribe', ['session_recording']);

  it('fires on a BAA that excludes flow-down, listing the known sub-processors', () => {
    const [d] = evaluateRule(noSubcontractorFlowdownRule, scribe().baa('scribe', { subcontractor_flowdown: 'no' }).build());
    expect(d!.likelihood).toBe(0.9);
    expect(d!.detail).toContain('OpenAI');
    expect(d!.evidence.map((e) => e.quote)).toContain('subcontractor_flowdown: "no"');
  });

  it('rates a silent BAA with no known sub-processors lower', () => {
    const g = new GraphBuilder().system('ehr', 'ehr', { holds: ['diagnosis'] }).baa('ehr').build();
    expect(evaluateRule(noSubcontractorFlowdownRule, g)[0]!.likelihood).toBe(0.35);
  });

  it('does not fire when the BAA has flow-down, or when there is no BAA at all', () => {
    expect(evaluateRule(noSubcontractorFlowdownRule, scribe().baa('scribe', { subcontractor_flowdown: 'yes' }).build())).toEqual([]);
    expect(evaluateRule(noSubcontractorFlowdownRule, scribe().build())).toEqual([]);
  });
});
