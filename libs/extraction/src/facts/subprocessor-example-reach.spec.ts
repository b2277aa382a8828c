import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// How far the examples of a kind of provider reach in an entry of a list of recipients ("Some of our main service
// providers are: - **Communication services** that help us … (e.g., A, Inc. (USA) and B Inc. (USA)."). Text shaped on
// NordVPN's privacy policy; the counter-examples are other vendors' sentences that must not change.
const LIST = '# Privacy Policy\n\nOrbital Ltd ("Orbital", "we") provides the Orbital app.\n\n## Sharing\n\nSome of our main long-term service providers are:\n\n';

describe('a kind of provider that opens its list item', () => {
  it('reads the examples of a kind capitalised only as the first word of its item', () => {
    const doc = LIST + '*   **Communication services** that help us send you transactional notifications and, subject to your preferences, marketing communications (e.g., Pingwave, Inc. (USA) and Textora Inc. (USA).\n';
    expect(names(doc)).toEqual(['Pingwave, Inc.', 'Textora Inc']);
  });

  it('still does not read a brand\'s own services as a kind of provider (the brand is never written in lower case)', () => {
    expect(names('# Ads\n\n- Zentrix services such as Zentrix Ads Manager and Boostly help you promote your page.\n')).toEqual([]);
  });
});

describe('a long description between a kind of provider and its examples', () => {
  it('reads examples after a description of up to about two lines', () => {
    const doc = LIST + '*   **Analytics and diagnostics services** that help us understand how our Services/Websites are used, monitor performance, detect technical issues, and improve the overall functionality and user experience (e.g., Metricly (USA)).\n';
    expect(names(doc)).toEqual(['Metricly']);
  });

  it('still reads a place given as an example after a long description as a place, not a recipient', () => {
    expect(names('# Transfers\n\nWe may transfer your personal data to our service providers and partners, which help us run the service and which are located in countries other than yours, including countries without an adequacy decision (e.g. Singapore).')).toEqual([]);
  });
});

describe('two products written with a slash in a list of examples', () => {
  it('reads both, and the companies with a legal suffix the list syntax could not reach', () => {
    const doc = LIST + '*   **Analytics services** that help us improve the Services (e.g., Metricly Analytics/Crashly Analytics (USA), Amazon group (USA), Atlas Tools Pty Ltd (USA), and Bugsmart Software Inc. (USA).\n';
    expect(names(doc)).toEqual(expect.arrayContaining(['Metricly Analytics', 'Crashly Analytics', 'Atlas Tools Pty Ltd', 'Bugsmart Software Inc.']));
  });

  it('does not split a company written with a slash after a one-word name ("Conversant/CJ Affiliate")', () => {
    expect(names('# Advertising\n\nWe share data with advertising partners such as Conversant/CJ Affiliate.')).not.toContain('CJ Affiliate');
  });

  it('reads no suffixed company past the parenthesis of the examples (the clause\'s own words)', () => {
    const doc = LIST + '*   **Payment services** that help us take payments (e.g., Paystride (USA)), all certified to the standards of PCI Security Standards Council, LLC.\n';
    expect(names(doc)).toEqual(['Paystride']);
  });

  it('reads no suffixed company past the examples in a list of sources', () => {
    const doc = '# Privacy Policy\n\n## What we collect\n\nWe collect information about you from the following sources:\n\n' +
      '*   **Verification services** that help us confirm who you are (e.g., Datastream (USA), public registers, and Listwise Holdings Ltd (UK)).\n';
    expect(names(doc)).not.toContain('Listwise Holdings Ltd');
  });
});

// "<tool> by <organisation> (its policy's address)" in a cookie table (ASUS's privacy policy): the organisation whose
// policy the text links is the one that gets the visitors' data, not the tool.
describe('the organisation behind a tracking tool, linked to its policy', () => {
  const ROW =
    '# Privacy Policy\n\n## Cookies\n\n| Type | Description |\n| --- | --- |\n' +
    '| Analytics cookies | We use cookies to measure visits, such as Tagline Manager, Visitly Analytics provided by Visitly Inc. ([https://visitly.example/cookies](https://visitly.example/cookies)), HeatSpot cookie provided HeatSpot, Inc. ([https://heatspot.example/cookies](https://heatspot.example/cookies)), Metrico cookie by InnoMetric Ltd ([https://metrico.example/privacy](https://metrico.example/privacy)). |\n';

  it('reads each organisation after "by" or "provided" that the text links to', () => {
    expect(names(ROW)).toEqual(expect.arrayContaining(['Visitly Inc.', 'HeatSpot, Inc.', 'InnoMetric Ltd']));
    expect(names(ROW)).not.toContain('Tagline Manager');
  });

  // Counter-examples: a credit or a kind before "by" (each word written in lower case elsewhere in the document), not a tool.
  it('does not read the organisation behind a credit, a font or a policy generator', () => {
    expect(names('# Privacy Policy\n\nThis policy explains how our website uses your data.\n\n## Cookies\n\nWe use only strictly necessary cookies to keep you signed in.\n\nWebsite by Pixelworks Ltd ([https://pixelworks.example](https://pixelworks.example)).')).toEqual([]);
    expect(names('# Privacy Policy\n\n## Cookies\n\nOur website uses Web Fonts by Google ([https://fonts.google.com](https://fonts.google.com)) that are stored locally on our server, so no connection to Google servers is made. The fonts are loaded from our own web server.')).toEqual([]);
    expect(names('# Privacy Policy\n\n## Cookies\n\nWe use cookies to remember your settings. This Cookie Policy was written with the Cookie Policy Generator by TermsFeed ([https://www.termsfeed.com](https://www.termsfeed.com)).')).toEqual([]);
    expect(names('# Privacy Policy\n\n## Cookies\n\nWe do not use tracking cookies. The icons on our site are licensed. Icons by Icons8 ([https://icons8.com](https://icons8.com)).')).toEqual([]);
  });

  it('does not read a sign-in provider behind its tool, nor an organisation the text does not link to', () => {
    expect(names('# Cookies\n\nYou may sign in with our Facebook Login cookie by Meta Platforms, Inc. ([https://www.facebook.com/policy](https://www.facebook.com/policy)).')).toEqual([]);
    expect(names('# Cookies\n\nOur pages use cookies, such as the Consent cookie by Orbital Ltd, to remember your choices.')).toEqual([]);
  });
});

// A recipients table's name cell written in lower case (ValueImpression's table of ad technology providers).
describe('a company name written in lower case in the name column of a recipients table', () => {
  const TABLE = (rows: string) =>
    '# Advertising\n\nYour data may be shared with any of the ad technology providers listed below.\n\n| Ad technology providers | Further info |\n| --- | --- |\n' + rows;

  it('reads a lower-case cell that ends in a legal suffix as the company', () => {
    expect(names(TABLE('| Adwise | https://adwise.example/privacy |\n| advanced STORE GmbH | https://www.ad4mat.example/en/privacy/ |\n'))).toEqual(['Adwise', 'advanced STORE GmbH']);
  });

  it('still does not read a lower-case cell without one (a kind of service)', () => {
    expect(names(TABLE('| Adwise | https://adwise.example/privacy |\n| payment processing | https://payments.example/privacy |\n'))).toEqual(['Adwise']);
  });
});
