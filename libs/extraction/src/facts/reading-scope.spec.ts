import { factOf } from '../testing/fact-of.js';

/**
 * General reading rules found on ota-fresh17 … 20 (issue 7, fourteenth session): who acts, what a word modifies and
 * what a clause of scope declares. Each rule has the sentence it reads and the near miss where it must not fire.
 */
describe('deidentified_data_use: a policy whose scope leaves aggregated data out', () => {
  it('"applies only to X, not to aggregate information" declares such data outside the policy (README: allowed)', () => {
    expect(factOf('deidentified_data_use', 'This policy applies only to personal information, not to aggregate information or information that does not identify you.')).toBe('allowed');
  });
  it('a scope clause about something else is no refusal and no permission', () => {
    expect(factOf('deidentified_data_use', 'This policy applies to our website, but not to third-party sites.')).toBe('unspecified');
  });
  it('a refusal after a scope clause is still a refusal', () => {
    expect(factOf('deidentified_data_use', 'We do not aggregate your data for our own purposes.')).toBe('prohibited');
  });
});

describe('deidentified_data_use: "aggregate" as a measure of use is not data', () => {
  it('aggregate traffic, usage or storage is an amount the user consumes', () => {
    expect(factOf('deidentified_data_use', 'If your aggregate traffic usage across all your models is higher than 99% of users, we may charge fees for excessive usage.')).toBe('unspecified');
    expect(factOf('deidentified_data_use', 'We may suspend accounts whose aggregate storage exceeds the plan limit.')).toBe('unspecified');
  });
  it('aggregated usage data or aggregate usage statistics used by the vendor still count', () => {
    expect(factOf('deidentified_data_use', 'We may publish aggregate usage statistics and share them with partners.')).toBe('allowed');
    expect(factOf('deidentified_data_use', 'We may use aggregated usage data to improve our services.')).toBe('allowed');
  });
});

describe('deidentified_data_use: who aggregates', () => {
  it('a third party using data for aggregation on its own account is not the vendor\'s use', () => {
    expect(factOf('deidentified_data_use', 'When acting as an independent controller, these third-party partners may use your personal data for aggregation purposes and to derive reports based on the aggregated data.')).toBe('unspecified');
  });
  it('the vendor (a contract\'s defined "Provider") aggregating is its use', () => {
    expect(factOf('deidentified_data_use', 'Provider may aggregate and de-identify Customer Data and use such data for any lawful purpose.')).toBe('allowed');
  });
  it('aggregated data the vendor gives its partners is the vendor sharing it', () => {
    expect(factOf('deidentified_data_use', 'Our advertising partners may use aggregated data that we provide to them to measure campaigns.')).toBe('allowed');
  });
});

describe('law_enforcement_disclosure: a legal word that is no demand for data', () => {
  it('a form rule ("any legal requirement that communications be in writing") is the consent to electronic notices', () => {
    expect(factOf('law_enforcement_disclosure', 'You agree that all agreements, notices, disclosures and other communications that we provide to you electronically satisfy any legal requirement that such communications be in writing.')).toBe('unspecified');
  });
  it('disclosing to satisfy the law is still a legal ground', () => {
    expect(factOf('law_enforcement_disclosure', 'We may disclose your information to satisfy any applicable law, regulation or legal process.')).toBe('any_legal_request');
  });
  it('a transfer to other countries in case of legal proceedings is where data goes, not to whom', () => {
    expect(factOf('law_enforcement_disclosure', 'We may transfer your data to countries without an adequate level of data protection based on an exception, such as if you consent, in case of legal proceedings abroad, or if the transfer is necessary for a contract.')).toBe('unspecified');
  });
  it('a transfer to authorities abroad when the law requires it is a disclosure to them', () => {
    expect(factOf('law_enforcement_disclosure', 'We may transfer your data to law enforcement authorities in other countries when required by law.')).toBe('any_legal_request');
  });
  it('what a product is not designed to be used for ("to send emergency communications to any police") is no disclosure by the vendor', () => {
    expect(factOf('law_enforcement_disclosure', 'The calling feature is not designed or intended to be used to send or receive emergency communications to any police, fire department, or hospital.')).toBe('unspecified');
  });
  it('data used to comply with a subpoena is', () => {
    expect(factOf('law_enforcement_disclosure', 'Your information may be used to comply with a subpoena.')).toBe('any_legal_request');
  });
});

