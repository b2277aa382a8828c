import { factOf } from '../testing/fact-of.js';

// Readings added for recall on unseen text (issue 7): each mechanism with a paraphrase that needs it, and the near
// miss that must stay unanswered.

describe('return_or_destroy_on_termination: the account ended in the future passive, under a conditional', () => {
  const rd = (t: string) => factOf('return_or_destroy_on_termination', t);
  it('"if your profile will be closed, the records will be erased" names the end', () => {
    expect(rd('Should you leave, and if your profile account will be closed, we note that the stored records will be erased.')).toBe('yes');
  });
  it('a conditional with its own modal, then the act\'s modal, is no supposition: the main clause deletes', () => {
    expect(rd('If your account will be closed the personal information will be erased unless we still need it to meet a legal obligation, or for bookkeeping purposes.')).toBe('yes');
  });
  it('a conditional with one modal stays a supposition when a comma closes it', () => {
    expect(rd('Even if you would like us to delete your content after your account is closed, copies may remain in our archives.')).toBe('unspecified');
  });
  it('a second modal coordinated or subordinate inside the condition keeps the act supposed (review)', () => {
    expect(rd('Even if you think your account will be closed and the records will be erased, some copies may remain in backups.')).toBe('unspecified');
    expect(rd('If you would like to know whether your records will be erased after your account is closed, some details are in our help centre.')).toBe('unspecified');
  });
  it('"may be closed" is the vendor\'s option, not the account\'s end', () => {
    expect(rd('Accounts may be closed, and their content removed, at our discretion.')).toBe('unspecified');
  });
});

describe('audio_or_recording_retention_days: processing for a period, and the data a period is for', () => {
  const au = (t: string) => factOf('audio_or_recording_retention_days', t);
  it('"we process … no longer than … 2 years, in the case of chat logs, and … 2 months, in case of voice recordings"', () => {
    expect(au('We process the data gathered while handling your support requests for as long as needed to answer them, but no longer than for a period of 2 years, in the case of chat logs, and for a period of 2 months, in case of voice recordings.')).toBe(60);
  });
  it('processing within a time is how soon, not how long', () => {
    expect(au('We process your voice recordings within 48 hours of the call.')).toBe(null);
  });
  it('a period named for other data only is not the recordings\'', () => {
    expect(au('Voice recordings are kept as long as the case is open; data is kept for a period of 5 years, as regards invoices.')).toBe(null);
  });
  it('a period followed by the calls it is for stays the recordings\' (review: the recorded calls are the recordings)', () => {
    expect(au('Call recordings are kept for 30 days, in the case of customer service calls.')).toBe(30);
  });
});

describe('law_enforcement_disclosure: a report that also hands over who the user is', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  it('"we will report … and co-operate with them by disclosing your identity"', () => {
    expect(le('Any such misuse will be reported to the competent police authorities, and we will assist those authorities by disclosing your identity to them.')).toBe('any_legal_request');
  });
  it('a report alone stays out', () => {
    expect(le('Any such misuse will be reported to the competent police authorities.')).toBe('unspecified');
  });
  it('the identity given to someone else is no disclosure to the authorities', () => {
    expect(le('Misuse will be reported to the police, and we may reveal your identity to the other users involved.')).toBe('unspecified');
  });
  it('someone else\'s identity, or the identity handed to a private party, is no disclosure to the authorities (review)', () => {
    expect(le('We may report fraud to the police and we may disclose the identity of the fraudster to the victim.')).toBe('unspecified');
    expect(le('We will report fraud to the police and may disclose your identity to the victim.')).toBe('unspecified');
  });
});

describe('subcontractor_flowdown: a provider described, bound to handle data as the vendor itself would', () => {
  const fd = (t: string) => factOf('subcontractor_flowdown', t);
  it('"processed by another company on our behalf … by them … as if we were handling the support ourselves"', () => {
    expect(fd('Our help desk is run by an outside team, so your personal data is handled by another company acting on our behalf. Under contract, your personal data will be handled by them in accordance with our instructions, just as if we were handling the help desk ourselves.')).toBe('yes');
  });
  it('"by them" with no provider before it binds no one', () => {
    expect(fd('Members may invite guests to events. We require that data is processed by them as if we were handling the events ourselves.')).toBe('unspecified');
  });
  it('a company processing for itself is no provider', () => {
    expect(fd('Your data may be processed by a separate company for its own purposes. We have ensured that it will be processed by them as if we were handling it ourselves.')).toBe('unspecified');
  });
});

describe('offshore_processing: data handled the world over', () => {
  const off = (t: string) => factOf('offshore_processing', t);
  it('"we share information globally, within our group and with partners"', () => {
    expect(off('As we operate from one country but share information globally, inside our corporate family and with outside partners, these transfers are needed.')).toBe('yes');
  });
  it('a global company with customers everywhere says nothing of where data goes', () => {
    expect(off('We are a global company with customers around the world.')).toBe('unspecified');
  });
  it('users sharing information worldwide publish it; the vendor moves nothing abroad (review)', () => {
    expect(off('Our members share information worldwide using our platform.')).toBe('unspecified');
    expect(off('You can share your information globally with other users by making your profile public.')).toBe('unspecified');
    expect(off('When you post publicly, your information is shared worldwide.')).toBe('unspecified');
    expect(off('We let you share your information worldwide with your friends.')).toBe('unspecified');
  });
  it('a worldwide licence, worldwide customers or a globally recognised name say nothing of where data goes (review)', () => {
    expect(off('You grant us a worldwide, royalty-free licence to store and process your content.')).toBe('unspecified');
    expect(off('We are a globally recognised provider and we store your data in our own data centre.')).toBe('unspecified');
  });
  it('"we may share your data worldwide with our affiliates" moves it abroad (review)', () => {
    expect(off('We may share your data worldwide with our affiliates.')).toBe('yes');
  });
});
