import { diffAudits } from '@custody/domain';
import { sampleAuditReport } from '../../../../test/fixtures/reports/sample-audit-report.js';
import { diffText } from './diff-text.js';

describe('custody diff, as text', () => {
  it('says first when the two audits are of different practices or under different lenses', () => {
    const before = sampleAuditReport();
    const after = sampleAuditReport();
    after.practice = { ...after.practice, name: 'Lakeside Therapy' };
    before.lens = 'default';
    const lines = diffText(diffAudits(before, after), before, after).split('\n');
    expect(lines[0]).toBe(`note: these are audits of two practices (before: ${before.practice.name}, after: Lakeside Therapy); every finding of one shows as new or gone`);
    expect(lines[1]).toBe(`note: the audits use different lenses (before: Default, after: Immigrant clients); the score changes with the lens even where nothing else did`);
    expect(lines[2]).toMatch(/^exposure score /);
  });

  it('says nothing of the kind for two audits of one practice under one lens', () => {
    const before = sampleAuditReport();
    const after = sampleAuditReport();
    const text = diffText(diffAudits(before, after), before, after);
    expect(text.split('\n')[0]).toMatch(/^exposure score /);
    expect(text).not.toContain('note:');
  });
});
