import { expect } from '@jest/globals';
import { extractFacts } from '../extract-facts.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';

// The review list shows three names set aside (review of issue 7's authorities and party kinds): the names held back
// for a person to decide come before the words that name no organisation, which are read everywhere in a policy.
function review(md: string): { names: string[]; review: string[] } {
  const doc = loadMarkdown(md);
  const f = extractFacts(doc.text, { sections: doc.sections, links: doc.links, uncalibrated: true }).facts.subprocessors_named;
  for (const e of [...f.evidence, ...(f.review ?? []).flatMap((c) => c.evidence)]) expect(doc.text.slice(e.start, e.end)).toBe(e.quote);
  return { names: f.value as string[], review: (f.review ?? []).map((c) => (c.value as string[]).join()) };
}
const held = '# About us\n\nWe currently use:\n\n- Quillmark Labs\n- Brightwave Health\n';

describe('names held back for review are not crowded out by words that name no organisation', () => {
  it('keeps the held names of an undecided list after categories and authorities read earlier', () => {
    // Categories in a sentence whose quote a kept name already uses, then the held list.
    expect(review(`# Sharing\n\nTo complete an order we may share your details with service providers, Couriers, Banks, Pharmacies and Mailgun.\n\n${held}`)).toEqual({ names: ['Mailgun'], review: ['Quillmark Labs', 'Brightwave Health'] });
    const r = review(`# Sharing\n\nWe may share your personal data with our service providers, such as Medicare, HMRC and Europol.\n\n${held}`);
    expect(r.review.slice(0, 2)).toEqual(['Quillmark Labs', 'Brightwave Health']);
  });

  it('offers a category repeated down the page once', () => {
    const again = 'We may share your personal data with our service providers, such as Couriers.';
    expect(review(`# Sharing\n\n${again}\n\n${again}\n\n${again}\n`).review).toEqual(['Couriers']);
  });

  it('still offers a category when nothing plausible is set aside (counter-example)', () => {
    expect(review('# Sharing\n\nWe may share your personal data with our service providers, such as Couriers.\n').review).toEqual(['Couriers']);
  });
});
