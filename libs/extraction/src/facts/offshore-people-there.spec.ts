import { factOf } from '../testing/fact-of.js';

// offshore_processing (README): data stored or processed outside the vendor's home region. A place that locates people
// ("accessible to people in Australia") says where an audience or users are, not where the vendor's data goes.
describe('offshore_processing: a place that locates people is no destination of data', () => {
  const off = (t: string) => factOf('offshore_processing', `Acme, Inc. is a Delaware corporation. ${t}`);
  it('content reaching people abroad, and users abroad named beside data', () => {
    expect(off('These house rules apply to content accessible to people in Australia.')).toBe('unspecified');
    expect(off('The premium features and their content are accessible to subscribers in Japan.')).toBe('unspecified');
    expect(off('Uploaded files are made accessible to viewers in Canada and Mexico.')).toBe('unspecified');
  });
  it('near misses: the people who handle the data abroad, and a destination after users abroad, still count', () => {
    expect(off('Your data is accessible to our support staff in India.')).toBe('yes');
    expect(off('Data about our customers in Canada is stored in Ireland.')).toBe('yes');
    expect(off('Your files are accessible to our engineering teams in Poland.')).toBe('yes');
  });
});
