import { randomStrings } from '../testing/random-strings.js';
import { firstMatchInText } from './keyword-gate.js';

// The lead of document-info's expiry date, with a date after it (as dateAfter builds it).
const EXPIRES = /\b(?:expires?|expiration date|shall (?:terminate|expire|end) on|will (?:terminate|expire|end) on|remain in (?:full force and )?effect (?:until|through))\s*:?\s*(?:on\s+)?(\d{4}-\d{2}-\d{2})/i;

describe('firstMatchInText', () => {
  it('finds the same first match as exec, trying the pattern only where its lead words start', () => {
    const text = 'This Agreement will remain in effect. Thewill end on 2020-01-01 is no word start; it WILL END ON 2031-05-06, and expires 2040-01-01.';
    const m = firstMatchInText(EXPIRES, text);
    expect(m).not.toBeNull();
    expect([m!.index, m![0], m![1]]).toEqual([EXPIRES.exec(text)!.index, 'WILL END ON 2031-05-06', '2031-05-06']);
    // A lead word with no date after it is passed over; a text with no lead word has no match.
    expect(firstMatchInText(EXPIRES, 'it shall terminate on request; no date')).toBeNull();
    expect(firstMatchInText(EXPIRES, 'nothing here 2031-05-06')).toBeNull();
  });

  it('agrees with exec on random texts, including ones whose lower case changes length', () => {
    const alphabet = ['will ', 'WILL ', 'end on ', 'expire', 's ', 'x', '_', ' ', ':', '2031-05-06', 'İ', 'remain in effect until ', 'shall '];
    for (const v of randomStrings(alphabet, 400, 12, 7)) {
      const a = EXPIRES.exec(v);
      const b = firstMatchInText(EXPIRES, v);
      expect({ v, at: b?.index, m: b?.[0] }).toEqual({ v, at: a?.index, m: a?.[0] });
    }
  });

  it('runs a pattern the gate cannot read as it is', () => {
    const re = /(?<=x)y|\d+ days/i;
    expect(firstMatchInText(re, 'in 30 days or xy')?.index).toBe(3);
  });
});
