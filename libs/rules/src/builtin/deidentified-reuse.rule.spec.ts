import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { deidentifiedReuseRule } from './deidentified-reuse.rule.js';

describe('deidentified-reuse', () => {
  const g = (value: 'allowed' | 'prohibited' | 'unspecified') =>
    new GraphBuilder().system('ehr', 'ehr', { holds: ['diagnosis'] }).contract('ehr', { deidentified_data_use: value }, { kind: 'terms' }).build();

  it('fires when the vendor may de-identify and reuse data', () => {
    const [d] = evaluateRule(deidentifiedReuseRule, g('allowed'));
    expect(d!.subject).toBe('system:ehr');
    expect(d!.impact).toBeCloseTo(0.6 * 0.8);
  });

  it('does not fire when prohibited or unstated', () => {
    expect(evaluateRule(deidentifiedReuseRule, g('prohibited'))).toEqual([]);
    expect(evaluateRule(deidentifiedReuseRule, g('unspecified'))).toEqual([]);
  });
});
