import { extractFacts } from '../extract-facts.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';

/** Sub-processor names of a Markdown text, with every quote checked verbatim at its offsets. */
function names(md: string): string[] {
  const doc = loadMarkdown(md);
  const f = extractFacts(doc.text, { sections: doc.sections, links: doc.links }).facts.subprocessors_named;
  for (const e of [...f.evidence, ...(f.review ?? []).flatMap((c) => c.evidence)]) expect(doc.text.slice(e.start, e.end)).toBe(e.quote);
  return ((f.value as string[]) ?? []).slice().sort();
}

const cookies = (header: string, rows: string[]): string =>
  ['# Orbital cookie notice', '', 'Orbital uses the cookies listed below on orbital.example.', '', '## Third party cookies', '', header, '| --- | --- | --- | --- |', ...rows, ''].join('\n');

describe('sub-processors in the "Third party" column of a cookie table', () => {
  it('reads the party each row names there, without the web address written after it', () => {
    const md = cookies('| Type | Name | Third party | Purpose |', [
      '| Beacon and Cookie | _bx | Botwall ([https://botwall.example/legal/privacy/](https://botwall.example/legal/privacy/)) | Security |',
      '| Script and Cookie | st_id | Statwise [https://statwise.example/privacy](https://statwise.example/privacy) | Counts visits |',
    ]);
    expect(names(md)).toEqual(['Botwall', 'Statwise']);
  });

  it('still reads no party from a column that answers yes or no', () => {
    const md = cookies('| Name | Third party | Purpose | Lifetime |', ['| _ob_pref | No | Remembers your choices | 1 year |', '| _sw_id | Yes | Counts visits | 1 year |', '| _ob_x | Third Party | Load balancing | Session |']);
    expect(names(md)).toEqual([]);
  });
});
