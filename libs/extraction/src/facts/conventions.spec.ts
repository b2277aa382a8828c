import { extractFacts } from '../extract-facts.js';
import { factOf } from '../testing/fact-of.js';

/** Labelling conventions of the OTA README read as general rules, each with the near miss that must not fire. */
const fact = factOf;

describe('baa_offered: submitted data must not include health data', () => {
  it.each([
    'We expressly request that you not provide any health information or other sensitive personal data to us.',
    'Customer shall not upload protected health information to the Service.',
    'The Services are not intended for storing medical records or other PHI.',
  ])('no: %s', (text) => expect(fact('baa_offered', text)).toBe('no'));

  it.each([
    'We do not collect health information about our users.',
    'You must not upload sensitive personal data such as passwords to the forum.',
  ])('silent: %s', (text) => expect(fact('baa_offered', text)).toBe('unspecified'));
});

describe('data_sale_or_marketing: a right under a law is not a practice', () => {
  it('a Shine-the-Light right to request information stays silent', () => {
    const text = 'California law gives you the right to send us a request to receive the categories of information we disclosed to third parties for their direct marketing purposes.';
    expect(fact('data_sale_or_marketing', text)).toBe('unspecified');
  });
  it('the practice itself still counts', () => {
    expect(fact('data_sale_or_marketing', 'We share your contact details with partners for their direct marketing purposes.')).toBe('allowed');
  });
});

describe('subcontractor_flowdown: transfer safeguards are not a flow-down', () => {
  it('an adequate level of protection under standard contractual clauses goes to review', () => {
    const r = extractFacts('We ensure that the recipient of your personal data offers an adequate level of protection, for instance by standard contractual clauses.');
    expect(r.facts.subcontractor_flowdown.value).toBe('unspecified');
    expect(r.facts.subcontractor_flowdown.review?.length).toBe(1);
  });
  it('the same obligations as the vendor are a flow-down, with or without a transfer', () => {
    expect(fact('subcontractor_flowdown', 'Our sub-processors are bound by the same data protection obligations as us, including standard contractual clauses for transfers.')).toBe('yes');
  });
});

describe('subprocessors_named: software the vendor runs itself is not a recipient', () => {
  it('Matomo is left out, a hosted provider in the same list is kept', () => {
    expect(fact('subprocessors_named', 'We use the service providers Matomo and Mailchimp to analyse visits and send newsletters.')).toEqual(['Mailchimp']);
  });
});

describe('marketing e-mail and model building', () => {
  it('a newsletter about products or offers is marketing; one about other topics is not', () => {
    expect(fact('data_sale_or_marketing', 'Our newsletter informs you about our latest products and special offers.')).toBe('allowed');
    expect(fact('data_sale_or_marketing', 'The newsletter informs you about research results and community events.')).toBe('unspecified');
  });
  it('building models from user content is AI training; business models are not', () => {
    expect(fact('ai_training_on_customer_data', 'We use public posts and other content to build models that detect spam.')).toBe('allowed');
    expect(fact('ai_training_on_customer_data', 'We use aggregated data to develop new business models.')).toBe('unspecified');
  });
});

describe('deidentified_data_use: an exception to a refusal grants it', () => {
  it('"will not use … other than to … use de-identified, aggregated information" is allowed', () => {
    const text = 'Vendor will not use Customer Content for any purpose other than to provide the Services and to use de-identified, aggregated information derived from it to improve its services.';
    expect(fact('deidentified_data_use', text)).toBe('allowed');
  });
  it('a plain refusal stays prohibited', () => {
    expect(fact('deidentified_data_use', 'Vendor shall not de-identify PHI for its own purposes.')).toBe('prohibited');
  });
});

describe('law_enforcement_disclosure: what is not a disclosure to an authority', () => {
  it.each([
    'Either party can send written notice to the opposing party and the arbitration provider that it wants the case decided by a small claims court.',
    'We may send notices to the Users as required by applicable laws.',
    'Any use, reproduction or disclosure of the Mobile Software by the U.S. Government is governed solely by this Agreement.',
    'We may not always be able to comply with your request of erasure for specific legal reasons that will be notified to you at the time of your request.',
  ])('silent: %s', (text) => expect(fact('law_enforcement_disclosure', text)).toBe('unspecified'));

  it('a disclosure required by a court or an authority still counts', () => {
    expect(fact('law_enforcement_disclosure', 'We may disclose your personal data if required by a court or by law enforcement.')).toBe('any_legal_request');
    expect(fact('law_enforcement_disclosure', 'We disclose your personal data to courts, law enforcement or regulatory authorities as required by applicable law.')).toBe('any_legal_request');
  });
});

