import { factOf } from '../testing/fact-of.js';

const le = (text: string) => factOf('law_enforcement_disclosure', text);

describe('law_enforcement_disclosure: which instrument the disclosure answers to', () => {
  it('a disclosure conditioned on a court order is judicial when it is the only path', () => {
    expect(le('If presented with a binding court order, Acme will hand over personal user data to the authorities in accordance with the court order.')).toBe('judicial_process_only');
  });
  it('a conditioned court-order path next to a legal-request path stays any_legal_request', () => {
    expect(le('If presented with a binding court order, we will hand over personal data to the authorities. We may also disclose personal data to law enforcement upon request.')).toBe('any_legal_request');
  });
  it('a court order named next to laws that require disclosure is no judicial limit', () => {
    expect(le('Acme may release personal data to comply with court orders or laws and regulations that require us to disclose such information.')).toBe('any_legal_request');
  });
  it('reads a negated separable disclosure with a legal exception', () => {
    expect(le('We do not make your personal data available to third parties unless you have consented to it or if we are legally obligated to.')).toBe('any_legal_request');
  });
  it('reads a recipients list item that opens with an authority', () => {
    expect(le('We share your personal data with the following recipients:\n\n- our hosting providers;\n- government authorities, when we believe it is necessary to disclose data as a matter of applicable law;')).toBe('any_legal_request');
  });
});

describe('law_enforcement_disclosure: what is not a legal-request posture', () => {
  it('a report of violations the vendor may choose to make', () => {
    expect(le('Distribution of data in violation of the law may be reported to the proper authorities.')).toBe('unspecified');
  });
  it('"do so" after ending the user\'s access: complying with an order to end access, no disclosure', () => {
    expect(le('Acme may suspend your account or your access to the service if (a) you break these terms; (b) we are required to do so to comply with a court order; or (c) we suspect fraud.')).toBe('unspecified');
  });
  it('authorities only listed as a category of recipients, with no legal ground or request', () => {
    const list = 'We may disclose your personal information to the following recipients:\n\n* Suppliers and business partners;\n* Public authorities and municipalities;';
    expect(le(list)).toBe('unspecified');
    expect(le(list.replace('municipalities;', 'municipalities, where required by law;'))).toBe('any_legal_request');
    // The authority's own request is a legal request, as in a sentence ("disclose … to law enforcement upon their request").
    expect(le(list.replace('municipalities;', 'municipalities, upon their request;'))).toBe('any_legal_request');
  });
  it('a report to an authority only at the user\'s choice', () => {
    expect(le('We share no data, except with the tax authority, but only if you choose that we report your donation.')).toBe('unspecified');
  });
  it('another company\'s disclosure practice, named as the subject', () => {
    const doc = 'Acme Inc. ("Acme", "we") runs this site.\n\nUSPS does not disclose your information to third parties without your consent except as legally required.';
    expect(le(doc)).toBe('unspecified');
    expect(le(doc.replace('USPS does', 'Acme does'))).toBe('any_legal_request');
  });
});

describe('law_enforcement_disclosure: notice', () => {
  it('notice before acting on a legal requirement is a notice commitment', () => {
    expect(le('Acme processes personal data only on the controller\'s instructions unless obliged by law; in such a case, Acme shall notify the Controller of that legal requirement before processing.')).toBe('legal_process_with_notice');
  });
  it('a notice the law itself requires, or about data the user is asked for, is no notice of a demand', () => {
    expect(le('Where required under law, we will notify you of any updated terms. We may disclose your personal information if required by law.')).toBe('any_legal_request');
    expect(le('If we ask you to provide personal information to comply with a legal requirement, we will notify you of the legal requirement. We may disclose your personal information if required by law.')).toBe('any_legal_request');
  });
});

describe('law_enforcement_disclosure: a notice coordinated with a disclosure as required by law', () => {
  const rule = 'Acme will disclose personal data to a government authority only as required by law and ';
  it('"as required by law" limits the disclosure, not the committed notice after "and"', () => {
    expect(le(rule + 'will notify the Customer promptly of any subpoena seeking personal data, before disclosure where the law allows.')).toBe('legal_process_with_notice');
    expect(le('If we are required by law to disclose your personal data, we will notify you of the request.')).toBe('legal_process_with_notice');
    expect(le('Acme will disclose personal data only as required by law. Acme will notify the Customer promptly of any such request.')).toBe('legal_process_with_notice');
  });
  it('near misses: a discretionary, law-conditioned or disclaimed notice is no commitment', () => {
    expect(le(rule + 'may notify the Customer of any subpoena seeking personal data.')).toBe('any_legal_request');
    expect(le(rule + 'will, where required, notify the Customer of any subpoena seeking personal data.')).toBe('any_legal_request');
    expect(le(rule + 'will notify the Customer of any subpoena, but is not required to notify the Customer before disclosing.')).toBe('any_legal_request');
  });
  it('notice "where the law requires" is the law\'s condition; "where the law allows" only a caveat on its timing', () => {
    for (const [law, value] of [['requires', 'any_legal_request'], ['allows', 'legal_process_with_notice']]) {
      expect(le(`Acme may disclose personal data in response to a subpoena and will notify the Customer of the subpoena where the law ${law}.`)).toBe(value);
    }
  });
});

describe('law_enforcement_disclosure: a legally-mandated request is a legal request', () => {
  it('answering one, with no judicial limit and no notice, is any_legal_request', () => {
    const intro = 'The only circumstances wherein Acme will disclose customer information to a third party are:\n\n';
    expect(le(intro + '*   In the event that we receive a legitimate, legally-mandated request for customer information, Acme will respond only within the narrow scope of that request.')).toBe('any_legal_request');
    expect(le(intro + '*   In the event that we receive a legitimate request for customer information, Acme will respond only within the narrow scope of that request.')).toBe('unspecified');
  });
});

describe('law_enforcement_disclosure: demands by private parties', () => {
  it('a civil litigant\'s court order with notice is civil discovery, not the posture towards authorities', () => {
    expect(le('A non-governmental entity, such as a civil litigant, can seek information that personally identifies you or your use of the Services only pursuant to a court order, and we are required by the Cable Act to notify you of such court order.')).toBe('unspecified');
    // The authorities' rule beside it decides.
    expect(le('We disclose information when required by law or to respond to legal process. A non-governmental entity, such as a civil litigant, can seek information that personally identifies you only pursuant to a court order, and we are required by law to notify you of such court order.')).toBe('any_legal_request');
  });
  it('near misses: authorities named beside the private parties, and a notice promise to the user about any demand', () => {
    expect(le('We may disclose information in response to subpoenas from government agencies or civil litigants.')).toBe('any_legal_request');
    expect(le('We will disclose your information in response to a subpoena or court order, and we will notify you of such request.')).toBe('legal_process_with_notice');
  });
});

describe('law_enforcement_disclosure: who receives is the party the act is directed to', () => {
  it('users whose rights are protected ("as well as that of our users") are no recipients', () => {
    expect(le('* **Legal Compliance**: We may disclose your personal data if required by law or to protect our rights, privacy, safety, or property, as well as that of our users and the public.')).toBe('any_legal_request');
  });
  it('near misses: information given to the user as the law requires is no disclosure to an authority', () => {
    expect(le('We will provide the information to you as required by law.')).toBe('unspecified');
    expect(le('We disclose information to our users as required by law.')).toBe('unspecified');
  });
});
