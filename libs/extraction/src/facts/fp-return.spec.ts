import { factOf } from '../testing/fact-of.js';

// Precision causes found in the develop false positives (issue 7, xfp).
const rd = (text: string) => factOf('return_or_destroy_on_termination', text);

describe('return_or_destroy_on_termination: the parties\' Confidential Information is not the customer\'s records', () => {
  const doc = (definition: string) =>
    'This Agreement is entered into by and between Acme and the Publisher listed on such Service Order.\n\nIn the event of termination of this Agreement, Publisher shall immediately cease using the Acme Products, and each party shall destroy or return to the other party all copies in any form of the other party\u2019s Confidential Information.\n\n' +
    definition;
  it('a mutual return of Confidential Information, which the document does not say includes user data', () => {
    expect(rd(doc('"Confidential Information" means any information of the disclosing party which is confidential or proprietary to the disclosing party.'))).toBe('unspecified');
  });
  it('still reads it when Confidential Information includes the customer\'s data, or when data is named beside it', () => {
    expect(rd(doc('"Confidential Information" means any information of the disclosing party which includes Customer Data and information which is confidential.'))).toBe('yes');
    expect(rd('Upon termination of this Agreement, Acme shall return or destroy all Customer Data and Confidential Information of the Customer.')).toBe('yes');
  });
});

// Review of the xfp rule (revfp): the ways contracts put the customer's data into Confidential Information, or beside it.
describe('return_or_destroy_on_termination: Confidential Information that holds the customer\'s data is still read', () => {
  const ret = 'Upon termination of this Agreement, each party shall return or destroy the other party\'s Confidential Information.\n\n';
  it('data named with it in the same object, after the phrase', () => {
    expect(rd('Upon termination of this Agreement, each party shall return or destroy the other party\'s Confidential Information and all Customer Data in its possession.')).toBe('yes');
    expect(rd('Upon termination of this Agreement, each party shall return or destroy all Confidential Information of the other party, including any Customer Data.')).toBe('yes');
  });
  it('"Confidential Information of Customer includes Customer Data" (the common SaaS template), after a long definition', () => {
    expect(rd(`${ret}"Confidential Information" means all information disclosed by a party ("Disclosing Party") to the other party ("Receiving Party"), whether orally or in writing, that is designated as confidential or that reasonably should be understood to be confidential given the nature of the information and the circumstances of disclosure. Confidential Information of Customer includes Customer Data; Confidential Information of Acme includes the Services.`)).toBe('yes');
    expect(rd(`${ret}"Confidential Information" means all non-public information disclosed by a party to the other party, whether orally or in writing, that is designated as confidential or that reasonably should be understood to be confidential given the nature of the information and the circumstances of disclosure, including without limitation business and marketing plans, technology and technical information, product designs, business processes, and Customer Data.`)).toBe('yes');
  });
  it('"Your Data" and the customer\'s patients\' records', () => {
    expect(rd(`${ret}Your Data is your Confidential Information.`)).toBe('yes');
    expect(rd(`${ret}Customer's Confidential Information includes Customer Materials and all records of Customer's patients.`)).toBe('yes');
  });
  it('not a definition that leaves the data out', () => {
    expect(rd(`${ret}"Confidential Information" means business, technical or financial information of a party marked as confidential.`)).toBe('unspecified');
  });
});

describe('return_or_destroy_on_termination: a participle before its noun names data already removed, not a deletion', () => {
  it('"removed or deleted files may remain in backups" under an account-closing heading', () => {
    expect(rd('## Closing your account\n\nYou can close your account from the settings page. Bear in mind that erased or deleted files may remain in our backups for some time.')).toBe('unspecified');
  });
  it('still reads the deletion of such data as the act', () => {
    expect(rd('## Closing your account\n\nWhen your account is closed, your deleted files are purged from our servers within 30 days.')).toBe('yes');
  });
});

describe('return_or_destroy_on_termination: a participle after "have" or a subject is the verb (review, revx7deid)', () => {
  it('"we will have deleted information" is a deletion', () => {
    expect(rd('## Closing your account\n\nWithin 30 days after your account is closed, we will have deleted information you stored with us.')).toBe('yes');
    expect(rd('## Termination\n\nUpon termination of the agreement, the Supplier shall have permanently deleted data held for the Customer within 30 days.')).toBe('yes');
  });
});
