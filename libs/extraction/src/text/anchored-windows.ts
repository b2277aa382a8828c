import { isLetterOrDigit } from './char-classes.js';

/**
 * The parts of a long text around anchors (e.g. every legal suffix), joined into one short string, so that the
 * occurrences of many different needles near an anchor are found by scanning those parts rather than the whole
 * text once per needle (a 20 MB text with hundreds of candidate names made that scan quadratic in practice).
 */
export class AnchoredWindows {
  /** The windows' text, in text order, separated by U+0000 (never part of a needle, see {@link find}). */
  private readonly joined: string;
  /** For each window: its offset in `joined` and in the text. */
  private readonly joinedAt: number[] = [];
  private readonly textAt: number[] = [];
  private readonly text: string;
  /** [start, end) of the merged windows, in text order. */
  private readonly merged: [number, number][] = [];
  /** See {@link visitWordStarts}: built on its first call. */
  private wordStarts?: Map<number, number[]>;

  /** `ranges`: [start, end) of the text, sorted by start; overlapping or touching ones are merged. */
  constructor(text: string, ranges: Iterable<[number, number]>) {
    this.text = text;
    const merged = this.merged;
    for (const [a, b] of ranges) {
      const last = merged[merged.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    const parts: string[] = [];
    let at = 0;
    for (const [a, b] of merged) {
      this.joinedAt.push(at);
      this.textAt.push(a);
      parts.push(text.slice(a, b));
      at += b - a + 1;
    }
    this.joined = parts.join('\u0000');
  }

  /**
   * Text offsets of the occurrences of `needle` that lie wholly inside one window, in text order (overlapping
   * occurrences included, as repeated `indexOf(needle, i + 1)` finds them). Undefined for a needle that cannot be
   * looked up here (empty or containing U+0000): the caller scans the text itself.
   */
  find(needle: string): number[] | undefined {
    const out: number[] = [];
    return this.visit(needle, (at) => void out.push(at)) === undefined ? undefined : out;
  }

  /**
   * Calls `stop` at each offset {@link find} would list, in order, until it returns true: that offset is returned
   * (-1 when none; undefined for a needle that cannot be looked up here). A caller after the first occurrence
   * that passes a test does not list the rest (a frequent name has thousands).
   */
  visit(needle: string, stop: (at: number) => boolean | void): number | undefined {
    if (needle.length === 0 || needle.includes('\u0000')) return undefined;
    let w = 0;
    for (let i = this.joined.indexOf(needle); i >= 0; i = this.joined.indexOf(needle, i + 1)) {
      while (w + 1 < this.joinedAt.length && this.joinedAt[w + 1] <= i) w++;
      const at = this.textAt[w] + (i - this.joinedAt[w]);
      if (stop(at) === true) return at;
    }
    return -1;
  }

  /**
   * {@link visit} over the occurrences that start a word: offset 0, or after a code unit that is not a letter or
   * digit (`[\p{L}\p{N}]` of `text[at - 1]`). The same offsets in the same order as `visit` with a callback that
   * passes over the others, without searching the windows for each needle: the word starts of the windows are listed
   * once, by their first two code units, and a needle is compared only where its first two stand (a 20 MB text asks
   * for hundreds of names, and one search of the windows per name was most of that look-up).
   */
  visitWordStarts(needle: string, stop: (at: number) => boolean | void): number | undefined {
    if (needle.length < 2) return this.visit(needle, (at) => (at === 0 || !isLetterOrDigit(this.text.charCodeAt(at - 1))) && stop(at));
    if (needle.includes('\u0000')) return undefined;
    const list = (this.wordStarts ??= this.listWordStarts()).get(pairAt(needle, 0));
    if (list === undefined) return -1;
    // Pairs of (offset, end of its window): an occurrence must lie wholly inside its window.
    for (let k = 0; k < list.length; k += 2) {
      const at = list[k];
      if (at + needle.length <= list[k + 1] && this.text.startsWith(needle, at) && stop(at) === true) return at;
    }
    return -1;
  }

  private listWordStarts(): Map<number, number[]> {
    const out = new Map<number, number[]>();
    const text = this.text;
    for (const [a, b] of this.merged) {
      for (let at = a; at + 2 <= b; at++) {
        if (at > 0 && isLetterOrDigit(text.charCodeAt(at - 1))) continue;
        const key = pairAt(text, at);
        const list = out.get(key);
        if (list === undefined) out.set(key, [at, b]);
        else list.push(at, b);
      }
    }
    return out;
  }
}

/** The two code units at `i`, as one number. */
const pairAt = (s: string, i: number): number => s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);

const SPACE = /\s/;

/**
 * Where a phrase of up to `words` whitespace-separated words before `at` may start: back over the whitespace
 * before `at`, then over that many words and the whitespace before each, then over one more word (a word glued
 * to punctuation, "Acme," in "Acme, Inc."). Generous by design: callers check each occurrence they find.
 */
export function wordsBefore(text: string, at: number, words: number): number {
  let i = at;
  const back = (space: boolean) => {
    while (i > 0 && SPACE.test(text[i - 1]) === space) i--;
  };
  back(true);
  for (let k = 0; k < words; k++) {
    back(false);
    back(true);
  }
  back(false);
  return i;
}

/**
 * Where a long text has an ASCII capital, listed once by the two code units there, so that the occurrences of a
 * needle that starts with one are counted by comparing the needle where its first two stand rather than by searching
 * the text (a 20 MB text asks how often each of a hundred names occurs before a given offset, each time nearly all
 * of the text).
 */
export class CapitalIndex {
  /** The positions, grouped by their two code units (key = (capital - 65) * 65536 + next) in text order: a counting sort. */
  private readonly positions: Int32Array;
  /** Where each key's positions start in `positions` (and end, at the next key's start). */
  private readonly starts: Int32Array;

  constructor(private readonly text: string) {
    const starts = new Int32Array(KEYS + 1);
    const n = text.length - 1;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) starts[(c - 65) * 65536 + text.charCodeAt(i + 1) + 1]++;
    }
    for (let k = 1; k <= KEYS; k++) starts[k] += starts[k - 1];
    const fill = starts.slice(0, KEYS);
    const positions = new Int32Array(starts[KEYS]);
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) positions[fill[(c - 65) * 65536 + text.charCodeAt(i + 1)]++] = i;
    }
    this.positions = positions;
    this.starts = starts;
  }

  /**
   * How many occurrences of `needle` start before `before`, counted up to `cap` (overlapping ones included, as
   * repeated `indexOf(needle, i + 1)` finds them); undefined for a needle that does not start with an ASCII capital
   * and another code unit (the caller searches the text).
   */
  countBefore(needle: string, before: number, cap: number): number | undefined {
    const c = needle.charCodeAt(0);
    if (needle.length < 2 || c < 65 || c > 90) return undefined;
    const key = (c - 65) * 65536 + needle.charCodeAt(1);
    const end = this.starts[key + 1];
    let n = 0;
    for (let k = this.starts[key]; k < end && this.positions[k] < before && n < cap; k++) if (this.text.startsWith(needle, this.positions[k])) n++;
    return n;
  }
}
const KEYS = 26 * 65536;
