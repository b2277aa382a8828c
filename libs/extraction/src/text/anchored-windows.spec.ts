import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { legalName } from '../facts/subprocessor-names.js';
import { randomStrings } from '../testing/random-strings.js';
import { AnchoredWindows, CapitalIndex, wordsBefore } from './anchored-windows.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/contracts');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The reference for visitWordStarts: visit, passing over occurrences after a letter or digit. */
function visitedByReference(w: AnchoredWindows, text: string, needle: string, stopAfter: number): { at: number | undefined; seen: number[] } {
  const seen: number[] = [];
  const at = w.visit(needle, (i) => {
    if (i > 0 && LETTER_OR_DIGIT.test(text[i - 1])) return false;
    seen.push(i);
    return seen.length === stopAfter;
  });
  return { at, seen };
}

function visitedByIndex(w: AnchoredWindows, needle: string, stopAfter: number): { at: number | undefined; seen: number[] } {
  const seen: number[] = [];
  const at = w.visitWordStarts(needle, (i) => {
    seen.push(i);
    return seen.length === stopAfter;
  });
  return { at, seen };
}

describe('AnchoredWindows', () => {
  const text = 'Acme one. Acme two. AcmeAcme three. Other Acme four.';
  it('finds occurrences wholly inside a window, in text order, with their text offsets', () => {
    // Windows [0, 14) and [20, 40): "Acme" at 0, 10 (inside the first), 20 and 24 (the second); not at 48.
    const w = new AnchoredWindows(text, [[0, 14], [20, 40]]);
    expect(w.find('Acme')).toEqual([0, 10, 20, 24]);
    // One cut by a window's end is not found ("Acme" at 10 ends at 14, past a window [0, 12)).
    expect(new AnchoredWindows(text, [[0, 12]]).find('Acme')).toEqual([0]);
  });

  it('merges overlapping windows, so an occurrence across their seam is found once', () => {
    const w = new AnchoredWindows(text, [[5, 12], [11, 16], [16, 30]]);
    expect(w.find('Acme two')).toEqual([10]);
    expect(w.find('Acme')).toEqual([10, 20, 24]);
  });

  it('visit stops at the first offset its callback accepts, and says when none is', () => {
    const w = new AnchoredWindows(text, [[0, 14], [20, 40]]);
    const seen: number[] = [];
    expect(w.visit('Acme', (at) => (seen.push(at), at >= 10))).toBe(10);
    expect(seen).toEqual([0, 10]);
    expect(w.visit('Acme', () => false)).toBe(-1);
    expect(w.visit('', () => true)).toBeUndefined();
  });

  it('declines needles it cannot look up (empty, or holding its separator)', () => {
    const w = new AnchoredWindows(text, [[0, 10]]);
    expect(w.find('')).toBeUndefined();
    expect(w.find('a\u0000b')).toBeUndefined();
  });

  it('wordsBefore goes back over whitespace, the given number of words and one more', () => {
    const t = 'lead Acme Cloud Widgets, Inc.';
    expect(wordsBefore(t, t.indexOf('Inc.'), 2)).toBe(t.indexOf('Acme'));
    expect(wordsBefore(t, t.indexOf('Inc.'), 0)).toBe(t.indexOf('Widgets'));
  });
});

describe('AnchoredWindows.visitWordStarts (the word-start index) answers as visit filtered to word starts', () => {
  // Letters of both cases, digits, accents, a lone surrogate (no class, as text[i] asks it), separators and U+0000.
  const alphabet = ['A', 'a', 'c', 'Ac', 'me', 'é', 'É', '1', ' ', '.', '-', ',', '\ud83d', '\u0000', 'Inc', 'GmbH'];
  const texts = randomStrings(alphabet, 300, 60, 7);
  const needles = randomStrings(alphabet.filter((c) => c !== '\u0000'), 40, 4, 11).concat(['Ac', 'Acme', 'me', 'A', 'a\u0000']);
  const ranges = (text: string, seed: number): [number, number][] => {
    const cuts = randomStrings(['x'], 6, text.length + 1, seed).map((x) => x.length).sort((a, b) => a - b);
    const out: [number, number][] = [];
    for (let k = 0; k + 1 < cuts.length; k += 2) out.push([cuts[k], cuts[k + 1]]);
    return out;
  };

  it('on random texts, windows and needles: the same offsets, in order, and the same stop', () => {
    const differ: string[] = [];
    let found = 0;
    texts.forEach((text, t) => {
      const w = new AnchoredWindows(text, ranges(text, 100 + t));
      for (const needle of needles) {
        for (const stopAfter of [0, 1, 2]) {
          const ref = visitedByReference(w, text, needle, stopAfter);
          const got = visitedByIndex(w, needle, stopAfter);
          found += ref.seen.length;
          if (JSON.stringify(got) !== JSON.stringify(ref)) differ.push(JSON.stringify({ text, needle, stopAfter, got, ref }));
        }
      }
    });
    expect(differ).toEqual([]);
    // The texts hold the needles often enough for the comparison to mean something.
    expect(found).toBeGreaterThan(1000);
  });

  it('on real contracts, windows before legal suffixes and every capitalised word as the needle', () => {
    const text = readdirSync(fixtures).sort().map((f) => readFileSync(join(fixtures, f), 'utf8')).join('\n\n');
    const suffix = /\s(?=(?:Inc|LLC|Ltd|GmbH|Corporation)\b)/g;
    const windows: [number, number][] = [];
    for (let m = suffix.exec(text); m; m = suffix.exec(text)) windows.push([Math.max(0, wordsBefore(text, m.index + 1, 3) - 40), m.index + 1]);
    expect(windows.length).toBeGreaterThan(5);
    const w = new AnchoredWindows(text, windows);
    const words = [...new Set(text.match(/[A-Z][\w.&-]+/g) ?? [])];
    let found = 0;
    for (const needle of words) {
      const ref = visitedByReference(w, text, needle, 0);
      expect(visitedByIndex(w, needle, 0)).toEqual(ref);
      found += ref.seen.length;
    }
    // The comparison covers needles that occur in the windows, not only ones that never do.
    expect(found).toBeGreaterThan(20);
  });

  it('declines the needles visit declines', () => {
    const w = new AnchoredWindows('Acme Inc', [[0, 8]]);
    expect(w.visitWordStarts('', () => true)).toBeUndefined();
    expect(w.visitWordStarts('A\u0000c', () => true)).toBeUndefined();
  });
});

