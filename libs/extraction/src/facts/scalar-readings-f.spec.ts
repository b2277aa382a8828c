import { factOf } from '../testing/fact-of.js';

// Readings added after the misses of ota-fresh26 and ota-fresh27 were read (issue 7): each a wording a careful reader
// applies to the next document too, with the look-alikes that must stay as they were. Sentences are written for the spec.
const rd = (text: string) => factOf('return_or_destroy_on_termination', text);
const off = (text: string) => factOf('offshore_processing', text);
const flow = (text: string) => factOf('subcontractor_flowdown', text);

describe('return_or_destroy_on_termination: data not kept after the end is deleted then', () => {
  it('a refusal to keep data past the end of use, the contract or the account', () => {
    expect(rd('Acme does not retain your personal data after you have cancelled use of the Service, unless it is required by law.')).toBe('yes');
    expect(rd('We do not keep your files after termination of the agreement.')).toBe('yes');
    expect(rd('Your content is not stored once your account is closed.')).toBe('yes');
  });
  it('not a refused duty to keep, a condition, a refusal with no end, or the end before the verb only', () => {
    expect(rd('We are not obliged to retain your data after termination of the agreement.')).toBe('unspecified');
    expect(rd('Your records will not be retained after the account is closed, if the contract with your school requires it.')).toBe('unspecified');
    expect(rd('We do not retain your card number. Termination of the agreement ends your licence.')).toBe('unspecified');
  });
});

describe('return_or_destroy_on_termination: a bounded period counted from the end named after it', () => {
  it('kept for a reasonable period following the account\'s deletion is a delayed deletion', () => {
    expect(rd('Your personal data will be retained for a reasonable period of time following account deletion or deactivation.')).toBe('yes');
  });
  it('not the vendor\'s own records, nor an option to keep', () => {
    expect(rd('Billing records are retained for a reasonable period following termination of the agreement.')).toBe('unspecified');
    expect(rd('We may retain your data for a limited period after termination of the agreement.')).toBe('unspecified');
  });
});

describe('offshore_processing: the user\'s own country, and clauses that are not data moving', () => {
  it('countries other than the one in which the user lives is outside the home region for some users', () => {
    expect(off('Your information may be transferred to and processed in one or more countries other than the one in which you reside.')).toBe('yes');
  });
  it('the local-law clause and export laws name no place data goes', () => {
    expect(off('The Service is hosted and operated in the United States and we make no representation that any content is appropriate for access outside of the United States.')).toBe('unspecified');
    expect(off('Uploading content via the Service may be subject to the export and import laws of the United States and other countries.')).toBe('unspecified');
  });
});

describe('subcontractor_flowdown: the service-provider contract and what binds nobody', () => {
  it('a contract prohibiting them from retaining, using or disclosing the data for other purposes (the CCPA wording)', () => {
    expect(flow('We share data with our service providers, who are bound by a contract prohibiting them from retaining, using, or disclosing personal data for any purpose other than performing the services.')).toBe('yes');
    expect(flow('Our subcontractors are bound by a contract prohibiting them to retain, use or disclose your personal data for any purpose other than performing the services.')).toBe('yes');
  });
  it('steps taken towards providers the vendor cannot vouch for, and the vendor enforcing its own terms on users', () => {
    expect(flow('We take steps to ensure that providers of third-party applications use information you share in a manner consistent with this Privacy Policy, but we cannot guarantee that they will follow our rules.')).toBe('unspecified');
    expect(flow('We work with internet service providers. We monitor use of the Website in order to identify fraud and ensure compliance with the applicable Terms of Use and this Privacy Policy.')).toBe('unspecified');
  });
});

// Review of x7facts: the look-alikes of the new readings under negation, a request condition and keeping that goes on.
describe('review: the new readings under negation, a request and keeping past the period', () => {
  it('offshore: a refusal before the later verb refuses the move to countries other than the user\'s', () => {
    expect(off('Your data is stored in your country and we will not transfer it to countries other than the one in which you reside.')).toBe('unspecified');
    expect(off('Your data is processed locally and is not sent to countries other than the one where you live.')).toBe('unspecified');
  });
  it('return: not kept after the end only on the user\'s request is erasure on request', () => {
    expect(rd('Acme does not retain your data after termination upon your written request.')).toBe('unspecified');
    expect(rd('Acme does not retain your data after termination when you request deletion in writing.')).toBe('unspecified');
  });
  it('return: a reasonable period following account deletion, then kept on for the vendor\'s needs, is no deletion', () => {
    expect(rd('Your data will be retained for a reasonable period following account deletion, and afterwards for as long as we have a business need.')).toBe('unspecified');
    expect(rd('Your data will be retained for a reasonable period following account deletion, and then for as long as necessary for our business purposes.')).toBe('unspecified');
  });
});

describe('review: the service-provider contract refused', () => {
  it('providers not bound by such a contract, or no such contract, bind nobody', () => {
    expect(flow('Our service providers are not bound by a contract prohibiting them from retaining, using or disclosing personal data.')).toBe('unspecified');
    expect(flow('We share data with our service providers, and we do not have a contract prohibiting them from using or disclosing it.')).toBe('unspecified');
  });
});
