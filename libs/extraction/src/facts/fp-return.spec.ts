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
