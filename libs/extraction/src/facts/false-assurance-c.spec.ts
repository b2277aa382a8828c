import { factOf } from '../testing/fact-of.js';

// Counter-examples from the review of this session's scalar rules (issue 7): each sentence does not say the reassuring
// value a rule read from it; the control beside it still must be read.

describe('return_or_destroy: removed from the active systems but kept elsewhere is not deleted', () => {
  const rd = (t: string) => factOf('return_or_destroy_on_termination', t);
  it('the same sentence keeps the data in backups, archives or storage', () => {
    expect(rd('When your account is closed, your data is removed from our active systems but may be retained in backups and archives for up to seven years.')).toBe('unspecified');
    expect(rd('After termination, your files are removed from our production servers and moved to long-term storage.')).toBe('unspecified');
    expect(rd('Upon termination, your content will be removed from our active systems and archived in our backup servers indefinitely.')).toBe('unspecified');
    expect(rd('After termination, your files are removed from our production servers and securely deleted within 30 days.')).toBe('yes');
    expect(rd('Upon account deletion, the email address is removed from our active systems.')).toBe('yes');
  });
});

describe('law_enforcement_disclosure: a notice after a disclosure must be about that disclosure', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  const base = 'We may disclose your information if required by law or in response to a subpoena.';
  it('a notice of something else does not borrow the legal demand before it', () => {
    expect(le(`${base} We will notify you promptly if there is any unauthorized disclosure of your personal data.`)).toBe('any_legal_request');
    expect(le(`${base} We will notify you before we process your data for a new purpose.`)).toBe('any_legal_request');
    // "the order" of a shop is no court order referred back to.
    expect(le(`${base} We will notify you of the order status by email.`)).toBe('any_legal_request');
    expect(le('We will disclose data in response to a subpoena or court order. Where permitted, we notify affected users of security incidents before disclosure to the press.')).toBe('any_legal_request');
    expect(le('We will disclose data in response to a subpoena or court order. Where permitted, we notify affected users before disclosing your data to the press.')).toBe('any_legal_request');
  });
  it('a notice that refers back to the request or the disclosure does', () => {
    expect(le(`${base} Where permitted, we will notify you of such a request.`)).toBe('legal_process_with_notice');
    expect(le(`${base} Where permitted, we notify affected users before disclosure.`)).toBe('legal_process_with_notice');
    expect(le(`${base} If we have your contact details, we will take reasonable steps to attempt to notify you prior to disclosing your personal data unless prohibited by applicable law from doing so.`)).toBe('legal_process_with_notice');
  });
});

describe('law_enforcement_disclosure: the firm word must govern the attempted notice', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  it('"will" of another verb does not make the attempt firm', () => {
    expect(le('If we receive a subpoena that we must comply with, we will review it carefully and attempt to notify you if we think it is fair to do so.')).toBe('any_legal_request');
    expect(le('We will comply with any subpoena we receive, and we attempt to notify users of such requests unless we decide otherwise.')).toBe('any_legal_request');
    expect(le('If we receive a subpoena that we must comply with, we will make reasonable efforts to notify you of the request.')).toBe('legal_process_with_notice');
  });
  it('an attempt "in some cases" after another firm act is no notice commitment', () => {
    expect(le('When we receive a government request we will first check that it is valid, and we try to notify the affected user in some cases.')).not.toBe('legal_process_with_notice');
  });
});

describe('law_enforcement_disclosure: this document describing itself is not a pointer to another', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  it('"This Privacy Policy describes …", "This section explains …" are the rule itself', () => {
    expect(le('This Privacy Policy describes how and when we may disclose your personal information to government authorities in response to a subpoena or other legal request.')).toBe('any_legal_request');
    expect(le('This section explains when we share your information: we may disclose your personal information to law enforcement agencies in response to a subpoena or other legal request.')).toBe('any_legal_request');
  });
});

describe('law_enforcement_disclosure: the user beside an authority', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  it('the vendor as agent, the user as one recipient of two', () => {
    expect(le('Personal data is disclosed by us to you and, where required by law or by a subpoena, to law enforcement authorities.')).toBe('any_legal_request');
    expect(le('We may provide you and any requesting government agency with copies of your records if required by law.')).toBe('any_legal_request');
  });
  it('"do so" standing for the disclosure of the sentence before', () => {
    expect(le('We may share your personal information with our service providers. We may also do so where required to comply with a subpoena or court order.')).toBe('any_legal_request');
  });
});

describe('offshore_processing: countries other than the one the user accesses from', () => {
  const off = (t: string) => factOf('offshore_processing', t);
  it('data moved to countries other than the user\'s is offshore', () => {
    expect(off('Your personal information may be transferred to, stored and processed in countries other than the country from which you access the Services.')).toBe('yes');
    expect(off('You assume all responsibility for compliance with all laws and regulations of the United States and any other country/territory from which You may access acme.com regarding access, use, export, re-export and import of any Content appearing on or available through acme.com.')).toBe('unspecified');
  });
});

// Found on the bundled example practice (Scribewell's BAA §2.5) after "where practicable" became an efforts-based
// commitment: the same sentence takes the notice back, so it is no notice the customer can rely on.
describe('law_enforcement_disclosure: a notice the same sentence disclaims is no commitment', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  const disclose = 'Vendor may disclose PHI in response to any subpoena, court order or other legal or governmental request.';
  it('"will notify … but is not required to notify" stays any_legal_request', () => {
    expect(le(`${disclose} Vendor will notify Customer of such a request where legally permitted and practicable, but is not required to notify Customer before disclosing and is not required to challenge the request on Customer's behalf.`)).toBe('any_legal_request');
    expect(le(`${disclose} Vendor will notify Customer of such a request, although Vendor is under no obligation to give Customer advance notice.`)).toBe('any_legal_request');
  });
  it('a notice with only the usual carve-out is still a commitment', () => {
    expect(le(`${disclose} Vendor will notify Customer of such a request where legally permitted and practicable.`)).toBe('legal_process_with_notice');
    expect(le(`${disclose} Vendor will notify Customer of such a request unless prohibited by law, and is not required to challenge the request.`)).toBe('legal_process_with_notice');
  });
});
