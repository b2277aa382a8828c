import { describe, expect, it } from '@jest/globals';
import { tokenize } from '../clauses/tokens.js';
import { factOf } from '../testing/fact-of.js';

// Review of the x32 scalar readings: sentences where each new reading must not reach too far.

const le = (text: string) => factOf('law_enforcement_disclosure', text);
const own = (text: string) => factOf('record_ownership', text);
const ret = (text: string) => factOf('return_or_destroy_on_termination', text);

describe('x32 readings do not over-reach', () => {
  it('an authority as the recipient, and as the supplier of data the customer owns', () => {
    expect(le('We may disclose your information to government authorities if required by law.')).toBe('any_legal_request');
    expect(le('We may disclose data provided by you to law enforcement agencies in response to a subpoena.')).toBe('any_legal_request');
    expect(le('Customer owns all Customer Data, including data provided by Government Agencies.')).toBe('unspecified');
    expect(own('Customer owns all Customer Data, including data provided by Government Agencies.')).toBe('customer');
  });

  it("a list's lead-in option does not cancel the duty stated before it", () => {
    expect(ret('Upon termination we will delete Customer Data. We may:\n(a) retain backups for 30 days; and\n(b) retain data as required by law.')).toBe('yes');
    expect(ret('Termination\n\nUpon termination of this Agreement, Acme will delete all Customer Data and may:\n* retain one archival copy.')).toBe('yes');
  });

  it('an owner named in a condition does not hide the statement after it', () => {
    expect(own('If you are the owner of the content, you retain all rights; you own your Content.')).toBe('customer');
  });

  it('a heading naming both the users\' content and feedback heads a section that still states ownership', () => {
    expect(own('User Content and Feedback\n\nYou retain ownership of all Content you submit to the Services.\n\nOther\n\nWe may change these terms.')).toBe('customer');
    expect(own('Your Content and Ideas\n\nYou own all of your Content. Any ideas you send us become our property.')).toBe('customer');
  });

  it('a data noun inside a phrase on another noun is not the passive subject', () => {
    expect(ret('Upon termination, any links to your profile will be deleted.')).toBe('unspecified');
    expect(ret('Upon termination, all of your posts will be deleted.')).toBe('yes');
  });

  it('splits a glued clause number, and splits a version number the same way (no harm: numbers carry no reading)', () => {
    expect(tokenize('Section 2.1Data').map((t) => t.lower)).toEqual(['section', '2', '1', 'data']);
    expect(tokenize('iOS 15.1You').map((t) => t.lower)).toEqual(['ios', '15', '1', 'you']);
    expect(tokenize('v2.0Beta and 2.0RC').map((t) => t.lower)).toEqual(['v2', '0', 'beta', 'and', '2', '0rc']);
  });
});

describe('a refused deletion of the customer\'s software is no refusal to delete records', () => {
  it('"no other obligation to delete copies of … your Application" keeps no data; the data itself still refuses', () => {
    expect(ret('Effect of Termination\n\nUpon termination, Acme will make commercially reasonable efforts to remove all links to your Application from the Acme Services (Acme has no other obligation to delete copies of, references to, or links to your Application).')).toBe('unspecified');
    expect(ret('Upon termination, Acme has no obligation to delete copies of your Content.')).toBe('no');
    expect(ret('Upon termination, Acme has no obligation to delete data stored in your Application.')).toBe('no');
  });
});
