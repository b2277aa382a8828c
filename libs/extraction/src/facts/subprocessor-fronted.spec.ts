import { extractFacts } from '../extract-facts.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';
import { frontedRecipients } from './subprocessor-prose-parties.js';

function names(md: string): string[] {
  const doc = loadMarkdown(md);
  const f = extractFacts(doc.text, { sections: doc.sections, links: doc.links }).facts.subprocessors_named;
  for (const e of [...f.evidence, ...(f.review ?? []).flatMap((c) => c.evidence)]) expect(doc.text.slice(e.start, e.end)).toBe(e.quote);
  return ((f.value as string[]) ?? []).slice().sort();
}

describe('a recipient fronted before the vendor\'s clause ("To X, we provide …")', () => {
  it('reads the party the vendor gives data to, a name holding another language\'s "och" whole', () => {
    const md = [
      '# Nordpass privacy policy',
      '',
      '## Who we share data with',
      '',
      'To Smsbolaget AB, we provide the civil registration number and expiry date for lookups in the register. To AB Lopp och Trav, we provide the name, surname and picture when registering for Nordpass Plus.',
      '',
    ].join('\n');
    expect(names(md)).toEqual(['AB Lopp och Trav', 'Smsbolaget AB']);
  });

  it('splits two parties joined by "and", with their offsets', () => {
    const v = 'To Adsmith and Bidwell Ltd, we disclose your email address.';
    expect(frontedRecipients(v).map((f) => [f.name, v.slice(f.at, f.at + f.name.length)])).toEqual([
      ['Adsmith', 'Adsmith'],
      ['Bidwell Ltd', 'Bidwell Ltd'],
    ]);
  });

  it('does not read a purpose, a group of people, or an object that is not data', () => {
    expect(frontedRecipients('To Improve the Services, we share usage data with partners.')).toEqual([]);
    expect(frontedRecipients('To Acme Customers, we provide free shipping on all orders.')).toEqual([]);
    expect(frontedRecipients('To users of Acme devices, we provide your account details.')).toEqual([]);
  });
});
