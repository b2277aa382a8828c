import { orbitalPage as page, sortedSubprocessorNames as names } from '../testing/subprocessor-names.js';

/** A page whose section `heading` holds paragraphs each opened by a bold title on a line of its own. */
const titled = (heading: string, ...paragraphs: [title: string, body: string][]): string =>
  page(heading, '', ...paragraphs.flatMap(([title, body]) => [`**${title}**  `, body, '']));

describe('a tracker provider titling its own paragraph in a section about cookies', () => {
  it('reads the title line of each paragraph that describes its cookies, and the title run into a sentence naming it again', () => {
    const md = page(
      '## Cookies we use',
      '',
      '*   Performance cookies',
      '',
      '    These cookies are used to track visits to our site and help us measure traffic sources.',
      '',
      '    **Statwise**  ',
      '    These are performance cookies used to track visits to our website and movement around the site.',
      '',
      '    *   \\_sw',
      '',
      '    **Edgecache  ',
      '    **These are performance cookies which help us to ensure that content delivery on our site is in order.',
      '',
      '    **Splitbench** The Splitbench cookies allow us to test different versions of website pages.',
      '',
      '    **Heatmapr  ',
      '    **These are performance cookies which we use to observe user engagement. No personal data is obtained or processed.',
    );
    expect(names(md)).toEqual(['Edgecache', 'Splitbench', 'Statwise']);
  });

  it('does not read a title outside a section about cookies, nor a title of a kind of cookie', () => {
    const md = page(
      '## Our offices',
      '',
      '**Northgate**  ',
      'These are the tags of our northern office, which handles bookings.',
      '',
      '## Cookies we use',
      '',
      '**Performance Cookies**  ',
      'These cookies help us measure traffic sources.',
    );
    expect(names(md)).toEqual([]);
  });

  // Each look-alike: a section of titled paragraphs that are not a provider's description of its own cookies, beside one that is.
  it.each<[string, string, [string, string][], string[]]>([
    ['a browser titling how to control cookies in it, or instructions under a title', '## How to control cookies', [
      ['Google Chrome', 'To delete cookies in Chrome, open Settings and choose Privacy.'],
      ['Brave', 'Brave blocks tracking cookies by default.'],
      ['Consentry', 'You can change your cookie choices in the Consentry panel at any time.'],
    ], []],
    ["a cookie's own name titling the paragraph on that one cookie (a provider saying what kind its cookie is is read)", '## Cookies we use', [
      ['CookieConsent', 'This cookie stores your consent choices.'],
      ['SessionKeeper', 'This session cookie keeps you signed in.'],
      ['Audiencia', 'This is a targeting cookie to build audiences for online advertising.'],
    ], ['Audiencia']],
    ["the vendor's own product titling its paragraph (a provider the vendor calls its partner is read)", '## Cookies we use', [
      ['Skyline', 'Skyline is our booking engine; its cookies remember your search.'],
      ['Wayfinder', 'These cookies let our own Wayfinder planner remember the places you searched for.'],
      ['Statwise', 'Statwise, our analytics provider, sets these cookies to count visits.'],
    ], ['Statwise']],
  ])('does not read %s', (_what, heading, paragraphs, expected) => {
    expect(names(titled(heading, ...paragraphs))).toEqual(expected);
  });
});

describe('a platform in a recipients table row whose purpose is advertising', () => {
  const table = (purpose: string): string =>
    page(
      '## Third-party cookies',
      '',
      'These cookies, the third parties that set them, the purposes of such cookies and the means by which you can opt out, are listed in the table below.',
      '',
      '| Third Party | Privacy Policy | Purpose |',
      '| --- | --- | --- |',
      '| [Adsmith](https://adsmith.example/) | [Adsmith Privacy Policy](https://adsmith.example/privacy) | Advertising |',
      `| Facebook | [Facebook Privacy Policy](https://www.facebook.com/policy.php) | ${purpose} |`,
    );

  it('reads the platform as a recipient when its row says advertising', () => {
    expect(names(table('Advertising (Audience Network)'))).toEqual(['Adsmith', 'Facebook']);
  });

  it('leaves the platform out when its row says sign-in', () => {
    expect(names(table('Social login'))).toEqual(['Adsmith']);
  });

  it('leaves the platform out when another cell of its row says it signs the user in or supplies the data', () => {
    const md = page(
      '## Third parties we share data with',
      '',
      '| Third Party | Data | Purpose |',
      '| --- | --- | --- |',
      '| Adsmith | Device identifiers | Advertising |',
      '| Facebook | Profile we receive when you log in | Analytics |',
      '| LinkedIn | Job title received from LinkedIn | Marketing |',
    );
    expect(names(md)).toEqual(['Adsmith']);
  });
});

describe('a bare list intro in a paragraph of its own', () => {
  /** A section: a paragraph, then a list intro as a paragraph of its own, then the list. */
  const listAfter = (heading: string, before: string, intro: string, ...items: string[]): string =>
    page(heading, '', before, '', intro, '', ...items.map((i) => `*   ${i}`));

  it('reads the list as recipients when the paragraph before lets third parties serve ads or collect data', () => {
    const md = listAfter(
      '## Advertising and Analytics Services Provided by Others',
      'We may allow third parties to serve advertisements on our behalf and to provide analytics services. These entities may use cookies to collect information about your use of the Services.',
      'In particular, we use:',
      'Statwise, to collect analytics information relating to the Services.',
      'Crashwatch, to get crash reports and metrics.',
    );
    expect(names(md)).toEqual(['Crashwatch', 'Statwise']);
  });

  it('does not when the paragraph before denies third parties the data', () => {
    const before = 'We do not allow third parties to serve advertisements in our apps. We never share your data with third parties.';
    expect(names(listAfter('## Analytics', before, 'In particular, we use:', 'Countly, to count visits.'))).toEqual([]);
  });

  it('does not when the intro names a subject of its own', () => {
    const before = 'We may share data with service providers, as described in Section 5.';
    expect(names(listAfter('## Security', before, 'To secure our offices, we use:', 'Brinks, for alarm monitoring.', 'Verisure, for cameras.'))).toEqual([]);
  });

  it('does not when the paragraph before says nothing of third parties', () => {
    const before = 'We build our apps with care and test them on many devices.';
    expect(names(listAfter('## Our tools', before, 'In particular, we use:', 'Statwise, to collect analytics information relating to the Services.'))).toEqual([]);
  });
});
