import { sampleAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { firstFixes, groupByRuleAndVendor, remediationPlan } from './consultant-plan.js';
import { factValueText } from './plain-language.js';

describe('consultant plan', () => {
  const report = sampleAuditReport();
  const vendorOf = (f: { systems: string[] }) => (f.systems[0] ?? 'x').startsWith('scribe') ? 'ScribeWell' : f.systems[0] ?? 'x';

  it('groups findings by rule and vendor, counting instances and summing only open points', () => {
    const r = sampleAuditReport();
    const base = r.findings.find((f) => f.ruleId === 'ai-training')!;
    r.findings.push({ ...base, id: `${base.ruleId}@system:scribe-2`, subject: 'system:scribe-2', systems: ['scribe-2'], contribution: 3 },
      { ...base, id: `${base.ruleId}@system:scribe-3`, subject: 'system:scribe-3', systems: ['scribe-3'], contribution: 5, triage: { status: 'mitigated', reason: 'off' } });
    const g = groupByRuleAndVendor(r, vendorOf).find((x) => x.ruleId === 'ai-training' && x.vendor === 'ScribeWell')!;
    expect(g.findings).toHaveLength(3);
    expect(g.points).toBeCloseTo(base.contribution + 3, 2);
    expect(g.lead.triage?.status).not.toBe('mitigated');
    expect(g.instances).toBe(3);
    expect(groupByRuleAndVendor(r, vendorOf).reduce((n, x) => n + x.findings.length, 0)).toBe(r.findings.length);
    // A finding already grouped over fleet installs counts each install.
    const installs = ['a', 'b', 'c', 'd'].map((x) => ({ subject: `system:fleet-${x}`, system: `fleet-${x}`, severity: base.severity, evidence: [] }));
    r.findings.push({ ...base, id: `${base.ruleId}@system:fleet`, subject: 'system:fleet', systems: ['fleet'], instances: installs });
    expect(groupByRuleAndVendor(r, vendorOf).find((x) => x.vendor === 'fleet')!.instances).toBe(4);
  });

  it('ranks the five first fixes by points taken off, and plans per vendor biggest first', () => {
    const groups = groupByRuleAndVendor(report, vendorOf);
    const fixes = firstFixes(groups);
    expect(fixes.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < fixes.length; i++) expect(fixes[i - 1].points).toBeGreaterThanOrEqual(fixes[i].points);
    const plan = remediationPlan(groups);
    for (let i = 1; i < plan.length; i++) expect(plan[i - 1].points).toBeGreaterThanOrEqual(plan[i].points);
    const training = plan.flatMap((v) => v.items).find((i) => i.group.kind === 'ai_training')!;
    expect(training).toMatchObject({ clause: 'ai_training_on_customer_data', effort: 'hours' });
  });

  it('says fact values in plain words', () => {
    expect(['any_legal_request', 'opt_out', 'unspecified', 'vendor'].map(factValueText)).toEqual([
      'On any legal request, e.g. an administrative subpoena', 'Yes, unless you opt out', 'Not stated', 'The vendor']);
    expect([90, null, [], ['OpenAI', 'Deepgram']].map(factValueText)).toEqual(['90 days', 'Not stated', 'None named', 'OpenAI, Deepgram']);
  });
});
