/**
 * Reproducible random strings over an alphabet (for specs that compare a character scan with the pattern it
 * replaces): `count` strings of up to `maxLength` pieces each, the same every run for a given seed.
 */
export function randomStrings(alphabet: string[], count: number, maxLength: number, seed: number): string[] {
  // In 32-bit integer arithmetic: `seed * 1103515245` in doubles loses its low bits past 2^53, and the sequence then
  // stuck at one value (nearly every string came out empty). The high bits of the state are the random ones.
  const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), (seed >>> 16) % n);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let v = '';
    for (let len = rand(maxLength); len > 0; len--) v += alphabet[rand(alphabet.length)];
    out.push(v);
  }
  return out;
}
