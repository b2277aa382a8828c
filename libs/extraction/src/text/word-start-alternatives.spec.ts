import { NOT_RECIPIENT_INTRO } from '../clauses/recipient-lists.js';
import { randomStrings } from '../testing/random-strings.js';
import { atWordStart } from './word-start-alternatives.js';

// Alternatives of the kinds the readers join: a lookbehind after the boundary, a nested alternation, an anchor.
const ALTERNATIVES = [String.raw`\b(?:we|us)\s+(?:may\s+)?collect\b`, String.raw`\b(?<!\bnot\s)(?:sign|log)\s*-?in\b`, String.raw`\bto\s*:\s*$|\bfollow\s+us\b`, String.raw`\bapp\s+stores?\b`];
const WORDS = ['we', 'us', 'may', 'collect', 'not', 'sign', 'log', '-', 'in', 'to', ':', 'follow', 'app', 'stores', 'Store', 'x', ' ', ' ', 'WE', '_', 'é'];

describe('atWordStart', () => {
  it('matches what the alternatives joined with | match, at the same places, with the same groups', () => {
    for (const flags of ['i', 'gi', '']) {
      const joined = new RegExp(ALTERNATIVES.join('|'), flags);
      const one = new RegExp(atWordStart(ALTERNATIVES), flags);
      for (const s of randomStrings(WORDS, 800, 12, 7)) {
        joined.lastIndex = 0;
        one.lastIndex = 0;
        const a = flags.includes('g') ? [...s.matchAll(joined)].map((m) => `${m.index}:${m[0]}`) : [String(joined.exec(s)?.index), joined.exec(s)?.[0]];
        const b = flags.includes('g') ? [...s.matchAll(one)].map((m) => `${m.index}:${m[0]}`) : [String(one.exec(s)?.index), one.exec(s)?.[0]];
        expect(b).toEqual(a);
      }
    }
  });

  it('refuses an alternative that does not open with a word boundary (joining it under one would change what it matches)', () => {
    expect(() => atWordStart([String.raw`\bwe\b`, String.raw`(?:^|\s)us\b`])).toThrow(/does not open with/);
    // Nor one whose later top-level branch lacks it: `\bwe|us` under one boundary would no longer match "bus".
    expect(() => atWordStart([String.raw`\bwe\b|us\b`])).toThrow(/does not open with.*us/);
    expect(() => atWordStart([String.raw`\b(?:we|us)\b|\bour\b`, String.raw`\bx[|(]`])).not.toThrow();
  });

  it('is what the list-intro vocabulary is built with', () => {
    expect(NOT_RECIPIENT_INTRO.source.startsWith('\\b(?:')).toBe(true);
    expect(NOT_RECIPIENT_INTRO.test('Information we collect includes the following:')).toBe(true);
    expect(NOT_RECIPIENT_INTRO.test('We share your data with the following sub-processors:')).toBe(false);
  });
});
