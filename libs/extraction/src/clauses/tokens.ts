import { isLetterOrDigit } from '../text/char-classes.js';

/**
 * One word of a clause: its lower-case form and where it is in the sentence's view (its text as written is
 * `view.slice(start, end)`: no reader needed it kept, and one string fewer per token of every clause is less garbage).
 */
export interface Token {
  lower: string;
  start: number;
  end: number;
}

// Words, initialisms ("U.S.", "e.g."), numbers, and the punctuation that bounds clauses. `tokenize` finds the same
// matches by a scan of character codes (the spec compares both): this pattern's Unicode classes, tried at every
// position of every clause, were most of tokenize's time.
// A clause number glued to the word after it by a rendering that dropped the space ("**15.1**You must" → "15.1You") is
// two tokens: the number's last part, then the word ("You"), so the clause keeps its subject.
export const TOKEN = /(?:[A-Za-z]\.){2,}|(?<=[0-9]\.)[0-9]+(?=[A-Z][a-z])|[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[;:,()|/"]/gu;

/** Splits a view into tokens (the matches of {@link TOKEN}). */
export function tokenize(view: string): Token[] {
  const out: Token[] = [];
  // One lower-casing of the view, sliced per token (per-token toLowerCase was most of tokenize's time); a view whose
  // lower case has another length ("İ") is lower-cased per token.
  const lowerView = view.toLowerCase();
  const sameLength = lowerView.length === view.length;
  const push = (start: number, end: number) => {
    // "US" in capitals is the country ("us" is the vendor).
    const us = end - start === 2 && view.charCodeAt(start) === 85 && view.charCodeAt(start + 1) === 83;
    out.push({ lower: us ? 'u.s.' : sameLength ? lowerView.slice(start, end) : view.slice(start, end).toLowerCase(), start, end });
  };
  const n = view.length;
  let i = 0;
  while (i < n) {
    const c = view.charCodeAt(i);
    // An initialism: two or more letter-and-period pairs, taken before a word (the pattern's first alternative).
    if (asciiLetter(c) && view.charCodeAt(i + 1) === 46 && asciiLetter(view.charCodeAt(i + 2)) && view.charCodeAt(i + 3) === 46) {
      let j = i + 4;
      while (asciiLetter(view.charCodeAt(j)) && view.charCodeAt(j + 1) === 46) j += 2;
      push(i, j);
      i = j;
      continue;
    }
    // A clause number glued to a capitalised word after "digit." (the pattern's second alternative).
    if (digit(c) && view.charCodeAt(i - 1) === 46 && digit(view.charCodeAt(i - 2))) {
      let j = i + 1;
      while (digit(view.charCodeAt(j))) j++;
      if (upper(view.charCodeAt(j)) && lower(view.charCodeAt(j + 1))) {
        push(i, j);
        i = j;
        continue;
      }
    }
    const cp = c < 128 ? c : view.codePointAt(i)!;
    if (letterOrDigit(cp)) {
      let j = runEnd(view, i);
      // Joined by an apostrophe or a hyphen to a further run ("don't", "opt-out").
      while ((view.charCodeAt(j) === 39 || view.charCodeAt(j) === 45) && j + 1 < n && letterOrDigit(view.codePointAt(j + 1)!)) j = runEnd(view, j + 1);
      push(i, j);
      i = j;
      continue;
    }
    if (PUNCTUATION.has(c)) {
      push(i, i + 1);
      i++;
      continue;
    }
    // The pattern's scan moves by code points (a pair of surrogates is one).
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

const PUNCTUATION = new Set([';', ':', ',', '(', ')', '|', '/', '"'].map((c) => c.charCodeAt(0)));
const asciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const digit = (c: number) => c >= 48 && c <= 57;
const upper = (c: number) => c >= 65 && c <= 90;
const lower = (c: number) => c >= 97 && c <= 122;

/** Whether a code point is a letter or digit. */
const letterOrDigit = isLetterOrDigit;

/** The end of the run of letters and digits that starts at `i` (at a letter or digit). */
function runEnd(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (!((c >= 48 && c <= 57) || asciiLetter(c))) break;
      i++;
      continue;
    }
    const cp = s.codePointAt(i)!;
    if (!letterOrDigit(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}
