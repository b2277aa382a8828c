import { factOf } from '../testing/fact-of.js';

// offshore_processing (README: yes when data may be stored or processed outside the vendor's home region): where a
// licence's rights run ("worldwide", "anywhere in the world", "a license in Japan and other countries") and where goods
// are shipped are not where the person's data is kept.
const off = (t: string) => factOf('offshore_processing', t);

describe('offshore_processing: a licence\'s territory and goods shipped are not data abroad', () => {
  it('a content licence granted for anywhere in the world', () => {
    expect(off('You grant us a worldwide, royalty-free licence to use, copy, modify, distribute, store, perform, and display Your Content in all media formats and channels now known or later developed anywhere in the world.')).toBe('unspecified');
  });
  it('a licence granted in named countries', () => {
    expect(off('Subject to the Rules, the Company grants to Contracting Parties a non-exclusive and non-transferable license in Japan and other countries to design and develop software using the SDK.')).toBe('unspecified');
  });
  it('merchandise shipped to an address', () => {
    expect(off('Based on the User\'s request, the Company shall, via Partner Warehouse Contractors, ship Stored Merchandise to the address specified by the User (addresses within Japan only).')).toBe('unspecified');
  });
  it('near misses: data stored or transferred abroad', () => {
    expect(off('Your content may be stored on servers anywhere in the world.')).toBe('yes');
    expect(off('We may transfer your personal data to servers in India and other countries.')).toBe('yes');
    expect(off('Our license to your content is worldwide, and your data may be stored on servers in India.')).toBe('yes');
  });
  it('near misses: the licence or the shipping is passed over, not the clause after it', () => {
    expect(off('You grant us a worldwide, royalty-free licence to use Your Content, and your content may be stored on servers in India.')).toBe('yes');
    expect(off('We ship your orders from our warehouse and we transfer your personal data to our fulfilment partners in China.')).toBe('yes');
    expect(off('To ship your orders, we transfer your personal data to our fulfilment partners in China.')).toBe('yes');
  });
});
