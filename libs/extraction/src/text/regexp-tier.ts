import { setFlagsFromString } from 'node:v8';

/**
 * Has V8 compile each regular expression straight to machine code on its first match, for the rest of this process,
 * unless the process was started with regexp tiering flags of its own (then those are kept).
 *
 * Why: the readers hold some 480 regular expressions, many of them large (vocabulary alternations, the name-list
 * pattern of several kilobytes). By default V8 runs a pattern's first match in its bytecode interpreter and compiles
 * machine code at the second; nearly every pattern here runs more than once, so each process paid both compiles, and
 * the bytecode one (with its peephole pass) cost more than the native one. The first extraction in a process took
 * ~100× a warm one (≈ 750 ms against ≈ 10 ms for a 4.6 KB BAA), paid by every `custody audit`/`extract` run and every
 * fresh sandbox process; straight to machine code it is ≈ 290 ms (measured in the commit that added this). Matches are
 * the same either way: only how V8 runs a pattern changes. Called once, when the extraction library is loaded.
 */
export function compileRegexpsNatively(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((a) => /^--(?:no-)?regexp[-_](?:tier[-_]up|interpret[-_]all)/.test(a))) return false;
  setFlagsFromString('--no-regexp-tier-up');
  return true;
}
