import { CAPITALISED_WORD, capitalisedWords } from './capitalised-words.js';

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

  it('counts a brand each time and skips words inside addresses', () => {
    const c = capitalisedWords('Acme and Acme. See mail@Acme.com or Acme.');
    expect(c.get('Acme')).toBe(3);
  });
});
