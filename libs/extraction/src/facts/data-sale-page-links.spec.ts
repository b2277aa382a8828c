import { factOf } from '../testing/fact-of.js';

// data_sale_or_marketing: a link that names a page ("our [Interest-Based Ads Notice](…)") is the title of a document the
// reader is sent to, not a statement that the vendor targets ads; a link that is the object of a statement still is one.
describe('data_sale_or_marketing: the title of a linked page states nothing', () => {
  const sale = (t: string) => factOf('data_sale_or_marketing', t);
  it('a notice or page named by its link text', () => {
    expect(sale('Please see our [Privacy Notice](https://example.com/p) and our [Interest-Based Ads Notice](https://example.com/iba) to understand how we process your information.')).toBe('unspecified');
    expect(sale('To learn more, read our [Targeted Advertising](https://example.com/ta) page.')).toBe('unspecified');
  });
  it('near misses: a link that is what the vendor does, or starts inside the statement', () => {
    expect(sale('We may show you [personalised ads](https://example.com/ads) based on your interests.')).toBe('allowed');
    expect(sale('We use your data for [targeted advertising](https://example.com/ta).')).toBe('allowed');
    expect(sale('We use your data for interest-based ads, as our [Ads Notice](https://example.com/n) explains.')).toBe('allowed');
  });
});
