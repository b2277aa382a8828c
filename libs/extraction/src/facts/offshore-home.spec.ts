import { factOf } from '../testing/fact-of.js';

const off = (text: string) => factOf('offshore_processing', text);

// A British or French vendor's policy with a US-state supplement: the supplement's words (California, CCPA) say where some
// users are, not where the vendor is, so "outside the UK and the EEA" is outside the vendor's home region (README).
const ccpaPart = [
  '## Privacy Notice for California Residents',
  '',
  'If you are a California resident, the California Consumer Privacy Act (CCPA) gives you additional rights. California law defines personal information broadly. Under the CCPA you may ask what we hold. Residents of California may also opt out of sharing.',
].join('\n');

describe('offshore_processing: the home region of a European vendor with a US-state supplement', () => {
  it('a British vendor processing data outside the UK and the EEA is offshore', () => {
    const text = [
      '# Privacy Policy',
      '',
      'Acme Media Limited is the controller of your data. You can reach our Data Protection Officer at any time. We rely on the UK GDPR and the GDPR for our lawful bases. You may complain to a supervisory authority, in the UK the Information Commissioner.',
      '',
      '## Where we process your data',
      '',
      'We operate a global business, so your personal information may be processed and stored outside the UK and the European Economic Area.',
      '',
      ccpaPart,
    ].join('\n');
    expect(off(text)).toBe('yes');
  });
  it('a French vendor whose only American words are a CCPA aside for California residents', () => {
    const text = [
      '# Privacy Policy',
      '',
      'In accordance with the General Data Protection Regulation (GDPR) and the California Consumer Privacy Act, Xandor processes your data. You may complain to the CNIL, or to the CCPA if you are a California resident. Our data protection officer answers requests.',
      '',
      '## Is your data transmitted outside of the European Union?',
      '',
      'The data that Xandor collects about you is potentially transmitted outside of the European Union.',
    ].join('\n');
    expect(off(text)).toBe('yes');
  });
});

describe('offshore_processing: a transfer abroad as the subject of a refusal', () => {
  it('"Transmission to third countries … will not take place" confines; with "unless" it allows the transfer', () => {
    expect(off('Acme GmbH processes your data. Transmission of your data to third countries outside the EU/EEA will not take place.')).toBe('no');
    expect(off('Acme GmbH processes your data. Transmission to third countries outside the EU/EEA will not take place unless we have been given reasonable guarantees.')).toBe('yes');
  });
});
