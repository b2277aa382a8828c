import { factOf } from '../testing/fact-of.js';

/**
 * Refusals read once (issue 7): the fact readers name an act ("sell … data", "require … providers", "offer … a BAA")
 * and the shared negation reader says whether it is refused (clauses/refusal.ts), in the sentence or through a list's
 * lead-in. Each rule with a near miss written for another kind of policy, where it must not fire.
 */
describe('a refusal reaches only its own clause (the readers\' "not … {0,50} act" patterns reached across clauses)', () => {
  it('data sale: a refusal of cookies does not reach a sale stated in a clause of its own (prohibited on main)', () => {
    expect(factOf('data_sale_or_marketing', 'We never use cookies, and your data is sold to data brokers.')).not.toBe('prohibited');
  });
  it('near miss: one refusal over both acts is still a refusal of the sale', () => {
    expect(factOf('data_sale_or_marketing', 'We never use tracking cookies or sell your personal information to data brokers.')).toBe('prohibited');
  });
  it('flow-down: "we do not sell data, and we require our service providers to …" is no disclaimer (no on main)', () => {
    expect(factOf('subcontractor_flowdown', 'We do not sell data, and we require our service providers to protect it under the same obligations as this Privacy Policy.')).toBe('yes');
  });
  it('near miss: a binding refused is a disclaimer', () => {
    expect(factOf('subcontractor_flowdown', 'We do not require our service providers to follow this Privacy Policy.')).toBe('no');
  });
  it('BAA: a refusal to store health data does not reach a BAA offered in a clause of its own (no on main)', () => {
    expect(factOf('baa_offered', 'We do not store PHI, but we offer a Business Associate Agreement to covered entities.')).not.toBe('no');
  });
  it('near miss: the BAA itself refused', () => {
    expect(factOf('baa_offered', 'We do not offer a Business Associate Agreement to covered entities.')).toBe('no');
  });
});

describe('a negated list lead-in refuses its items, for every fact that reads refusals', () => {
  it('data sale: "We do not:" then "- sell your personal information" (unspecified on main)', () => {
    expect(factOf('data_sale_or_marketing', 'We do not:\n\n- sell your personal information;\n- rent your email address to marketers.')).toBe('prohibited');
  });
  it('near miss: items under the same lead-in that name no sale', () => {
    expect(factOf('data_sale_or_marketing', 'We do not:\n\n- use cookies on the checkout page;\n- store payment card numbers.')).toBe('unspecified');
  });
  it('near miss: a lead-in that is not negated refuses nothing', () => {
    expect(factOf('data_sale_or_marketing', 'We will:\n\n- sell your personal information to data brokers;\n- keep it for two years.')).not.toBe('prohibited');
  });
  it('BAA: "We do not:" then "- sign Business Associate Agreements" (unspecified on main)', () => {
    expect(factOf('baa_offered', 'For our consumer app, we do not:\n\n- sign Business Associate Agreements;\n- accept payment by cheque.')).toBe('no');
  });
});

describe('a list lead-in that ends in an exception makes its items the exceptions', () => {
  it('law enforcement: "We will not disclose … except:" then legal-process items (unspecified on main)', () => {
    expect(factOf('law_enforcement_disclosure', 'We will not disclose your personal information to third parties except:\n\n- to comply with a subpoena, court order or other legal process;\n- in response to a request from law enforcement.')).toBe('any_legal_request');
  });
  it('near miss: a lead-in that is negated without an exception refuses its items', () => {
    expect(factOf('law_enforcement_disclosure', 'We will not disclose your personal information to third parties, including:\n\n- to comply with a subpoena or other legal process;\n- to advertisers.')).toBe('unspecified');
  });
});

describe('reviewers\' leftovers, read generally', () => {
  it('data sale: a refused sale whose exception is the person\'s consent may happen (prohibited on main)', () => {
    expect(factOf('data_sale_or_marketing', 'We do not sell your personal information to third parties other than with your consent.')).toBe('allowed');
  });
  it('near miss: consent that is another clause\'s, or an exception that is no consent, leaves the refusal', () => {
    expect(factOf('data_sale_or_marketing', 'We do not sell your personal information, and we will not share it with advertisers without your consent.')).toBe('prohibited');
    expect(factOf('data_sale_or_marketing', 'We do not sell your personal information to third parties other than to our successor in a merger.')).toBe('prohibited');
  });
  it('offshore: storage confined, but a team abroad may access the data (no on main)', () => {
    expect(factOf('offshore_processing', 'Your data is never stored outside the United States, although our support team in the Philippines may access it to help you.')).toBe('yes');
  });
  it('near miss: the user reaching the data while abroad leaves the confinement', () => {
    expect(factOf('offshore_processing', 'Your data is never stored outside the United States, although you may access it while travelling in Canada.')).toBe('no');
  });
  it('data sale: offers another company sends are its marketing, not the vendor\'s (allowed on main)', () => {
    expect(factOf('data_sale_or_marketing', 'Our retail partners may send you offers and promotions about their products.')).toBe('unspecified');
  });
  it('near miss: the vendor sending its partners\' offers markets to the person', () => {
    expect(factOf('data_sale_or_marketing', 'We may send you offers and promotions from our retail partners.')).toBe('allowed');
  });
  it('data sale: advertising as the last of the uses of the data just described (unspecified on main)', () => {
    expect(factOf('data_sale_or_marketing', 'Additionally, we use this information for site optimization, fraud/security purposes, and advertising.')).toBe('allowed');
  });
  it('near miss: advertising inside another purpose', () => {
    expect(factOf('data_sale_or_marketing', 'We use this information for fraud prevention and to measure the effectiveness of advertising.')).toBe('unspecified');
  });
});

describe('ota-fresh21 misses read generally', () => {
  it('BAA: submitting health data named a violation of the policy is a prohibition (unspecified on main)', () => {
    expect(factOf('baa_offered', 'For this reason, it will be a violation of this Privacy Policy to provide us with any sensitive personal information, such as health data, through User Submissions.')).toBe('no');
  });
  it('near miss: a violation of a law, or of the terms by other data, says nothing of the service and health data', () => {
    expect(factOf('baa_offered', 'It is a violation of HIPAA to disclose health information without the patient\'s authorization.')).toBe('unspecified');
    expect(factOf('baa_offered', 'It is a violation of these Terms to provide false information, such as a fake name, when you register.')).toBe('unspecified');
  });
});

describe('a lead-in\'s actor carries to its items', () => {
  it('data sale: items under a lead-in that forbids users something are the users\' rules (prohibited before this)', () => {
    expect(factOf('data_sale_or_marketing', 'In particular, it is forbidden for our Users to post online any content:\n\n- constituting financial scams;\n- offering to buy or sell personal information.')).toBe('unspecified');
  });
  it('near miss: the vendor\'s own negated lead-in still refuses', () => {
    expect(factOf('data_sale_or_marketing', 'In particular, we will never:\n\n- sell personal information;\n- send spam.')).toBe('prohibited');
  });
});
