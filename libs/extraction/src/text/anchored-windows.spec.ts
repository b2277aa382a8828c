import { legalName } from '../facts/subprocessor-names.js';
import { AnchoredWindows, wordsBefore } from './anchored-windows.js';

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
