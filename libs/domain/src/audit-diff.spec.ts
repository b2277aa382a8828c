import { diffAudits } from './audit-diff.js';
import type { Finding } from './finding.js';

const f = (id: string, severity: Finding['severity'] = 'high'): Finding => ({
  id, ruleId: id.split('@')[0], kind: 'ai_training', title: id, severity, likelihood: 0.5, impact: 0.5, subject: id.split('@')[1],
  systems: [], categories: ['progress_notes'], citations: [], remediation: '', evidence: [], detail: '', contribution: 1,
});
const audit = (total: number, findings: Finding[]) => ({ score: { total, nodes: {}, contributions: [], lens: 'default' }, findings });

describe('diffAudits', () => {
  it('matches findings by stable id: appeared, disappeared, changed, and the score delta', () => {
    const d = diffAudits(audit(40, [f('a@x'), f('b@y')]), audit(55.5, [f('b@y', 'critical'), f('c@z')]));
    expect(d.score).toEqual({ before: 40, after: 55.5, delta: 15.5 });
    expect(d.appeared.map((x) => x.id)).toEqual(['c@z']);
    expect(d.disappeared.map((x) => x.id)).toEqual(['a@x']);
    expect(d.changed.map((x) => [x.before.severity, x.after.severity])).toEqual([['high', 'critical']]);
  });

  it('lists findings triaged between the two audits, with the status before and after', () => {
    const accepted = { ...f('b@y'), triage: { status: 'accepted' as const, reason: 'vendor replaced next quarter', by: 'dana', at: '2026-12-01T10:00:00Z' } };
    const mitigated = { ...f('c@z'), triage: { status: 'mitigated' as const } };
    const d = diffAudits(audit(40, [f('a@x'), f('b@y'), mitigated]), audit(38, [f('a@x'), accepted, f('c@z')]));
    expect(d.triaged.map((t) => [t.finding.id, t.before, t.after])).toEqual([['b@y', 'open', 'accepted'], ['c@z', 'mitigated', 'open']]);
    expect(d.triaged[0]!.finding.triage?.reason).toBe('vendor replaced next quarter');
    expect(d.changed).toEqual([]);
  });
});