describe('audio_or_recording_retention_days: "recording purposes" is record-keeping', () => {
  it('data kept "for compliance and recording purposes" is no audio', () => {
    expect(factOf('audio_or_recording_retention_days', 'The data relevant to your request is retained for a minimum of three years from your last communication with us, for our compliance and recording purposes.')).toBeNull();
  });
  it('call recordings kept for a period are', () => {
    expect(factOf('audio_or_recording_retention_days', 'Call recordings are retained for 90 days and then deleted.')).toBe(90);
  });
});

describe('subcontractor_flowdown: examples and purpose limits', () => {
  it('"such as contract terms" gives examples of safeguards; it names none of the vendor\'s obligations', () => {
    expect(factOf('subcontractor_flowdown', 'We also require our Business Partners, suppliers, and third parties to implement appropriate safeguards, such as contract terms and access restrictions, to protect information from unauthorized access, use, and disclosure.')).toBe('unspecified');
  });
  it('"such obligations" points back to the vendor\'s own', () => {
    expect(factOf('subcontractor_flowdown', 'We require our service providers to comply with such obligations.')).toBe('yes');
  });
  it('providers obliged not to disclose or use data "for any other purpose": confidentiality with a purpose limit', () => {
    expect(factOf('subcontractor_flowdown', 'These third parties have access to your Personal Data to the extent necessary to perform tasks on our behalf and are obligated not to disclose or use it for any other purpose.')).toBe('yes');
  });
  it('the vendor obliged not to disclose to its providers binds no provider', () => {
    expect(factOf('subcontractor_flowdown', 'We are obligated not to disclose your data to our service providers or use it for any other purpose.')).toBe('unspecified');
  });
});

describe('subprocessors_named: a legal suffix ends a company name', () => {
  const names = (text: string) => factOf('subprocessors_named', text) as string[];
  it('"Google LLC and Sanoma Media Finland Oy" is two companies', () => {
    const got = names('We share your hashed data with third-party partners, which currently are Meta Platforms Ireland Limited, Google LLC and Sanoma Media Finland Oy, for targeted advertising.');
    expect(got).toEqual(expect.arrayContaining(['Google LLC', 'Sanoma Media Finland Oy']));
    expect(got).not.toContain('Google LLC and Sanoma Media Finland Oy');
  });
  it('"and" between words that are no legal suffix stays inside one name', () => {
    expect(names('Our service providers include Marks and Spencer plc and Acme Ltd.')).toEqual(expect.arrayContaining(['Marks and Spencer plc']));
  });
});

describe('subprocessors_named: sources and words that are no organisation', () => {
  const names = (text: string) => factOf('subprocessors_named', text) as string[];
  it('a service the vendor collects data from is a source (README), unless the data is passed on to it', () => {
    expect(names('We collect data from verification services such as ID.me to confirm your eligibility for discounts.')).toEqual([]);
    expect(names('We collect data from you and share it with payment processors such as Stripe.')).toEqual(['Stripe']);
  });
  it('technology words of a heading or feature ("Automatic", "Generative AI") are no names; a company with such a word is', () => {
    expect(names('We share your data with our service providers, including Stripe and Generative AI.')).toEqual(['Stripe']);
    expect(names('We use Scale AI to label data.')).toEqual(['Scale AI']);
  });
  it('"Co., Ltd." is one legal suffix, kept whole as the document writes it', () => {
    expect(names('We share invoicing data with our payment provider Acme Co., Ltd. for billing.')).toContain('Acme Co., Ltd.');
  });
});

