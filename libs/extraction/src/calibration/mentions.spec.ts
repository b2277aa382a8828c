import { randomStrings } from '../testing/random-strings.js';
import { mentionsOf, WrittenNames } from './mentions.js';

/** The per-name loop mentionsOf replaces: its answers are the reference. */
function reference(text: string, name: string, max: number): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(name); i >= 0 && at.length < max; i = text.indexOf(name, i + name.length)) at.push(i);
  return at;
}

describe('mentionsOf', () => {
  const text = 'Google and Google Analytics; AWS, aaaa, Stripe, Inc. and Stripe. Go: Goo Google';
  const names = ['Google', 'Google Analytics', 'AWS', 'aa', 'aaa', 'Stripe, Inc.', 'Stripe', 'Go', 'Absent Corp', 'Goo'];

  it('finds each name where the indexOf loop does, names sharing a prefix included', () => {
    const got = mentionsOf(text, names, 30);
    for (const n of names) expect(got.get(n)).toEqual(reference(text, n, 30));
    expect(got.get('Google')).toEqual([0, 11, 73]);
    expect(got.get('Absent Corp')).toEqual([]);
  });

  it('with overlapping, finds every start as an indexOf(name, at + 1) loop does', () => {
    const t = 'aaaaaaa Acme Acme Acme, Ltd. Ltd. Ltd.';
    const names = ['aaa', 'a', 'Acme', 'Ltd. Ltd.', 'Absent'];
    const got = mentionsOf(t, names, 4, true);
    for (const n of names) {
      const at: number[] = [];
      for (let i = t.indexOf(n); i >= 0 && at.length < 4; i = t.indexOf(n, i + 1)) at.push(i);
      expect(got.get(n)).toEqual(at);
    }
    expect(got.get('aaa')).toEqual([0, 1, 2, 3]);
    expect(got.get('Ltd. Ltd.')).toEqual([24, 29]);
  });

  it('does not count overlapping occurrences and stops at max', () => {
    const got = mentionsOf('aaaaaaa Acme Acme Acme', ['aaa', 'Acme'], 2);
    expect(got.get('aaa')).toEqual([0, 3]);
    expect(got.get('Acme')).toEqual([8, 13]);
  });

  it('agrees with the loop on a longer generated text', () => {
    const words = ['Acme', 'Acme Cloud', 'Cloud', 'cloud', 'Ac', 'Zeta GmbH', 'Zeta'];
    let t = '';
    for (let i = 0; i < 2000; i++) t += words[(i * 7 + (i >> 3)) % words.length] + (i % 5 === 0 ? ', ' : ' ');
    const got = mentionsOf(t, words, 30);
    for (const n of words) expect(got.get(n)).toEqual(reference(t, n, 30));
  });
});

describe('WrittenNames', () => {
  it('answers as names.filter(includes) does, text after text, on random texts', () => {
    const alphabet = ['Acme', 'Ac', 'me', ' ', 'A', 'Acme Cloud', 'Zeta', 'é', '𝐁', '\ud835', ',', 'cloud'];
    const names = ['Acme', 'Zeta', 'Acme Cloud', 'Acme', 'A', 'me', 'Cloud', '𝐁', 'Absent Corp', 'é,'];
    const written = new WrittenNames(names);
    let found = 0;
    for (const t of randomStrings(alphabet, 3000, 8, 53)) {
      const truth = names.filter((n) => t.includes(n));
      found += truth.length;
      expect({ t, got: written.in(t) }).toEqual({ t, got: truth });
    }
    expect(found).toBeGreaterThan(3000);
  });
});
