import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Runs `custody audit <dir> --format json --out <file>` in-process; returns exit code, stderr and whether a report was written. */
async function audit(files: Record<string, string>): Promise<{ code: number; stderr: string; wrote: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'custody-audit-'));
  const out = join(dir, '..', `${dir.split('/').pop()}-report.json`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const stderr: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (stderr.push(String(chunk)), true));
  const before = process.exitCode;
  process.exitCode = 0;
  try {
    const program = new Command('custody').exitOverride();
    registerAudit(program);
    await program.parseAsync(['node', 'custody', 'audit', dir, '--format', 'json', '--out', out]);
    return { code: Number(process.exitCode ?? 0), stderr: stderr.join(''), wrote: existsSync(out) };
  } finally {
    process.exitCode = before;
    spy.mockRestore();
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
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const program = new Command('custody').exitOverride();
    registerAudit(program);
    await program.parseAsync(['node', 'custody', 'audit', join(dir, 'custody.yaml'), '--format', 'json', '--out', out]);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ practice: { name: 'Solo Practice' } });
  } finally {
    spy.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  }
});
