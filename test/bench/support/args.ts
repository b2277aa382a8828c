import { readFileSync } from 'node:fs';

/**
 * The benches' command line, read one way in every bench (it was copied into each): `--name value` options and
 * bare `--flag`s after the script's path.
 */
const argv = (): string[] => process.argv.slice(2);

/** The value after `name` (`arg('--rows')` for `--rows 500`), or undefined when the option is absent. */
export function arg(name: string): string | undefined {
  const a = argv();
  const i = a.indexOf(name);
  return i >= 0 ? a[i + 1] : undefined;
}

/** Whether the bare flag `name` (`--json`) is on the command line. */
export function flag(name: string): boolean {
  return argv().includes(name);
}

/**
 * `-h`/`--help`: prints the script's header comment (its usage and options) and says so, so the caller returns
 * before running anything; a bench that read no usage option would otherwise start its full run.
 */
export function usageIfAsked(script: string): boolean {
  if (!flag('--help') && !flag('-h')) return false;
  const header = /\/\*\*([\s\S]*?)\*\//.exec(readFileSync(script, 'utf8'))?.[1] ?? '';
  console.log(header.split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n').trim());
  return true;
}
