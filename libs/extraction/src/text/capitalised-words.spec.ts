import { randomStrings } from '../testing/random-strings.js';
import { CAPITALISED_WORD, capitalisedWords, capitalisedWordsOfText } from './capitalised-words.js';
import { toView } from './sentences.js';

describe('capitalisedWords', () => {
  // The regex is the definition; the scan must count the same words the same number of times.
  const samples = [
    'Discord shares data with Stripe. Discord uses Kapa.ai and Wi-Fi; see Foo.Bar- and Foo-Bar-Baz or Foo.Bar@x.',
    'Contact privacy@Acme.com, visit www.Acme.io/#Help or @Handle, #Tag and e-Mail; X-Ray 3D ÉTAT Société.',
    'Écrivez à Ünal GmbH. 𝐁old 𝐁rand and Ωmega Δelta; Ab. Cd.- Ef.Gh.Ij Kl-',
    '',
  ];
  it.each(samples)('counts as the regex does: %s', (text) => {
    const truth = new Map<string, number>();
    for (const m of text.matchAll(new RegExp(CAPITALISED_WORD.source, 'gu'))) truth.set(m[1], (truth.get(m[1]) ?? 0) + 1);
    expect([...capitalisedWords(text).entries()].sort()).toEqual([...truth.entries()].sort());
  });

  it('counts as the regex does on generated texts (runs of ASCII letters next to the characters that bound a word)', () => {
    const alphabet = ['A', 'b', 'Zy', 'q', '7', '.', '-', '@', '/', '#', ' ', ' ', 'É', 'é', 'ß', '𝐁', '\n', ',', 'Acme', 'x.Io'];
    let words = 0;
    for (const text of randomStrings(alphabet, 400, 30, 7)) {
      const truth = new Map<string, number>();
      for (const m of text.matchAll(new RegExp(CAPITALISED_WORD.source, 'gu'))) truth.set(m[1], (truth.get(m[1]) ?? 0) + 1);
      // Insertion order too: the definitions reader takes the first written of equal counts.
      expect([...capitalisedWords(text).entries()]).toEqual([...truth.entries()]);
      words += truth.size;
    }
    expect(words).toBeGreaterThan(150);
  });

  it('counts a brand each time and skips words inside addresses', () => {
    const c = capitalisedWords('Acme and Acme. See mail@Acme.com or Acme.');
    expect(c.get('Acme')).toBe(3);
  });

  it('counts a raw text as the text itself, whether read from its view or not', () => {
    const texts = [
      'Acme\nAcme “Acme” ‘Beta’ Beta\nGamma',
      'Foo–Bar Foo—Bar Foo‑Bar 3×Acme Acme×2',
      'Plain Acme text without anything the view changes',
    ];
    for (const t of texts) {
      // The view's answer first, as the definitions reader counts it: a reused answer must still be the text's.
      capitalisedWords(toView(t));
      // The text's own count, not the memo (a trailing space changes no count).
      expect([...capitalisedWordsOfText(t).entries()].sort()).toEqual([...new Map(capitalisedWords(t + ' ')).entries()].sort());
    }
  });
});
