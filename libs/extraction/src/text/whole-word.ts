import { isLetterOrDigit } from './char-classes.js';

/**
 * Whether `word` occurs in `s` as a whole word: no letter or digit on either side, as
 * `new RegExp(String.raw`(?<![\p{L}\p{N}])${word}(?![\p{L}\p{N}])`, 'u')` finds it for a word of letters and digits,
 * and, when given, `notAfter` (a sticky pattern) does not match right after it. Searched with indexOf: building that
 * pattern for each document's word cost more than the searching (it is compiled on its one use).
 */
export function hasWholeWord(s: string, word: string, notAfter?: RegExp): boolean {
  for (let i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + 1)) {
    if (i > 0 && isLetterOrDigit(codePointBefore(s, i))) continue;
    const end = i + word.length;
    if (end < s.length && isLetterOrDigit(s.codePointAt(end)!)) continue;
    if (notAfter) {
      notAfter.lastIndex = end;
      if (notAfter.test(s)) continue;
    }
    return true;
  }
  return false;
}

/** The code point that ends right before `i` (a pair of surrogates is one; a lone one is itself). */
function codePointBefore(s: string, i: number): number {
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/**
 * The offsets where `word` occurs in `s` as a whole word, in the order and with the skipping of
 * `new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(word)}(?![\p{L}\p{N}])`, 'gu')` run with exec: after an
 * occurrence the search goes on past its end (occurrences do not overlap). Searched with indexOf for the reason above:
 * readers ask this of each name read in a document, and the pattern cost ~0.3 ms to compile each time.
 */
export function* wholeWordOffsets(s: string, word: string): Generator<number> {
  if (word.length === 0) throw new Error('wholeWordOffsets: empty word');
  for (let i = s.indexOf(word); i >= 0; ) {
    const end = i + word.length;
    if ((i > 0 && isLetterOrDigit(codePointBefore(s, i))) || (end < s.length && isLetterOrDigit(s.codePointAt(end)!))) {
      i = s.indexOf(word, i + 1);
      continue;
    }
    yield i;
    i = s.indexOf(word, end);
  }
}
