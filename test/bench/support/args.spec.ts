import { jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { arg, flag, usageIfAsked } from './args.js';

describe('bench command-line options', () => {
  const saved = process.argv;
  afterEach(() => {
    process.argv = saved;
  });

  it('reads the value after an option and bare flags, after the script path only', () => {
    // argv[1] is the script: a flag-looking script path is not an option.
    process.argv = ['node', '/x/--rows', '--rows', '500', '--json'];
    expect(arg('--rows')).toBe('500');
    expect(flag('--json')).toBe(true);
    expect(flag('--big')).toBe(false);
    expect(arg('--docs')).toBeUndefined();
  });

  it('an option given last has no value: undefined, so the bench falls back to its default', () => {
    process.argv = ['node', 'bench.ts', '--json', '--rows'];
    expect(arg('--rows')).toBeUndefined();
  });

  it('-h and --help print the header comment of the script and say so; without them nothing is printed', () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const bench = join(process.cwd(), 'test/bench/audit.bench.ts');
      for (const help of ['--help', '-h']) {
        process.argv = ['node', bench, '--sizes', '1000', help];
        expect(usageIfAsked(bench)).toBe(true);
      }
      expect(log.mock.calls.map((c) => String(c[0]).split('\n')[0])).toEqual(Array(2).fill('Audit-core bench (issue 11): the pure audit (`@custody/audit`: analyse → project → evaluate → compose, then'));
      expect(String(log.mock.calls[0]![0])).not.toMatch(/^\s*\*/m);
      process.argv = ['node', bench, '--sizes', '1000'];
      expect(usageIfAsked(bench)).toBe(false);
      expect(log).toHaveBeenCalledTimes(2);
    } finally {
      log.mockRestore();
    }
  });

  it('audit.bench.ts --help prints its usage and exits 0 without running a case', () => {
    // Before, --help was not read and the whole bench (1,000 to 100,000 systems) started.
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/audit.bench.ts', '--help'], { cwd: process.cwd(), encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } });
    expect({ status: r.status, started: /==/.test(r.stderr) }).toEqual({ status: 0, started: false });
    expect(r.stdout).toContain('`--incremental-sizes 10000`');
  }, 90_000);
});
