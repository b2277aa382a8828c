import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { noReturnOrDestroyRule } from './no-return-or-destroy.rule.js';

describe('no-return-or-destroy', () => {
  const ehr = () => new GraphBuilder().system('ehr', 'ehr', { holds: ['progress_notes'] });

  it('fires when the terms refuse return or destruction', () => {
    const [d] = evaluateRule(noReturnOrDestroyRule, ehr().contract('ehr', { return_or_destroy_on_termination: 'no' }).build());
    expect(d!.likelihood).toBe(0.9);
  });

  it('fires when a BAA is silent about it, but not when only non-BAA terms are', () => {
    expect(evaluateRule(noReturnOrDestroyRule, ehr().baa('ehr').build())[0]!.likelihood).toBe(0.5);
    expect(evaluateRule(noReturnOrDestroyRule, ehr().contract('ehr', {}, { kind: 'terms' }).build())).toEqual([]);
  });

  it('does not fire when the BAA requires return or destruction', () => {
    expect(evaluateRule(noReturnOrDestroyRule, ehr().baa('ehr', { return_or_destroy_on_termination: 'yes' }).build())).toEqual([]);
  });
});
