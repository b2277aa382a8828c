import { factOf } from '../testing/fact-of.js';

const off = (text: string) => factOf('offshore_processing', text);

describe('offshore_processing: wherever the vendor or its providers are, and data leaving Europe', () => {
  it('any country where the vendor or its providers have facilities', () => {
    expect(off('Acme Inc. may process Customer Personal Data in any country in which Acme or its Subprocessors maintain facilities.')).toBe('yes');
    expect(off('Acme may process Customer Personal Data only in the country in which you are located.')).toBe('unspecified');
  });
  it('data moved outside the EU/EEA/UK by a vendor not known to be American', () => {
    expect(off('In managing our business we may transfer your personal data outside of the EU.')).toBe('yes');
    expect(off('Users located outside the EU may use the app.')).toBe('unspecified');
  });
});

describe('offshore_processing: anywhere in the world', () => {
  it('"including, but not limited to, the United States or other countries" is a list, not a negation', () => {
    expect(off('All information processed by us may be transferred, processed, and stored anywhere in the world, including, but not limited to, the United States or other countries.')).toBe('yes');
    expect(off('Acme is a global app operating through servers located in a number of countries around the world, including the United States.')).toBe('yes');
  });
  // "Outside the country in which you live" was read as relative to the user only (one early label); the later labels
  // (and the validation sets) read it as the convention does: the data of users in the vendor's home region leaves it.
  it('a refusal still negates; servers outside the user\'s country are abroad for the vendor\'s own users too', () => {
    expect(off('We do not transfer your data to other countries.')).not.toBe('yes');
    expect(off('Information provided to Acme may be stored on servers outside the country in which you live.')).toBe('yes');
  });
});

describe('offshore_processing: confined to Europe, and what is not data moving', () => {
  it('"Third Country Transfers: None" and a refusal to transfer outside the EEA', () => {
    expect(off('The controller is Verein GmbH under the GDPR. **Third Country Transfers:** None.')).toBe('no');
    expect(off('Freja AB will not transfer your personal data to any country outside the EU/EEA.')).toBe('no');
    expect(off('Freja AB will not transfer your personal data to any country outside the EU/EEA, except with your consent.')).not.toBe('no');
  });
  it('content availability in other countries is not a transfer', () => {
    expect(off('We do not represent that all content and services on our Web site are appropriate or available for use in all geographic locations, especially some locations outside the United States.')).toBe('unspecified');
  });
});

describe('offshore_processing: "any country where …" names the vendor or its providers, not the user', () => {
  it('the user\'s own country is not a transfer abroad', () => {
    expect(factOf('offshore_processing', 'We may process your personal data in any country in which you are located.')).toBe('unspecified');
    expect(factOf('offshore_processing', 'Customer Data is processed in any country where you operate your business.')).toBe('unspecified');
  });
  it('a named provider\'s facilities still are', () => {
    expect(factOf('offshore_processing', 'Customer Data may be processed in any country in which Google or its Subprocessors maintain facilities.')).toBe('yes');
  });
});

describe('offshore_processing: a place that locates people or names a law', () => {
  it('"others in the European Union who access our services" and "the European Union\'s GDPR" move no data', () => {
    expect(off('Acme, Inc. collects and holds personal data about our customers and others in the European Union who access our services in a manner consistent with the lawful bases as outlined in the European Union\'s General Data Protection Regulation (GDPR).')).toBe('unspecified');
  });
  it('data stored in a named foreign place still counts', () => {
    expect(off('Acme, Inc. stores personal data of its customers in the European Union and may process it there.')).toBe('yes');
  });
});

describe('offshore_processing: data leaving the user\'s own country', () => {
  it('storage, transfer or recipients outside the country where the user lives', () => {
    expect(off('Your information may be processed on servers located outside the country where you live.')).toBe('yes');
    expect(off('Your information may be transferred to and maintained on computers located outside of your state, province, country or other governmental jurisdiction.')).toBe('yes');
    expect(off('Some of our contractors may be located outside of your home country; by using the site, you consent to the transfer of such information to them.')).toBe('yes');
  });
  it('near misses: the user abroad, a refused transfer, an authority abroad, a use restriction', () => {
    expect(off('If you access the service from outside your country, your data is stored in the United States.')).toBe('unspecified');
    expect(off('We will not transfer your data outside your country of residence.')).toBe('unspecified');
    expect(off('Law enforcement agencies outside your country may request your data.')).toBe('unspecified');
    expect(off('You may not use the Services outside your country of residence.')).toBe('unspecified');
  });
});
