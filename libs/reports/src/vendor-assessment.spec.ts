import type { AuditReport, Finding, GraphFlow, GraphSystem } from '@custody/domain';
import { PRACTICE_ID } from '@custody/domain';
import { sampleAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

/** A report whose only vendor was assessed from its contract (the projection's assessed-vendors.ts). */
function assessedReport(): AuditReport {
  const base = sampleAuditReport();
  const vendor: GraphSystem = { id: 'marlow-notes-inc', name: 'Marlow Notes, Inc.', role: 'other', holds: [], settings: {}, contracts: [], evidence: [], assessed: true };
  const flow: GraphFlow = {
    id: 'practice->marlow-notes-inc', from: PRACTICE_ID, to: vendor.id, data: ['session_recording', 'demographics', 'contact'], transport: 'unknown',
    legalBasis: 'baa', evidence: [], assessed: true,
  };
  return { ...base, systems: [base.systems.find((s) => s.id === PRACTICE_ID)!, vendor], flows: [flow], findings: [], documents: [] };
}

const ASSESSED_SCOPE = 'A vendor assessment of the terms of the contract given, not an audit of a running stack: no system of yours was given, ' +
  'so Custody assessed Marlow Notes, Inc. as if you send it session recordings, demographics and contact details';

describe('a vendor assessment says so in every report', () => {
  it('Markdown: the title names the vendor, the scope line says what it is and what it assumes, the summary what the score rates', () => {
    const out = renderMarkdown(assessedReport());
    expect(out.split('\n')[0]).toBe('# Vendor assessment — Marlow Notes, Inc.');
    expect(out).toContain(`- **Scope:** ${ASSESSED_SCOPE}`);
    expect(out).toContain('It rates the vendor\'s terms as if you used it as the scope says, not your practice\'s own stack.');
    expect(out).toMatch(/\n\| Marlow Notes, Inc\. \| other, assessed from its contract \| /);
  });

  it('HTML: title, cover kicker and heading, and the same scope words', () => {
    const out = renderHtml(assessedReport());
    expect(out).toContain('<title>Vendor assessment — Marlow Notes, Inc.</title>');
    expect(out).toContain('<div class="kicker">Vendor assessment</div><h1>Marlow Notes, Inc.</h1>');
    expect(out.replace(/&#39;/g, '\'')).toContain(ASSESSED_SCOPE);
  });

  it('JSON: the assessed system and flow are marked', () => {
    const json = JSON.parse(renderJson(assessedReport())) as AuditReport;
    expect(json.systems.find((s) => s.id === 'marlow-notes-inc')).toMatchObject({ assessed: true });
    expect(json.flows[0]).toMatchObject({ assessed: true });
    expect(json.systems.find((s) => s.id === PRACTICE_ID)).not.toHaveProperty('assessed');
  });

  it('an audit of declared systems keeps its title and scope, with no word of an assessment', () => {
    const md = renderMarkdown(sampleAuditReport());
    const html = renderHtml(sampleAuditReport());
    expect(md.split('\n')[0]).toBe('# PHI custody audit — Harborview Counseling');
    expect(html).toContain('<div class="kicker">PHI custody audit</div><h1>Harborview Counseling</h1>');
    for (const out of [md, html]) expect(out).not.toMatch(/vendor assessment/i);
  });
  // The finding as missing-baa drafts it for an assessed vendor (libs/rules): its detail names the sub-processors.
  const MISSING_DETAIL = 'Marlow Notes, Inc. receives session recordings but no BAA is on file for it and no flow into it is declared under one; its documents ' +
    'name the sub-processors it passes client information on to, which no BAA binds either: Nimbus Hosting SARL and Twilio Inc.';
  function withMissingBaa(): AuditReport {
    const r = assessedReport();
    const lead = sampleAuditReport().findings[0]!;
    const finding: Finding = {
      ...lead, id: 'missing-baa@system:marlow-notes-inc', ruleId: 'missing-baa', kind: 'missing_baa', subject: 'system:marlow-notes-inc', systems: ['marlow-notes-inc'],
      title: 'PHI goes to a business associate with no BAA', detail: MISSING_DETAIL, evidence: [], triage: undefined,
    };
    return { ...r, findings: [finding] };
  }

  it('an assessed vendor\'s finding shows its detail (the sub-processors its documents name) in Markdown, HTML and so PDF', () => {
    expect(renderMarkdown(withMissingBaa())).toContain(`- **Found:** ${MISSING_DETAIL}`);
    expect(renderHtml(withMissingBaa()).replace(/&#39;/g, '\'')).toContain(`<dt>Found</dt><dd>${MISSING_DETAIL}</dd>`);
    // An audit of declared systems keeps its cards as they were.
    expect(renderMarkdown(sampleAuditReport())).not.toContain('**Found:**');
  });

  // A template (libs/graph assessed-vendors: its party's name left blank) names no vendor: no score applies.
  function templateReport(): AuditReport {
    const r = assessedReport();
    return {
      ...r, template: true, score: { ...r.score, total: 0, nodes: {}, contributions: [] }, findings: [],
      systems: r.systems.map((s) => (s.assessed ? { ...s, name: 'Business Associate (name left blank in sample-baa.md)', template: true as const } : s)),
    };
  }

  it('a template says no vendor was assessed and shows no score as if its terms were clean (Markdown, HTML, JSON)', () => {
    const md = renderMarkdown(templateReport());
    expect(md).toContain('- **Exposure score:** not applicable (template: no vendor named)');
    expect(md).not.toMatch(/0 \/ 100|no exposure/);
    expect(md).toContain('No score applies: this is a template that leaves the vendor\'s name blank, so no vendor was assessed');
    expect(md).toMatch(/\n\| Business Associate \(name left blank in sample-baa\.md\) \| template: no vendor named \| n\/a \| 0 \|/);
    const html = renderHtml(templateReport()).replace(/&#39;/g, '\'');
    expect(html).toContain('<div class="kicker">Template review: no vendor named</div>');
    expect(html).toContain('<div class="value">n/a</div>');
    expect(html).not.toContain('no exposure');
    // Its box in the flow picture shows no score either.
    const box = /<g class="node [^"]*" data-id="[^"]*"><title>Business Associate \(name left blank in sample-baa\.md\)[^]*?<\/g>/.exec(html)?.[0];
    expect(box).toContain('exposure not applicable (template: no vendor named)</title>');
    expect(box).toContain(' · n/a</text>');
    expect(box).not.toContain('/100');
    // JSON keeps every field it had (score.total still a number) and adds the flags.
    const json = JSON.parse(renderJson(templateReport())) as AuditReport;
    expect(json).toMatchObject({ template: true, score: { total: 0 } });
    expect(json.systems.find((s) => s.assessed)).toMatchObject({ template: true });
  });

  // A template beside the named vendor (libs/audit: its findings marked template, scored for no one).
  function mixedReport(): AuditReport {
    const r = withMissingBaa();
    const tpl: GraphSystem = { id: 'business-associate-name-left-blank-in-baa-template-md', name: 'Business Associate (name left blank in baa-template.md)', role: 'other',
      holds: [], settings: {}, contracts: [], evidence: [], assessed: true, template: true };
    const flow: GraphFlow = { id: `practice->${tpl.id}`, from: PRACTICE_ID, to: tpl.id, data: ['demographics', 'contact'], transport: 'unknown', legalBasis: 'baa', evidence: [], assessed: true };
    const review: Finding = { ...r.findings[0]!, id: `deidentified-reuse@system:${tpl.id}`, ruleId: 'deidentified-reuse', kind: 'deidentified_reuse', subject: `system:${tpl.id}`,
      systems: [tpl.id], severity: 'medium', title: 'Vendor may de-identify PHI and reuse it for itself', detail: 'may de-identify', contribution: 0, template: true };
    return { ...r, systems: [...r.systems, tpl], flows: [...r.flows, flow], findings: [...r.findings, review] };
  }

  it('a template beside a named vendor: the title and score are the vendor\'s, the template reviewed apart and not scored', () => {
    const md = renderMarkdown(mixedReport());
    expect(md.split('\n')[0]).toBe('# Vendor assessment — Marlow Notes, Inc.');
    expect(md).toContain('so Custody assessed Marlow Notes, Inc. as if you send it session recordings, demographics and contact details (');
    expect(md).toContain('Business Associate (name left blank in baa-template.md) is a template that names no vendor: reviewed as written (its findings are marked "template review") ' +
      'and not scored, so it does not count toward the vendor\'s score.');
    expect(md).toContain('### Medium: Vendor may de-identify PHI and reuse it for itself · Business Associate (name left blank in baa-template.md) · 1 instance · template review, not scored');
    // Its review is no open finding of the vendor's: not counted among them, not in the plan.
    expect(md).toContain('It adds up 1 open finding,');
    expect(md).not.toMatch(/\*\*Business Associate \(name left blank in baa-template\.md\)\*\* · −/);
    expect(md).toMatch(/\n\| Business Associate \(name left blank in baa-template\.md\) \| template: no vendor named \| n\/a \| 0 \|/);
    const html = renderHtml(mixedReport()).replace(/&#39;/g, '\'');
    expect(html).toContain('<div class="kicker">Vendor assessment</div><h1>Marlow Notes, Inc.</h1>');
    expect(html).toContain('· template review, not scored</span></h4>');
  });

  it('the law-enforcement view names a template\'s role as a template, not "other" (Markdown, HTML and so PDF)', () => {
    const r = mixedReport();
    // The template's clauses, with a law-enforcement clause to quote: a row of its own.
    const contracts = sampleAuditReport().systems.find((s) => s.id === 'scribe')!.contracts;
    const report = { ...r, systems: r.systems.map((s) => (s.template ? { ...s, contracts } : s)) };
    const md = renderMarkdown(report);
    const le = md.slice(md.indexOf('## Law-enforcement view'), md.indexOf('\n## ', md.indexOf('## Law-enforcement view') + 1));
    expect(le).toContain('| **Business Associate (name left blank in baa-template.md)** (template: no vendor named) |');
    expect(le).not.toContain('(other)');
    const html = renderHtml(report);
    const leHtml = html.slice(html.indexOf('<section id="law-enforcement"'), html.indexOf('</section>', html.indexOf('<section id="law-enforcement"')));
    expect(leHtml).toContain('<b>Business Associate (name left blank in baa-template.md)</b><br><span class="muted">template: no vendor named</span>');
    // A template given a role keeps it, marked as a template; a named vendor's role is as it was.
    const ehr = renderMarkdown({ ...report, systems: report.systems.map((s) => (s.template ? { ...s, role: 'ehr' as const } : s)) });
    expect(ehr).toContain('| **Business Associate (name left blank in baa-template.md)** (EHR, template: no vendor named) |');
    expect(renderMarkdown(sampleAuditReport())).toContain('| **ScribeWell AI** (AI notetaker) |');
  });

  it('templates alone: a template review, whose scope says no vendor was assessed', () => {
    const md = renderMarkdown(templateReport());
    expect(md.split('\n')[0]).toBe('# Template review — Business Associate (name left blank in sample-baa.md)');
    expect(md).toContain('- **Scope:** A review of a template, not an assessment of a vendor: its vendor\'s name is left blank, so no vendor was assessed and no score applies.');
    expect(md).not.toContain('Custody assessed');
  });
});

