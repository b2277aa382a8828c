import { sampleAuditReport, sampleFleetAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { firstSentence } from './consultant-sections.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';

/** The sample report cut down to the practice and one document, with nothing found: a first audit of a small practice. */
function smallReport() {
  const r = sampleAuditReport();
  r.systems = r.systems.slice(0, 1);
  r.flows = [];
  r.findings = [];
  r.documents = r.documents.filter((d) => d.type === 'contract').slice(0, 1);
  r.score = { ...r.score, total: 0 };
  return r;
}

describe('report wording', () => {
  it('counts in the singular when there is one, and says "no exposure" for a zero score', () => {
    const md = renderMarkdown(smallReport());
    expect(md).toContain('- **Scope:** 1 system and 0 data flows, from 1 document (1 contract, 0 configurations and exports, 0 stack manifests)');
    expect(md).toContain('(no exposure)');
    expect(md).not.toMatch(/\b1 (systems|documents)\b|none exposure/);
    const html = renderHtml(smallReport());
    expect(html).toContain('<div class="band">no exposure</div>');
    expect(html).toContain('1 system and 0 data flows, from 1 document');
  });

  it('names the fleet\'s vendors without "(s)" and lists each setting value with its install count', () => {
    const md = renderMarkdown(sampleFleetAuditReport());
    expect(md).toContain('4 installs across 1 vendor.');
    expect(md).toContain('| Clinician can disable | no (3); yes (1) |');
    const list = sampleFleetAuditReport();
    const installs = list.systems.filter((s) => s.group);
    for (const s of installs) s.settings = { ...s.settings, subprocessors: ['OpenAI', 'Deepgram'] };
    Object.assign(installs[0]!.settings, { subprocessors: ['OpenAI', 'Deepgram', 'Speechly Labs'] });
    const out = renderMarkdown(list);
    expect(out).toContain(`| Subprocessors | OpenAI, Deepgram (${installs.length - 1}); OpenAI, Deepgram, Speechly Labs (1) |`);
    expect(renderHtml(list)).toContain(`OpenAI, Deepgram (${installs.length - 1}); OpenAI, Deepgram, Speechly Labs (1)`);
  });

  it('shortens a fix cut at a semicolon with an ellipsis, not a dangling ";"', () => {
    expect(firstSentence('Do not document immigration status unless it is clinically necessary; when it is, keep it in the practice.'))
      .toBe('Do not document immigration status unless it is clinically necessary…');
    expect(firstSentence('Sign a BAA. Then record it.')).toBe('Sign a BAA.');
  });
});

describe('report wording: one of a thing is said in the singular everywhere', () => {
  it('the score explanation adds up "1 open finding", in the HTML/PDF and the Markdown report alike', () => {
    const r = sampleAuditReport();
    r.findings = r.findings.filter((f) => !f.triage || f.triage.status === 'open').slice(0, 1);
    const md = renderMarkdown(r);
    expect(md).toContain('It adds up 1 open finding: ');
    expect(renderHtml(r)).toContain('It adds up 1 open finding: ');
    expect(md).not.toMatch(/\b1 open findings\b/);
  });

  it('a vendor with a single install is "(1 install)" in the systems table', () => {
    const r = sampleFleetAuditReport();
    const first = r.systems.find((s) => s.group)!;
    r.systems = r.systems.filter((s) => !s.group || s === first);
    const md = renderMarkdown(r);
    expect(md).toContain(`| ${first.group!.vendor} (1 install) |`);
    expect(md).not.toContain('(1 installs)');
  });
});
