import fc from 'fast-check';
import { datePatternAfter, EFFECTIVE_LEAD, EXPIRY_LEAD } from './document-info.js';
import { firstMatchInText } from './keyword-gate.js';

// firstMatchInText must be re.exec exactly (the extraction guard compares answers byte for byte). These properties
// build texts from the pieces where a word-start gate could go wrong: lead words with and without a word character
// before them, case folding that V8 treats differently in `toLowerCase` and in `/i` without `u` (İ lower-cases to
// two units; ı, ſ, ß and the Kelvin sign K upper-case to ASCII or to two letters), non-ASCII letters next to a lead
// word (not word characters to `\b` without `u`), whitespace `\s` takes and a literal space does not, and overlapping
// lead words ("expires" inside "expiration", "effective" inside "is effective").

/** [index, groups, input] of a match: what a caller of exec can read. */
const shape = (m: RegExpExecArray | null) => m && { index: m.index, groups: [...m], input: m.input };

const TRICKY = ['İ', 'ı', 'ſ', 'ß', '\u212a', 'K', 'k', 'Σ', 'é', '\ud83d\ude00', 'x', '_', '7', ' ', '  ', '\n', '\u00a0', '\u2028', '\u200b', ':', '.'];

describe('firstMatchInText against exec (properties)', () => {
  it("is exec's first match for dateAfter's real patterns", () => {
    const pieces = [
      ...TRICKY,
      'effective', 'EFFECTIVE', 'Effective date', ' as of ', ' on ', 'is effective ', 'made ', 'entered into ', 'and effective ',
      'expires', 'Expire', 'expiration date', 'shall ', 'will ', 'WILL ', 'terminate on ', 'end on ', 'remain in ', 'full force and ',
      'effect until ', 'continue in effect through ', 'expİres', 'wİll ', 'ſhall ', 'ma\u212ae ',
      'January 5, 2024', 'jan 5 2024', '5th day of March, 2023', '2024-01-31', '1/2/24',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((a) => a.join(''));
    for (const lead of [EFFECTIVE_LEAD, EXPIRY_LEAD]) {
      const re = datePatternAfter(lead);
      fc.assert(fc.property(text, (t) => expect(shape(firstMatchInText(re, t))).toEqual(shape(re.exec(t)))), { numRuns: 3000, seed: 21 });
    }
  });

  it('is exec for patterns with optional prefixes, lookarounds, alternations, captures and any flags', () => {
    const words = ['will', 'end', 'on', 'ex', 'expire', 'k', 'is', 's'];
    const body = fc
      .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom('', '?', '*', '+')), { minLength: 1, maxLength: 2 })
      .map((ws) => ws.map(([w, q]) => w + q).join(' '));
    const alt = fc
      .tuple(
        fc.constantFrom('\\b', '^', '\\s', '\\s+', '\\b(?<=\\s)', '\\b(?<!x)', '\\b(?=e)', '\\b(?:the )?', '\\b(?:is |on )*'),
        body,
        body,
        fc.constantFrom('', '\\b', '\\s', '\\s*', '(?:\\s+on)?', '\\d+', '(\\d)', ':?'),
      )
      .map(([lead, a, b, tail]) => `${lead}(?:${a}|${b})${tail}`);
    const pattern = fc
      .tuple(fc.array(alt, { minLength: 1, maxLength: 3 }), fc.constantFrom('', 'i', 's', 'id', 'iu', 'im', 'ig', 'iy'))
      .map(([alts, flags]) => ({ source: alts.join('|'), flags }));
    const text = fc
      .array(fc.constantFrom(...TRICKY, 'will', 'WILL', 'end', 'on', 'ex', 'expire', 'S', 's', 'is', 'IS', 'the ', '3'), { maxLength: 20 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(pattern, text, ({ source, flags }, t) => {
        // Twins: exec on a global or sticky pattern moves its lastIndex, which must move the same way.
        const a = new RegExp(source, flags);
        const b = new RegExp(source, flags);
        expect([shape(firstMatchInText(b, t)), b.lastIndex]).toEqual([shape(a.exec(t)), a.lastIndex]);
      }),
      { numRuns: 6000, seed: 22 },
    );
  });

  it('tries each candidate position once, and goes on past one where two lead words start and no match does', () => {
    const re = /\b(?:will|willow) (\d+)/i;
    for (const t of ['willow x, will 5', 'will willow 7', 'Willow: WILLOW 12']) expect(shape(firstMatchInText(re, t))).toEqual(shape(re.exec(t)));
  });

  it('finds nothing in an empty text', () => {
    expect(firstMatchInText(datePatternAfter(EXPIRY_LEAD), '')).toBeNull();
  });
});
