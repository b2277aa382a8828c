import { factOf } from '../testing/fact-of.js';

// Precision causes found in the develop false positives (issue 7, xfp): where the users are, or data coming home.
const off = (text: string) => factOf('offshore_processing', text);
const US_VENDOR = 'Acme, Inc. ("Acme", "we") is a Delaware corporation. California residents have rights under the CCPA. ';

describe('offshore_processing: "users outside the United States" says where users are, not where data goes', () => {
  it('a data category provided only for users outside the US', () => {
    expect(off(`${US_VENDOR}You may provide Precise Location Data (only for users outside the United States in jurisdictions where it is lawful for you to provide such data to Acme for processing in accordance with this Agreement).`)).toBe('unspecified');
  });
  it('still reads data moved outside the US', () => {
    expect(off(`${US_VENDOR}We may store personal data of our customers on servers outside the United States.`)).toBe('yes');
  });
});

describe('offshore_processing: outside the user\'s country into the vendor\'s own', () => {
  it('the one destination named is the US vendor\'s home', () => {
    expect(off(`${US_VENDOR}Your use of the Service will constitute your consent to the transfer of your Personal Information outside of your home country, (including the United States), which may provide for different data protection rules than in your country.`)).toBe('unspecified');
  });
  it('still reads a transfer outside the user\'s country with other destinations', () => {
    expect(off(`${US_VENDOR}Your use of the Service will constitute your consent to the transfer of your Personal Information outside of your home country, including the United States and other countries.`)).toBe('yes');
    expect(off(`${US_VENDOR}Your use of the Service will constitute your consent to the transfer of your Personal Information outside of your home country.`)).toBe('yes');
  });
});

// Review of the xfp rules (revfp): where the users are is not where the data goes, but a sentence may name both.
describe('offshore_processing: the data of users, moved outside, and a destination named after where users are', () => {
  it('"the personal data of our users outside the United States" is the object of the transfer', () => {
    expect(off(`${US_VENDOR}We may transfer the personal data of our users outside the United States.`)).toBe('yes');
    expect(off(`${US_VENDOR}We may store and process the information of our customers outside the United States.`)).toBe('yes');
  });
  it('a foreign destination named after "for users outside the United States"', () => {
    expect(off(`${US_VENDOR}For users outside the United States, personal data is processed on servers located in India.`)).toBe('yes');
  });
});

describe('offshore_processing: outside the user\'s country, the US named as the one destination, or among others', () => {
  it('"including to the United States", "including in the United States, where …": the US alone', () => {
    expect(off(`${US_VENDOR}Your use of the Service will constitute your consent to the transfer of your Personal Information outside of your home country, including to the United States, which may have different data protection rules.`)).toBe('unspecified');
    expect(off(`${US_VENDOR}Your Personal Information may be transferred outside of your country of residence, including in the United States, where our servers are located.`)).toBe('unspecified');
  });
  it('the US first in a list of destinations', () => {
    expect(off(`${US_VENDOR}Your use of the Service will constitute your consent to the transfer of your Personal Information outside of your home country, including the United States, India and the Philippines.`)).toBe('yes');
    expect(off(`${US_VENDOR}Your use of the Service will constitute your consent to the transfer of your Personal Information outside of your home country, including the United States and Canada.`)).toBe('yes');
  });
});
