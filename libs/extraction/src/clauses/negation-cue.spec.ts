import { randomStrings } from '../testing/random-strings.js';
import { negatedIn, negatedInTokens, negationBefore } from './negation.js';
import { VOCABULARY } from './vocabulary.js';

const NEGATION_PHRASES = VOCABULARY.negation.not.exact ?? [];

// negatedIn skips tokenizing a stretch whose lower-cased text holds no negation cue (negationCue): it must answer as the
// tokens do for every stretch and position, cut words, contractions, prefixes and other scripts included.
describe('negatedIn with its cue check', () => {
  const alphabet = [
    'not', 'No', 'NOT', 'never', 'nev', 'er', 'none', 'nothing', 'without', 'nor', 'neither', 'cannot', "can't", 'can', '’t', "don't", 'don', 't', 'T',
    'in no event', 'under no circumstances', 'is prohibited', 'prohibited from', 'refrain from', 'unable to', 'no longer', 'no-', 'no-training', 'non',
    'ne', "n'", 'pas', 'jamais', 'aucun', 'we', 'share', 'sell', 'data', 'with', 'and', 'or', 'if', 'unless', 'except', 'only', 'but', 'also',
    'know', 'snot', 'piano', 'whenever', 'U.S.', 'e.g.', '15.1', 'You', 'İ', 'K', 'é', 'Σ', '1', ' ', ' ', ' ', ', ', '; ', ': ', '(', ')', '.', '-', "'", '\n',
    // Every phrase of the vocabulary as it is now, in capitals and with a typographic apostrophe; characters that lower-case
    // to ASCII (Kelvin sign) or sit between letters without being one (combining mark, underscore, other spaces).
    ...NEGATION_PHRASES.flatMap((w) => [w, w.toUpperCase(), w.replace(/'| (?=t$)/, '’')]),
    '\u212a', '\u0301', '_', '\u00a0', '\t', 'NO-', '1no', 'no1',
  ];
  it('answers as the tokens do, on random sentences and positions', () => {
    let negated = 0;
    const wrong: { v: string; from: number; index: number; at: number; truth: number }[] = [];
    let seed = 5;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), (seed >>> 16) % n);
    for (const v of randomStrings(alphabet, 20000, 24, 71)) {
      for (let k = 0; k < 3; k++) {
        const index = rand(v.length + 1);
        const from = Math.max(0, index - rand(90));
        const truth = negatedInTokens(v, from, index);
        if (truth >= 0) negated++;
        const at = negatedIn(v, from, index);
        if (at !== truth) wrong.push({ v, from, index, at, truth });
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(negated).toBeGreaterThan(3000);
  });

  it('still reads a negation and its absence in plain sentences', () => {
    const v = 'We do not share your data with Acme, and we use Beta to host it.';
    expect(negationBefore(v, v.indexOf('Acme'))).toBe(v.indexOf('not'));
    expect(negationBefore(v, v.indexOf('Beta'))).toBe(-1);
    expect(negationBefore('We share your data with Acme.', 24)).toBe(-1);
    expect(negationBefore('We never sell it.', 'We never '.length)).toBe(3);
  });

  it('reads a negation glued to a clause number, and one cut by the word asked about', () => {
    // "15.1No": the number's last part and the word are two tokens, the word right after a digit.
    const glued = '15.1No data is sold.';
    expect(negatedIn(glued, 0, glued.indexOf('data'))).toBe(4);
    expect(negatedInTokens(glued, 0, glued.indexOf('data'))).toBe(4);
    // The word asked about is the negation itself, cut by `index` ("nev|er"): the tokens read it whole.
    const cut = 'We never sell it.';
    expect(negatedIn(cut, 0, 6)).toBe(3);
    expect(negatedInTokens(cut, 0, 6)).toBe(3);
  });
});
