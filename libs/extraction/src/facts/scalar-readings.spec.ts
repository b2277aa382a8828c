import { factOf } from '../testing/fact-of.js';

// General precision rules of the scalar readers: a fact is asserted only when a clause of the vendor's own conduct
// supports it. Each case pairs the sentence that must not assert with one that still must.

describe('deidentified_data_use: the vendor\'s own use of de-identified data', () => {
  const deid = (t: string) => factOf('deidentified_data_use', t);
  it('another company\'s own use, or aggregated data a source supplies, is not the vendor\'s use', () => {
    expect(deid('These companies may use aggregated information about your visits to other websites to show you ads.')).toBe('unspecified');
    expect(deid('Data vendors and research institutes which may supply aggregated demographic data that we combine with account information.')).toBe('unspecified');
    expect(deid('We may use aggregated information about your visits to improve our services.')).toBe('allowed');
  });
  it('an anonymous identifier in a cookie is not de-identified data', () => {
    expect(deid('Cookies are small files which may include an anonymous unique identifier.')).toBe('unspecified');
    expect(deid('We may share anonymized usage data with our partners.')).toBe('allowed');
  });
  it('aggregated data that is only retained (the verb after a long subject) is no use', () => {
    expect(deid('Aggregated, non-identifiable statistics derived from our server logs may be retained indefinitely.')).toBe('unspecified');
    expect(deid('Aggregated, non-identifiable statistics derived from our server logs may be published in our reports.')).toBe('allowed');
  });
});

describe('offshore_processing: where the vendor keeps data, not where the user is', () => {
  const off = (t: string) => factOf('offshore_processing', t);
  it('all data on the vendor\'s own systems in the US is confined to the US', () => {
    expect(off('All information you submit will be processed and maintained on our servers located within the United States.')).toBe('no');
    expect(off('All information you submit will be processed and maintained on our servers located within the United States and in India.')).not.toBe('no');
  });
  it('a visitor abroad, or a user travelling with the app, is not a transfer abroad', () => {
    expect(off('If you are visiting the Site from a location outside of the United States, your connection goes to our servers.')).toBe('unspecified');
    expect(off('Users of the Site located in countries outside of the United States consent to the transfer of their data to the United States.')).toBe('unspecified');
    expect(off('When using the app in a foreign country, the user may be charged roaming costs by their carrier.')).toBe('unspecified');
    expect(off('We may transfer your personal data to servers in other countries.')).toBe('yes');
  });
});

describe('law_enforcement_disclosure: the vendor\'s own posture on legal demands', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  it('a court order in a list that goes on to the law or an agency is not judicial-only', () => {
    expect(le('The recipient may disclose Confidential Information when required by court order, law or governmental agency.')).toBe('any_legal_request');
    expect(le('We will only disclose content in response to a search warrant or court order.')).toBe('judicial_process_only');
  });
  it('instruments refused as a list share the refusal', () => {
    expect(le('We may ask for your consent to disclose information when an agency has not provided a subpoena, court order, or search warrant.')).not.toBe('judicial_process_only');
  });
  it('providers barred from disclosing except for legal requirements are no vendor posture', () => {
    expect(le('Service providers are not authorized to use or disclose your information except to comply with legal requirements.')).toBe('unspecified');
    expect(le('We may disclose your information to comply with legal requirements.')).toBe('any_legal_request');
  });
  it('a collective alias of providers does not make them the vendor', () => {
    const text = 'We share your information with contractors and service providers (collectively, "Service Providers") who help us. Service Providers are not authorized to disclose your information except to comply with legal requirements.';
    expect(le(text)).toBe('unspecified');
  });
  it('a consequence ("may give rise to legal proceedings"), the service made available, and another\'s act are no disclosure', () => {
    expect(le('Any copying of the content is prohibited without our written authorization and may give rise to legal proceedings.')).toBe('unspecified');
    expect(le('To make the Website and Services available to you, or to meet a legal obligation, we may collect and use personal information.')).toBe('unspecified');
    expect(le('The decision rests on the proof given by the author of the report, in compliance with our legal obligations.')).toBe('unspecified');
    expect(le('Information may be provided if it is required to be provided by judicial or other government authorities.')).toBe('any_legal_request');
  });
});
