import { factOf } from '../testing/fact-of.js';

/**
 * Review of the shared refusal reader (issue 7): the sub-processor reader's denial moved from "a negation right before
 * the verb" to the shared reader's reach, which goes past an object and a colon. Each with a near miss where the
 * denial must still hold.
 */
describe('a denial of one act does not reach the vendor\'s next act', () => {
  it('"do not store … and use Stripe": the use is the vendor\'s own (no names on main)', () => {
    expect(factOf('subprocessors_named', 'We do not store your card details and use Stripe to process payments.')).toEqual(['Stripe']);
    expect(factOf('subprocessors_named', 'We do not run our own servers and use Amazon Web Services to host the service.')).toEqual(['Amazon Web Services']);
  });
  it('near miss: one verb group, or "or" under the negation, is still denied', () => {
    expect(factOf('subprocessors_named', 'We do not sell and share your data with Facebook.')).toEqual([]);
    expect(factOf('subprocessors_named', 'We do not sell your data or share it with Facebook.')).toEqual([]);
    expect(factOf('subprocessors_named', 'We do not currently use Intercom.')).toEqual([]);
  });
  it('a clause with its own subject after a colon explains, it is no list item (no names on main)', () => {
    expect(factOf('subprocessors_named', 'We don\'t store your payment information: we use Stripe to process payments.')).toEqual(['Stripe']);
  });
  it('near miss: the items of a negated lead-in are still refused', () => {
    expect(factOf('subprocessors_named', 'We do not: (a) use Google Analytics; (b) share your data with Facebook.')).toEqual([]);
    expect(factOf('data_sale_or_marketing', 'We do not: (a) sell your personal information; (b) rent your email address to marketers.')).toBe('prohibited');
  });
});

describe('a lead-in whose negation has the vendor as subject binds the vendor, whoever else it names', () => {
  it('BAA: "For customers on the Basic plan, we do not:" then "- sign Business Associate Agreements" (yes on main)', () => {
    expect(factOf('baa_offered', 'For customers on the Basic plan, we do not:\n\n- sign Business Associate Agreements;\n- offer phone support.')).toBe('no');
  });
  it('data sale: "For our customers, we promise that we will never:" (unspecified on main)', () => {
    expect(factOf('data_sale_or_marketing', 'For our customers, we promise that we will never:\n\n- sell your personal information;\n- rent your email address to marketers.')).toBe('prohibited');
  });
  it('near miss: a lead-in whose negation binds the members is their rule', () => {
    expect(factOf('data_sale_or_marketing', 'To keep the community safe, members may not:\n\n- sell personal information of other members;\n- send unsolicited promotional messages.')).toBe('unspecified');
    expect(factOf('data_sale_or_marketing', 'For our customers, it is forbidden for any user to post content:\n\n- offering to sell personal information.')).toBe('unspecified');
  });
});

describe('"nothing … limits our right to" is a double negation, like "restricts" (the sale refused on main)', () => {
  it('data sale: "Nothing in this policy limits our right to sell" allows the sale (prohibited on main)', () => {
    expect(factOf('data_sale_or_marketing', 'Nothing in this policy limits our right to sell your personal information to partners.')).toBe('allowed');
  });
  it('near miss: a limit that is no predicate over the act leaves the refusal', () => {
    expect(factOf('data_sale_or_marketing', 'Nothing in this policy limits your rights under the CCPA, and we do not sell your personal information.')).toBe('prohibited');
    expect(factOf('data_sale_or_marketing', 'We limit access to your data and will never sell your personal information.')).toBe('prohibited');
  });
});
