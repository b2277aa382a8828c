/**
 * Reproducible random strings over an alphabet (for specs that compare a character scan with the pattern it
 * replaces): `count` strings of up to `maxLength` pieces each, the same every run for a given seed.
 */
export function randomStrings(alphabet: string[], count: number, maxLength: number, seed: number): string[] {
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let v = '';
    for (let len = rand(maxLength); len > 0; len--) v += alphabet[rand(alphabet.length)];
    out.push(v);
  }
  return out;
}
