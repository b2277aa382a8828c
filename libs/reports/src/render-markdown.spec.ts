import { sampleAuditReport, sampleFleetAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { code, md, renderMarkdown } from './render-markdown.js';

const section = (out: string, title: string) => {
  const start = out.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = out.indexOf('\n## ', start + 4);
  return out.slice(start, end < 0 ? undefined : end);
};

describe('renderMarkdown', () => {
  const out = renderMarkdown(sampleAuditReport());

  it('has the report sections in order', () => {
    const headings = out.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Executive summary', '## Where client information goes', '## Findings by severity', '## Law-enforcement view', '## Documents', '## Evidence appendix']);
  });

  it('summarises score, counts by severity and top risks in plain words', () => {
    const s = section(out, 'Executive summary');
    expect(s).toContain('**Exposure score: 72/100 (high)**');
    expect(s).toContain('| Critical | 1 |');
    expect(s).toContain('| High | 6 |');
    // The accepted minimum-necessary finding still counts (accepted risk); only one low remains besides it.
    expect(s).toContain('| Low | 2 |');
    expect(s).toContain('ScribeWell AI could hand your clients\' records to a government agency (including an immigration agency) without a judge\'s order');
    expect(s.match(/^\d\. \*\*/gm)).toHaveLength(5);
  });

  it('lists findings by severity with citations, remediation and evidence quotes', () => {
    const s = section(out, 'Findings by severity');
    expect(s.indexOf('### Critical')).toBeLessThan(s.indexOf('### High'));
    expect(s.indexOf('### High')).toBeLessThan(s.indexOf('### Medium'));
    expect(s).toContain('[45 CFR 164.512(f)](https://www.ecfr.gov/current/title-45/section-164.512)');
    expect(s).toContain('- **Remediation:** Remove the PixelMetrics tag from patient-facing pages');
    expect(s).toContain('> Customer Data may be used to improve our models unless Customer opts out in the account settings.');
    expect(s).toContain('_(triaged: accepted — Payer requires notes for audits this quarter)_');
  });

  it('shows every PHI holder in the law-enforcement view with posture, quote and who controls release', () => {
    const s = section(out, 'Law-enforcement view');
    const scribe = s.split('\n').find((l) => l.startsWith('| ScribeWell AI |'))!;
    expect(scribe).toContain('`any_legal_request`');
    expect(scribe).toContain('in response to a subpoena, court order, or other lawful request');
    expect(scribe).toContain('The vendor alone');
    const ehr = s.split('\n').find((l) => l.startsWith('| Cedar EHR |'))!;
    expect(ehr).toContain('psychotherapy notes, immigration status');
    expect(ehr).toContain('`legal_process_with_notice`');
    expect(s).toContain('| Nimbus LLM API | LLM provider |');
    // Weakest posture first: after the practice row, ScribeWell comes before Cedar.
    expect(s.indexOf('| ScribeWell AI |')).toBeLessThan(s.indexOf('| Cedar EHR |'));
  });

  it('reports unparsed documents with their reason', () => {
    expect(section(out, 'Documents')).toContain('| exports/billing-batch.x12 | unknown | **unparsed** | — | Unrecognised format (X12 837 batch): stored, not interpreted |');
  });

  it('adds a fleet summary only when systems are grouped', () => {
    expect(out).not.toContain('## Fleet summary');
    const s = section(renderMarkdown(sampleFleetAuditReport()), 'Fleet summary');
    expect(s).toContain('4 installs across 1 vendor(s).');
    expect(s).toContain('| ScribeWell AI | 4 | Fresno (2), Oakland (2) |');
    expect(s).toContain('| can\\_disable | false: 3, true: 1 |');
    expect(s).toContain('| `notetaker_cannot_disable` | 3 | 3 |');
  });

  it('numbers evidence in an appendix, each quote once', () => {
    const s = section(out, 'Evidence appendix');
    const quotes = s.split('\n').filter((l) => l.startsWith('> '));
    expect(new Set(quotes).size).toBe(quotes.length);
    expect(s).toContain('**E1** — docs/scribewell-baa.pdf p.3');
  });

  it('escapes markup in user-provided strings', () => {
    const r = sampleAuditReport();
    r.systems[2].name = '<script>alert(1)</script> | *Scribe*';
    const text = renderMarkdown(r);
    expect(text).not.toContain('<script>');
    expect(text).toContain('\\<script\\>alert(1)\\</script\\> \\| \\*Scribe\\*');
    expect(md('a\nb')).toBe('a b');
    expect(code('a`b')).toBe('`` a`b ``');
  });

  it('does not link citation URLs that are not http(s)', () => {
    const r = sampleAuditReport();
    r.findings[0].citations = [{ ref: 'Bad', url: 'javascript:alert(1)' }];
    expect(renderMarkdown(r)).not.toContain('javascript:');
  });
});
