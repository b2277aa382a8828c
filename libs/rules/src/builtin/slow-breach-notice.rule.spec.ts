import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { slowBreachNoticeRule } from './slow-breach-notice.rule.js';
import { routedHost } from '../testing/routed-host.js';

describe('slow-breach-notice', () => {
  const g = (days: number | null) =>
    new GraphBuilder().system('ehr', 'ehr', { holds: ['diagnosis'] }).baa('ehr', { breach_notice_days: days }).build();

  it('fires when the BAA allows more than 60 days, likelier the longer it is', () => {
    const d90 = evaluateRule(slowBreachNoticeRule, g(90))[0]!;
    const d180 = evaluateRule(slowBreachNoticeRule, g(180))[0]!;
    expect(d90.detail).toContain('90 days');
    expect(d180.likelihood).toBeGreaterThan(d90.likelihood);
  });

  it('fires when the BAA states no deadline', () => {
    expect(evaluateRule(slowBreachNoticeRule, g(null))[0]!.likelihood).toBe(0.5);
  });

  it('does not fire at or under the limit, and honours a configured limit', () => {
    expect(evaluateRule(slowBreachNoticeRule, g(60))).toEqual([]);
    expect(evaluateRule(slowBreachNoticeRule, g(10))).toEqual([]);
    expect(evaluateRule(slowBreachNoticeRule, g(30), { settings: { breachNoticeMaxDays: 10 } })).toHaveLength(1);
  });

  it('charges a slow flow-down BAA with what its sender sends the subcontractor, not what another sender does', () => {
    const drafts = evaluateRule(slowBreachNoticeRule, routedHost({ dictation: true, flowdown: { breach_notice_days: 90 } }));
    const host = drafts.find((d) => d.subject === 'system:host')!;
    expect(host.categories).toEqual(['progress_notes', 'diagnosis']);
    expect(host.detail).toBe('The BAA binding Nimbus Hosting through Ledgerline Records\'s flow-down allows 90 days to report a breach (limit 60).');
    expect(evaluateRule(slowBreachNoticeRule, routedHost({ dictation: true, flowdown: { breach_notice_days: 30 } })).filter((d) => d.subject === 'system:host')).toEqual([]);
  });
});
