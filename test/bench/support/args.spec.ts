import { arg, flag } from './args.js';

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
});
