import { nameKey, slugify } from './names.js';

describe('names', () => {
  it('one key for the spellings of a vendor: case, accents, punctuation and trailing legal suffixes', () => {
    expect(new Set(['Upheal, Inc.', 'UPHEAL', 'Upheal Inc', 'Úpheal L.L.C.'].map(nameKey))).toEqual(new Set(['upheal']));
    expect(nameKey('Smith & Co Health')).toBe('smithandcohealth');
    // A name that is only a suffix keeps it: "Company" is a name, not nothing.
    expect(nameKey('Company')).toBe('company');
    expect(nameKey('ScribeWell AI')).not.toBe(nameKey('ScribeWell'));
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
