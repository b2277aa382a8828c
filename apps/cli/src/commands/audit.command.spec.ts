import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import { registerAudit } from './audit.command.js';

const GOOD = `practice: { name: Solo Practice, jurisdiction: US-CA }
systems:
  - { id: ehr, name: Chart EHR, role: ehr }
flows:
  - { from: practice, to: ehr, data: [progress_notes], transport: https }
`;

/** Runs `custody audit ARGS…` in-process; returns the exit code and what it wrote on stderr. */
async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  const stderr: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (stderr.push(String(chunk)), true));
  const before = process.exitCode;
  process.exitCode = 0;
  try {
    const program = new Command('custody').exitOverride();
    registerAudit(program);
    await program.parseAsync(['node', 'custody', 'audit', ...args]);
    return { code: Number(process.exitCode ?? 0), stderr: stderr.join('') };
  } finally {
    process.exitCode = before;
    spy.mockRestore();
  }
}

/** `custody audit <dir> --format json --out <file>` on a folder of the given files; also whether a report was written. */
async function audit(files: Record<string, string>): Promise<{ code: number; stderr: string; wrote: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'custody-audit-'));
  const out = join(dir, '..', `${dir.split('/').pop()}-report.json`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  try {
    return { ...(await run([dir, '--format', 'json', '--out', out])), wrote: existsSync(out) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { force: true });
  }
}

describe('custody audit on a manifest that does not load', () => {
  it('audits a good manifest and writes the report (exit 0)', async () => {
    const r = await audit({ 'custody.yaml': GOOD });
    expect(r).toMatchObject({ code: EXIT.ok, wrote: true });
  });

  it('exits 2 with the YAML syntax error and writes no report', async () => {
    const r = await audit({ 'custody.yaml': 'practice: { name: P }\nsystems: [\n  { id: a\n' });
    expect(r).toMatchObject({ code: EXIT.usage, wrote: false });
    expect(r.stderr).toMatch(/custody\.yaml:\d+: \(yaml\): /);
    expect(r.stderr).toMatch(/no report written/);
  });

  it('exits 2 with every schema problem (a bad role, a dangling flow) and writes no report', async () => {
    const r = await audit({ 'custody.yaml': GOOD.replace('role: ehr', 'role: charting').replace('to: ehr', 'to: emr') });
    expect(r).toMatchObject({ code: EXIT.usage, wrote: false });
    expect(r.stderr).toMatch(/custody\.yaml:3: systems\[0\]\.role: "charting" is not a role/);
    expect(r.stderr).toMatch(/custody\.yaml:5: flows\[0\]\.to: "emr" is not a system id/);
  });

  it('exits 2 when documents: names a file that does not exist', async () => {
    const r = await audit({ 'custody.yaml': `${GOOD}documents:\n  - { file: docs/chart-baa.md, system: ehr }\n` });
    expect(r).toMatchObject({ code: EXIT.usage, wrote: false });
    expect(r.stderr).toMatch(/custody\.yaml:7: documents\[0\]\.file: "docs\/chart-baa\.md" does not exist/);
  });

  it('accepts the practice listed among its systems (role: practice)', async () => {
    const r = await audit({ 'custody.yaml': GOOD.replace('systems:\n', 'systems:\n  - { id: practice, name: Solo Practice, role: practice }\n') });
    expect(r).toMatchObject({ code: EXIT.ok, wrote: true });
  });
});

