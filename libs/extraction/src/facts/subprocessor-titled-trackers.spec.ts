import { subprocessorNames } from '../testing/subprocessor-names.js';

/** The names read, sorted (uncalibrated: which names a short text asserts is the calibration's question). */
const names = (md: string): string[] => subprocessorNames(md).slice().sort();

const page = (...lines: string[]): string => ['# Orbital privacy notice', '', 'Orbital runs orbital.example, a booking site.', '', ...lines, ''].join('\n');

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
});

describe('a bare list intro in a paragraph of its own', () => {
  it('reads the list as recipients when the paragraph before lets third parties serve ads or collect data', () => {
    const md = page(
      '## Advertising and Analytics Services Provided by Others',
      '',
      'We may allow third parties to serve advertisements on our behalf and to provide analytics services. These entities may use cookies to collect information about your use of the Services.',
      '',
      'In particular, we use:',
      '',
      '*   Statwise, to collect analytics information relating to the Services.',
      '*   Crashwatch, to get crash reports and metrics.',
    );
    expect(names(md)).toEqual(['Crashwatch', 'Statwise']);
  });

  it('does not when the paragraph before says nothing of third parties', () => {
    const md = page(
      '## Our tools',
      '',
      'We build our apps with care and test them on many devices.',
      '',
      'In particular, we use:',
      '',
      '*   Statwise, to collect analytics information relating to the Services.',
    );
    expect(names(md)).toEqual([]);
  });
});
