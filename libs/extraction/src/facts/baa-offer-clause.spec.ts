import { factOf } from '../testing/fact-of.js';

// baa_offered: the vendor signs or offers a BAA. A BAA named in an order of precedence, with the offer-like word ("will")
// in another clause of the sentence, offers nothing.
describe('baa_offered: the offer must be the BAA\'s own clause\'s', () => {
  const baa = (t: string) => factOf('baa_offered', t);
  it('a BAA in an order of precedence, with "will" only in the next clause', () => {
    expect(baa('If the documents conflict, a business associate agreement or a security addendum controls over this supplement; otherwise the order in Section 12 will apply.')).toBe('unspecified');
  });
  it('near misses: an offer in the same clause, before or after another clause', () => {
    expect(baa('We will sign a business associate agreement with covered entities; contact sales to request one.')).toBe('yes');
    expect(baa('Pricing is listed on our website; customers on the Enterprise plan can request our BAA.')).toBe('yes');
  });
});
