import { extractFacts } from './extract-facts.js';

/** An expired-BAA finding quotes where the document says when it ends: the sentence with the expiry date, verbatim. */
describe('a document\'s expiry date comes with its clause', () => {
  const text = '# Remindly Business Associate Agreement\n\n**Term.** This Agreement is effective January 1, 2022 and expires on December 31, 2024, unless the parties\nrenew it in a signed writing before that date. No renewal has been executed.\n';

  it('quotes the sentence stating the date, at its offsets', () => {
    const { document } = extractFacts(text);
    expect(document.expires).toBe('2024-12-31');
    const e = document.expiresEvidence!;
    expect(e.quote).toContain('expires on December 31, 2024');
    expect(e.quote).not.toContain('Business Associate Agreement');
    expect(text.slice(e.start, e.end)).toBe(e.quote);
  });

  it('has none when the document states no expiry', () => {
    expect(extractFacts('# Acme BAA\n\nThis Agreement is effective January 1, 2022.\n').document.expiresEvidence).toBeUndefined();
  });
});

describe('the expiry clause of a Markdown file is quoted from the file, at the file\'s offsets', () => {
  it('moves the quote past the markup the normalised text drops, as every fact quote is', async () => {
    const { extractDocument } = await import('./extract-document.js');
    const md = '# Remindly Business Associate Agreement\n\n**Term.** This Agreement is effective January 1, 2022 and expires on **December 31, 2024**, unless renewed.\n';
    const { document } = await extractDocument(Buffer.from(md), 'remindly-baa.md');
    const e = document.expiresEvidence!;
    expect(e.quote).toContain('expires on');
    expect(md.slice(e.start, e.end)).toBe(e.quote);
  });
});
