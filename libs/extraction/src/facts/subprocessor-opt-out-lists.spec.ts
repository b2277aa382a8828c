import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;
// Invented brands: the readings are of the list and clause structure, not of any vendor's name.
/** A Markdown section: a heading, the sentence introducing a list, and the list's entries. */
const list = (heading: string, intro: string, entries: string[]): string => [`# ${heading}`, '', intro, '', ...entries, ''].join('\n');

// Each case: what it shows, the section's heading, the list's intro, its entries, and the names read.
const cases: [string, string, string, string[], string[]][] = [
  [
    'reads each entry as a provider when the intro calls them "our … vendors/providers" and offers their opt-outs',
    'Your choices',
    'Some of our cookie, pixel, and tracking technology vendors offer tools that you can use to limit or opt out of their tracking technologies, including:',
    [
      '- **Trackwise**: To withdraw your consent or opt out of the processing of your data, visit https://trackwise.example/opt_out.',
      '- **Adlumen**: To manage your Adlumen preferences, click https://adlumen.example/.',
    ],
    ['Trackwise', 'Adlumen'],
  ],
  [
    'reads an entry that opens with the opt-out as the product opted out of',
    'Analytics opt-out',
    'To disable analytics cookies, you can use your browser controls or, for some of our providers, you can use their individual opt-out mechanisms:',
    ['- Opt Out of Metricly Analytics: https://metricly.example/optout.'],
    ['Metricly Analytics'],
  ],
  [
    "reads the brand's product an entry lets the user opt out of, but not an act or the brand itself",
    'Your choices',
    'Some of our advertising and analytics partners offer their own opt-out options, including:',
    [
      '- **Zorbex**: For information on how Zorbex Analytics uses data collected through the Services, visit https://zorbex.example/partners. To opt out of Zorbex Analytics, click https://zorbex.example/optout.',
      '- **Kelvo**: To opt out of sharing information with Kelvo Marketing Cloud, click https://kelvo.example/optout.',
    ],
    ['Zorbex Analytics', 'Kelvo'],
  ],
  [
    "does not read industry opt-out pages, introduced without the vendor's providers",
    'Your choices',
    'You can opt out of interest-based advertising by the participating companies through these pages:',
    ['- Ad Choice Alliance: https://adchoice.example/', '- Network Ad Forum: https://naf.example/optout'],
    [],
  ],
];

describe("a list of the vendor's own providers with their opt-out links", () => {
  it.each(cases)('%s', (_what, heading, intro, entries, expected) => {
    expect(names(list(heading, intro, entries))).toEqual(expected);
  });
});

describe('examples of the parties a vendor shares data with, after a modifier of the parties', () => {
  it('reads examples after "acting as …" with a parenthesis, and "such as those of" after a kind on the Services', () => {
    expect(
      names('# Sharing\n\nWe may share your hashed email address with third parties, acting as “controllers” (as defined in the GDPR), including Idgraph and its group companies.'),
    ).toEqual(['Idgraph']);
    expect(names('# Analytics\n\nWe use third-party analytics services on the Services, such as those of Metricly Analytics and Countwise Analytics.')).toEqual([
      'Metricly Analytics',
      'Countwise Analytics',
    ]);
  });

  it('does not read examples of what the user chooses to disclose', () => {
    expect(names('# Sharing\n\nYou may choose to disclose your information to third parties, acting on your own behalf, including Chirper.')).toEqual([]);
  });
});