// Keep the helper honest: a written report is the JSON the audit produced.
it('writes the JSON report it was asked for', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'custody-audit-'));
  writeFileSync(join(dir, 'custody.yaml'), GOOD);
  const out = join(dir, 'report.json');
  try {
    expect((await run([join(dir, 'custody.yaml'), '--format', 'json', '--out', out])).code).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ practice: { name: 'Solo Practice' } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// --fail-on counts problems, not copies: a 40-laptop fleet with two fleet-wide critical settings is 2 findings.
it('--fail-on judges grouped findings (one per rule and vendor, installs as instances)', async () => {
  const pack = join(process.cwd(), 'test/fixtures/practices/agency-fleet');
  const dir = mkdtempSync(join(tmpdir(), 'custody-audit-'));
  const out = join(dir, 'report.json');
  try {
    const r = await run([join(pack, 'custody.yaml'), join(pack, 'configs'), join(pack, 'docs'), '--format', 'json', '--out', out, '--fail-on', 'critical']);
    expect(r.code).toBe(EXIT.findings);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { findings: { kind: string; severity: string; instances?: unknown[] }[] };
    const critical = report.findings.filter((f) => f.severity === 'critical');
    expect(critical.map((f) => [f.kind, f.instances?.length]).sort()).toEqual([['notetaker_cannot_disable', 36], ['recording_without_consent', 4]]);
    expect(r.stderr).toContain('custody: 2 untriaged findings at or above critical');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// json and ndjson are streamed (a fleet's report can be larger than a string may be): the same report either way.
it('streams --format json and --format ndjson with the same findings', async () => {
  const pack = join(process.cwd(), 'test/fixtures/practices/agency-fleet');
  const dir = mkdtempSync(join(tmpdir(), 'custody-audit-'));
  const inputs = [join(pack, 'custody.yaml'), join(pack, 'configs'), join(pack, 'docs')];
  try {
    expect((await run([...inputs, '--format', 'json', '--out', join(dir, 'r.json')])).code).toBe(EXIT.ok);
    expect((await run([...inputs, '--format', 'ndjson', '--out', join(dir, 'r.ndjson')])).code).toBe(EXIT.ok);
    const ndjson = readFileSync(join(dir, 'r.ndjson'), 'utf8');
    const rows = ndjson.trimEnd().split('\n').map((l) => JSON.parse(l) as { record: string });
    expect([rows[0]!.record, rows.at(-1)!.record]).toEqual(['report', 'score']);
    // The same content: the NDJSON read back (evidence ids resolved, instances in their findings) is the JSON.
    const { readNdjson } = await import('@custody/reports');
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { generatedAt: string; findings: { instances?: unknown[] }[] };
    expect(report.findings.some((f) => f.instances?.length)).toBe(true);
    // Two runs: only the time they were made at differs.
    expect({ ...readNdjson(ndjson), generatedAt: report.generatedAt }).toEqual(report);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Uploads keep the 2 MB manifest bound; the offline CLI reads a larger one from disk, up to --max-manifest-mb.
it('reads a manifest over 2 MB, and refuses one over --max-manifest-mb', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'custody-audit-'));
  const systems = Array.from({ length: 3_000 }, (_, i) => `  - { id: s${i}, name: System number ${i}, role: ehr }`).join('\n');
  // Size from comments (cheap to parse), so the test stays quick while the file is over the upload bound.
  const notes = Array.from({ length: 25_000 }, (_, i) => `# note ${i}: ${'-'.repeat(80)}`).join('\n');
  writeFileSync(join(dir, 'custody.yaml'), `${notes}\n${GOOD.replace('systems:\n', `systems:\n${systems}\n`)}`);
  expect(readFileSync(join(dir, 'custody.yaml')).length).toBeGreaterThan(2 * 1024 * 1024);
  try {
    expect(await run([join(dir, 'custody.yaml'), '--format', 'ndjson', '--out', join(dir, 'r.ndjson')])).toEqual({ code: EXIT.ok, stderr: '' });
    expect(readFileSync(join(dir, 'r.ndjson'), 'utf8').split('\n').filter((l) => l.includes('"record":"system"')).length).toBe(3_002);
    const small = await run([join(dir, 'custody.yaml'), '--format', 'json', '--out', join(dir, 'r.json'), '--max-manifest-mb', '1']);
    expect(small.code).toBe(EXIT.usage);
    expect(small.stderr).toContain('file is larger than 1048576 bytes');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The declarations budget is the operator's, as for uploads: an agency's 100,000-install fleet export (~380,000
// systems and flows) is audited once CUSTODY_PARSE_MAX_DECLARATIONS allows it. Shown here with a budget below
// the pack's fleet export, which the 50,000 default would let through.
it('applies CUSTODY_PARSE_MAX_DECLARATIONS to the files it audits', async () => {
  const pack = join(process.cwd(), 'test/fixtures/practices/agency-fleet');
  const dir = mkdtempSync(join(tmpdir(), 'custody-audit-'));
  const before = process.env.CUSTODY_PARSE_MAX_DECLARATIONS;
  process.env.CUSTODY_PARSE_MAX_DECLARATIONS = '5';
  try {
    const r = await run([join(pack, 'custody.yaml'), join(pack, 'configs'), '--format', 'json', '--out', join(dir, 'r.json')]);
    expect(r.stderr).toMatch(/custody: failed: .*echo-fleet\.csv: too_complex: declares \d+ systems, flows and consents \(more than 5; CUSTODY_PARSE_MAX_DECLARATIONS raises the limit\)/);
  } finally {
    if (before === undefined) delete process.env.CUSTODY_PARSE_MAX_DECLARATIONS;
    else process.env.CUSTODY_PARSE_MAX_DECLARATIONS = before;
    rmSync(dir, { recursive: true, force: true });
  }
});

// A document that could not be read leaves the audit partial: CI must not get green from it silently.
describe('custody audit with a document it could not read', () => {
  // A fleet export over the declarations budget set below: failed too_complex.
  const fleet = readFileSync(join(process.cwd(), 'test/fixtures/practices/agency-fleet/configs/echo-fleet.csv'));
  async function partial(extra: string[]): Promise<{ code: number; stderr: string; report?: { documents: { file: string; status: string }[] } }> {
    const dir = mkdtempSync(join(tmpdir(), 'custody-audit-'));
    writeFileSync(join(dir, 'custody.yaml'), GOOD);
    writeFileSync(join(dir, 'README.md'), '# notes\n');
    writeFileSync(join(dir, 'echo-fleet.csv'), fleet);
    const before = process.env.CUSTODY_PARSE_MAX_DECLARATIONS;
    process.env.CUSTODY_PARSE_MAX_DECLARATIONS = '5';
    try {
      const r = await run([dir, '--format', 'json', '--out', join(dir, 'r.json'), ...extra]);
      return { ...r, report: existsSync(join(dir, 'r.json')) ? JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) : undefined };
    } finally {
      if (before === undefined) delete process.env.CUSTODY_PARSE_MAX_DECLARATIONS;
      else process.env.CUSTODY_PARSE_MAX_DECLARATIONS = before;
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('exits 2, still writes the report (the failed document in it) and lists it on stderr', async () => {
    const r = await partial([]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.report?.documents.find((d) => d.file.endsWith('echo-fleet.csv'))?.status).toBe('failed');
    expect(r.stderr).toMatch(/custody: failed: .*fleet\.csv: too_complex/);
    expect(r.stderr).toMatch(/partial audit: 1 of \d+ documents could not be read .*--allow-partial/);
  });

  it('exits 0 with --allow-partial (the failed document still listed), and --fail-on still gates', async () => {
    const r = await partial(['--allow-partial']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toMatch(/custody: failed: .*fleet\.csv: too_complex/);
    expect(r.stderr).not.toMatch(/partial audit/);
    expect((await partial(['--allow-partial', '--fail-on', 'info'])).code).toBe(EXIT.findings);
  });

  it('a failed document outranks --fail-on: exit 2 (the gate saw only part of the evidence)', async () => {
    expect((await partial(['--fail-on', 'info'])).code).toBe(EXIT.usage);
  });

  it('a README or other file that is not evidence does not make an audit partial', async () => {
    const r = await audit({ 'custody.yaml': GOOD, 'README.md': '# notes\n' });
    expect(r).toMatchObject({ code: EXIT.ok, wrote: true });
    expect(r.stderr).toMatch(/unparsed: README\.md/);
  });
});

describe('custody audit with nothing it could audit', () => {
  it('an empty folder exits 2 and writes no report (a "0 / 100, no exposure" report would pass --fail-on)', async () => {
    const r = await audit({});
    expect(r).toMatchObject({ code: EXIT.usage, wrote: false });
    expect(r.stderr).toMatch(/custody: no files in .+: nothing to audit; no report written/);
  });

  it('a folder of READMEs exits 2, lists each file and writes no report', async () => {
    const r = await audit({ 'README.md': '# notes\n', 'NOTES.md': '# more notes\n' });
    expect(r).toMatchObject({ code: EXIT.usage, wrote: false });
    expect(r.stderr).toMatch(/custody: unparsed: README\.md: /);
    expect(r.stderr).toMatch(/nothing to audit in .+: none of the 2 files in it is a contract, config, fleet export or custody\.yaml/);
  });
});

describe('custody audit whose every document failed', () => {
  // The agency pack's fleet export alone, over a declarations budget of 5: failed too_complex, nothing else read.
  const fleet = readFileSync(join(process.cwd(), 'test/fixtures/practices/agency-fleet/configs/echo-fleet.csv'));

  it('read no evidence: exits 2 and writes no report, even with --allow-partial (which accepts a partial audit, not an empty one)', async () => {
    const before = process.env.CUSTODY_PARSE_MAX_DECLARATIONS;
    process.env.CUSTODY_PARSE_MAX_DECLARATIONS = '5';
    try {
      for (const extra of [[], ['--allow-partial']]) {
        const dir = mkdtempSync(join(tmpdir(), 'custody-audit-'));
        writeFileSync(join(dir, 'echo-fleet.csv'), fleet);
        try {
          const r = await run([dir, '--format', 'json', '--out', join(dir, 'r.json'), ...extra]);
          expect(r.code).toBe(EXIT.usage);
          expect(existsSync(join(dir, 'r.json'))).toBe(false);
          expect(r.stderr).toMatch(/custody: failed: .*echo-fleet\.csv: too_complex/);
          expect(r.stderr).toMatch(/nothing to audit in .+: the one file in it could not be read \(listed above\); no report written/);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    } finally {
      if (before === undefined) delete process.env.CUSTODY_PARSE_MAX_DECLARATIONS;
      else process.env.CUSTODY_PARSE_MAX_DECLARATIONS = before;
    }
  });

  it('one README alone is named in the singular', async () => {
    const r = await audit({ 'README.md': '# notes\n' });
    expect(r).toMatchObject({ code: EXIT.usage, wrote: false });
    expect(r.stderr).toMatch(/nothing to audit in .+: the one file in it is not a contract, config, fleet export or custody\.yaml \(listed above\); no report written/);
  });
});

describe('custody audit with a contract no system speaks for', () => {
  const BAA = 'BUSINESS ASSOCIATE AGREEMENT\n\nThis Business Associate Agreement is entered into between Quillnote Inc ("Business Associate") and the Covered Entity.\n\n' +
    '1. Business Associate will report any Breach of Unsecured PHI within 30 days of discovery.\n';

  it('names it on stderr with how to link it; a linked one is not named', async () => {
    const r = await audit({ 'custody.yaml': GOOD, 'quillnote-baa.md': BAA });
    expect(r).toMatchObject({ code: EXIT.ok, wrote: true });
    expect(r.stderr).toMatch(/custody: not linked: quillnote-baa\.md: its vendor( \(.+\))? matches no system, so its terms raise no finding; list it under documents: in custody\.yaml/);
    const linked = await audit({ 'custody.yaml': `${GOOD}documents:\n  - { file: quillnote-baa.md, system: ehr }\n`, 'quillnote-baa.md': BAA });
    expect(linked).toMatchObject({ code: EXIT.ok, wrote: true });
    expect(linked.stderr).not.toContain('not linked');
  });
});

describe('custody audit on a vendor\'s contract alone (a vendor assessment)', () => {
  const fixtures = new URL('../../../../test/fixtures/vendor-assessment/', import.meta.url);
  const RISKY = readFileSync(new URL('ferrowick-baa.md', fixtures), 'utf8');
  const PROTECTIVE = readFileSync(new URL('tidyform-baa.md', fixtures), 'utf8');

  /** `custody audit FILE ARGS…` on one file alone; the report written with --out, and the exit code and stderr. */
  async function alone(name: string, text: string, args: string[]): Promise<{ code: number; stderr: string; report: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'custody-assess-'));
    try {
      writeFileSync(join(dir, name), text);
      const r = await run([join(dir, name), ...args, '--out', join(dir, 'report.out')]);
      return { ...r, report: readFileSync(join(dir, 'report.out'), 'utf8') };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('a risky BAA: a vendor assessment with findings, said on stderr and in the report; --fail-on gates it', async () => {
    const r = await alone('ferrowick-baa.md', RISKY, ['--format', 'md', '--fail-on', 'high']);
    expect(r.code).toBe(EXIT.findings);
    expect(r.stderr).toContain('custody: vendor assessment: no system was given, so each contract\'s vendor is assessed from its terms as if you send it: ' +
      'Ferrowick Transcription LLC (session recordings, demographics and contact details)');
    expect(r.stderr).not.toContain('not linked');
    expect(r.report.split('\n')[0]).toBe('# Vendor assessment — Ferrowick Transcription LLC');
    expect(r.report).not.toMatch(/Exposure score:\*\* 0 \//);
  });

  // A template (its vendor's name left blank in the opening) and a vendor's named terms in one folder.
  const TEMPLATE = `# Business Associate Agreement (Template)

This Business Associate Agreement is entered into between [Name of Covered Entity] ("Covered Entity") and [Insert Name of Business Associate] ("Business Associate").

1. De-identified data. Business Associate may de-identify protected health information and may use and disclose de-identified information for any purpose, including its own product development.

2. Termination. Upon termination of this Agreement, Business Associate shall return or destroy all protected health information received from Covered Entity.
`;
  const WE_POLICY = '# Privacy Policy\n\nThis policy explains how we handle information when clinics use our dictation service.\n\n' +
    'We may use the audio, transcripts and notes you submit, including health information, to train and improve our machine learning models.\n';

  async function folder(files: Record<string, string>, args: string[]): Promise<{ code: number; stderr: string; report: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'custody-assess-'));
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const r = await run([dir, ...args, '--out', join(tmpdir(), `custody-assess-${process.pid}.out`)]);
      return { ...r, report: readFileSync(join(tmpdir(), `custody-assess-${process.pid}.out`), 'utf8') };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('a template beside a vendor\'s BAA: stderr says the vendor was assessed and the template reviewed, not scored or gated', async () => {
    const r = await folder({ 'ferrowick-baa.md': RISKY, 'baa-template.md': TEMPLATE }, ['--format', 'md']);
    expect(r.stderr).toContain('custody: vendor assessment: no system was given, so each contract\'s vendor is assessed from its terms as if you send it: ' +
      'Ferrowick Transcription LLC (session recordings, demographics and contact details); declare');
    expect(r.stderr).toContain('custody: template, not assessed: baa-template.md leaves the vendor\'s name blank, so no vendor is assessed from it: its clauses are reviewed as written ' +
      '(3 findings marked template review) and not scored or gated by --fail-on, so it does not count toward Ferrowick Transcription LLC\'s score');
    expect(r.report.split('\n')[0]).toBe('# Vendor assessment — Ferrowick Transcription LLC');
    // Alone, the template's review fails no gate: no vendor is rated.
    const tpl = await folder({ 'baa-template.md': TEMPLATE }, ['--format', 'md', '--fail-on', 'info']);
    expect(tpl.code).toBe(EXIT.ok);
    expect(tpl.stderr).not.toContain('vendor assessment:');
    expect(tpl.stderr).toContain('and not scored or gated by --fail-on (the score is not applicable)');
    expect(tpl.report).toContain('- **Exposure score:** not applicable (template: no vendor named)');
  });

  it('a template beside a real BAA and a real policy (fixtures mixed/): the vendors\' findings gate and score, the template\'s review (on it and on the ' +
    'sub-processor only it names) is counted on stderr and named as such in the report', async () => {
    const mixed = new URL('mixed/', fixtures);
    const files = Object.fromEntries(readdirSync(mixed).map((n) => [n, readFileSync(new URL(n, mixed), 'utf8')]));
    const r = await folder(files, ['--format', 'md', '--fail-on', 'medium']);
    // The real vendors' medium findings still gate.
    expect(r.code).toBe(EXIT.findings);
    expect(r.stderr).toContain('Brightwell Messaging GmbH (demographics and contact details); Corvale Notes, Inc. (demographics and contact details)');
    expect(r.stderr).toContain('custody: template, not assessed: template-baa.md leaves the vendor\'s name blank, so no vendor is assessed from it: its clauses are reviewed as written ' +
      '(7 findings marked template review) and not scored or gated by --fail-on, so it does not count toward the vendors\' score');
    const headings = r.report.split('\n').filter((l) => /^### (?:Critical|High|Medium|Low|Info): /.test(l));
    const review = headings.filter((l) => l.endsWith(' · template review, not scored'));
    expect(review).toHaveLength(7);
    for (const l of review) expect(l).toMatch(/ · (?:Business Associate \(name left blank in template-baa\.md\)|Nimbus Hosting SARL) · /);
    for (const l of headings.filter((h) => !review.includes(h))) expect(l).toMatch(/ · (?:Brightwell Messaging GmbH|Corvale Notes, Inc\.|Kestrel Storage Ltd\.) · 1 instance · \+\d/);
  });

  it('terms that name no vendor: stderr says the name is the file\'s, not the vendor\'s', async () => {
    const r = await folder({ 'notes-policy.md': WE_POLICY }, ['--format', 'md']);
    expect(r.stderr).toContain('custody: vendor not named: no vendor name was found in notes-policy.md, so its terms are assessed and scored under the file\'s name ' +
      '("Unnamed vendor (no name found in notes-policy.md)"), not the vendor\'s');
  });

  it('a protective BAA: the same assessment, no finding, exit 0 even with --fail-on info', async () => {
    const r = await alone('tidyform-baa.md', PROTECTIVE, ['--format', 'json', '--fail-on', 'info']);
    expect(r.code).toBe(EXIT.ok);
    const report = JSON.parse(r.report) as { assessed?: boolean; findings: unknown[]; systems: { name: string; assessed?: boolean }[] };
    expect(report.findings).toEqual([]);
    expect(report.systems.filter((s) => s.assessed).map((s) => s.name)).toEqual(['Tidyform Health, Inc.']);
    // Marked at the top, in JSON and in NDJSON's report record: no consumer has to scan the systems to tell.
    expect(report.assessed).toBe(true);
    const header = JSON.parse((await alone('tidyform-baa.md', PROTECTIVE, ['--format', 'ndjson'])).report.split('\n')[0]!) as { record: string; assessed?: boolean };
    expect(header).toMatchObject({ record: 'report', assessed: true });
  });

  it('beside a manifest with systems the BAA is reported unlinked, as before, and nothing is assessed', async () => {
    const r = await audit({ 'custody.yaml': GOOD, 'ferrowick-baa.md': RISKY });
    expect(r).toMatchObject({ code: EXIT.ok, wrote: true });
    expect(r.stderr).toMatch(/custody: not linked: ferrowick-baa\.md/);
    expect(r.stderr).not.toContain('vendor assessment');
  });

  it('a payer\'s privacy statement alone is not assessed (no vendor contract), and stderr says why rather than how to link it', async () => {
    const statement = 'Website Privacy Statement\n\nThis statement explains how Humana Inc. ("Humana", "we", "us") uses the information you give us on this website.\n\n' +
      'We may use your contact details to send you marketing about our plans.\n';
    const r = await alone('humana-privacy.md', statement, ['--format', 'json']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toMatch(/custody: not assessed: .*humana-privacy\.md: Humana Inc\. is no vendor you contract with \(a payer or government body/);
    expect(r.stderr).not.toContain('list it under documents');
  });

  it('a practice\'s own notice of privacy practices beside a BAA, no manifest: the BAA is assessed, the notice is not, and stderr says why', async () => {
    const notice = '# Notice of Privacy Practices\n\nBirchwood Family Therapy, PLLC\n\nBirchwood Family Therapy, PLLC ("we") must protect the privacy of your health information. ' +
      'We may use it for treatment, payment and health care operations, and we may send you news about our groups.\n';
    const r = await audit({ 'notice.md': notice, 'tidyform-baa.md': PROTECTIVE });
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toMatch(/custody: not assessed: [^\n]*notice\.md: it is a notice of privacy practices/);
    expect(r.stderr).toContain('assessed from its terms as if you send it: Tidyform Health, Inc. (');
    expect(r.stderr).not.toContain('Birchwood Family Therapy, PLLC (');
  });
});
