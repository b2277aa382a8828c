import { factOf } from '../testing/fact-of.js';

// Scalar readings written from counter-examples (issue 7, transfer): each a sentence that must be read and a near
// miss that a careless version of the rule would read.

describe('data_sale_or_marketing: "whether or not"', () => {
  const sale = (t: string) => factOf('data_sale_or_marketing', t);
  it('"whether or not we sell" refuses nothing; a refusal after it still does', () => {
    expect(sale('Whether or not we sell your data, you have rights under the CCPA.')).toBe('unspecified');
    expect(sale('Whether or not you use the app, we do not sell your personal information.')).toBe('prohibited');
  });
  it('near misses: a sale stated, and a sale in a condition, are still read', () => {
    expect(sale('We may sell your personal information to advertisers.')).toBe('allowed');
    expect(sale('If we sell your personal information, we will tell you.')).toBe('allowed');
  });
});

describe('subcontractor_flowdown: a duty not to disclose is confidentiality', () => {
  const fd = (t: string) => factOf('subcontractor_flowdown', t);
  const INTRO = 'We may employ third party companies to provide the Service on our behalf. ';
  it('providers bound not to disclose, with a purpose limit, are bound by a flow-down', () => {
    expect(fd(INTRO + 'These third parties have access to your Personal Data only to perform these tasks on our behalf and are obligated not to disclose or use it for any other purpose.')).toBe('yes');
    expect(fd('We share data with our service providers. These parties are required to secure the data they receive and to use the data for pre-agreed purposes only.')).toBe('yes');
  });
  it('near misses: the vendor bound, no purpose limit, a refused duty, a bare purpose limit', () => {
    expect(fd('We are obligated not to disclose your data to our service providers for any other purpose.')).toBe('unspecified');
    expect(fd(INTRO + 'These third parties are obligated not to disclose your data.')).toBe('unspecified');
    expect(fd('We use service providers to host the site. They are not obligated to keep your data confidential.')).toBe('unspecified');
    expect(fd('Our service providers have access to your data only to perform tasks on our behalf.')).toBe('unspecified');
  });
});

describe('subcontractor_flowdown: "purposes only" limits a use, not the notice', () => {
  const fd = (t: string) => factOf('subcontractor_flowdown', t);
  it('review counter-examples: the notice\'s own purpose, and any purpose after a condition, are no purpose limit', () => {
    expect(fd('Our vendors are obligated not to disclose your data; this summary is provided for informational purposes only.')).toBe('unspecified');
    expect(fd('Our processors are required to secure the data they receive, but they may use it for any purpose only after aggregation.')).toBe('unspecified');
  });
});

describe('a direct question states nothing (the FAQ form of privacy notices)', () => {
  const sale = (t: string) => factOf('data_sale_or_marketing', t);
  it('reads the answer, not the question', () => {
    expect(sale('Do we sell your personal information? We do not sell your personal information.')).toBe('prohibited');
    expect(sale('Do we sell your personal information?')).toBe('unspecified');
  });
  it('near misses: a statement after a question is read, and a question mark inside a sentence ends nothing', () => {
    expect(sale('Do we sell your personal information? Yes: we sell personal information to data brokers.')).toBe('allowed');
    expect(sale('We sell personal information to data brokers (see https://acme.example/optout?ref=ccpa for how to opt out).')).toBe('allowed');
  });
});

describe('return_or_destroy_on_termination: "whichever is longer" keeps past the account\'s end', () => {
  const rd = (t: string) => factOf('return_or_destroy_on_termination', t);
  it('the later of two ends, the other open-ended, is no deletion at the account\'s end', () => {
    expect(rd('We keep the information until you delete your account, or as long as is necessary for our security and compliance purposes, whichever is longer.')).toBe('unspecified');
    expect(rd('We keep your information until you close your account or for as long as needed, whichever comes later.')).toBe('unspecified');
  });
  it('near misses: the account\'s end alone, the earlier of two ends, or the later of it and a bounded period still bound the keeping', () => {
    expect(rd('We keep your information until you delete your account.')).toBe('yes');
    expect(rd('We keep your information until you delete your account or for two years after your last login, whichever is shorter.')).toBe('yes');
    expect(rd('We retain your personal data until you delete your account or for 30 days after you close it, whichever is later.')).toBe('yes');
    expect(rd('We keep your information until you delete your account or for two years after your last login, whichever is longer.')).toBe('yes');
  });
});

