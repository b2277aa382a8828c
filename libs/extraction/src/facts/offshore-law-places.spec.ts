import { factOf } from '../testing/fact-of.js';

// offshore_processing: "other countries" as the countries of a law names whose law applies, not where data goes.
describe('offshore_processing: the countries of a law are no destination of data', () => {
  const off = (t: string) => factOf('offshore_processing', `Acme, Inc. is a Delaware corporation. ${t}`);
  it('a claim under the laws of other countries keeps no content abroad', () => {
    expect(off('A rights holder may seek a court order to keep the content offline under the DMCA or comparable laws in other countries.')).toBe('unspecified');
    expect(off('We keep the content offline while the claim is decided under the statutes of other countries.')).toBe('unspecified');
  });
  it('near misses: data kept or sent to other countries, whatever their laws', () => {
    expect(off('We keep the content on servers in other countries whose laws may differ from yours.')).toBe('yes');
    expect(off('Your data may be transferred to other countries with laws that differ from those of your country.')).toBe('yes');
    expect(off('Your information may be transferred to and processed under the laws of other countries.')).toBe('yes');
    expect(off('Backups are stored subject to the laws of foreign countries.')).toBe('yes');
  });
});
