import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// "e.g." ends in a stop: a word boundary after it exists only when a letter follows at once ("e.g.A"), so a gate that
// asked for one skipped every "(e.g., A, B)" after a kind of provider.
describe('examples of a kind of provider introduced by "e.g."', () => {
  it('reads the examples in a parenthesis opened by "e.g.," in an entry of a recipients list', () => {
    const doc =
      '# Sharing\n\nSome of our main service providers are:\n\n' +
      '*   **Customer support services** that help us answer you (e.g., Helpwell and Ticketry).\n' +
      '*   Payments processing services that support billing (e.g., Paystride, Coinvault and Checkwise).\n';
    expect(names(doc)).toEqual(expect.arrayContaining(['Helpwell', 'Ticketry', 'Paystride', 'Coinvault', 'Checkwise']));
  });

  it('does not read "e.g." examples of a service the user signs in with or of the vendor\'s own products', () => {
    expect(names('# Accounts\n\nYou can sign in with third-party login services (e.g., Loginly or Keyfob).')).toEqual([]);
    expect(names('# About us\n\nThe market has many competing platforms (e.g., Rivalo and Competix).')).toEqual([]);
  });
});

describe('examples of a place named in the modifier of a kind of provider', () => {
  it('does not read the place given as an example as a recipient, but still reads providers given as examples', () => {
    expect(names('# Transfers\n\nWe may transfer your personal data to our service providers and partners, which are located in countries other than yours (e.g. Singapore).')).toEqual([]);
    expect(names('# Transfers\n\nWe may transfer your personal data to our service providers that help us host the service (e.g. Nimbus Hosting).')).toEqual(['Nimbus Hosting']);
  });
});

describe('examples of a service the user buys through the vendor', () => {
  it('does not read them as recipients, but reads examples of the vendor\'s own providers in the same list', () => {
    const doc = '# Orbital Privacy Policy\n\nOrbital Ltd (\"Orbital\", \"we\") provides the Orbital app.\n\n## Sharing\n\nSome of our main service providers are:\n\n' +
      '*   **Customer support services** that help us answer you (e.g., Helpwell (USA) and Ticketry (the Netherlands).\n' +
      '*   **Providers of Third Party Services.** When you purchase Third Party Services through Orbital (such as Safedrive, Mailbox or Keyvault), certain information will be shared with the provider.\n';
    expect(names(doc)).toEqual(['Helpwell', 'Ticketry']);
  });
});

describe('examples of a brand\'s own services', () => {
  it('does not read a product given as an example of a brand\'s services, but reads the providers of a kind', () => {
    expect(names('# Ads\n\nYou must comply with the Branded Content Policy, unless you are using one of Zentrix\'s paid ad services (e.g. Boostly or Zentrix Ads Manager).')).toEqual([]);
    expect(names('# Coins\n\nCoins can only be used to access other services (e.g., Zentrix\'s Boostly advertising service).')).toEqual([]);
    expect(names('# Sharing\n\nWe share your personal data with advertising services (e.g., Adsmith and Brightpanda).')).toEqual(['Adsmith', 'Brightpanda']);
  });
});

describe('a parenthesis after a name in a list of examples', () => {
  it('reads on past a country or acronym, but not past another legal name of the same entity', () => {
    expect(names('# Sharing\n\nWe share your data with payment providers (e.g., Paystride (USA), Coinvault (the Netherlands) and Checkwise (UK)).')).toEqual(
      expect.arrayContaining(['Paystride', 'Coinvault', 'Checkwise']),
    );
    expect(names('# Monitoring\n\nFor technical error monitoring, we use Errlog.io (Errlog Software, Inc., USA).')).toEqual(['Errlog.io']);
  });
});