describe('data_sale_or_marketing: a refusal scoped by its list\'s lead-in', () => {
  const sale = (t: string) => factOf('data_sale_or_marketing', t);
  it('"With respect to … / to the extent that CCPA applies …:" limits the refusals listed under it', () => {
    expect(sale('5.1 With respect to Customer Personal Data processed under Restricted Data Processing, and to the extent that CCPA applies to such processing:\n\n(a)Acme will not sell or share any Customer Personal Data that it obtains from Customer;\n\n(b)Acme will not retain Customer Personal Data other than for a business purpose.')).toBe('unspecified');
    expect(sale('To the extent that the CCPA applies to the processing of personal data:\n\n- Acme will not sell any personal data it receives from Customer.')).toBe('unspecified');
  });
  it('near misses: a legal hedge, an unscoped lead-in, and a sale under a scoped lead-in are still read', () => {
    expect(sale('To the extent permitted by applicable law:\n\n- Acme will not sell any personal data it receives from Customer.')).toBe('prohibited');
    expect(sale('With respect to all personal data, Acme commits as follows. Acme will not sell any personal data it receives from Customer.')).toBe('prohibited');
    expect(sale('Acme commits as follows:\n\n(a)Acme will not sell any personal data it receives from Customer.')).toBe('prohibited');
    expect(sale('To the extent that the CCPA applies to the processing of personal data:\n\n- Acme may sell personal data to data brokers.')).toBe('allowed');
  });
  it('a lead-in that does not narrow (all the data, the vendor\'s role, the data it collects) leaves the refusal standing', () => {
    expect(sale('With respect to all Customer Personal Data:\n\n(a) Acme will not sell any Customer Personal Data.')).toBe('prohibited');
    expect(sale('With respect to all Customer Personal Data: (a) Acme will not sell any Customer Personal Data.')).toBe('prohibited');
    expect(sale('With respect to Service Data, Acme commits as follows:\n\n(a)Acme will not sell Service Data.')).toBe('prohibited');
    expect(sale('With respect to Service Data, Acme commits as follows: (a)Acme will not sell Service Data.')).toBe('prohibited');
    expect(sale('To the extent that Acme processes Customer Personal Data on Customer\'s behalf:\n\n- Acme will not sell Customer Personal Data.')).toBe('prohibited');
    expect(sale('Insofar as Acme acts as a Processor:\n\n1. Acme will not sell Customer Data.')).toBe('prohibited');
    expect(sale('With respect to personal information we collect:\n\n- We do not sell personal information.')).toBe('prohibited');
  });
  it('a lead-in naming a state law or residents of a place does narrow', () => {
    expect(sale('With respect to personal information of California residents:\n\n- We do not sell personal information.')).toBe('unspecified');
    expect(sale('To the extent U.S. state privacy laws apply to the processing:\n\n(a) Acme will not sell Customer Personal Data.')).toBe('unspecified');
  });
});

describe('breach_notice_days: the deadline is the customer\'s or the user\'s, not an authority\'s', () => {
  const days = (t: string) => factOf('breach_notice_days', t);
  it('a deadline for telling the supervisory authority only sets no notice to the user', () => {
    expect(days('In the event of a personal data breach that is likely to result in a high risk to individuals, we will notify the relevant supervisory authority within 72 hours and affected individuals without undue delay, as required by GDPR Articles 33 and 34.')).toBe(null);
    // The controller's own deadline to the regulator is not the vendor's to the controller.
    expect(days('Acme will notify Customer of a Security Incident within 48 hours so that Customer can notify the supervisory authority within 72 hours.')).toBe(2);
  });
  it('near misses: the user or the customer told by the deadline, alone or beside an authority', () => {
    expect(days('In the event of a security breach, we will notify you within 72 hours.')).toBe(3);
    expect(days('We will notify the Customer and the supervisory authority within 72 hours of a personal data breach.')).toBe(3);
    expect(days('In the event of a data breach, we will notify affected users within 72 hours.')).toBe(3);
  });
});

