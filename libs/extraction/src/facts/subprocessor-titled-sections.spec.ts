import { subprocessorNames as names } from '../testing/subprocessor-names.js';
import { randomStrings } from '../testing/random-strings.js';
import { nameOpening } from './subprocessor-titled-sections.js';

// A subsection titled by one provider (after its number or a lead like "Use of") whose first sentences give it a role.
describe('a section titled by one provider', () => {
  const head = '# Privacy Policy of Lumenwick\n\nThis policy explains how Lumenwick handles your data.\n\n## 7. Tools on our website\n\n';

  it('reads a numbered title whose body calls it our service provider', () => {
    const md = head + '### 7.2. Hostrail GmbH\n\nThis is our hosting provider for the members area.\n';
    expect(names(md)).toEqual(['Hostrail GmbH']);
  });

  it('reads a title with a lead whose body describes the service as offered by another party', () => {
    const md = head + '### 7.1 Information on Countwise\n\nCountwise is a visitor statistics service offered by Countwise Labs that measures traffic on our pages.\n';
    expect(names(md)).toContain('Countwise');
  });

  it('reads the name of a title joining a topic and a name', () => {
    const md = head + '### Caching and Edgewall\n\nEdgewall is used as a caching proxy in front of our servers to reduce their load.\n';
    expect(names(md)).toEqual(['Edgewall']);
  });

  it('does not read a title whose body only tells the reader what they can do with it', () => {
    const md = head + '### 7.3 Gatekey\n\nYou can sign in to your account with Gatekey if you prefer.\n';
    expect(names(md)).toEqual([]);
  });

  it('does not read a feature of the vendor\'s own that the body says the vendor offers ("offered by our team", "provided by us")', () => {
    expect(names(head + '### Live Chat\n\nLive Chat is a support tool offered by our team to answer questions.\n')).toEqual([]);
    expect(names(head + '### 7.5 Quickdesk\n\nQuickdesk is a help service provided by us to answer your questions.\n')).toEqual([]);
    // Another party offering it is still one.
    expect(names(head + '### 7.5 Use of Quickdesk\n\nQuickdesk is a help service provided by Helpwire Inc. to answer your questions.\n')).toContain('Quickdesk');
  });

  it('does not read a title whose body describes the vendor\'s own feature without any other party or data', () => {
    const md = head + '### 7.4 Glowboard\n\nGlowboard is a drawing tool inside the members area.\n';
    expect(names(md)).toEqual([]);
  });
});

// A camel-case brand with a lower-case start ("ironSource") is not two words glued by a PDF's text layer.
describe('a brand written with a lower-case start and an inner capital', () => {
  it('is read when its lower-case part is no word of its own elsewhere in the document', () => {
    const md = '# Sharing\n\nWe share device identifiers with our advertising partner quillMEDIA Ltd. to show you ads.\n';
    expect(names(md)).toEqual(['quillMEDIA Ltd']);
  });

  it('is not read when its lower-case part is a word of the document elsewhere (two words glued)', () => {
    const md = '# Sharing\n\nEach sender of a letter is named in it.\n\nWe share payment data with our payment processor senderNORDPAY A/S to collect fees.\n';
    expect(names(md)).not.toContain('senderNORDPAY A/S');
  });
});

describe('nameOpening', () => {
  const asPattern = (name: string) => new RegExp(String.raw`^(?:the\s+)?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\p{L}\p{N}])`, 'iu');

  it('ends where the case-insensitive opening pattern ends, on random strings', () => {
    const alphabet = ['the', 'The', ' ', '  ', 'Statwise', 'STATWISE', 'stat', 'wise', 'é', 'É', 'K', '\u212a', 'ſ', 's', '1', '.', '𝐁', 'x'];
    const names = ['Statwise', 'the Statwise', 'Kx', 'sé', 'Éx', 'Stat.1', 'The'];
    let found = 0;
    for (const x of randomStrings(alphabet, 4000, 6, 31)) {
      for (const name of names) {
        const m = asPattern(name).exec(x);
        if (m) found++;
        expect({ x, name, end: nameOpening(x, name) }).toEqual({ x, name, end: m ? m[0].length : -1 });
      }
    }
    expect(found).toBeGreaterThan(200);
  });
});
