import { describe, expect, it } from '@jest/globals';
import { factOf } from '../testing/fact-of.js';

// Readings from a hand-judged sample of what the rules assert on unlabelled real documents (issue 7): who stands on which
// side of an act, what an ownership word qualifies, and which modal or condition governs a list item or a passive.

const le = (text: string) => factOf('law_enforcement_disclosure', text);
const own = (text: string) => factOf('record_ownership', text);
const ret = (text: string) => factOf('return_or_destroy_on_termination', text);

describe('law_enforcement_disclosure: an authority on the agent side of the act receives nothing', () => {
  it('authorities among the suppliers of data ("provided by X and its licensors, which include … Authorities")', () => {
    expect(le('Roadworks and traffic disruptions data provided by Acme Data Ltd and its licensors, which include Local Highway Authorities, the Highways Agency and Transport Scotland.')).toBe('unspecified');
    expect(le('Weather data provided by our partners, which include national meteorological authorities, is shown in the App.')).toBe('unspecified');
  });
  it('still a demand when the authority requests, and still a recipient after "to" or in a passive', () => {
    expect(le('Personal data can only be disclosed through a request by a court, a law enforcement agency, or in other cases provided for by the law.')).toBe('any_legal_request');
    expect(le('Acme may disclose your account information if requested by a government, regulatory or law enforcement body.')).toBe('any_legal_request');
    expect(le('Information collected by us may be provided by Acme to law enforcement authorities.')).toBe('any_legal_request');
  });
});

describe('law_enforcement_disclosure: an authority word that only qualifies another noun', () => {
  it('a licence named after the government is no authority ("the Open Government Data License")', () => {
    expect(le('The Open Data is made available to the public under the Open Government Data License, and users can make use of it when satisfying the conditions and complying with the obligations set out in its terms.')).toBe('unspecified');
    expect(le('This open data is released to the public under the Open Government Data License, and users may use it provided they comply with all the terms of this license.')).toBe('unspecified');
    expect(le('We may disclose your data in response to government requests.')).toBe('any_legal_request');
  });
});

describe('law_enforcement_disclosure: records kept by a government are a source of data', () => {
  it('"from federal, state, or local government records" names where data comes from', () => {
    expect(le('Personal Information does not include publicly available information that is lawfully made available to the general public from federal, state, or local government records.')).toBe('unspecified');
  });
});

describe('law_enforcement_disclosure: a clause number glued to its subject ("15.1You must provide")', () => {
  it('keeps the customer as the one who provides', () => {
    expect(le('15.1You must provide Acme within 5 days of request such information as Acme may request to enable it to comply with applicable Laws.')).toBe('unspecified');
  });
});

describe('law_enforcement_disclosure: an act ceased is no disclosure', () => {
  it('"stop providing Content … for legal reasons" hands nothing over', () => {
    expect(le('If we have to stop providing Content or Products for legal, technical, or other objective reasons, we will inform you in advance and we assume no liability except where otherwise required by the applicable law.')).toBe('unspecified');
    expect(le('We may provide your information to law enforcement where required by law.')).toBe('any_legal_request');
  });
});

describe('record_ownership: what the ownership word says', () => {
  it('an ownership word qualifying another noun states no owner ("liable for copyright infringement")', () => {
    expect(own('So long as a service provider follows the notice-and-takedown rules, it will not be liable for copyright infringement based on user-generated content.')).toBe('unspecified');
    expect(own('We are not responsible for any copyright claims about content that you post.')).toBe('unspecified');
  });
  it('an owner in a relative clause or a condition describes the content meant ("text to which you hold the copyright")', () => {
    expect(own('When you submit text to which you hold the copyright, you agree to license it under a free licence.')).toBe('unspecified');
    expect(own('If you are the owner of content that is being used on the Site without your permission, you may ask us to remove it.')).toBe('unspecified');
    // The statements themselves still read.
    expect(own('You retain all rights in the content to which you hold the copyright.')).toBe('customer');
    expect(own('To the extent you own rights in any Content you publish on the Website, such rights shall remain yours solely and exclusively.')).toBe('customer');
  });
  it("materials bearing the vendor's marks are its brand, not the records", () => {
    expect(own('You retain full ownership of all of your Information. If you create any materials bearing the Acme Marks, you agree that upon their creation we exclusively own all right, title and interest in and to such materials.')).toBe('customer');
  });
  it('submissions under a heading about ideas or feedback are the ideas, not the records', () => {
    const text = (heading: string) =>
      `Your Content\n\nTo the extent you own rights in any Content you publish on the Website, such rights shall remain yours solely and exclusively.\n\n${heading}\n\nYou agree that: (1) your submissions and their contents will automatically become the property of the Company, without any compensation to you; (2) the Company may use the submissions for any purpose.`;
    expect(own(text('Terms of Idea Submission'))).toBe('customer');
    expect(own(text('Unsolicited Feedback'))).toBe('customer');
    // Under a heading that does not say so, the vendor taking users' submissions is still read.
    expect(own(text('Terms of Submission'))).toBe('shared');
  });
});

describe('return_or_destroy_on_termination: the modal or condition that governs the deletion', () => {
  it("an item with no modal of its own under a lead-in ending on the vendor's option is no duty", () => {
    const items = (lead: string) =>
      `Termination and suspension\n\n* 6.3. Acme may review the content created by the Creator. If the Creator produces any content that is illegal where it is filmed or that violates these Terms, ${lead}\n* 6.3.1. suspend or ban the Creator's channel and/or account on the Platform, temporarily or permanently, and delete the content at issue; and\n* 6.3.2. withhold any fee for the time spent.`;
    expect(ret(items('Acme may (at its sole discretion):'))).toBe('unspecified');
    expect(ret(items('Acme reserves the right to:'))).toBe('unspecified');
  });
  it("a lead-in that states a duty still passes it to its items", () => {
    expect(ret('Termination\n\nUpon termination of the Agreement, Acme shall:\n* return or destroy all Customer Data; and\n* certify the destruction in writing.')).toBe('yes');
  });
  it('a deletion only "if required by these Terms", after a short passive subject, commits to none', () => {
    expect(ret('Effect of Termination\n\nImmediately upon termination of these Terms, all licenses granted will cease and, if required by these Terms, all Content must be deleted.')).toBe('unspecified');
    expect(ret('Effect of Termination\n\nImmediately upon termination of these Terms, all licenses granted will cease and all Content will be deleted.')).toBe('yes');
  });
  it('a passive whose subject is what users keep ("any Posts … will also be deleted") deletes data', () => {
    expect(ret('When you delete your account, any Posts associated with that account will also be deleted.')).toBe('yes');
    expect(ret('When you close your account, your photos and comments will be deleted.')).toBe('yes');
    // Not the account itself, nor a noun that is not data.
    expect(ret('When you close your account, your account will be deleted.')).toBe('unspecified');
    expect(ret('When you close your account, any subscriptions will be deleted.')).toBe('unspecified');
  });
});
