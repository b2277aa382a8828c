import { randomStrings } from '../testing/random-strings.js';
import { hasWholeWord, wholeWordOffsets } from './whole-word.js';

describe('hasWholeWord', () => {
  const NOT_AFTER = /\s+(?:play|app\s+store|store|id|account|analytics|ads|maps|tag)\b/uy;
  const asPattern = (w: string) => new RegExp(String.raw`(?<![\p{L}\p{N}])${w}(?![\p{L}\p{N}])(?!\s+(?:play|app\s+store|store|id|account|analytics|ads|maps|tag)\b)`, 'u');

  it('answers as the lookaround pattern does, on random strings', () => {
    const alphabet = ['acme', 'ac', 'me', 'é', '1', ' ', '  ', 'play', 'store', 'app', 'ids', 'id', '_', '-', '.', '𝐁', '\ud835', 'x', 'tag'];
    const words = ['acme', 'me', 'acme1', 'é', '𝐁acme', 'acmeé'];
    let found = 0;
    for (const s of randomStrings(alphabet, 4000, 10, 13)) {
      for (const w of words) {
        const truth = asPattern(w).test(s);
        if (truth) found++;
        expect({ s, w, found: hasWholeWord(s, w, NOT_AFTER) }).toEqual({ s, w, found: truth });
      }
    }
    expect(found).toBeGreaterThan(500);
  });

  it('finds a later occurrence when the first is inside a word or before an excluded word', () => {
    expect(hasWholeWord('acmes and acme play, then acme.', 'acme', NOT_AFTER)).toBe(true);
    expect(hasWholeWord('acmes and acme play', 'acme', NOT_AFTER)).toBe(false);
    expect(hasWholeWord('acme play', 'acme')).toBe(true);
  });
});

describe('wholeWordOffsets', () => {
  const asPattern = (w: string) => new RegExp(String.raw`(?<![\p{L}\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\p{L}\p{N}])`, 'gu');

  it('gives the offsets the global lookaround pattern finds, on random strings', () => {
    const alphabet = ['acme', 'ac', 'me', 'é', '1', ' ', 'a', 'aa', '𝐁', '\ud835', '.', 'x', '-'];
    const words = ['acme', 'me', 'aa', 'a.a', 'é', '𝐁acme'];
    let found = 0;
    for (const s of randomStrings(alphabet, 4000, 10, 29)) {
      for (const w of words) {
        const truth = [...s.matchAll(asPattern(w))].map((m) => m.index);
        found += truth.length;
        expect({ s, w, at: [...wholeWordOffsets(s, w)] }).toEqual({ s, w, at: truth });
      }
    }
    expect(found).toBeGreaterThan(500);
  });

  it('does not overlap occurrences, and refuses an empty word', () => {
    expect([...wholeWordOffsets('a.a.a.a', 'a.a')]).toEqual([0, 4]);
    expect(() => [...wholeWordOffsets('x', '')]).toThrow(/empty word/);
  });
});
