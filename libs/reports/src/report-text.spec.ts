import { POINTS_MEANING } from '@custody/domain';
import { computeScore } from '@custody/rules';
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
    expect(md).toContain('It adds up 1 open finding, ');
    expect(renderHtml(r)).toContain('It adds up 1 open finding, ');
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

describe('report wording: every number a reader would add up is explained', () => {
  it('says how much of the total no single fix removes, so the listed points need not add up to the score', () => {
    const r = sampleAuditReport();
    r.score = { ...r.score, total: 79.88, overlap: 63.43 };
    const expected = "The findings' points add up to 16.45; the other 63.43 points come off only as several findings are fixed together (fixing them all brings the score to 0).";
    expect(renderMarkdown(r)).toContain(expected);
    expect(renderHtml(r)).toContain(expected.replace(/'/g, '&#39;'));
    // A score its findings' points explain alone needs no such sentence.
    r.score = { ...r.score, overlap: 0 };
    expect(renderMarkdown(r)).not.toContain('come off only as several');
  });

  it('gives the true reason for the shared points: the total bends toward 100, whether or not findings share records', () => {
    // Two findings on two systems with no data category in common, scored by the real score code.
    const r = sampleAuditReport();
    const picked = r.findings.filter((f) => f.ruleId === 'tracking-technology' || f.ruleId === 'claims-aggregation');
    expect(picked.map((f) => f.systems[0])).toEqual(['pixel', 'clearinghouse']);
    expect(picked[0]!.categories.some((c) => picked[1]!.categories.includes(c))).toBe(false);
    const scored = computeScore(picked, { lenses: ['default'] });
    expect(scored.score.overlap).toBeGreaterThan(0);
    r.findings = scored.findings;
    r.score = scored.score;
    const md = renderMarkdown(r);
    const listed = Math.round(scored.findings.reduce((s, f) => s + f.contribution, 0) * 100) / 100;
    expect(md).toContain(`The findings' points add up to ${listed}; the other ${scored.score.overlap} points come off only as several findings are fixed`);
    expect(md).toContain('fixing them all brings the score to 0');
    // Not "records piled together" (these share none), not "capped" (it never reaches 100, nothing is cut off).
    for (const text of [md, POINTS_MEANING]) expect(text).not.toMatch(/same records|capped/);
    expect(POINTS_MEANING).toMatch(/rises ever more slowly/);
    // "Points" means one thing in the explanation: what fixing a finding alone takes off.
    expect(md.match(/finding's points\b/g)).toHaveLength(1);
  });

  it('counts further quotes in the singular when there is one ("and 1 more quote")', () => {
    const r = sampleAuditReport();
    const f = r.findings.find((x) => x.evidence.length > 0)!;
    f.evidence = [f.evidence[0]!, { ...f.evidence[0]!, start: (f.evidence[0]!.start ?? 0) + 1 }];
    r.findings = [f];
    const md = renderMarkdown(r);
    expect(md).toContain(' · and 1 more quote\n');
    expect(md).not.toContain('1 more quotes');
    expect(renderHtml(r)).not.toContain('1 more quotes');
  });

  it('does not say "grouped into N problems" when each finding is its own problem', () => {
    const r = sampleAuditReport();
    r.findings = r.findings.slice(0, 1);
    const md = renderMarkdown(r);
    expect(md).toContain('1 finding; each shows where it occurs');
    expect(md).not.toContain('into 1 problem');
  });

  it('marks a contract linked to no system, and says its terms raise no finding, in the contract table and the appendix', () => {
    const r = sampleAuditReport();
    const doc = r.documents.find((d) => d.type === 'contract' && d.system === 'clearinghouse')!;
    delete doc.system;
    doc.info = { kind: 'baa', parties: [], vendor: 'ClaimPath Inc', textLength: 100 };
    const md = renderMarkdown(r);
    expect(md).toContain(`**Not linked to any system: ClaimPath Inc (${doc.file.replace(/_/g, '\\_')}). No system's name matches its vendor, so its terms raise no finding`);
    expect(md).toContain('| ClaimPath Inc (not linked) |');
    expect(md).toMatch(new RegExp(`\\| ${doc.file.replace(/[.\\/_-]/g, (c) => (c === '_' ? '\\\\_' : `\\${c}`))} \\| contract \\| \\*\\*processed\\*\\* \\| not linked \\|`));
    const html = renderHtml(r);
    expect(html).toContain('<p class="callout">Not linked to any system: ClaimPath Inc');
    // Every contract linked: no such note.
    expect(renderMarkdown(sampleAuditReport())).not.toContain('Not linked to any system');
  });
});

describe('report wording: a contract that names no vendor and is linked to no system', () => {
  it('is named by its file, and the callout does not speak of a vendor it never named', () => {
    const r = sampleAuditReport();
    const doc = r.documents.find((d) => d.type === 'contract' && d.system === 'clearinghouse')!;
    delete doc.system;
    doc.info = { kind: 'other', parties: [], textLength: 100 };
    const md = renderMarkdown(r);
    expect(md).toContain(`**Not linked to any system: ${doc.file.replace(/_/g, '\\_')}. It names no vendor and none of its parties matches a system, so its terms raise no finding`);
    expect(md).not.toContain('matches its vendor');
  });
});

describe('report wording: a score that leaves contracts out says so where the score is', () => {
  it('the cover scope and the score explanation count the contracts linked to no system', () => {
    const r = sampleAuditReport();
    const contracts = r.documents.filter((d) => d.type === 'contract');
    delete contracts[0]!.system;
    const md = renderMarkdown(r);
    expect(md).toContain(`${contracts.length} contracts, 1 of them not linked to any system, `);
    expect(md).toContain(' 1 contract is linked to no system and not in this score (see What each vendor\'s contract says).');
    for (const d of contracts) delete d.system;
    const all = renderMarkdown(r);
    expect(all).toContain(`${contracts.length} contracts, none linked to any system, `);
    expect(all).toContain(` ${contracts.length} contracts are linked to no system and not in this score`);
    expect(renderHtml(r)).toContain('none linked to any system');
  });
});

describe('report counts: a fleet row in the systems table counts each finding once', () => {
  it('a finding on every install of a fleet is one open finding on its row, not one per install', () => {
    const r = sampleFleetAuditReport();
    const installs = r.systems.filter((s) => s.group);
    expect(installs.length).toBeGreaterThan(1);
    // As an ungrouped finding on the vendor is: charged to every install.
    Object.assign(r.findings[0]!, { systems: installs.map((s) => s.id), triage: undefined });
    const onFleet = new Set(r.findings.filter((f) => (!f.triage || f.triage.status === 'open' || f.triage.status === 'accepted') && f.systems.some((id) => installs.some((s) => s.id === id))).map((f) => f.id));
    const vendor = installs[0]!.group!.vendor!;
    const row = renderMarkdown(r).split('\n').find((l) => l.startsWith(`| ${vendor} (${installs.length} installs) |`))!;
    expect(row.split('|').map((c) => c.trim())[4]).toBe(String(onFleet.size));
    // And never more than the report's own count of findings.
    expect(Number(row.split('|').map((c) => c.trim())[4])).toBeLessThanOrEqual(r.findings.length);
  });
});
