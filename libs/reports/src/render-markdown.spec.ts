import { sampleAuditReport, sampleFleetAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { renderHtml } from './render-html.js';
import { code, md, renderMarkdown } from './render-markdown.js';

const section = (out: string, title: string) => {
  const start = out.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = out.indexOf('\n## ', start + 4);
  return out.slice(start, end < 0 ? undefined : end);
};

describe('renderMarkdown', () => {
  const out = renderMarkdown(sampleAuditReport());

  it('has the sections of the HTML/PDF report, in the same order and with the same titles', () => {
    const headings = out.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(headings).toEqual(['Contents', 'Executive summary', 'Law-enforcement view', 'Remediation plan by vendor', 'Where client information goes',
      'Findings, grouped', "What each vendor's contract says", 'Appendix: method, documents and flows']);
    const html = renderHtml(sampleAuditReport());
    const htmlTitles = [...html.matchAll(/<section id="[^"]+" class="major[^"]*"><h2>([^<]+)<\/h2>/g)].map((x) => x[1].replace(/&#39;/g, "'"));
    expect(headings.slice(1)).toEqual(htmlTitles);
  });

  it('opens with the cover facts, the contents and the not-legal-advice note', () => {
    const head = out.slice(0, out.indexOf('\n## Executive summary'));
    expect(head).toContain('- **Client:** Harborview Counseling (US-CA)');
    expect(head).toMatch(/- \*\*Scope:\*\* \d+ systems and \d+ data flows, from 7 documents/);
    expect(head).toContain('- **Method:** Every contract was read');
    expect(head).toContain('2. Law-enforcement view: who can release your clients\' records');
    expect(head).toMatch(/not legal advice/i);
  });

  it('explains the score, counts by severity, the five fixes and the risks in plain words', () => {
    const s = section(out, 'Executive summary');
    expect(s).toContain('The exposure score is 72 out of 100 (high).');
    expect(s).toContain('| Critical | 1 |');
    expect(s).toContain('| High | 6 |');
    // The accepted minimum-necessary finding still counts (accepted risk); only one low remains besides it.
    expect(s).toContain('| Low | 2 |');
    const fixes = s.split('### The five things to fix first')[1].split('###')[0];
    expect(fixes.match(/^\| [1-5] \|/gm)).toHaveLength(5);
    expect(fixes).toContain('Weeks (a contract amendment)');
    expect(s).toContain('ScribeWell AI could hand your clients\' records to a government agency (including an immigration agency) without a judge\'s order');
  });

  it('shows each holder in the law-enforcement view in plain words, with the quote and who decides', () => {
    const s = section(out, 'Law-enforcement view');
    const scribe = s.split('\n').find((l) => l.startsWith('| **ScribeWell AI**'))!;
    expect(scribe).toContain('Discloses on any legal request');
    expect(scribe).toContain('in response to a subpoena, court order, or other lawful request');
    expect(scribe).toContain('The vendor alone');
    const ehr = s.split('\n').find((l) => l.startsWith('| **Cedar EHR**'))!;
    expect(ehr).toContain('psychotherapy notes, immigration status');
    expect(ehr).toContain('Discloses on legal process after notifying you');
    for (const raw of ['any_legal_request', 'legal_process_with_notice', 'judicial_process_only']) expect(s).not.toContain(raw);
    expect(s).toMatch(/\*\*No contract on file\*\*, so the holder decides under its own policy: [^\n]*Nimbus LLM API/);
    // The practice leads; then the weakest posture: ScribeWell before Cedar.
    expect(s.indexOf('| **ScribeWell AI**')).toBeLessThan(s.indexOf('| **Cedar EHR**'));
  });

  it('gives the plan as one table with a row per vendor, the clause and the effort', () => {
    const s = section(out, 'Remediation plan by vendor');
    expect(s.match(/^\| Ask for \|/gm)).toHaveLength(1);
    expect(s).toMatch(/^\| \*\*ScribeWell AI\*\* · −[\d.]+ points \|/m);
    expect(s).toContain('Trains AI on your clients');
    expect(s).toMatch(/\| weeks \| −\d/);
  });

  it('groups findings by rule and vendor with instances, citation, fix and a quote', () => {
    const s = section(out, 'Findings, grouped');
    expect(s).toContain('[45 CFR 164.512(f)](https://www.ecfr.gov/current/title-45/section-164.512)');
    expect(s).toMatch(/### High: Tracking pixel on the patient portal · [^·]+ · 1 instance/);
    expect(s).toContain('- **Fix:** Remove the PixelMetrics tag from patient-facing pages');
    expect(s).toContain('> Customer Data may be used to improve our models unless Customer opts out in the account settings.');
    expect(s).toContain('accepted: Payer requires notes for audits this quarter');
  });

  it('lists the contract terms in plain words and unparsed documents with their reason', () => {
    const terms = section(out, "What each vendor's contract says");
    expect(terms).toContain('| Releases records to government |');
    expect(terms).not.toMatch(/any_legal_request|opt_out/);
    expect(section(out, 'Appendix: method, documents and flows'))
      .toContain('| exports/billing-batch.x12 | unknown | **unparsed** | — | Unrecognised format (X12 837 batch): stored, not interpreted |');
  });

  it('adds a fleet summary in plain words only when systems are grouped', () => {
    expect(out).not.toContain('## Fleet summary');
    const fleetOut = renderMarkdown(sampleFleetAuditReport());
    const s = section(fleetOut, 'Fleet summary');
    expect(s).toContain('4 installs across 1 vendor.');
    expect(s).toContain('| ScribeWell AI | 4 | Fresno (2), Oakland (2) |');
    expect(s).toContain('| Clinician can disable | no (3); yes (1) |');
    // Site and vendor are the table's own columns: an export's site and vendor settings are not listed again.
    const withSite = sampleFleetAuditReport();
    for (const sys of withSite.systems) if (sys.group) Object.assign(sys.settings, { site: sys.group.site ?? 'x', vendor: sys.group.vendor ?? 'x' });
    const settings = section(renderMarkdown(withSite), 'Fleet summary');
    expect(settings).toContain('| Clinician can disable |');
    expect(settings).not.toMatch(/^\| (site|vendor) \|/m);
    // A region is named, not left as the export's country code.
    const abroad = sampleFleetAuditReport();
    abroad.systems.filter((sys) => sys.group).forEach((sys, i) => Object.assign(sys.settings, { storage_region: i === 0 ? 'PH' : 'US' }));
    expect(section(renderMarkdown(abroad), 'Fleet summary')).toContain('| Storage region | United States (3); Philippines (1) |');
    expect(s).not.toContain('notetaker_cannot_disable');
    expect(fleetOut).toMatch(/\d\. Fleet summary/);
  });

  it('numbers evidence in the appendix, each quote once', () => {
    const s = section(out, 'Appendix: method, documents and flows');
    const quotes = s.slice(s.indexOf('### Evidence')).split('\n').filter((l) => l.startsWith('> '));
    expect(quotes.length).toBeGreaterThan(0);
    expect(new Set(quotes).size).toBe(quotes.length);
    expect(s).toContain('**E1** — docs/scribewell-baa.pdf p.3');
    expect(renderMarkdown(sampleAuditReport(), { omitAppendix: true })).not.toContain('### Evidence');
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