describe('subprocessors_named: labels and connectives are not names', () => {
  it('a purpose label of a list item and a sentence-opening adverb are left out', () => {
    const text = 'We share data with service providers:\n\n* **Legal Compliance**: We may disclose your personal data if required by law.\n* **Stripe**: payment processing.\n\nAdditionally, our hosting provider Hetzner stores the data.';
    expect(fact('subprocessors_named', text)).toEqual(['Stripe', 'Hetzner']);
  });
});

describe('data_sale_or_marketing: contacting the user about offers "that may be of interest"', () => {
  it('is marketing, even next to a refusal to sell', () => {
    const text = 'We do not sell, rent or trade your information to third parties.\n\nIf you provide your email address to us, we may email you in response, as well as notify you of other offers or Services that may be of interest.';
    expect(fact('data_sale_or_marketing', text)).toBe('allowed');
  });
  it('site content that informs about products uses no one\'s data', () => {
    expect(fact('data_sale_or_marketing', 'Our content is provided for general information purposes only and to inform you about our products and services that may be of interest.')).toBe('unspecified');
  });
});

describe('deidentified_data_use: what a declaration of scope is about', () => {
  it('aggregated data "considered non-personal" (any hyphen) is outside the policy: allowed', () => {
    expect(fact('deidentified_data_use', 'Aggregated data is considered non\u2011personal data for the purposes of this Privacy Policy.')).toBe('allowed');
  });
  it('the scope of a removal request, or aggregated billing charges, says nothing of the vendor\'s use', () => {
    expect(fact('deidentified_data_use', 'You may request that we remove content you posted. Such content may include personal information but does not include (a) anonymized information or (b) content you were paid for.')).toBe('unspecified');
    expect(fact('deidentified_data_use', 'You agree that we may accumulate charges incurred and submit them as one or more aggregate charges at the end of each billing cycle.')).toBe('unspecified');
  });
});

describe('audio_or_recording_retention_days: read from a table\'s retention column', () => {
  const table = (retention: string) =>
    '| Purposes | Categories of data | Legal basis | Retention |\n| --- | --- | --- | --- |\n' +
    `| Satisfaction surveys | Identity data <br>Audio or video recording | Consent | ${retention} |\n` +
    '| Billing | Identity data <br>Billing data | Contract | 10 years |\n';
  it('a row whose data cells name recordings keeps them for its stated period', () => {
    expect(fact('audio_or_recording_retention_days', table('1 year and anonymization'))).toBe(365);
  });
  it('other rows\' periods and periods tied to an open-ended event give no number', () => {
    expect(fact('audio_or_recording_retention_days', table('Duration of the contract + 5 years'))).toBeNull();
  });
});

describe('baa_offered: the vendor prohibiting its customers from sending health data', () => {
  it('"prohibiting advertisers to share with us … data relating to health" is no', () => {
    expect(fact('baa_offered', 'Acme has adopted policies strictly prohibiting advertisers and publishers to share with us any sensitive personal information (e.g., relating to health, race, or sexual life).')).toBe('no');
  });
  it('a prohibition without health wording stays unspecified', () => {
    expect(fact('baa_offered', 'Acme has adopted policies strictly prohibiting advertisers and publishers to share with us any sensitive personal information.')).toBe('unspecified');
  });
});

describe('data_sale_or_marketing: sending the person details of the vendor\'s products and services', () => {
  it('is marketing', () => {
    expect(fact('data_sale_or_marketing', 'We use your personal data to send you details of our products and services.')).toBe('allowed');
  });
  it('news about what they bought is not', () => {
    expect(fact('data_sale_or_marketing', 'We use your email address to send you information about products you have purchased.')).toBe('unspecified');
  });
});

// Convention decided in the xclause session (issue 7) by the README's text: de-identified data is `allowed` when the
// vendor "may use or share" it for its own purposes; de-identifying as the alternative to deletion is disposal, a
// retention statement that names no use (the labels' Netflix, NordVPN, Xing notes), so a person decides.
describe('deidentified_data_use: "destroy or de-identify" disposes of the data', () => {
  const deid = (t: string) => factOf('deidentified_data_use', t);
  it('de-identification as the alternative to deletion names no use (allowed on base)', () => {
    expect(deid('We take reasonable measures to destroy or de-identify personal information in a secure manner when it is no longer required.')).toBe('unspecified');
    expect(deid('After your account is closed, we will delete or anonymize your information.')).toBe('unspecified');
  });
  it('near misses: a use named beside it, de-identification with uses, data kept anonymised instead of deleted', () => {
    expect(deid('We delete or anonymise your data when you close your account, and may use anonymised data to improve our services.')).toBe('allowed');
    expect(deid('We may aggregate or deidentify your information and may use, share, license, or sell aggregated or deidentified information for any purpose.')).toBe('allowed');
    expect(deid('Data are deleted no later than three years from the last contact, unless anonymized.')).toBe('allowed');
  });
});