describe('CapitalIndex.countBefore counts as repeated indexOf does', () => {
  const reference = (text: string, needle: string, before: number, cap: number): number => {
    let n = 0;
    for (let i = text.indexOf(needle); i >= 0 && i < before && n < cap; i = text.indexOf(needle, i + 1)) n++;
    return n;
  };
  const alphabet = ['A', 'AA', 'Ac', 'me', 'a', 'Z', 'z', '[', '@', 'É', ' ', '\ud83d'];
  // Few texts: each index is a table of every key (26 × 65536), built for long texts in use.
  const texts = randomStrings(alphabet, 40, 120, 5);
  const needles = randomStrings(alphabet, 30, 4, 9).concat(['AA', 'AAA', 'Acme', 'Z', 'Zz']);

  it('on random texts, needles, offsets and caps (overlapping occurrences included)', () => {
    const differ: string[] = [];
    let counted = 0;
    let declined = 0;
    texts.forEach((text, t) => {
      const index = new CapitalIndex(text);
      for (const needle of needles) {
        for (const [before, cap] of [[text.length, 200], [Math.floor(text.length / 2), 200], [text.length, 2], [t % 7, 1]]) {
          const got = index.countBefore(needle, before, cap);
          if (got === undefined) {
            declined++;
            continue;
          }
          const ref = reference(text, needle, before, cap);
          counted += ref;
          if (got !== ref) differ.push(JSON.stringify({ text, needle, before, cap, got, ref }));
        }
      }
    });
    expect(differ).toEqual([]);
    expect(counted).toBeGreaterThan(1000);
    expect(declined).toBeGreaterThan(0);
  });

  it('declines needles that do not start with an ASCII capital and another code unit', () => {
    const index = new CapitalIndex('Acme and eBay');
    expect(index.countBefore('eBay', 13, 200)).toBeUndefined();
    expect(index.countBefore('A', 13, 200)).toBeUndefined();
    expect(index.countBefore('Acme', 13, 200)).toBe(1);
    expect(index.countBefore('Acme', 0, 200)).toBe(0);
  });

  it('on real contracts: every capitalised word, before every tenth of the text', () => {
    const text = readdirSync(fixtures).sort().map((f) => readFileSync(join(fixtures, f), 'utf8')).join('\n\n');
    const index = new CapitalIndex(text);
    const words = [...new Set(text.match(/[A-Z][\w.&-]+/g) ?? [])];
    const differ: string[] = [];
    for (const needle of words) for (let k = 1; k <= 10; k++) {
      const before = Math.floor((text.length * k) / 10);
      if (index.countBefore(needle, before, 200) !== reference(text, needle, before, 200)) differ.push(`${needle} before ${before}`);
    }
    expect(differ).toEqual([]);
    expect(words.length).toBeGreaterThan(100);
  });
});

describe('legalName over a long text (the path that searches only near legal suffixes)', () => {
  // Past 1 MB the windowed path runs; the same questions over the short text give the loop's answers.
  const filler = 'The provider keeps records of the service and its users. '.repeat(20_000);
  const cases: [string, string, string][] = [
    ['a legal name after up to three words', 'We send data to Acme Widgets Holdings, Inc. for storage.', 'Acme'],
    ['no legal name anywhere', 'We send data to Zeta for storage. Zeta is great.', 'Zeta'],
    ['an occurrence inside a word is skipped', 'XAcme Ltd sells. Later Acme Systems GmbH hosts it.', 'Acme'],
    ['too many words before the suffix', 'Beta One Two Three Four Ltd is not it.', 'Beta'],
  ];
  it.each(cases)('%s', (_what, sentence, brand) => {
    const short = legalName(sentence, brand);
    const long = `${filler}${sentence} ${filler}`;
    expect(long.length).toBeGreaterThan(1 << 20);
    expect(legalName(long, brand)).toBe(short);
  });

  it('reads the legal names of the short text', () => {
    expect(legalName(cases[0][1], 'Acme')).toBe('Acme Widgets Holdings, Inc.');
    expect(legalName(cases[2][1], 'Acme')).toBe('Acme Systems GmbH');
    expect(legalName(cases[1][1], 'Zeta')).toBe('Zeta');
  });

  it('keeps the bound of 200 occurrences before the one that has the legal name', () => {
    const many = 'Gamma works. '.repeat(200);
    const long = `${filler}${many}Gamma Labs Ltd hosts it.`;
    expect(legalName(long, 'Gamma')).toBe('Gamma');
    const fewer = `${filler}${'Gamma works. '.repeat(199)}Gamma Labs Ltd hosts it.`;
    expect(legalName(fewer, 'Gamma')).toBe('Gamma Labs Ltd');
  });
});
