import type { AuditReport } from '@custody/domain';
import { sampleAuditReport, sampleFleetAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { buildReportModel, isHeadingOnly } from './report-model.js';

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

describe('law-enforcement quotes', () => {
  it('tells a clause heading from a clause', () => {
    for (const heading of ['2.5 Legal requests.', 'Legal Process.', 'Section 7. Government Requests', 'IV. Disclosures to authorities', '(b) Compelled disclosure'])
      expect(isHeadingOnly(heading)).toBe(true);
    for (const clause of ['ScribeWell may disclose Customer Data to law enforcement in response to a subpoena.', '5.1 Business Associate will disclose PHI to a government authority.',
      'Legal Process. We may disclose data when required by law.'])
      expect(isHeadingOnly(clause)).toBe(false);
  });

  const withLawEnforcementEvidence = (quotes: string[]) => {
    const report = sampleAuditReport();
    const fact = report.systems.find((s) => s.id === 'scribe')!.contracts[0].facts.law_enforcement_disclosure!;
    const clause = fact.evidence[0];
    fact.evidence = quotes.map((quote) => (quote === 'CLAUSE' ? clause : { ...clause, quote }));
    return { report, clause };
  };
  const scribeRow = (report: AuditReport) => buildReportModel(report).lawEnforcement.find((r) => r.system.id === 'scribe')!;

  it('skips a heading the extractor quoted first and shows the clause after it', () => {
    const { report, clause } = withLawEnforcementEvidence(['2.5 Legal requests.', 'Legal Process.', 'CLAUSE']);
    const row = scribeRow(report);
    expect(row.quote?.quote).toBe(clause.quote);
    expect(row.headingOnlyIn).toBeUndefined();
    const le = renderHtml(report).split('<section id="law-enforcement"')[1].split('</section>')[0];
    expect(le).not.toContain('2.5 Legal requests.');
    expect(le).not.toContain('Legal Process.');
  });

  it('shows no quote, and says only a heading was found, when headings are all there is', () => {
    const { report } = withLawEnforcementEvidence(['2.5 Legal requests.', 'Legal Process.']);
    const row = scribeRow(report);
    expect(row.quote).toBeUndefined();
    expect(row.headingOnlyIn).toBe(report.systems.find((s) => s.id === 'scribe')!.contracts[0].file);
    const le = renderHtml(report).split('<section id="law-enforcement"')[1].split('</section>')[0];
    expect(le).not.toMatch(/<blockquote>(2\.5 Legal requests\.|Legal Process\.)/);
    expect(le).toContain('Only the clause heading was found in');
    const mdLe = renderMarkdown(report).split('## Law-enforcement view')[1].split('\n## ')[0];
    expect(mdLe).not.toMatch(/“(2\.5 Legal requests\.|Legal Process\.)”/);
    expect(mdLe).toContain('Only the clause heading was found in');
  });
});
