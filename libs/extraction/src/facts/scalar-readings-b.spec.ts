import { factOf } from '../testing/fact-of.js';

// More general rules of the scalar readers, each a sentence that must be read and a near miss that must not.

describe('law_enforcement_disclosure: notice of a legal demand', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  const DISCLOSES = 'We may disclose data when required by law, such as in response to a valid court order, subpoena, or law enforcement request.';
  it('a notice right after the disclosure takes its demand from it', () => {
    expect(le(`${DISCLOSES} Where permitted, we notify affected users before disclosure.`)).toBe('legal_process_with_notice');
    // The notice "may" be given: no commitment.
    expect(le(`${DISCLOSES} Where permitted, we may notify affected users before disclosure.`)).toBe('any_legal_request');
  });
  it('"will attempt to notify" is an efforts-based commitment; "may attempt" is not', () => {
    const base = 'We may share information if required by any applicable law, legal process, or governmental request.';
    expect(le(`${base} To the extent the law allows it, we will attempt to provide you with prior notice before disclosing your information in response to such a request.`)).toBe('legal_process_with_notice');
    expect(le(`${base} To the extent the law allows it, we may attempt to provide you with prior notice before disclosing your information in response to such a request.`)).toBe('any_legal_request');
  });
  it('notice "when possible" commits; notice "where required by law" is the law\'s duty', () => {
    const base = 'We will disclose your Personal Information if necessary to satisfy a valid subpoena, court order, law or regulation.';
    expect(le(`${base} We are committed to notifying you via email, when possible, before we disclose your Personal Information in response to a legal demand.`)).toBe('legal_process_with_notice');
    expect(le(`${base} Where required by law, we will notify you before we disclose your Personal Information in response to a legal demand.`)).toBe('any_legal_request');
  });
  it('"reveal" to an agency is a disclosure', () => {
    expect(le('We may reveal your personal data to any law enforcement agency, court or regulator if we are required to do so to meet a legal obligation.')).toBe('any_legal_request');
    expect(le('We may reveal new features to any user if we choose to do so.')).toBe('unspecified');
  });
});

describe('law_enforcement_disclosure: no disclosure to an authority', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  it('"provide you with copies" gives to the user, not to an authority', () => {
    expect(le('Except as required by law, we have no obligation to retain or provide you with copies of Your Content.')).toBe('unspecified');
    expect(le('Except as required by law, we do not provide copies of Your Content to anyone.')).toBe('any_legal_request');
  });
  it('complying "to do so" stands for the act of the list intro, not a disclosure', () => {
    expect(le('We reserve the right to suspend or terminate your access to the Services if:\n\n1.  You breach these Terms.\n2.  We are required to do so to comply with a legal requirement or a court order.')).toBe('unspecified');
    expect(le('We may disclose your personal information if we are required to do so to comply with a legal requirement or a court order.')).toBe('any_legal_request');
  });
});

describe('return_or_destroy_on_termination: a duty, not a discretion or a user\'s act', () => {
  const rd = (t: string) => factOf('return_or_destroy_on_termination', t);
  it('a "may" far before the deletion governs it too (a sanction\'s acts)', () => {
    expect(rd('You agree that Acme may at any time, and without notice, suspend or terminate any part of the Service or terminate your membership and delete any Content stored on the Site.')).toBe('unspecified');
    expect(rd('Upon termination of your membership, Acme will delete any Content stored on the Site.')).toBe('yes');
  });
  it('"may be retained … until deleted" is delayed deletion, not a discretion', () => {
    expect(rd('If you cancel your account, your data may be retained in our backup record until deleted after 90 days.')).toBe('yes');
  });
  it('a right to delete is a discretion', () => {
    expect(rd('Upon termination, Acme has the perpetual and irrevocable right to delete any or all of your content from its servers.')).toBe('unspecified');
    expect(rd('Upon termination, Acme will delete any or all of your content from its servers.')).toBe('yes');
  });
  it('a return the vendor does not guarantee is no promise', () => {
    expect(rd('Where your account is terminated, we do not guarantee that we will be able to return any of Your Content back to you.')).toBe('unspecified');
    expect(rd('Where your account is terminated, we will return all of Your Content back to you.')).toBe('yes');
  });
  it('a passive whose subject is not data ("any subscriptions will be deleted")', () => {
    expect(rd('Once your account has been deleted you will not have access to its Content, and any subscriptions will be deleted.')).toBe('unspecified');
    expect(rd('Once your account has been deleted you will not have access to it, and your Content will be deleted.')).toBe('yes');
  });
  it('an imperative heading tells the user what to do', () => {
    expect(rd('## Your choices\n\n*   **Delete your content or close your account.**')).toBe('unspecified');
    expect(rd('## Your choices\n\n*   **We delete your content when you close your account.**')).toBe('yes');
  });
});

describe('data_sale_or_marketing: refusals that are no refusal, marketing by another name', () => {
  const ds = (t: string) => factOf('data_sale_or_marketing', t);
  it('a negated sale inside a condition is no refusal', () => {
    expect(ds('Where your Content is not being offered for sale on the Site, we recommend that you tag your Content.')).toBe('unspecified');
    expect(ds('We will not sell your Content.')).toBe('prohibited');
  });
  it('a refusal taken back in part in the same sentence is only a review candidate', () => {
    expect(ds('We will never sell your Content to other platforms, though we may sell or transfer any license you grant to us in the event of a sale of our company.')).toBe('unspecified');
    expect(ds('We will never sell your Content to other platforms.')).toBe('prohibited');
  });
  it('communicating about products others offer, or that will interest the user, is marketing', () => {
    expect(ds('We use your information to communicate with you about products, services, and events offered by Acme and others.')).toBe('allowed');
    expect(ds('We use your information to communicate with you about products you have purchased.')).toBe('unspecified');
  });
});

