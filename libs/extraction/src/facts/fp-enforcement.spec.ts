import { factOf } from '../testing/fact-of.js';

// Precision causes found in the develop false positives (issue 7, xfp): each a reading a careful reader following the
// OTA labelling conventions would not make, with a counter-example that must still be read.
const le = (text: string) => factOf('law_enforcement_disclosure', text);

describe('law_enforcement_disclosure: enforcing the terms against a user is not a rule for legal requests', () => {
  it('cooperating with the authorities in prosecuting users who break the terms, with no legal ground', () => {
    expect(le('Acme will have the right to investigate and prosecute violations of any of the above. Acme may involve and cooperate with law enforcement authorities in prosecuting users who violate these Terms.')).toBe('unspecified');
  });
  it('still reads cooperation with investigations of the authorities, and a legal ground next to enforcement', () => {
    expect(le('When necessary, we also may cooperate with law enforcement to assist in potential criminal investigations.')).toBe('any_legal_request');
    expect(le('Acme may cooperate with law enforcement authorities or a court order requesting us to disclose the identity of users who violate these Terms.')).toBe('any_legal_request');
  });
});

describe('law_enforcement_disclosure: a law that is broken is no ground', () => {
  it('the law as the object of "violate" in a list of what the user must not post', () => {
    expect(le('We may remove any content that we believe:\n\n- (i) infringes the rights of others;\n- (ii) violates, or encourages any conduct that would violate, any applicable law or regulation;')).toBe('unspecified');
  });
  it('still reads a disclosure on a legal ground next to it', () => {
    expect(le('We may disclose content that violates these Terms where required by applicable law.')).toBe('any_legal_request');
  });
});
