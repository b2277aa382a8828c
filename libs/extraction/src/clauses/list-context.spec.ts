import { extractFacts } from '../extract-facts.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';
import { analyseText } from '../text/sentences.js';
import { blockIndex, isHeaderRow, listContext } from './list-context.js';
import { blocksOf, tableCells } from './structure.js';

/** The blocks of a Markdown text, as the loader and sentence splitter see it. */
function blocks(md: string) {
  const doc = loadMarkdown(md);
  const a = analyseText(doc.text, doc.sections);
  return { text: doc.text, sentences: a.sentences, blocks: blocksOf(doc.text, a.sentences, isHeaderRow) };
}

/** Sub-processor names of a Markdown text, with every quote checked verbatim at its offsets. */
function names(md: string): { value: string[]; review: string[] } {
  const doc = loadMarkdown(md);
  const r = extractFacts(doc.text, { sections: doc.sections, links: doc.links });
  const f = r.facts.subprocessors_named;
  for (const e of [...f.evidence, ...(f.review ?? []).flatMap((c) => c.evidence)]) expect(doc.text.slice(e.start, e.end)).toBe(e.quote);
  return { value: f.value as string[], review: (f.review ?? []).map((c) => (c.value as string[] | undefined)?.[0] ?? '') };
}

describe('tableCells', () => {
  it('keeps empty cells in their column and drops the outer pipes', () => {
    expect(tableCells('Acme | | Germany').map((c) => c.text)).toEqual(['Acme', '', 'Germany']);
    expect(tableCells('| Acme | Hosting |').map((c) => c.text)).toEqual(['Acme', 'Hosting']);
    // A loader's row with an empty first cell keeps it as the first column.
    expect(tableCells('| Hosting').map((c) => c.text)).toEqual(['', 'Hosting']);
    const row = 'Acme Cloud | Hosting';
    for (const c of tableCells(row)) expect(row.slice(c.at, c.at + c.text.length)).toBe(c.text);
  });
});

describe('blocksOf', () => {
  it('groups a table into one block, takes its first row as the header and skips empty rows above it', () => {
    const { blocks: bs } = blocks('## Sub-processors\n\n| | |\n|---|---|\n| Purpose | Sub-processor |\n| --- | --- |\n| Hosting | Quarry Cloud |\n| Email | Postbird |\n');
    expect(bs).toHaveLength(1);
    expect(bs[0].kind).toBe('table');
    expect(bs[0].header?.map((c) => c.text)).toEqual(['Purpose', 'Sub-processor']);
    expect(bs[0].rows.map((r) => r.cells?.[1].text)).toEqual(['Quarry Cloud', 'Postbird']);
  });

  it('keeps a list item and its further sentences in one block, and splits a list where an item introduces a nested one', () => {
    const { blocks: bs } = blocks('Intro text here.\n\n- Metrics: we measure visits. We use:\n- Plausible, for page counts.\n- Matomo Cloud, for funnels.\n');
    expect(bs).toHaveLength(2);
    expect(bs[1].intro?.view).toBe('We use:');
    expect(bs[1].lead).toContain('Metrics');
    expect(bs[1].rows.map((r) => r.view)).toEqual(['- Plausible, for page counts.', '- Matomo Cloud, for funnels.']);
  });

  it('indexes every sentence of a block, with the row for the sentence a row starts in', () => {
    const { text, sentences } = blocks('We share data with the following sub-processors:\n\n- Postbird Ltd: email. It sends receipts.\n- Quarry Cloud: hosting.\n');
    const index = blockIndex(text, sentences);
    const items = sentences.filter((s) => s.view.startsWith('- '));
    expect(items.every((s) => index.get(s.index)?.row?.sentence === s)).toBe(true);
    expect(index.get(items[0].index)?.context.role).toBe('recipients');
  });
});

