/**
 * Unicode classes of single code points (letter or digit, upper case, lower case), as the `u` patterns
 * `[\p{L}\p{N}]`, `\p{Lu}` and `\p{Ll}` answer them, for the scanners that walk a text by character codes
 * (capitalised words, tokens, lower-case words). Asking the pattern costs a string and a regex run per character:
 * in a French or German document nearly every word has a non-ASCII letter, and those questions were most of these
 * scans. The answer for a code point of the Basic Multilingual Plane is asked of the patterns once per process and
 * kept in a table; ASCII is answered by ranges.
 */

const LN = /[\p{L}\p{N}]/u;
const LU = /\p{Lu}/u;
const LL = /\p{Ll}/u;

const KNOWN = 1;
const LETTER_OR_DIGIT = 2;
const UPPER = 4;
const LOWER = 8;

// Classes of BMP code points, filled on first sight (0: not asked yet). A lone surrogate (0xd800–0xdfff) is asked
// as the string of that one code unit, as `pattern.test(text[i])` asks it: no class.
const BMP = new Uint8Array(0x10000);

function ask(cp: number): number {
  const c = String.fromCodePoint(cp);
  return KNOWN | (LN.test(c) ? LETTER_OR_DIGIT : 0) | (LU.test(c) ? UPPER : 0) | (LL.test(c) ? LOWER : 0);
}

function classOf(cp: number): number {
  if (cp >= 0x10000) return ask(cp);
  let k = BMP[cp];
  if (k === 0) BMP[cp] = k = ask(cp);
  return k;
}

/** `[\p{L}\p{N}]` of one code point. */
export function isLetterOrDigit(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return (classOf(cp) & LETTER_OR_DIGIT) !== 0;
}

/** `\p{Lu}` of one code point. */
export function isUpper(cp: number): boolean {
  if (cp < 128) return cp >= 65 && cp <= 90;
  return (classOf(cp) & UPPER) !== 0;
}

/** `\p{Ll}` of one code point. */
export function isLower(cp: number): boolean {
  if (cp < 128) return cp >= 97 && cp <= 122;
  return (classOf(cp) & LOWER) !== 0;
}
