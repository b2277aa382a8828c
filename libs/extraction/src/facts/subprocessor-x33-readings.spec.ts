import { orbitalPage, subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// Readings of names the develop sets label and the reader never found (issue 7, session 33): each case failed before its
// reading, and each has a near miss the reading must still leave alone.
describe('a list of names read on past a legal form written with its dot', () => {
  it('reads the names after "Ltd." in a list of examples', () => {
    const md = orbitalPage('We share your information with service providers, including Sisense Ltd., Nimbus and Appsflyer.');
    expect(names(md)).toEqual(['Sisense Ltd.', 'Nimbus', 'Appsflyer']);
  });

  it('keeps a name that only ends with a legal form at the end of its sentence as one name', () => {
    const md = orbitalPage('Your booking data is hosted by Cirrus Hosting Ltd. We never sell it.');
    expect(names(md)).toEqual(['Cirrus Hosting Ltd']);
  });
});

describe('a platform given a provider role right after its name', () => {
  it('takes a social network named "as our Marketing Service Provider"', () => {
    const md = orbitalPage('Where we share data with Facebook as our Marketing Service Provider (including via the Facebook Like function), we are joint controllers with Facebook Ireland for this processing.');
    expect(names(md)).toContain('Facebook');
  });

  it('leaves a platform the user connects to, and a platform described rather than engaged', () => {
    expect(names(orbitalPage('We share information with Facebook as our marketing partner if you connect your Facebook account.'))).not.toContain('Facebook');
    expect(names(orbitalPage('We may share your personal information with Google, a provider of search services.'))).not.toContain('Google');
  });
});

describe('providers grouped under kinds in one list', () => {
  const grouped = (kind: string, entry: string) =>
    orbitalPage(
      '## Which third parties we share your personal information with',
      '',
      'In order to store your personal data securely, we use third party software and databases. The following list shows the current providers we use for this purpose:',
      '',
      '*   **Customer support providers:**',
      '    *   Helpdeskly ([View Privacy Policy](https://helpdeskly.example/privacy))',
      `*   **${kind}:**`,
      `    *   ${entry}`,
      '*   **Monetization providers:**',
      '    *   Google AdSense ([View Privacy Policy](https://policies.google.com/privacy))',
      '',
    );

  it('reads a plain name under a lead ending in a colon as an entry, not a category', () => {
    expect(names(grouped('Digital product provider', 'Genba ([View Privacy Policy](https://genba.example/privacy))'))).toEqual(['Helpdeskly', 'Genba', 'Google AdSense']);
  });

  it('still reads a kind under such a lead as a category, not a name', () => {
    expect(names(grouped('Payment providers', 'Payment processors'))).not.toContain('Payment processors');
  });
});

describe("a brand's tracker named with its kind after \"the\"", () => {
  it('takes "the Meta Pixel" as the name the document writes', () => {
    expect(names(orbitalPage('We also use the Meta Pixel on our Website for marketing and analytics purposes.'))).toEqual(['Meta Pixel']);
  });

  it("leaves the vendor's own pixel and a product with another kind of word", () => {
    expect(names(orbitalPage('We also use the Orbital Pixel on our Website for marketing and analytics purposes.'))).toEqual([]);
    expect(names(orbitalPage('We also use the Booking Widget on our Website for marketing and analytics purposes.'))).toEqual([]);
  });
});

describe('data kept or handled "using" a named service', () => {
  it('takes the service the data is stored using', () => {
    expect(names(orbitalPage('Some of your booking information is stored using Nimbus Cloud Platform (BigQuery).'))).toEqual(['Nimbus Cloud Platform']);
  });

  it('leaves a protocol the data is transmitted using', () => {
    expect(names(orbitalPage('Limited browsing data will be transmitted using OHTTP; this helps prevent us from linking you to it.'))).toEqual([]);
  });
});