describe('return_or_destroy_on_termination: asking for the account to be deleted ends the account', () => {
  it('"If you request account deletion, we will delete your information" is deletion at the account\'s end', () => {
    expect(factOf('return_or_destroy_on_termination', 'If you request account deletion, we will delete your information as set forth below.')).toBe('yes');
    expect(factOf('return_or_destroy_on_termination', 'We will delete your Personal Data after you request your Account to be deleted and the grace period of 45 days expires.')).toBe('yes');
  });
  it('asking to erase data is a right exercised during the account (README: erasure on request stays unspecified)', () => {
    expect(factOf('return_or_destroy_on_termination', 'You can request deletion of your personal data at any time, and we will delete it.')).toBe('unspecified');
    expect(factOf('return_or_destroy_on_termination', 'If you request that we delete your personal data, we will delete it within 30 days.')).toBe('unspecified');
  });
});

describe('review revx: near misses of the rules above', () => {
  it('"whether or not … aggregated" extends a scope to such data; it does not leave it out', () => {
    expect(factOf('deidentified_data_use', 'This Privacy Policy applies to all personal information we collect, whether or not it is aggregated with other information.')).not.toBe('allowed');
    expect(factOf('deidentified_data_use', 'Confidentiality obligations apply to all Customer Data, whether or not it has been aggregated or de-identified.')).not.toBe('allowed');
  });
  it('aggregate usage or traffic named as data shared or analysed is data, not an amount', () => {
    expect(factOf('deidentified_data_use', 'We may share aggregate usage and demographic information with our advertisers and business partners.')).toBe('allowed');
    expect(factOf('deidentified_data_use', 'We may disclose aggregate traffic patterns and trends to third parties for marketing purposes.')).toBe('allowed');
    expect(factOf('deidentified_data_use', 'We may use aggregate usage trends and de-identified information for research and to improve our services.')).toBe('allowed');
    expect(factOf('deidentified_data_use', 'If your aggregate bandwidth in a month exceeds the limit of your plan, we may throttle your connection.')).toBe('unspecified');
  });
  it('a transfer abroad on a subpoena or court order is still a disclosure on legal request', () => {
    expect(factOf('law_enforcement_disclosure', 'We may transfer your personal information to third parties, including in other countries, if we are required to do so by law, subpoena or court order.')).toBe('any_legal_request');
  });
  it('a procedure "intended for disclosing" to law enforcement is the vendor\'s act; only a negated design or a use by others is not', () => {
    expect(factOf('law_enforcement_disclosure', 'This emergency procedure is intended for disclosing account information to law enforcement when there is a risk of death or serious injury.')).toBe('any_legal_request');
    expect(factOf('law_enforcement_disclosure', 'The Service is not intended to be used to contact or send information to emergency services or the police.')).toBe('unspecified');
  });
  it('a tool the vendor collects data through is a recipient, not a source', () => {
    expect(factOf('subprocessors_named', 'We collect usage data from visitors to our website through Google Analytics and Hotjar.')).toEqual(['Google Analytics', 'Hotjar']);
  });
  it('"account deletion" elsewhere in a sentence does not make an erasure request the account\'s end', () => {
    expect(factOf('return_or_destroy_on_termination', 'If you request deletion of specific messages, we will delete them; account deletion is a separate process.')).toBe('unspecified');
    expect(factOf('return_or_destroy_on_termination', 'Account deletion and data erasure: if you request that we delete your personal data, we will delete it within 30 days.')).toBe('unspecified');
  });
  it('a form rule still reads as none when the communications run both ways (the spec above passes without the rule)', () => {
    expect(factOf('law_enforcement_disclosure', 'You agree that all notices and other communications that we send to you, or that you send to us, electronically satisfy any legal requirement that such communications be in writing.')).toBe('unspecified');
  });
  it('"recording and reporting purposes" is record-keeping too', () => {
    expect(factOf('audio_or_recording_retention_days', 'We retain transaction records for seven years for tax, accounting, recording and reporting purposes.')).toBeNull();
  });
});
