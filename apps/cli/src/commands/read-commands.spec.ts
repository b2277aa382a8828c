import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { Command } from 'commander';
import { registerExtract } from './extract.command.js';
import { registerRules } from './rules.command.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'custody-cli-errors-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file in the test folder, and the error `custody ARGS… file` throws (what program.ts prints after "custody: "). */
async function refusal(args: string[], files: Record<string, string | Uint8Array>): Promise<string> {
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  const program = new Command('custody').exitOverride();
  registerExtract(program);
  registerRules(program);
  const paths = args.map((a) => (a in files ? join(dir, a) : a));
  try {
    await program.parseAsync(['node', 'custody', ...paths]);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`custody ${args.join(' ')} did not refuse`);
}

describe('CLI errors name the file they are about', () => {
  it('extract: an empty or binary file', async () => {
    expect(await refusal(['extract', 'empty.md'], { 'empty.md': '' })).toBe(`${join(dir, 'empty.md')}: empty file`);
    const binary = Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256);
    expect(await refusal(['extract', 'scan.pdf'], { 'scan.pdf': binary })).toMatch(new RegExp(`^${join(dir, 'scan.pdf')}: binary file`));
  });

  it('extract: an unknown --format is refused before the file is read', async () => {
    expect(await refusal(['extract', join(dir, 'absent.pdf'), '--format', 'yaml'], {})).toBe('unknown format "yaml"; expected json or md');
  });

  it('rules and diff: an unknown --format is refused before any file is read', async () => {
    expect(await refusal(['rules', '--format', 'xml'], {})).toBe('unknown format "xml"; expected md or json');
    expect(await refusal(['diff', join(dir, 'absent.json'), join(dir, 'absent.json'), '--format', 'xml'], {})).toBe('unknown format "xml"; expected md or json');
  });

  it('parse: a malformed YAML config, with its line', async () => {
    expect(await refusal(['parse', 'bad.yaml'], { 'bad.yaml': 'foo: [1, 2\n' })).toMatch(new RegExp(`^${join(dir, 'bad.yaml')}: YAML rejected at line \\d+: `));
  });

  it('diff: a missing, empty or non-JSON report says so plainly', async () => {
    const missing = join(dir, 'nope.json');
    expect(await refusal(['diff', missing, missing], {})).toBe(`${missing}: no such file`);
    expect(await refusal(['diff', 'empty.json', 'empty.json'], { 'empty.json': '' })).toMatch(new RegExp(`^${join(dir, 'empty.json')}: empty file \\(expected`));
    expect(await refusal(['diff', 'a.ndjson', 'a.ndjson'], { 'a.ndjson': '{"record":"report"}\n{"record":"score"}\n' })).toMatch(/a\.ndjson: not JSON \(.+\) \(expected the output of `custody audit --format json`\)$/);
  });

  it('diff: a report longer than a string can be is refused by name, as bad input rather than an internal error', async () => {
    // What decoding a fleet report of some 100,000 installs does (V8's string limit), without writing half a gigabyte.
    const tooLong = Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' });
    const spy = jest.spyOn(Buffer.prototype, 'toString').mockImplementation(() => { throw tooLong; });
    let message: string;
    try {
      message = await refusal(['diff', 'huge.json', 'huge.json'], { 'huge.json': '{}' });
    } finally {
      spy.mockRestore();
    }
    expect(message).toMatch(new RegExp(`^${join(dir, 'huge.json')}: .*longer than 0x1fffffe8 characters.*\\(expected the output of`));
  });
});

describe('custody diff', () => {
  const finding = { id: 'missing-baa@system:x', severity: 'high', title: 'PHI goes to a business associate with no BAA', categories: ['progress_notes'] };

  /** What `custody diff before after` prints, the two reports written as the audit would. */
  async function diffOutput(before: object, after: object): Promise<string> {
    const [a, b] = [join(dir, 'before.json'), join(dir, 'after.json')];
    writeFileSync(a, JSON.stringify(before));
    writeFileSync(b, JSON.stringify(after));
    const out: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
    try {
      const program = new Command('custody').exitOverride();
      registerRules(program);
      await program.parseAsync(['node', 'custody', 'diff', a, b]);
    } finally {
      spy.mockRestore();
    }
    return out.join('');
  }

  it('says so when two audits have the same findings, rather than print a lone score line', async () => {
    const report = { score: { total: 42 }, findings: [finding] };
    expect(await diffOutput(report, report)).toBe('exposure score 42 → 42 (+0; lower is less exposed)\nno finding appeared or disappeared, and none changed severity, categories or triage\n');
  });

  it('lists a finding triaged between the audits (the score fell because of it), with who, when (a date) and why', async () => {
    const triaged = { ...finding, triage: { status: 'mitigated', reason: 'BAA signed', by: 'dana', at: '2026-12-01T09:30:00Z' } };
    const out = await diffOutput({ score: { total: 42 }, findings: [finding] }, { score: { total: 30 }, findings: [triaged] });
    expect(out).toBe('exposure score 42 → 30 (-12; lower is less exposed)\ntriage changed (1):\n* [high] PHI goes to a business associate with no BAA: open → mitigated (BAA signed; by dana on 2026-12-01) (missing-baa@system:x)\n');
    const reopened = await diffOutput({ score: { total: 30 }, findings: [{ ...finding, triage: { status: 'false_positive' } }] }, { score: { total: 42 }, findings: [finding] });
    expect(reopened).toBe('exposure score 30 → 42 (+12; lower is less exposed)\ntriage changed (1):\n* [high] PHI goes to a business associate with no BAA: false positive → open (missing-baa@system:x)\n');
  });

  it('heads each change with what it means and names the finding by title, its subject\'s system and kind in words, its id last', async () => {
    const sys = { ...finding, kind: 'missing_baa', subject: 'system:x', systems: ['x', 'i1', 'i2'] };
    const systems = [{ id: 'x', name: 'Remindly SMS' }, { id: 'i1', name: 'install 1' }, { id: 'i2', name: 'install 2' }];
    const out = await diffOutput({ score: { total: 42 }, findings: [sys], systems }, { score: { total: 30 }, findings: [], systems });
    expect(out).toBe('exposure score 42 → 30 (-12; lower is less exposed)\ngone (fixed, or no longer found) (1):\n- [high] PHI goes to a business associate with no BAA — Remindly SMS · Missing BAA (missing-baa@system:x)\n');
  });
});
