import { factOf } from '../testing/fact-of.js';

// law_enforcement_disclosure: "your use or disclosure of member data" gives the act to the user; "we may retain your
// information or disclose it" does not: "your" owns the data, and "disclose" is the vendor's verb (its object follows).
describe('law_enforcement_disclosure: "your" before a verb of the vendor names the data\'s owner, not the discloser', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  it('the vendor retains or processes "your" data and discloses it', () => {
    expect(le('We may retain your information or disclose it to law enforcement in response to any subpoena or legal request.')).toBe('any_legal_request');
    expect(le('We may process your data and disclose it to government authorities in response to any legal request.')).toBe('any_legal_request');
  });
  it('near misses: the user\'s act named by a noun after "your"', () => {
    expect(le('Your use or disclosure of patient data to government agencies must comply with the law.')).toBe('unspecified');
    expect(le('In the event of a change to your use or disclosure of member data, you must notify members as required by applicable law.')).toBe('unspecified');
  });
});
