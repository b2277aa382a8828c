import { factOf } from '../testing/fact-of.js';

// Counter-examples to the scope readings of fp-scope-readings.spec.ts (review of x7facts): plausible sentences of the
// next document that a reading must not silence.
const US_VENDOR = 'Acme, Inc. ("Acme", "we") is a Delaware corporation. ';

describe('a pointer to another page is one only when it says where to go', () => {
  it('offshore: "For more information about …, please note that" goes on to state the transfer', () => {
    expect(factOf('offshore_processing', `${US_VENDOR}For more information about how we protect your data, please note that your data is stored on servers in India.`)).toBe('yes');
  });
  it('offshore: a pointer that names the page, however worded, is still no transfer', () => {
    expect(factOf('offshore_processing', `${US_VENDOR}For more information about data processed in the United Kingdom, see our UK notice.`)).toBe('unspecified');
    expect(factOf('offshore_processing', `${US_VENDOR}To learn more about data processed in the United Kingdom, you can visit our UK notice.`)).toBe('unspecified');
  });
  it('marketing: "For more information about X, we …" states a use in its own clause', () => {
    expect(factOf('data_sale_or_marketing', 'For more information about cookies, we use cookies and similar technologies for targeted advertising.')).toBe('allowed');
    expect(factOf('data_sale_or_marketing', 'To learn more about targeted advertising, you can visit our cookie page.')).toBe('unspecified');
  });
});

describe('law_enforcement_disclosure: only a complaint is the user\'s whatever the verb form', () => {
  it('a government agency filing a claim is a demand', () => {
    expect(factOf('law_enforcement_disclosure', 'If a government agency files a claim or serves a subpoena, we will notify you before disclosing your data.')).toBe('legal_process_with_notice');
  });
});

describe('audio_or_recording_retention_days: what is kept must be the vendor\'s recordings', () => {
  it('medical records kept are no audio kept', () => {
    expect(factOf('audio_or_recording_retention_days', 'We do not record audio or video of your sessions. We maintain medical records and keep them as required by law.')).toBe(0);
  });
  it('recordings on the user\'s own device, not on the servers', () => {
    expect(factOf('audio_or_recording_retention_days', 'Voice memos are stored on your device. We do not retain any audio recordings on our servers.')).toBe(0);
  });
});

describe('record_ownership: a possessive "own" then owning', () => {
  it('"The customer\'s own records remain the property of the customer"', () => {
    expect(factOf('record_ownership', 'The customer\'s own records remain the property of the customer.')).toBe('customer');
  });
});
