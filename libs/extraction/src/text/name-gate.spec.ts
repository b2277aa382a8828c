import { randomStrings } from '../testing/random-strings.js';
import { mayHoldName } from './name-gate.js';

/** The patterns the gate stands for. */
const byPattern = (v: string) => /[\p{Lu}0-9]/u.test(v.slice(1)) || /[\p{Ll}][\p{Lu}]/u.test(v);

describe('mayHoldName', () => {
  it('answers as the Unicode patterns do', () => {
    const views = ['we use stripe.', 'We use stripe.', 'we use Stripe', 'iDenfy checks', 'version 2 of it', 'données traitées', 'ÉTAT', 'éÉ', 'aİ', 'x𝐀', 'A', '', 'a', 'straße', 'ça va Élise'];
    for (const v of views) expect(mayHoldName(v)).toBe(byPattern(v));
  });

  it('agrees with the patterns on random strings', () => {
    const alphabet = ['a', 'Z', '7', ' ', '.', 'é', 'É', 'İ', '𝐀', '\ud800'];
    for (const v of randomStrings(alphabet, 2000, 10, 11)) expect(mayHoldName(v)).toBe(byPattern(v));
  });
});
