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
