import { factOf } from '../testing/fact-of.js';

// data_sale_or_marketing: an email about the rules ads must follow ("advertising policy violations", "our advertising
// guidelines") is no marketing message; the marketing word there names the rules.
describe('data_sale_or_marketing: the name of advertising rules is no marketing message', () => {
  const sale = (t: string) => factOf('data_sale_or_marketing', t);
  it('an email about advertising policy or guidelines', () => {
    expect(sale('If we email you about any of the following advertising policy violations, please fix the ad as shown below.')).toBe('unspecified');
    expect(sale('We will email you when your campaign breaks one of our advertising guidelines.')).toBe('unspecified');
  });
  it('near misses: marketing or advertising sent to the person, whatever policy it follows', () => {
    expect(sale('We may email you advertising about our partners\' products.')).toBe('allowed');
    expect(sale('We may send you promotional emails in line with our marketing policy.')).toBe('allowed');
  });
});
