import { extractFacts } from '../extract-facts.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';

/** Sub-processor names of a Markdown text, with every quote checked verbatim at its offsets. */
function names(md: string): string[] {
  const doc = loadMarkdown(md);
  const f = extractFacts(doc.text, { sections: doc.sections, links: doc.links }).facts.subprocessors_named;
  for (const e of [...f.evidence, ...(f.review ?? []).flatMap((c) => c.evidence)]) expect(doc.text.slice(e.start, e.end)).toBe(e.quote);
  return (f.value as string[]) ?? [];
}

const cookies = (header: string, rows: string[]): string =>
  ['# Orbital cookie notice', '', 'Orbital uses the cookies listed below on orbital.example.', '', '## Functional cookies', '', header, '| --- | --- | --- | --- |', ...rows, ''].join('\n');

describe('sub-processors in the provider column of a cookie table', () => {
  it('reads every party the column says sets a cookie, the vendor\'s own rows left out', () => {
    const md = cookies('| Name | Type | Provider | Purpose |', [
      '| _ob_pref | Cookie | orbital.example | Remembers your choices. |',
      '| _ob_sess | Cookie | Orbital | Keeps you signed in. |',
      '| _sw_id | Cookie | Statwise | Counts visits across pages. |',
      '| waf_token | Local Storage | Nimbus Shield (NS) | Tells people from bots. |',
    ]);
    expect(names(md).sort()).toEqual(['Nimbus Shield (NS)', 'Statwise']);
  });

  it('reads cells that repeat their column title ("Provider<br><br>Statwise")', () => {
    const md = cookies('| Name | Type | Provider | Purpose |', ['| Name<br><br>_sw_id | Type<br><br>Cookie | Provider<br><br>Statwise | Purpose<br><br>Counts visits. |']);
    expect(names(md)).toEqual(['Statwise']);
  });

  it('does not read a cookie table without a provider column, nor a cell of two parties', () => {
    // The first column names cookies, not the parties that set them.
    expect(names(cookies('| Cookie | Type | Lifetime | Purpose |', ['| Statwise Counter | Cookie | 1 year | Counts visits. |']))).toEqual([]);
    // "Adsmith / Chirper": the row does not say which of the two sets the cookie.
    expect(names(cookies('| Name | Type | Provider | Purpose |', ['| _px | Pixel | Adsmith / Chirper | Measures ads. |']))).toEqual([]);
  });

  it('reads a "who sets these cookies" column of links, in a table whose rows run over several sentences', () => {
    const md = (title: string): string =>
      [
        '# Orbital cookie statement',
        '',
        'Orbital uses the cookies described below.',
        '',
        '|     |     |',
        '| --- | --- |',
        `| **Types of cookies** | **${title}** |`,
        '| **Essential cookies:** These cookies are needed to sign you in. They cannot be switched off. | Orbital |',
        '| **Performance cookies:** These cookies make the site faster. However, without them some features may not work. | [Statwise](https://statwise.example/privacy) |',
        '| **Analytics cookies:** These cookies count visits. They help us understand use. | [Vidstream](https://vidstream.example/privacy)  <br>[Heatmapr](https://heatmapr.example/tos) |',
        '',
      ].join('\n');
    expect(names(md('Who sets these cookies')).sort()).toEqual(['Heatmapr', 'Statwise', 'Vidstream']);
    // A column of what the cookies are for: its links are not said to be the parties that set them.
    expect(names(md('Where to learn more'))).toEqual([]);
  });
});
