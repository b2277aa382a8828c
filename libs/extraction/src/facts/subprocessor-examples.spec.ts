import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

describe('examples of a kind of provider described before them', () => {
  it('reads the examples after a relative clause or a qualified kind when the vendor uses them or passes data to them', () => {
    expect(names('# Sharing\n\nKey service providers we use include Nimbus Hosting, Paystride and Helpwell.')).toEqual(
      expect.arrayContaining(['Nimbus Hosting', 'Paystride', 'Helpwell']),
    );
    expect(names('# Sharing\n\nWe disclose your email address to third parties, such as Adsmith Ads and Brightpanda, who show you our ads.')).toEqual(
      expect.arrayContaining(['Adsmith Ads', 'Brightpanda']),
    );
    expect(names('# Sharing\n\nWe share your data with these companies:\n\n*   Service providers that allow us to deliver advertising to your device, such as Quickpay.\n*   Data management companies, such as Formwell, that help us collect personal data.\n')).toEqual(
      expect.arrayContaining(['Quickpay', 'Formwell']),
    );
    expect(names('# Payments\n\nOrbital uses industry-standard payment processor services (such as Paystride) to handle payment information.')).toEqual(['Paystride']);
    // A brand written with an inner capital after a lower-case start.
    expect(names('# Sharing\n\nWe share your address with these companies:\n\n*   Companies that help deliver newspapers and vouchers, such as i-Courier.\n*   Service providers that host our data, such as Nimbus Hosting.\n')).toEqual(
      expect.arrayContaining(['i-Courier', 'Nimbus Hosting']),
    );
  });

  it('does not read examples of sign-ins, of a brand\'s own products, or of data shared only once aggregated', () => {
    // A sign-in: a source of data, not a recipient.
    expect(names('# Accounts\n\nYou can sign in with third parties, such as Loginly or Keyfob.')).toEqual([]);
    // "other Brand services": the products of a group the vendor belongs to, not a kind of provider.
    expect(names('# Ads\n\nWe work with other Zentrix services such as Zentrix Ads for advertising purposes.')).toEqual([]);
    // The data goes out aggregated: no recipient of personal data.
    expect(names('# Analytics\n\n*   To combine aggregated information about our customers (that does not identify them). Some of this data will be shared with selected third parties such as Statwise.\n')).toEqual([]);
    // No verb of using or passing data in the clause: a description of a market, not a recipient.
    expect(names('# About us\n\nThe market has many competing platforms, such as Rivalo and Competix.')).toEqual([]);
  });
});
