import { sampleFleetAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { buildReportModel } from './report-model.js';

describe('buildReportModel top risks', () => {
  it('lists one risk per kind, counting the look-alikes instead of repeating them', () => {
    const report = sampleFleetAuditReport();
    // Four installs share one critical risk: it must appear once, with "3 more like it".
    for (const f of report.findings) if (f.kind === 'notetaker_cannot_disable') f.severity = 'critical';
    const m = buildReportModel(report);
    const kinds = m.topRisks.map((t) => t.view.finding.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    const open = report.findings.filter((f) => !f.triage || f.triage.status === 'open' || f.triage.status === 'accepted');
    for (const t of m.topRisks) {
      const sameKind = open.filter((f) => f.kind === t.view.finding.kind && f.severity !== 'info').length;
      expect(t.alike).toBe(sameKind - 1);
    }
    expect(m.topRisks.find((t) => t.view.finding.kind === 'notetaker_cannot_disable')?.alike).toBe(3);
  });
});
