import { orbitalPage, sortedSubprocessorNames as names } from '../testing/subprocessor-names.js';

const page = (...lines: string[]): string => orbitalPage('## Tracking in our app', '', ...lines);

describe('sub-processors in a list of trackers flattened into one paragraph', () => {
  it('reads each inline entry that describes its tracker, in any sentence of the paragraph', () => {
    const md = page(
      'Essentials We use the following tracking technologies to run the app: - [Statwise Crash](https://statwise.example/crash): Used to detect crashes in the app. - **Pushly**: Used to send reminders. Also used to remember your choices. - [Flagsmith Rollout](https://flagsmith.example/) - Used for A/B testing of new screens.',
      '',
      'Analysis If you consent, we use the following tracking technology: - [Heatmapr](https://heatmapr.example/): This tracking technology is used to analyze how the app is used.',
    );
    expect(names(md)).toEqual(['Flagsmith Rollout', 'Heatmapr', 'Pushly', 'Statwise Crash']);
  });

  it('leaves inline entries alone when the intro is not about trackers or is about managing them', () => {
    const md = page(
      'We collect the following details: - Email: Used to send receipts. - Postcode: Used to find nearby stays.',
      '',
      'You can block the following tracking technologies in your device settings: - Safari: Lets you block cookies. - Chrome: Used to browse the web.',
    );
    expect(names(md)).toEqual([]);
  });

  it('leaves inline entries alone when the intro lists pieces of data or the reader\'s rights, even under a heading about cookies', () => {
    expect(names(orbitalPage('## Cookies', '', 'The following information is collected: - Browser Type: Used to render pages. - Referring URL: Used to measure campaigns. - Clickstream: Used to analyse usage.'))).toEqual([]);
    expect(names(page('Regarding cookies, you have the following rights: - Access: Allows access to the cookie data we hold. - Erasure: Used to delete the data.'))).toEqual([]);
  });

  it('leaves the vendor\'s own cookies alone, listed or inline, unless others\' cookies are listed with them', () => {
    expect(names(page('We use the following first-party cookies: - Session ID: Used to keep you logged in. - CSRF Token: Used to prevent forgery.'))).toEqual([]);
    expect(names(page('Our own cookies are the following:', '', '- CSRF Token: Used to prevent forgery.', '- Language Preference: Used to remember your language.'))).toEqual([]);
    expect(names(page('We use the following first-party and third-party cookies: - Statwise: Used to count visits.'))).toEqual(['Statwise']);
  });
});
