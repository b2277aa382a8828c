import { isLetterOrDigit, isUpper } from './char-classes.js';
import { toView } from './sentences.js';

/**
 * Capitalised words and how often each occurs: the matches of {@link CAPITALISED_WORD} ("Discord", "Kapa.ai",
 * "Wi-Fi"), counted. Found by a scan of code points instead of the regex, whose Unicode lookbehind tried at every
 * position cost more than any fact reader (over the 740 OTA documents); the spec checks both give the same counts.
 */
export const CAPITALISED_WORD = /(?<![\p{L}\p{N}.@/#-])([\p{Lu}][\p{L}\p{N}]+(?:[.-][\p{L}\p{N}]+)?)(?![\p{L}\p{N}@-])/gu;

/** Whether the code point is a letter or digit. */
const isLN = isLetterOrDigit;

const size = (cp: number) => (cp > 0xffff ? 2 : 1);

/** The end of the run of letters and digits starting at `i` (i itself when none). */
function runEnd(s: string, i: number): number {
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    if (!isLN(cp)) break;
    i += size(cp);
  }
  return i;
}

/**
 * The counts of `s`. The last answer is kept: the definitions reader and the sub-processor reader both count the
 * head of the same document (see {@link capitalisedWordsOfText}), so the map is shared and must not be changed.
 */
export function capitalisedWords(s: string): ReadonlyMap<string, number> {
  if (last?.s === s) return last.counts;
  const counts = count(s);
  last = { s, counts };
  return counts;
}
let last: { s: string; counts: ReadonlyMap<string, number> } | undefined;

/**
 * The counts of a raw text, read from its view ({@link toView}) when the view changes nothing the counts depend on:
 * it only turns line breaks and curly quotes into spaces and straight quotes, which are neither letters nor the
 * characters a word may not follow or precede, unless the text has a dash or a '×' (the view writes '-' and 'x').
 * The definitions reader counts that same view first, so its answer is reused.
 */
export function capitalisedWordsOfText(text: string): ReadonlyMap<string, number> {
  return capitalisedWords(VIEW_CHANGES_WORDS.test(text) ? text : toView(text));
}
const VIEW_CHANGES_WORDS = /[–—‑×]/;

function count(s: string): Map<string, number> {
  const counts = new Map<string, number>();
  let prev = -1; // the code point before i (-1 at the start)
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    // ASCII letters and digits, most of a text, come in runs in which no word starts (each character follows a letter
    // or digit): a run is passed over whole without asking each character's class. Only its first character can start
    // a word, a capital not after a letter, digit, '.', '@', '/', '#' or '-' (the general path below).
    if (((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) && !(c >= 65 && c <= 90 && !afterBlocker(prev))) {
      let j = i + 1;
      while (j < n && asciiLetterOrDigit(s.charCodeAt(j))) j++;
      prev = s.charCodeAt(j - 1);
      i = j;
      continue;
    }
    const cp = c < 128 ? c : s.codePointAt(i)!;
    const w = size(cp);
    const upper = isUpper(cp);
    // Lookbehind: not after a letter, digit, '.', '@', '/', '#' or '-'.
    // (Asked only at a capital: most characters are not one.)
    const end = upper && !afterBlocker(prev) ? matchEnd(s, i + w) : -1;
    if (end > 0) {
      const word = s.slice(i, end);
      counts.set(word, (counts.get(word) ?? 0) + 1);
      prev = s.codePointAt(end - 1)!;
      if (prev >= 0xdc00 && prev <= 0xdfff) prev = s.codePointAt(end - 2)!;
      i = end;
    } else {
      prev = cp;
      i += w;
    }
  }
  return counts;
}

/** The lookbehind: whether the code point before (-1: none) is a letter, digit, '.', '@', '/', '#' or '-'. */
const afterBlocker = (prev: number) => prev >= 0 && (isLN(prev) || prev === 46 || prev === 64 || prev === 47 || prev === 35 || prev === 45);
const asciiLetterOrDigit = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

/**
 * Where the word after its capital at `j` ends, or -1: a run of at least one letter or digit, optionally '.' or
 * '-' and another run; not followed by a letter, digit, '@' or '-'. As the regex backtracks: when the second part
 * is followed by such a character, the word without it still counts if a '.' follows the first run.
 */
function matchEnd(s: string, j: number): number {
  const r1 = runEnd(s, j);
  if (r1 === j) return -1;
  const sep = s.charCodeAt(r1);
  if (sep === 46 || sep === 45) {
    const r2 = runEnd(s, r1 + 1);
    if (r2 > r1 + 1 && free(s, r2)) return r2;
    return sep === 46 ? r1 : -1;
  }
  return free(s, r1) ? r1 : -1;
}

/** The negative lookahead: not a letter, digit, '@' or '-' at k. */
function free(s: string, k: number): boolean {
  if (k >= s.length) return true;
  const cp = s.codePointAt(k)!;
  return !(isLN(cp) || cp === 64 || cp === 45);
}
