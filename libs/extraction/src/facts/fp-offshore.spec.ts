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
