import { extractFacts } from '../extract-facts.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';

/** Sub-processor names of a Markdown text, with every quote checked verbatim at its offsets. */
function names(md: string): string[] {
  const doc = loadMarkdown(md);
  const f = extractFacts(doc.text, { sections: doc.sections, links: doc.links }).facts.subprocessors_named;
  for (const e of [...f.evidence, ...(f.review ?? []).flatMap((c) => c.evidence)]) expect(doc.text.slice(e.start, e.end)).toBe(e.quote);
  return ((f.value as string[]) ?? []).slice().sort();
}

const page = (...lines: string[]): string => ['# Orbital privacy notice', '', 'Orbital runs orbital.example, a booking site.', '', ...lines, ''].join('\n');

describe('sub-processors in a list of trackers led by their providers', () => {
  it('reads the provider leading each described entry of a cookie list, in any separator', () => {
    const md = page(
      '## Cookies',
      '',
      'Cookies are small files stored on your device when you visit orbital.example.',
      '',
      '### Analytics cookies',
      '',
      '*   **Statwise** — Provides analytics to help us understand how the site is used.',
      '*   Heatmapr: These cookies are used to record where visitors click.',
      '*   **Vidstream** - Used to measure how often our videos are played.',
    );
    expect(names(md)).toEqual(['Heatmapr', 'Statwise', 'Vidstream']);
  });

  it('reads each product of one provider down the list as the list writes it', () => {
    const md = page(
      '## Non-necessary cookies',
      '',
      '*   **Acmeweb Analytics** — Used to count visits across pages.',
      '*   **Acmeweb Ads (Conversion Linker)** — Used to measure the effect of our campaigns.',
      '*   **Heatmapr** — Helps us see where visitors click.',
    );
    expect(names(md)).toEqual(['Acmeweb Ads', 'Acmeweb Analytics', 'Heatmapr']);
  });

  it('reads the provider by the shorter name its entry uses for it ("Statwise Tracker", then "Statwise checks …")', () => {
    const md = (rest: string): string => page('## Analytics cookies', '', `*   **Statwise Tracker** — Helps us count visitors.${rest}`, '*   **Adsmith Pixel** — Used to measure our campaigns.');
    expect(names(md(' Statwise checks for an existing cookie on each visit.'))).toEqual(['Adsmith Pixel', 'Statwise']);
    expect(names(md(''))).toEqual(['Adsmith Pixel', 'Statwise Tracker']);
  });

  it('reads bare entries when the intro says the listed trackers serve partners or advertising', () => {
    const md = page('## Advertising SDKs', '', 'The SDKs listed below are used by us and our advertising partners to show you relevant ads.', '', '*   Adsmith', '*   Chirpads', '*   Orbital');
    // Orbital is the vendor: its own entry is a first-party tracker.
    expect(names(md)).toEqual(['Adsmith', 'Chirpads']);
  });

  it('leaves out kinds of cookies, the vendor itself, and entries that say nothing of a tracker', () => {
    const md = page(
      "## Orbital's cookies",
      '',
      '### Necessary cookies',
      '',
      '*   **Security (attack prevention)** — These cookies allow us to stop abusive traffic.',
      '*   **Orbital** — These cookies keep you signed in.',
      '*   **Session cookies** — These cookies expire when you close the browser.',
      '*   **Statwise** — See the section above.',
      // What is loaded along with another tool says nothing of who reads it.
      '*   Fontkit: These are loaded via the consent tool.',
    );
    expect(names(md)).toEqual([]);
  });

  it('does not read lists of browsers, of cookie types, or described SDK entries', () => {
    // How to refuse cookies: the entries are browsers.
    const browsers = page('## Cookies', '', 'You can block cookies in the settings of your browser:', '', '*   Chromium: Allows you to clear cookies from its menu.', '*   Foxbrowse: Allows you to clear cookies too.');
    expect(names(browsers)).toEqual([]);
    // An SDK the vendor builds with may be a library that sends no one anything: a description alone does not make it a party.
    const sdks = page('## Strictly necessary SDKs', '', 'The SDKs listed below enable our app to work properly.', '', '*   Pixelkit: This is used to load in-app images', '*   Lintwise: This is used to check the format of our code');
    expect(names(sdks)).toEqual([]);
  });
});

describe('sub-processors in a list of trackers: entries read otherwise', () => {
  it('reads each provider as the list writes it, whatever first word two of them share', () => {
    // Labels write each product as the document does ("Microsoft Clarity", "Microsoft Advertising"); a shared first
    // word does not even make one company ("The Trade Desk", "The Rubicon Project").
    const entries = [['The Trade Desk', 'Used to show relevant ads.'], ['The Rubicon Project', 'Used to show relevant ads.'], ['Amazon Web Services', 'Provides the servers that store our analytics cookies.'], ['Amazon Advertising', 'Used to measure our ads.']];
    const md = page('## Analytics and advertising cookies', '', ...entries.map(([name, use]) => `*   **${name}** — ${use}`));
    expect(names(md)).toEqual(['Amazon Advertising', 'Amazon Web Services', 'Rubicon Project', 'Trade Desk']);
  });

  it('does not read entries that tell the reader what they can do (browsers, devices) under a cookie lead', () => {
    const browsers = page('## Controlling cookies', '', 'Instructions are available here:', '', '*   **Google Chrome** — Allows you to clear cookies in its settings.', '*   **Safari** — Lets you block cookies.', '*   **Microsoft Edge** — Allows you to delete cookies.');
    expect(names(browsers)).toEqual([]);
    const devices = page('## Advertising cookies', '', 'Your device can reset its advertising identifier:', '', '*   **iOS** — Allows you to reset it under Privacy.', '*   **Amazon Fire** — Allows you to opt out.');
    expect(names(devices)).toEqual([]);
  });

  it('does not read described entries of libraries or frameworks the vendor builds with', () => {
    const md = page('## Cookies and similar technologies', '', 'Our app is built with the following open-source libraries:', '', '*   **React Native** — Used to build our interface.', '*   **Lottie** — Used to render animations.', '*   **Moment** — Used to format dates.');
    expect(names(md)).toEqual([]);
    const tags = page('## Tags and libraries', '', '*   **Lodash** — Used to process lists in our scripts.', '*   **Lottie** — Used to render animations.');
    expect(names(tags)).toEqual([]);
  });

  it('reads a cookie named by its own name ("IDE — Used by Adsmith …") as its setter, not as a party called IDE', () => {
    const md = page('## Cookies', '', 'We use the following cookies on orbital.example.', '', '*   **NID** — Set by Statwise to remember your preferences.', '*   **IDE** — Used by Adsmith to show relevant ads.', '*   **MUID** — Used by Chirpads to measure ads.');
    expect(names(md)).toEqual(['Adsmith', 'Chirpads', 'Statwise']);
  });

  it('keeps the tracker word when the shorter name is only an ordinary word opening a sentence', () => {
    const md = page('## Advertising tags', '', '*   **Smart Pixel** — Used to measure our smart campaigns. Smart campaigns are measured so.', '*   **Adsmith Tag** — Used to measure our campaigns. Adsmith counts sales.');
    expect(names(md)).toEqual(['Adsmith', 'Smart Pixel']);
  });

  it('does not read an entry whose description says it collects no personal data', () => {
    const md = page('## Advertising tags', '', '*   **Tagloader** — Used to load our other tags. It does not collect any personal data.', '*   **Adsmith** — Used to measure our campaigns.');
    expect(names(md)).toEqual(['Adsmith']);
  });
});