describe('data_sale_or_marketing: a refusal about the text-messaging programme\'s data', () => {
  const sale = (t: string) => factOf('data_sale_or_marketing', t);
  it('"no mobile information will be shared … for marketing" covers one collection channel, not all personal data', () => {
    expect(sale('Please note no mobile information will be shared with third parties for their marketing or promotional purposes.')).toBe('unspecified');
    expect(sale('Text messaging originator opt-in data and consent will not be shared with any third parties for marketing purposes.')).toBe('unspecified');
    // The vendor's own marketing beside it decides.
    expect(sale('We may send you marketing communications about our products. No mobile information will be shared with third parties for their marketing purposes.')).toBe('allowed');
  });
  it('near misses: refusals about all personal data stay refusals', () => {
    expect(sale('No personal information will be shared with third parties for their marketing purposes.')).toBe('prohibited');
    expect(sale('We do not share your personal information with third parties for marketing purposes.')).toBe('prohibited');
    expect(sale('We never use your data for advertising.')).toBe('prohibited');
  });
});

describe('deidentified_data_use: an item of a list of data collected', () => {
  const deid = (t: string) => factOf('deidentified_data_use', t);
  it('"We collect the following data: * Aggregate website usage statistics" names data collected, not a use of it', () => {
    expect(deid('We collect the following data:\n\n*   Your IP address and browser "user agent" (in logs and basic analytics, which are periodically rotated)\n*   Aggregate website usage statistics (page views, general geographic breakdowns, device types)')).toBe('unspecified');
  });
  it('near misses: a lead-in that uses or shares the data, and an item with a use of its own', () => {
    expect(deid('We may share the following with our partners:\n\n*   Aggregated, de-identified usage statistics')).toBe('allowed');
    expect(deid('We collect the following data:\n\n*   Aggregate usage statistics, which we publish and share with partners')).toBe('allowed');
  });
});

describe('ai_training_on_customer_data: algorithms alone are no model wording', () => {
  const ai = (t: string) => factOf('ai_training_on_customer_data', t);
  it('"to improve our products, algorithms, and services" names no AI, machine learning or model', () => {
    expect(ai('We use data to understand how our advertising technology performs and to improve our products, algorithms, and services.')).toBe('unspecified');
  });
  it('near misses: algorithms beside machine learning or models, and models alone', () => {
    expect(ai('We use Geolocation and App Usage Data to perform research and improve our algorithms, machine learning, and other modelling.')).toBe('allowed');
    expect(ai('We use your content to train and improve our algorithms and models.')).toBe('allowed');
    expect(ai('We use your recordings to improve our speech recognition models.')).toBe('allowed');
  });
});

describe('ai_training_on_customer_data: feedback is not the records', () => {
  const ai = (t: string) => factOf('ai_training_on_customer_data', t);
  it('"may use your feedback to improve its AI models" trains on feedback about the service, not on customer data', () => {
    expect(ai('You agree that Academia-edu may use your feedback to improve its AI models and Services without restriction, even if the feedback relates to specific Outputs or includes derivative ideas.')).toBe('unspecified');
  });
  it('near misses: feedback beside the records, and a "suggestion" model trained on them', () => {
    expect(ai('We may use your feedback and your content to train our AI models.')).toBe('allowed');
    expect(ai('We use your conversations and feedback to train our models.')).toBe('allowed');
    expect(ai('We rely on past chat excerpts, with names and contact details stripped, to refine our reply-suggestion and triage models.')).toBe('allowed');
  });
});

describe('deidentified_data_use: IP addresses anonymised as a safeguard', () => {
  const deid = (t: string) => factOf('deidentified_data_use', t);
  it('"if IP anonymization is activated, Google will reduce your IP address" names no use of de-identified data', () => {
    expect(deid('However, if IP anonymization is activated on this website, Google will reduce your IP address within Member States of the European Union or in other states party to the Agreement on the European Economic Area beforehand.')).toBe('unspecified');
  });
  it('near misses: anonymised data put to a use of the vendor\'s', () => {
    expect(deid('We anonymize your IP address and use the anonymized data to improve our services and publish statistics.')).toBe('allowed');
    expect(deid('We may use aggregated, anonymized data for any purpose.')).toBe('allowed');
  });
});

describe('deidentified_data_use: what a tracker produces', () => {
  const deid = (t: string) => factOf('deidentified_data_use', t);
  it('"These cookies only produce anonymous statistics" describes the tool, not a use the vendor states', () => {
    expect(deid('These cookies only produce anonymous statistics and traffic volumes, and exclude all individual information.')).toBe('unspecified');
  });
  it('near misses: the statistics shared or used by the vendor', () => {
    expect(deid('These cookies collect anonymous statistics, which we share with advertisers.')).toBe('allowed');
    expect(deid('We use anonymous statistics from these cookies to improve our website.')).toBe('allowed');
  });
});
