import { loadMarkdown } from '../loaders/markdown-loader.js';
import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// A CCPA-style disclosure table whose cell lists services a line each (`<br>`), the provider named at a line's start.
const table = (cell: string): string =>
  ['# Disclosures', '', '| Category | Recipients |', '| --- | --- |', `| Identifiers | ${cell} |`, ''].join('\n');

// Badoo's layout: the intro relating the vendor to providers, then a line per service, the provider named after a break.
const cell = (brk: string): string =>
  `We typically use Service Providers like:<br><br>*   Customer support services to help us respond to your enquiries${brk}Helpdeskly provides customer support software for managing member inquiries. It processes user contact details and message content to resolve issues.`;

describe('a line break (<br>) inside a table cell', () => {
  it('starts a sentence at the next line, so a provider named there is read', () => {
    const md = table(cell('<br>    <br>    '));
    expect(names(md)).toContain('Helpdeskly');
  });

  it('reads nothing there when the cell has no break (the name runs on from the line before, as the loader gave it)', () => {
    expect(names(table(cell(' ')))).not.toContain('Helpdeskly');
  });

  it('keeps the cell one row and every character at its source index (the break maps to the `<br>`)', () => {
    const md = table('Moderation services for member reports<br>Modwise is a content moderation platform that reviews reports.');
    const doc = loadMarkdown(md);
    const at = doc.text.indexOf('Modwise');
    expect(doc.text.slice(0, at)).toMatch(/reports\. $/);
    expect(md.slice(doc.src[at], doc.src[at] + 7)).toBe('Modwise');
    expect(md.slice(doc.src[at - 2], doc.src[at - 2] + 4)).toBe('<br>');
    expect(doc.text.split('\n').filter((l) => l.includes('Modwise'))).toHaveLength(1);
  });

  it('does not end a sentence at a break inside one (the next line in lower case)', () => {
    const doc = loadMarkdown(table('We use service providers<br>such as Helpdeskly for support.'));
    expect(doc.text).toContain('providerssuch as Helpdeskly');
  });

  it("does not cut a card's label from its value ('Purpose<br><br>Used by …'): the label is no sentence", () => {
    const doc = loadMarkdown(table('Purpose<br><br>Used by Pixelon to measure ad performance for advertisers'));
    expect(doc.text).not.toMatch(/Purpose\. /);
    expect(names(table('Purpose<br><br>Used by Pixelon to measure ad performance for advertisers'))).not.toContain('Purpose');
  });

  it('does not break a list of short items in a cell ("Identity data<br>Billing data")', () => {
    const doc = loadMarkdown(table('Identity data<br>Billing data<br>Usage data'));
    expect(doc.text).not.toContain('. ');
  });
});
