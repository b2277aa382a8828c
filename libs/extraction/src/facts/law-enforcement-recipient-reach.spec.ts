import { factOf } from '../testing/fact-of.js';

// law_enforcement_disclosure: information given to the user "as required by law" is no disclosure to an authority, but
// only a party the disclosure itself is directed to receives. A "with users" or "to user …" that belongs to another act
// of the clause, or names whose data it is, is no recipient of the disclosure.
describe('law_enforcement_disclosure: the user named after another act or as the data\'s owner receives nothing', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  it('a party of a later act, or the owner in an example of the data, leaves the legal disclosure standing', () => {
    expect(le('We may access, preserve or disclose your information if we are required to do so by law or if we believe in good faith that it is necessary to comply with a subpoena, to enforce our agreements with users, or to protect our rights.')).toBe('any_legal_request');
    expect(le('To respond to government requests, we may disclose any information we consider appropriate, including but not limited to user account details.')).toBe('any_legal_request');
  });
  it('near misses: the user told by the disclosure itself, as required by law, is still no authority', () => {
    expect(le('As required by law, we will provide copies of your records to you.')).toBe('unspecified');
    expect(le('If required by law, we may disclose information to our users.')).toBe('unspecified');
    expect(le('Where the law requires it, we will disclose and deliver the records of an account to its users.')).toBe('unspecified');
    expect(le('If the law requires it, we will provide the stored records to you.')).toBe('unspecified');
  });
});
