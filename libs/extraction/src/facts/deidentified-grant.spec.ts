import { factOf } from '../testing/fact-of.js';

// Who acts (issue 7, x7deid): the customer granting the vendor a right makes the vendor the one who uses the data.
const de = (text: string) => factOf('deidentified_data_use', text);

describe('deidentified_data_use: a right the customer grants the vendor', () => {
  it('"You grant Acme the right to use … in an aggregated form" is the vendor\'s use', () => {
    expect(de('You grant Acme the right to use and publish the statistics of your shop in an aggregated, non-identifying form.')).toBe('allowed');
    expect(de('Customer hereby grants us a perpetual licence to share usage metrics in anonymised form with our partners.')).toBe('allowed');
  });
  it('still not the customer\'s own act or duty', () => {
    expect(de('You may aggregate the statistics of your shop and export them.')).toBe('unspecified');
    expect(de('You may not aggregate the listings of other sellers.')).toBe('unspecified');
  });
});
