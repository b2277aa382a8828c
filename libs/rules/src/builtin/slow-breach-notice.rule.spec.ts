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

  // A BAA binding the vendor to report "as required by 45 CFR 164.410" states the rule's deadline by reference (at most
  // 60 days): the extractor gives it no number but quotes the clause. Silence on breach reporting is still no deadline.
  const byReference = (quote: string) => {
    const graph = g(null);
    graph.systems.find((s) => s.id === 'ehr')!.contracts[0]!.facts.breach_notice_days = { value: null, evidence: [{ quote, start: 0, end: quote.length }], confidence: 0.6 };
    return graph;
  };
  it('a BAA that binds the vendor to 45 CFR 164.410 has its 60 days, not no deadline', () => {
    const clause = 'Report to covered entity any breach of unsecured protected health information as required by 45 CFR 164.410';
    expect(evaluateRule(slowBreachNoticeRule, byReference(clause))).toEqual([]);
    const strict = evaluateRule(slowBreachNoticeRule, byReference(clause), { settings: { breachNoticeMaxDays: 30 } });
    expect(strict.map((d) => d.detail)).toEqual(["ehr's BAA binds it only to 45 CFR 164.410, which allows up to 60 days to report a breach (limit 30)."]);
    expect(strict[0]!.evidence[0]!.quote).toBe(clause);
    // A quote that names no rule (a null reading with some other clause) is still no deadline.
    expect(evaluateRule(slowBreachNoticeRule, byReference('Vendor will report breaches promptly'))[0]!.detail).toContain('states no breach-notice deadline');
  });

  it('a BAA that sets 45 CFR 164.410 aside has no deadline, and the finding quotes the clause that does', () => {
    const clause = 'Business Associate is not subject to 45 CFR 164.410 and shall report any breach of unsecured PHI to Covered Entity as it deems reasonable';
    const [d, ...rest] = evaluateRule(slowBreachNoticeRule, byReference(clause));
    expect(rest).toEqual([]);
    expect(d!.likelihood).toBe(0.5);
    expect(d!.detail).toBe("ehr's BAA sets aside 45 CFR 164.410's deadline and states none of its own.");
    expect(d!.evidence.map((e) => e.quote)).toEqual([clause]);
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
