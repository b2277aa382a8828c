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

describe('expired-baa evidence', () => {
  it('quotes the clause stating the expiry date, not the BAA\'s title', () => {
    const graph = new GraphBuilder().system('reminders', 'communications', { name: 'Remindly', holds: ['contact'] }).baa('reminders', {}, { expires: '2024-12-31' }).build();
    const baa = graph.systems.find((s) => s.id === 'reminders')!.contracts[0]!;
    baa.facts.baa_offered = { value: 'yes', confidence: 0.9, evidence: [{ quote: 'Remindly Business Associate Agreement', start: 2, end: 39 }] } as typeof baa.facts.baa_offered;
    baa.expiresEvidence = [{ quote: 'This Agreement is effective January 1, 2022 and expires on December 31, 2024.', start: 250, end: 327 }];
    const [d] = evaluateRule(expiredBaaRule, graph);
    expect(d!.evidence.map((e) => e.quote)).toEqual(['This Agreement is effective January 1, 2022 and expires on December 31, 2024.']);
    expect(d!.evidence[0]!.file).toBe('reminders-baa-1.pdf');
    expect(d!.detail).toBe('Remindly still holds contact details, but its BAA (reminders-baa-1.pdf) expired on 2024-12-31.');
  });
});
