import fc from 'fast-check';
import { suffixAnchoredMatches } from './suffix-anchored.js';

// suffixAnchoredMatches must give exactly matchAll's matches (the extraction guard compares answers byte for byte): the
// same starts, texts and groups, in order. The pattern is the offshore reader's legal name (up to four capitalised words,
// an optional comma, a legal suffix).
const LEGAL_NAME = /([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}),?\s+(?:Inc|LLC|Corp|Corporation|GmbH|SAS|SARL|B\.V|N\.V|Oy|AB|AG|Ltd|Limited|S\.A|S\.L)\b\.?/g;
const SUFFIX = /\s(?:Inc|LLC|Corp|Corporation|GmbH|SAS|SARL|B\.V|N\.V|Oy|AB|AG|Ltd|Limited|S\.A|S\.L)\b/;

const shapes = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => ({ index: m.index, groups: [...m] }));
const anchored = (text: string) => shapes(suffixAnchoredMatches(LEGAL_NAME, SUFFIX, 4, text));
const plain = (text: string) => shapes(text.matchAll(LEGAL_NAME));

describe('suffixAnchoredMatches', () => {
  it('finds the legal names matchAll finds, written in the ways documents write them', () => {
    const text =
      'This policy of Acme Cloud GmbH applies. Name: WPEngine, Inc. (the "Company"). We use Amazon Web Services EMEA SARL and ' +
      'Stripe Payments Europe Limited, and the services of One Two Three Four Five Ltd. Data goes to N.V. Nederlandsche B.V.\n' +
      'Our processors:\tZendesk,\u00a0Inc; Google  LLC; a company Incorporated in Delaware; Acme-Data & Co AB.';
    expect(anchored(text)).toEqual(plain(text));
    expect(anchored(text).map((m) => m.groups[0])).toEqual(expect.arrayContaining(['Acme Cloud GmbH', 'WPEngine, Inc.', 'Two Three Four Five Ltd.']));
  });

  it('finds nothing where matchAll finds nothing: a suffix with no capitalised name before it, or no suffix at all', () => {
    for (const text of ['sold by a shop ltd in town; we are an inc. of sorts', 'provided by the company, Inc', 'Acme Cloud and Contoso Health are names without a legal form.']) {
      expect(anchored(text)).toEqual(plain(text));
    }
    expect(anchored('provided by the company, Inc')).toEqual([]);
  });

  it('equals matchAll on texts built from the pieces where the window could go wrong (property)', () => {
    const pieces = ['Acme', 'Cloud', 'X', 'one', ' ', '  ', '\n', '\u00a0', ',', '.', '&', "'", '-', '_', '(', ')', ';', 'é', 'Inc', 'LLC', 'Corp', 'Corporation', 'GmbH', 'B.V', 'S.A', 'Ltd', 'Limited', 'AB', 'Oy', 'Incorporated', 'Ltda'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(anchored(text)).toEqual(plain(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
