import { factOf } from '../testing/fact-of.js';

// law_enforcement_disclosure is the vendor's posture: a disclosure the user or developer is barred from (an item of a
// list under "You agree not to …:") or one the possessive gives to the user ("your use or disclosure of member data")
// is the user's act, not the vendor's.
describe('law_enforcement_disclosure: the user\'s own disclosures are not the vendor\'s', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  it('an item under a lead-in that bars the user, and the user\'s disclosure named by "your"', () => {
    expect(le('You agree not to do any of the following:\n\n1. Disclose or transfer any Content to a government agency for surveillance.')).toBe('unspecified');
    expect(le('In the event of a change to your use or disclosure of member data, you must notify members as required by applicable law.')).toBe('unspecified');
  });
  it('near misses: the vendor\'s disclosure after such a list, beside a bar on the user, or under "your use"', () => {
    expect(le('You agree not to do any of the following:\n\n1. Copy the Service.\n\nWe may disclose your data to law enforcement in response to a subpoena.')).toBe('any_legal_request');
    expect(le('You may not resell the Service, and we may disclose your data to the police in response to a subpoena.')).toBe('any_legal_request');
    expect(le('Your use of the Service is subject to our right to disclose information to comply with a court order.')).toBe('any_legal_request');
  });
});
