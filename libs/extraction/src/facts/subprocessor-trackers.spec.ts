import { extractFacts } from '../extract-facts.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';

/** Sub-processor names and review reasons of a Markdown text, with every quote checked verbatim at its offsets. */
function read(md: string): { names: string[]; review: string[] } {
  const doc = loadMarkdown(md);
  const r = extractFacts(doc.text, { sections: doc.sections, links: doc.links });
  const f = r.facts.subprocessors_named;
  for (const e of [...f.evidence, ...(f.review ?? []).flatMap((c) => c.evidence)]) expect(doc.text.slice(e.start, e.end)).toBe(e.quote);
  return { names: (f.value as string[]) ?? [], review: (f.review ?? []).map((c) => `${(c.value ?? []).join()}: ${c.reason}`) };
}

const table = (rows: string[]): string =>
  ['# Cookies', '', 'You can find more information about the individual cookies we use in the table below:', '', '| Cookie | Name | Purpose |', '| --- | --- | --- |', ...rows, ''].join('\n');

describe('sub-processors in cookie and tracker tables', () => {
  it('reads a row that links to a third party\'s own privacy policy as that party receiving data', () => {
    const md = table([
      '| Site preferences | `_prefs` | Remembers your language. |',
      '| Vidstream | `vsid` | Vidstream hosts our videos.  <br>  <br>[Vidstream\'s privacy policy](https://vidstream.example/privacy) |',
      '| Chirper | `guest_id` | Chirper tracking shows which ad led to a conversion.  <br>  <br>[Chirper\'s privacy policy](https://chirper.example/privacy) |',
    ]);
    const { names } = read(md);
    // A social network in a tracker row runs its pixel on the vendor's pages: a recipient, unlike a page the vendor keeps there.
    expect(names).toEqual(expect.arrayContaining(['Vidstream', 'Chirper']));
    expect(names).not.toContain('Site preferences');
  });

  it('writes the party as the row does: the owner of the policy when the prose uses it rather than the cell\'s product name', () => {
    const md = table(['| Tallyho Beacon | `_th_trk` | Tallyho\'s cookie links each visit to the details a visitor gave.  <br>  <br>[Tallyho\'s privacy policy](https://tallyho.example/privacy) |']);
    expect(read(md).names).toEqual(['Tallyho']);
  });

  it('abstains on a row that says its cookie holds no personal information, on a cell of two things, and without a linked policy', () => {
    const noPersonal = table(['| Heatmapr | `_hm` | Heatmapr tracks clicks. No personal information is stored within the cookie.  <br>  <br>[Heatmapr\'s privacy policy](https://heatmapr.example/privacy) |']);
    const r = read(noPersonal);
    expect(r.names).toEqual([]);
    expect(r.review.join('\n')).toContain('no personal information');
    // "Tagloader with Countly": the loader and the tool it loads; the row does not say which one receives data.
    expect(read(table(['| Tagloader with Countly | `_ct` | Sets our trackers.  <br>  <br>[Tagloader\'s privacy policy](https://tagloader.example/privacy) |'])).names).toEqual([]);
    // The policy named but not linked: the row gives no reference to a third party of its own.
    expect(read(table(['| Vidstream | `vsid` | Vidstream hosts our videos. Vidstream\'s privacy policy applies. |'])).names).toEqual([]);
  });
});
