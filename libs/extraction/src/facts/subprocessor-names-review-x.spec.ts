import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// Review of the xnames merge (67e8ea6): sentence and table forms its specs did not try.

describe('a collectively named group: what passes data to the alias and what does not', () => {
  const definition = (quote: [string, string]) =>
    `# Introduction\n\nThis policy covers the Orbitel services. We are part of the Orbitel family of companies, which includes Nimbus Media, Skyfold, and others (${quote[0]}Our Related Businesses${quote[1]}).\n\n`;
  const straight = definition(['"', '"']);

  it('reads the members when the alias is given in single quotes', () => {
    const md = (q: [string, string]) => definition(q) + '# Sharing\n\nWe may disclose your personal information to Our Related Businesses.\n';
    expect(names(md(['‘', '’'])).sort()).toEqual(['Nimbus Media', 'Skyfold']);
    expect(names(md(["'", "'"])).sort()).toEqual(['Nimbus Media', 'Skyfold']);
  });

  it('still reads them from a passive or a pronoun object ("may be shared with", "share it with")', () => {
    expect(names(straight + '# Sharing\n\nYour personal information may be shared with Our Related Businesses.\n').sort()).toEqual(['Nimbus Media', 'Skyfold']);
    expect(names(straight + '# Sharing\n\nWe do not sell your personal information, but we may share it with Our Related Businesses.\n').sort()).toEqual(['Nimbus Media', 'Skyfold']);
  });

  it('does not read them when what goes to the alias is not data (links, services, offers)', () => {
    expect(names(straight + "# Links\n\nWe provide links to Our Related Businesses' websites, which have privacy policies of their own.\n")).toEqual([]);
    expect(names(straight + '# Services\n\nWe provide technology services to Our Related Businesses and to other companies.\n')).toEqual([]);
    expect(names(straight + '# Offers\n\nWe may send you offers relating to Our Related Businesses.\n')).toEqual([]);
  });

  it('does not read them when the user, not the vendor, gives them the data', () => {
    expect(names(straight + '# Other services\n\nIf you provide information directly to Our Related Businesses, their own privacy policies apply.\n')).toEqual([]);
  });
});

describe('a list item whose title line is a kind of service, its description naming the provider', () => {
  const intro = '# Sharing\n\nWe share your information with the following service providers for payment processing and email delivery:\n\n';

  it('reads the provider of the description, not the kind', () => {
    const md = intro + '*   **Payment Processing**  \n    We use Quillpay to process your card payments.\n*   **Email Delivery**  \n    Mailwisp delivers our emails.\n';
    expect(names(md).sort()).toEqual(['Mailwisp', 'Quillpay']);
  });

  it('still reads a title line that is a name beside it', () => {
    const md = intro + '*   **Payment Processing**  \n    We use Quillpay to process your card payments.\n*   **Coinmarshal**  \n    Their Privacy Policy can be viewed at https://coinmarshal.example/privacy\n';
    expect(names(md).sort()).toEqual(['Coinmarshal', 'Quillpay']);
  });
});

describe('a list item of a document whose lines are wrapped at a width', () => {
  it('reads the name across the line break: a wrapped first line is no title', () => {
    const md =
      '# Hosting\n\nWe keep your data with hosting providers, who store it on our behalf\nand do not use it for their own purposes or sell it to\nanyone.\n\nThe service providers we use are:\n\n' +
      '* Amazon Web\n  Services hosts our servers in Ireland.\n* Google Cloud\n  Platform stores our backups.\n';
    expect(names(md).sort()).toEqual(['Amazon Web Services', 'Google Cloud Platform']);
  });
});

describe("an app store's in-app payments, however the list writes them", () => {
  it('are not read as processors (README: app stores are left out)', () => {
    const md =
      '# Payments\n\nThe payment processors we work with are:\n\n*   **Coinmarshal**  \n    Their Privacy Policy can be viewed at https://coinmarshal.example/privacy\n' +
      '*   **Apple In-App Purchases**  \n    Their Privacy Policy can be viewed at https://www.apple.com/legal/privacy/\n' +
      '*   **Google Play In-App Billing**  \n    Their Privacy Policy can be viewed at https://policies.google.com/privacy\n' +
      '*   **Amazon Appstore In-App Purchasing**  \n    Their Privacy Policy can be viewed at https://www.amazon.com/privacy\n';
    expect(names(md)).toEqual(['Coinmarshal']);
  });
});

describe('a cell in capitals whose row links to another party\'s privacy policy, when it names no party', () => {
  const intro = '# Advertising\n\nYour data may be shared with any of the ad technology providers listed below:\n\n| Ad technology providers | Further info |\n| --- | --- |\n| Adsmith | https://www.adsmith.com/privacy/ |\n';

  it('does not read a category of recipients', () => {
    expect(names(intro + '| SOCIAL MEDIA PLATFORMS | https://www.facebook.com/privacy/policy/ |\n| ANALYTICS PROVIDERS | https://policies.google.com/privacy |\n| DATA BROKERS | https://www.databrokerwatch.example/privacy |\n')).toEqual(['Adsmith']);
  });

  it('does not read an answer cell ("NOT APPLICABLE")', () => {
    expect(names(intro + '| NOT APPLICABLE | https://www.k7m.example/privacy-policy/ |\n')).toEqual(['Adsmith']);
  });

  it('does not read capitals made of ordinary words of the document', () => {
    const md = '# Sharing\n\nWe may share your data with advertising partners, and with measurement and analytics partners:\n\n| Partner | Privacy policy |\n| --- | --- |\n| Adsmith | https://www.adsmith.com/privacy/ |\n| MEASUREMENT AND ANALYTICS | https://www.quillmetrics.example/privacy |\n';
    expect(names(md)).toEqual(['Adsmith']);
  });

  it('still reads a party whose name is in capitals', () => {
    expect(names(intro + '| QUILL BY K7M | http://www.k7m.example/privacy-policy/ |\n').sort()).toEqual(['Adsmith', 'QUILL BY K7M']);
  });
});

describe('a word inside an e-mail address is not an ordinary word of the document', () => {
  it('a provider named once and written in lower case only inside an address is still a name', () => {
    const md = 'Payment for your plan is collected by our payment services provider Stripe on behalf of Acme. Request a refund by contacting [stripe-payments@acme.example](mailto:stripe-payments@acme.example).\n';
    expect(names(md)).toEqual(['Stripe']);
  });
});

describe('the vendor\'s own feature or product as the subject of "uses"', () => {
  // The vendor's own feature or product using X (first two), not the product as another subject's object nor another party.
  const cases: [string, string[]][] = [
    ['Similarly, our SMS feature made available to clients in the US and Canada uses Twilio to provide the SMS services.\n', ['Twilio']],
    ['Our chat tool uses Intercom to answer your questions.\n', ['Intercom']],
    ['Businesses that use our products use Intercom to answer questions.\n', []],
    ['Our partners use Intercom to answer questions.\n', []],
    // "our" before another party's word ("partner", "third-party", "customer") names that party's product, not the vendor's.
    ['Our partner products use Intercom to answer questions.\n', []],
    ['Our third-party apps use Intercom to answer questions.\n', []],
    ['Our customer apps use Intercom to answer questions.\n', []],
    ['Our mobile apps use Intercom to answer questions.\n', ['Intercom']],
  ];
  it.each(cases)('%s', (text, expected) => expect(names(text)).toEqual(expected));
});
