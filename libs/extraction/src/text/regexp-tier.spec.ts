import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compileRegexpsNatively } from './regexp-tier.js';

// A child that loads the extraction library (or not), matches a fresh pattern once and says whether V8 kept bytecode
// for it (its interpreter tier) or compiled it to machine code. V8's own test functions answer that, nothing timed.
const CHILD = `
if (process.argv[2] === 'load') await import(process.argv[3]);
const re = new RegExp('\\\\b(?:alpha|beta|gamma)\\\\s+(?:one|two)\\\\b', 'i');
re.exec('Gamma two');
const has = new Function('re', 'return [%RegexpHasBytecode(re, true), %RegexpHasNativeCode(re, true)]');
console.log(JSON.stringify(has(re)));
`;

describe('compileRegexpsNatively (first extraction in a process)', () => {
  it('has the extraction library compile a pattern to machine code at its first match, without the bytecode tier', () => {
    const dir = mkdtempSync(join(tmpdir(), 'custody-regexp-'));
    const script = join(dir, 'tier.mjs');
    writeFileSync(script, CHILD);
    const run = (mode: string) => JSON.parse(execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script, mode, resolve('libs/extraction/src/index.ts')], { env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8' })) as [boolean, boolean];
    try {
      // V8's default: the first match runs in the bytecode interpreter.
      expect(run('bare')[0]).toBe(true);
      expect(run('load')).toEqual([false, true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps regexp tiering flags the process was started with', () => {
    expect(compileRegexpsNatively(['--regexp-tier-up-ticks=5'])).toBe(false);
    expect(compileRegexpsNatively(['--regexp-interpret-all'])).toBe(false);
  });
});
