import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;
// Review of the opt-out list readings (subprocessor-opt-out-lists.spec.ts) on wordings they were not written on. Invented
// brands where the reading is of structure; real industry bodies, browsers and platforms where the wording is theirs.
/** A Markdown section: a heading, the sentence introducing a list, and the list's entries. */
const list = (intro: string, entries: string[], heading = 'Your choices'): string => [`# ${heading}`, '', intro, '', ...entries, ''].join('\n');

describe('an opt-out list whose entries are not the providers', () => {
  // Each case: what it shows, the list's intro, its entries, the names read.
  const cases: [string, string, string[], string[]][] = [
    [
      "industry opt-out pages, though the intro speaks of the vendor's partners",
      'Our advertising partners may participate in associations that provide simple ways to opt out of ad targeting, which you can access at:',
      ['- Digital Advertising Alliance: https://optout.aboutads.info/', '- Network Advertising Initiative: https://optout.networkadvertising.org/', '- YourAdChoices: https://youradchoices.com/'],
      [],
    ],
    [
      'the browsers whose settings hold the opt-out',
      'To limit how our partners use cookies, you can opt out of interest-based ads in your browser settings:',
      ['- Google Chrome: https://support.google.com/chrome/answer/95647', '- Mozilla Firefox: https://support.mozilla.org/kb/enhanced-tracking-protection'],
      [],
    ],
    [
      'the devices whose settings hold the opt-out',
      'You can also limit how our advertising partners use your device identifiers, or opt out of interest-based ads, in your device settings:',
      ['- Apple iOS: Settings > Privacy & Security > Tracking', '- Android: Settings > Google > Ads > Opt out of Ads Personalization'],
      [],
    ],
    [
      'opt-out links named by the act opted out of, not by a party',
      "We share personal information with our advertising partners for targeted advertising. You can limit how our advertising partners use your data with the opt-out options below:",
      ['- Opt Out of Targeted Advertising: https://acme.example/privacy-choices', '- Opt Out of Sale or Sharing: https://acme.example/do-not-sell', '- Opt Out of Personalized Ads: https://acme.example/ads'],
      [],
    ],
  ];
  it.each(cases)('reads no names from %s', (_what, intro, entries, expected) => {
    expect(names(list(intro, entries))).toEqual(expected);
  });
});

describe("an entry's opted-out product", () => {
  const intro = 'Some of our advertising and analytics partners offer their own opt-out options, including:';
  // Each case: what it shows, the list's entries, the names read.
  const cases: [string, string[], string[]][] = [
    [
      'is the brand when the opt-out is from a setting or mode of its advertising, not a product',
      [
        '- **Zorbex**: To opt out of Zorbex Personalized Advertising, visit https://zorbex.example/ad-settings.',
        '- **Kelvo**: To opt out of Kelvo Ads Settings personalization, visit https://kelvo.example/ads.',
        '- **Trackwise**: To opt out of Trackwise Interest-Based Ads, visit https://trackwise.example/adprefs.',
      ],
      ['Zorbex', 'Kelvo', 'Trackwise'],
    ],
    [
      "is read in the entry's own sentences, not in the next entry's",
      [
        '- **Zorbex**: For information about how Zorbex uses data from sites that use its services, visit https://zorbex.example/partner-sites.',
        '- **Zorbex Analytics**: To opt out of Zorbex Analytics, visit https://zorbex.example/optout.',
        '- **Metricly**: To opt out of Metricly Analytics, visit https://metricly.example/opt-out.',
      ],
      ['Zorbex', 'Zorbex Analytics', 'Metricly Analytics'],
    ],
  ];
  it.each(cases)('%s', (_what, entries, expected) => {
    expect(names(list(intro, entries))).toEqual(expected);
  });
});

describe('examples of services "on the Services, such as those of A and B"', () => {
  it.each([
    ['the user uses under their own terms', 'Your use of third-party services on the Site, such as those of Payvault and Coinly, is governed by their own terms and privacy policies.'],
    ['whose practices the vendor disclaims', 'We are not responsible for the content or privacy practices of third-party services on the Services, such as those of Chatterbox and Forumly.'],
    ['the user connects', 'You may choose to connect third-party services in the App, such as those of Filebox and Drively, to import your files.'],
  ])('are not recipients when the sentence names services %s', (_what, sentence) => {
    expect(names(`# Third-party services\n\n${sentence}`)).toEqual([]);
  });

  it('are all recipients after "those offered by" (the first is not taken for the one offering the Services)', () => {
    expect(names('# Analytics\n\nWe use analytics services on the Services, such as those offered by Metricly and Countwise.')).toEqual(['Metricly', 'Countwise']);
  });
});

describe('an industry opt-out programme listed among the partners', () => {
  // README: an opt-out programme is not a recipient; the partners beside it are.
  it.each([
    ['- [Network Advertising Initiative (NAI)](https://optout.networkadvertising.org/)'],
    ['- Digital Advertising Alliance (DAA)'],
    ['- Your Online Choices'],
  ])('drops %s and keeps the ad networks', (body) => {
    const intro = 'Ads may be delivered to you by Zorbex Ads, Kelvo or other advertising partners. For more information about these partners, their cookies, and how to opt out, please follow the links below.';
    expect(names(list(intro, [body, '- [Zorbex Ads](https://zorbex.example/privacy)', '- [Kelvo](https://kelvo.example/privacy)'], 'Third party advertisers'))).toEqual(['Zorbex Ads', 'Kelvo']);
  });
});
