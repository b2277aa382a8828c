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
});
