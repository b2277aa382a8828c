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
    expect(le('**General Prohibitions**\n\nYou agree not to do any of the following:\n\n*   Post, upload, publish, submit or transmit any Content that: (i) infringes or violates a third party\'s intellectual property rights, or rights of publicity or privacy; (ii) violates, or encourages any conduct that would violate, any applicable law or regulation or would give rise to civil liability;')).toBe('unspecified');
  });
  it('still reads a disclosure on a legal ground next to it', () => {
    expect(le('We may disclose content that violates these Terms where required by applicable law.')).toBe('any_legal_request');
  });
});

describe('law_enforcement_disclosure: notice of a change in the law is not notice of a demand', () => {
  it('a promise to tell customers if the law ever requires keeping logs', () => {
    expect(le('If it ever becomes required by law for us to keep a persistent log of our customers connections, we will immediately notify our customers and do everything in our power to move jurisdictions.')).toBe('unspecified');
  });
  it('still reads notice of a disclosure the law requires', () => {
    expect(le('If it ever becomes required by law for us to disclose personal data of our customers, we will immediately notify our customers.')).toBe('legal_process_with_notice');
  });
});

describe('law_enforcement_disclosure: complying with the court order the clause is conditioned on', () => {
  const order = 'If a court order is received from a recognized legal authority with jurisdiction over Acme then the company shall comply with that order.';
  it('is judicial when it is the only path', () => {
    expect(le(order)).toBe('judicial_process_only');
  });
  it('stays any_legal_request next to a path on any request, and a court order next to the law is no judicial limit', () => {
    expect(le(`${order} We may also disclose personal data to law enforcement upon request.`)).toBe('any_legal_request');
    expect(le('Acme will comply with court orders and applicable laws that require us to disclose information.')).toBe('any_legal_request');
  });
});

describe('law_enforcement_disclosure: a notice of "such requirements" refers back to the legal obligation just disclosed on', () => {
  const share = 'We may share your personal information with law enforcement agencies, courts or regulators where we believe this is necessary to comply with a legal or regulatory obligation.';
  it('an efforts-based promise to notify of such requirements', () => {
    expect(le(`${share} Where permitted by law or regulation and reasonably practicable, we will attempt to notify you of such requirements.`)).toBe('legal_process_with_notice');
  });
  it('still any_legal_request with a discretionary notice, or a notice of something else', () => {
    expect(le(`${share} We may attempt to notify you of such requirements.`)).toBe('any_legal_request');
    expect(le(`${share} We will notify you of such changes to this policy.`)).toBe('any_legal_request');
  });
});

describe('law_enforcement_disclosure: "a legal or regulatory obligation" is the law\'s ground, coordinated', () => {
  it('a disclosure to "these parties" on a legal or regulatory obligation, and the notice of such requirements after it', () => {
    const doc = '**With law enforcement agencies, courts or regulators.** We may share your personal information with these parties where we believe this is necessary to comply with a legal or regulatory obligation, or otherwise to protect our rights. Where permitted by law or regulation and reasonably practicable, we will attempt to notify you of such requirements.';
    expect(le(doc)).toBe('legal_process_with_notice');
    expect(le(doc.replace(' Where permitted by law or regulation and reasonably practicable, we will attempt to notify you of such requirements.', ''))).toBe('any_legal_request');
  });
});

// Review of the xfp rules (revfp): forms a careful reader handles the same way, and forms that must still be read.
describe('law_enforcement_disclosure: complying with the order the clause is conditioned on guards data only when the order asks for data', () => {
  it('a court order that directs another act (suspending an account, removing content) is no judicial rule for disclosure', () => {
    expect(le('If a court order is received directing us to suspend your account, we shall comply with that order.')).toBe('unspecified');
    expect(le('If we receive a court order requiring us to remove your Content from the Service, we will comply with that order.')).toBe('unspecified');
  });
  it('still judicial when the order asks for the data, or names no act', () => {
    expect(le('If a court order is received requiring us to disclose your personal data, we shall comply with that order.')).toBe('judicial_process_only');
    expect(le('If Acme is served with a search warrant for customer data, Acme will comply with the warrant.')).toBe('judicial_process_only');
  });
});

describe('law_enforcement_disclosure: taking legal action against users who break the terms is enforcement too', () => {
  it('"in bringing legal action against", "in taking legal action against"', () => {
    expect(le('Acme may involve and cooperate with law enforcement authorities in bringing legal action against users who violate these Terms.')).toBe('unspecified');
    expect(le('Acme may cooperate with law enforcement authorities in taking legal action against anyone who breaches this Agreement.')).toBe('unspecified');
    expect(le('Acme may cooperate with law enforcement authorities in prosecuting users who violate our Acceptable Use Policy.')).toBe('unspecified');
  });
  it('still reads cooperation in prosecuting those who break the law', () => {
    expect(le('We may cooperate with law enforcement in prosecuting users who violate the law.')).toBe('any_legal_request');
  });
});

describe('law_enforcement_disclosure: the coordinated legal ground in the singular and plural alike', () => {
  it('"a legal and regulatory obligation", "any legal and regulatory requirement", "our legal or regulatory requirements"', () => {
    expect(le('We may disclose your personal data where necessary to comply with a legal and regulatory obligation.')).toBe('any_legal_request');
    expect(le('We may disclose your personal data where necessary to satisfy any legal and regulatory requirement.')).toBe('any_legal_request');
    expect(le('We may disclose your personal data where necessary to satisfy our legal or regulatory requirements.')).toBe('any_legal_request');
  });
});