describe('record_ownership: statements of who owns, not conditions or notices', () => {
  const ro = (t: string) => factOf('record_ownership', t);
  it('ownership as a condition states no owner', () => {
    expect(ro('If you own the copyright for the content you upload, these rights are granted automatically when you upload the content.')).toBe('unspecified');
    expect(ro('You own the copyright for the content you upload.')).toBe('customer');
  });
  it('keeping copyright notices on a copy is not keeping ownership', () => {
    expect(ro('You may download Content for your personal use only, provided that you maintain all copyright and other notices contained in the Content.')).toBe('unspecified');
    expect(ro('You retain all copyright in the Content you upload.')).toBe('customer');
  });
});

describe('deidentified_data_use and offshore_processing: what the sentence is about', () => {
  it('de-identification as the means of deletion names no use of the data', () => {
    const deid = (t: string) => factOf('deidentified_data_use', t);
    expect(deid('In some cases, deletion may be accomplished through de-identification of the information.')).toBe('unspecified');
    expect(deid('In some cases, we may use de-identified information to improve our services.')).toBe('allowed');
  });
  it('the country from which the user accesses the site is not where data goes', () => {
    const off = (t: string) => factOf('offshore_processing', t);
    expect(off('You assume all responsibility for compliance with all laws and regulations of the United States and any other country/territory from which You may access acme.com regarding access, use, export, re-export and import of any Content appearing on or available through acme.com.')).toBe('unspecified');
    expect(off('Your personal data may be stored and processed in other countries.')).toBe('yes');
  });
});

describe('subcontractor_flowdown: the bound subject is a party, not a thing', () => {
  const fd = (t: string) => factOf('subcontractor_flowdown', t);
  it('"Third-Party Content must comply with our policies" binds content', () => {
    expect(fd('All Third-Party Content must comply with our policies, as well as applicable laws and regulations.')).toBe('unspecified');
    expect(fd('All third-party service providers must comply with this Privacy Policy.')).toBe('yes');
  });
});

describe('offshore_processing: data that goes to parties around the world', () => {
  const off = (t: string) => factOf('offshore_processing', t);
  it('transferred to entities around the world, or where affiliates are based', () => {
    expect(off('Your personal data may be transferred to or accessed by entities around the world, including our service providers.')).toBe('yes');
    expect(off('Personal data may be transferred to the USA, as well as to other locations where our affiliates and service providers are based.')).toBe('yes');
    // Users around the world are where people are, not where their data goes.
    expect(off('We serve users around the world with the same features.')).toBe('unspecified');
  });
});

describe('data_sale_or_marketing: marketing read from how it is said', () => {
  const ds = (t: string) => factOf('data_sale_or_marketing', t);
  it('a way to stop promotional emails means they are sent', () => {
    expect(ds('If you do not wish to receive promotional emails or other communications from Acme, you may change your notification preferences.')).toBe('allowed');
    expect(ds('If you do not wish to receive service emails from Acme, you may close your account.')).toBe('unspecified');
  });
  it('a negation inside a parenthesis does not negate the ads', () => {
    expect(ds('We may use the text of that voice interaction (but not the audio recording itself) to show you personalized ads.')).toBe('allowed');
    expect(ds('We do not use the text of that voice interaction to show you personalized ads.')).not.toBe('allowed');
  });
  it('ad personalization, and the person\'s contact data used for advertising', () => {
    expect(ds('We may use those interactions to inform your interests for ad personalization.')).toBe('allowed');
    expect(ds('We use your contact data (name and e-mail address) for advertising by post.')).toBe('allowed');
    expect(ds('We use your contact data (name and e-mail address) for billing by post.')).toBe('unspecified');
  });
});

describe('law_enforcement and return: the main verb, not a participle describing the data', () => {
  it('"data provided by the user can only be disclosed on a request by a court or law enforcement agency"', () => {
    const le = (t: string) => factOf('law_enforcement_disclosure', t);
    expect(le('Personal data provided by the user can only be disclosed through a request by a court, law enforcement agency, or in other cases provided for by the law.')).toBe('any_legal_request');
    expect(le('Personal data provided by the user can only be corrected through a request by the user.')).toBe('unspecified');
  });
  it('removed from the vendor\'s systems at the account\'s end is deleted; removed from view is not', () => {
    const rd = (t: string) => factOf('return_or_destroy_on_termination', t);
    expect(rd('Upon account deletion, the email address is removed from our active systems.')).toBe('yes');
    expect(rd('Upon account deletion, the email address is removed from the public leaderboard.')).toBe('unspecified');
  });
});

describe('law_enforcement_disclosure: a pointer to another document', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  it('what another policy describes is not this document\'s rule', () => {
    expect(le('Our Privacy Policy also applies; for example, it describes how we use service providers and how and when we may share your information for legal reasons.')).toBe('unspecified');
    expect(le('We may share your information for legal reasons, such as to respond to a subpoena.')).toBe('any_legal_request');
  });
});
