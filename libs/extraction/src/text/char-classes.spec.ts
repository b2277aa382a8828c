import { isLetterOrDigit, isLower, isUpper } from './char-classes.js';

describe('char classes', () => {
  // The patterns are the definition: every code point of the BMP (lone surrogates included, asked as `text[i]` asks
  // them) and a sample of astral ones must get the patterns' answer, on first sight and from the table after it.
  const LN = /[\p{L}\p{N}]/u;
  const LU = /\p{Lu}/u;
  const LL = /\p{Ll}/u;
  const astral = [0x1d401, 0x1d41b, 0x1f600, 0x20000, 0x1d7ce, 0x10400, 0x10428, 0xe0041];

  it.each([1, 2])('answers as the patterns do for every code point (pass %i)', () => {
    const wrong: string[] = [];
    for (const cp of [...Array.from({ length: 0x10000 }, (_, i) => i), ...astral]) {
      const c = String.fromCodePoint(cp);
      if (isLetterOrDigit(cp) !== LN.test(c)) wrong.push(`${cp.toString(16)} letterOrDigit`);
      if (isUpper(cp) !== LU.test(c)) wrong.push(`${cp.toString(16)} upper`);
      if (isLower(cp) !== LL.test(c)) wrong.push(`${cp.toString(16)} lower`);
    }
    expect(wrong).toEqual([]);
  });

  it('reads letters of other scripts and digits', () => {
    expect([isUpper(0xc9), isLower(0xe9), isLetterOrDigit(0x661), isLetterOrDigit(0x2019)]).toEqual([true, true, true, false]);
  });
});