describe('listContext', () => {
  const roleOf = (md: string) => listContext(blocks(md).blocks[0]).role;

  it('reads recipients from the intro, the heading or a name column titled as recipients', () => {
    expect(roleOf('We share your personal data with:\n\n- Postbird\n- Quarry Cloud\n')).toBe('recipients');
    expect(roleOf('Nous faisons appel aux sous-traitants suivants :\n\n- Postbird\n- Quarry Cloud\n')).toBe('recipients');
    expect(roleOf('## Our service providers\n\n- Postbird\n- Quarry Cloud\n')).toBe('recipients');
    expect(roleOf('## Details\n\n| Subprocessor | Purpose | Location |\n|---|---|---|\n| Postbird | Email | EU |\n')).toBe('recipients');
  });

  it('reads lists of data, uses, products and integrations as something else, whatever nouns they contain', () => {
    expect(roleOf('We collect the following information from service providers:\n\n- Name\n- Email address\n')).toBe('other');
    expect(roleOf('We use your personal information to:\n\n- Provide the Service\n- Send Updates\n')).toBe('other');
    expect(roleOf('You can connect the following integrations:\n\n- Slack\n- Trello\n')).toBe('other');
    expect(roleOf('## Sub-processors\n\nWhen engaging any Subprocessor, we will:\n\n- (a) bind it by contract;\n- (b) remain liable.\n')).not.toBe('recipients');
  });

  it('leaves a list nothing decides as unknown; a cookie table is read by its provider column, never by cookie names', () => {
    expect(roleOf('Some examples:\n\n- Postbird\n- Quarry Cloud\n')).toBe('unknown');
    const withProvider = listContext(blocks('## Cookies\n\n| Cookie | Provider | Purpose |\n|---|---|---|\n| _ga | Google | Analytics |\n').blocks[0]);
    expect(withProvider.role).toBe('recipients');
    expect(withProvider.nameColumn).toBe(1);
    expect(roleOf('## Cookies\n\n| Cookie name | Purpose | Expiry |\n|---|---|---|\n| sessionToken | Login | 1 day |\n')).not.toBe('recipients');
    expect(roleOf('Our sub-processors are listed below.\n\n- Postbird\n- Quarry Cloud\n')).toBe('recipients');
  });

  it('finds the name column and an access column from the header', () => {
    const c = listContext(blocks('## Recipients\n\n| Purpose | Vendor | Access to personal data |\n|---|---|---|\n| Hosting | Quarry Cloud | Yes |\n').blocks[0]);
    expect(c.nameColumn).toBe(1);
    expect(c.accessColumn).toBe(2);
  });
});

describe('subprocessors_named from lists and tables', () => {
  it('takes names from the name column of a recipients table, in any language, not from other columns', () => {
    const md = '## 6. Sous-traitants\n\n| Partenaire | Traitement réalisé | Pays destinataire |\n| --- | --- | --- |\n| Cloud du Ministère | Hébergement | France |\n| Postbird | Envoi d’emails | Suisse |\n';
    expect(names(md).value).toEqual(['Cloud du Ministère', 'Postbird']);
  });

  it('leaves out rows the table says have no access to personal data, and category cells', () => {
    const md = '## Sub-processors\n\n| Vendor | Purpose | Access to personal data |\n|---|---|---|\n| Quarry Cloud | Hosting | Yes |\n| Statuspage Widgets | Status page | No |\n| Payment processors | Payments | Yes |\n';
    expect(names(md).value).toEqual(['Quarry Cloud']);
  });

  it('does not read the products or data listed under a sharing heading as recipients', () => {
    const md = '## Sharing your information\n\nOur products include:\n\n- Acme Notes\n- Acme Voice\n';
    expect(names(md).value).toEqual([]);
  });

  it('in a list of recipient categories, takes only entries shaped like names', () => {
    const md = 'We share your data with the following recipients:\n\n- Service providers\n- Affiliates\n- Other users\n- PayPal, for payments\n- Fraud Prevention Partners\n';
    expect(names(md).value).toEqual(['PayPal']);
  });

  it('reads a table of parties with a column of the data passed to them, and the intro that points at a table', () => {
    const md = '## Data sharing\n\n| Party name | Personal data disclosed | Purpose |\n|---|---|---|\n| Lumen Relay | Email address | Newsletters |\n| Quarry Cloud | All data | Hosting |\n';
    expect(names(md).value).toEqual(['Lumen Relay', 'Quarry Cloud']);
    const md2 = 'Your data may be shared with the ad technology providers listed below.\n\n| Provider | Policy |\n|---|---|\n| Lumen Relay | https://example.test |\n';
    expect(names(md2).value).toEqual(['Lumen Relay']);
  });

  it('keeps the entries of an ambiguous provider list for review instead of asserting them', () => {
    const md = '## Partners\n\nHere is how it works in practice.\n\n- Lumen Relay, for example.\n- Quarry Cloud, sometimes.\n';
    const r = names(md);
    expect(r.value).toEqual([]);
    expect(r.review).toContain('Lumen Relay');
  });
});
