import { nameKey, slugify } from './names.js';

describe('names', () => {
  it('one key for the spellings of a vendor: case, accents, punctuation and trailing legal suffixes', () => {
    expect(new Set(['Upheal, Inc.', 'UPHEAL', 'Upheal Inc', 'Úpheal L.L.C.'].map(nameKey))).toEqual(new Set(['upheal']));
    expect(nameKey('Smith & Co Health')).toBe('smithandcohealth');
    // A name that is only a suffix keeps it: "Company" is a name, not nothing.
    expect(nameKey('Company')).toBe('company');
    expect(nameKey('ScribeWell AI')).not.toBe(nameKey('ScribeWell'));
  });

  it('an ASCII name keys as the general reading keys it (the one-pass path agrees with normalise-replace-split)', () => {
    // The general reading, as names.ts spells it, for any name: the ASCII path must give the same key.
    const SUFFIXES = new Set(['inc', 'incorporated', 'llc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'gmbh', 'plc', 'pbc', 'lp', 'llp', 'pc', 'pllc', 'sa', 'ag', 'bv']);
    const general = (name: string) => {
      const w = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\./g, '').replace(/&/g, ' and ').split(/[^a-z0-9]+/).filter(Boolean);
      while (w.length > 1 && SUFFIXES.has(w[w.length - 1]!)) w.pop();
      return w.join('');
    };
    expect(nameKey('install-s01-lt-00448')).toBe('installs01lt00448');
    expect(nameKey('Scribewell AI install S01-LT-00448 (Marcus Iyer ASW #182)')).toBe('scribewellaiinstalls01lt00448marcusiyerasw182');
    expect(nameKey('A&B Co')).toBe('aandb');
    expect(nameKey('\u212Aelvin Labs')).toBe('kelvinlabs');
    // Deterministic pseudo-random names over ASCII (separators, `&`, dots, suffixes) with some non-ASCII mixed in.
    const alphabet = ['a', 'Z', '0', '9', '.', '&', '-', '_', ' ', ',', '(', '#', 'Inc', 'LLC', ' co', 'é', 'İ', '\u212A', '\u0301', '\u007f'];
    let seed = 11;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let i = 0; i < 5000; i++) {
      let name = '';
      for (let j = next(12); j > 0; j--) name += alphabet[next(alphabet.length)];
      expect([name, nameKey(name)]).toEqual([name, general(name)]);
    }
  });

  it('slugs are ASCII, dash-separated and bounded, with a fallback when nothing is left', () => {
    expect(slugify('Zoë’s Clinic — Oakland')).toBe('zoe-s-clinic-oakland');
    expect(slugify('x'.repeat(100))).toHaveLength(60);
    expect(slugify(`${'a'.repeat(55)}     bcdef`, { max: 58 })).toBe(`${'a'.repeat(55)}-bc`);
    expect(slugify(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
    expect(slugify('¿?', { fallback: 'system' })).toBe('system');
    expect(slugify('***')).toBe('unnamed');
  });
});
