import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { expiredBaaRule } from './expired-baa.rule.js';

describe('expired-baa', () => {
  const g = (...expires: string[]) => {
    const b = new GraphBuilder().system('ehr', 'ehr', { holds: ['progress_notes', 'diagnosis'] });
    for (const e of expires) b.baa('ehr', {}, { expires: e });
    return b.build();
  };

  it('fires when the only BAA expired before now, naming the date', () => {
    const [d] = evaluateRule(expiredBaaRule, g('2025-06-30'));
    expect(d!.subject).toBe('system:ehr');
    expect(d!.detail).toContain('2025-06-30');
    expect(d!.evidence[0]!.file).toBe('ehr-baa-1.pdf');
  });

  it('does not fire while a BAA is in force, even if an older one expired', () => {
    expect(evaluateRule(expiredBaaRule, g('2027-01-01'))).toEqual([]);
    expect(evaluateRule(expiredBaaRule, g('2024-01-01', '2027-01-01'))).toEqual([]);
  });

  it('judges expiry against the context time, not the wall clock', () => {
    expect(evaluateRule(expiredBaaRule, g('2025-06-30'), { now: new Date('2025-01-01') })).toEqual([]);
  });
});
