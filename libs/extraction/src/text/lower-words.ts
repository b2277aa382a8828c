import { isLetterOrDigit, isLower } from './char-classes.js';

/**
 * Whether a word occurs in lower case as a word of the text ("campaign" in "… a campaign …"), outside web and
 * e-mail addresses ("computop" in https://computop.com or www.computop.com does not count).
 *
 * The same answer as collecting every match of {@link LOWER_WORD} into a set, but only for the words asked
 * about: that regex, run over a whole document, cost a fifth of all extraction time, while a document asks
 * about a few dozen words. Answers are memoised per document.
 */
// (Nor a word of an e-mail address's local part, whatever joins its words: "stripe-payments@…", "support.team@…".)
export const LOWER_WORD = /(?<![\p{L}\p{N}/.@-])[\p{Ll}][\p{Ll}'-]+(?![\p{L}\p{N}]*(?:\.[a-z]{2,}|\/)|[\p{L}\p{N}._+-]*@)/gu;

// One code unit's class, as `[\p{L}\p{N}]`, `\p{Ll}` and `[\p{Ll}'-]` test `text[i]` (a lone surrogate has none).
const letterOrDigitAt = (text: string, i: number): boolean => isLetterOrDigit(text.charCodeAt(i));
const lowerAt = (text: string, i: number): boolean => isLower(text.charCodeAt(i));
const runCharAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c === 39 || c === 45 || isLower(c);
};

export function lowerWordIndex(text: string): (word: string) => boolean {
  const memo = new Map<string, boolean>();
  let all: Set<string> | undefined;
  return (word) => {
    if (all) return all.has(word);
    let v = memo.get(word);
    if (v === undefined) {
      // Each question scans the text once: past a few dozen of them one pass of the regex is cheaper, and
      // keeps the cost linear in the text however many words are asked.
      // A long text (many documents in one) is read once at the first question: each indexOf scan is as long as it.
      if (memo.size >= MAX_LOOKUPS || text.length > LONG_TEXT) {
        all = allLowerWords(text);
        return all.has(word);
      }
      memo.set(word, (v = occursAsWord(text, word)));
    }
    return v;
  };
}

const MAX_LOOKUPS = 48;
const LONG_TEXT = 1 << 20;

/**
 * Every match of {@link LOWER_WORD}, found by a scan of character codes instead of the regex (whose Unicode
 * lookbehind, tried at every position of a 20 MB text, took seconds): at each lower-case letter not preceded by a
 * letter, digit, '/', '.', '@' or '-', the same longest run {@link matchAt} gives; the scan goes on after it.
 */
export function allLowerWords(text: string): Set<string> {
  const out = new Set<string>();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!(c >= 97 && c <= 122) && (c < 128 || !isLower(c))) {
      i++;
      continue;
    }
    if (i > 0 && startsNoWord(text, i - 1)) {
      i++;
      continue;
    }
    const m = matchAt(text, i);
    if (m) {
      out.add(m);
      i += m.length;
    } else i++;
  }
  return out;
}

/** Whether the character at `p` keeps a word from starting right after it (LOWER_WORD's lookbehind). */
function startsNoWord(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 || c === 46 || c === 64 || c === 45;
  return isLetterOrDigit(c);
}

function occursAsWord(text: string, word: string): boolean {
  if (word.length < 2 || !lowerAt(word, 0)) return false;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (i > 0) {
      const p = text[i - 1];
      if (letterOrDigitAt(text, i - 1) || p === '/' || p === '.' || p === '@' || p === '-') continue;
      // After "don'" the run of the word before goes on ("don't"): no word starts here.
      if (p === "'" && i > 1 && lowerAt(text, i - 2)) continue;
    }
    if (matchAt(text, i) === word) return true;
  }
  return false;
}

/** What LOWER_WORD matches at i (its lookbehind already holds): the longest run whose lookahead holds. */
function matchAt(text: string, i: number): string | undefined {
  let r = i + 1;
  while (r < text.length && runCharAt(text, r)) r++;
  for (let end = r; end >= i + 2; end--) if (lookaheadHolds(text, end)) return text.slice(i, end);
  return undefined;
}

/** Not followed by letters and digits then ".tld", "@" or "/". */
function lookaheadHolds(text: string, j: number): boolean {
  while (j < text.length && letterOrDigitAt(text, j)) j++;
  const c = text[j];
  if (c === '@' || c === '/') return false;
  if (c === '.' && /^[a-z]{2}/.test(text.slice(j + 1, j + 3))) return false;
  // An e-mail address's local part runs on over '.', '_', '+' and '-' to its '@'.
  while (j < text.length && (letterOrDigitAt(text, j) || LOCAL_PART_JOINERS.has(text[j]))) j++;
  return text[j] !== '@';
}
const LOCAL_PART_JOINERS = new Set(['.', '_', '+', '-']);
