import { extractFacts } from '../extract-facts.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';

/** Sub-processor names of a Markdown text, with every quote checked verbatim at its offsets. */
function names(md: string): string[] {
  const doc = loadMarkdown(md);
  const f = extractFacts(doc.text, { sections: doc.sections, links: doc.links }).facts.subprocessors_named;
  for (const e of [...f.evidence, ...(f.review ?? []).flatMap((c) => c.evidence)]) expect(doc.text.slice(e.start, e.end)).toBe(e.quote);
  return ((f.value as string[]) ?? []).slice().sort();
}

const page = (...lines: string[]): string => ['# Orbital privacy notice', '', 'Orbital runs orbital.example, a booking site.', '', '## Tracking in our app', '', ...lines, ''].join('\n');

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
});
