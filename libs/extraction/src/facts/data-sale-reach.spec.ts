import { factOf } from '../testing/fact-of.js';

/**
 * data_sale_or_marketing (issue 7, x7deid): how far a refusal and a permission reach.
 * Sentences written for the project.
 */
const sale = (text: string) => factOf('data_sale_or_marketing', text);

describe('data_sale_or_marketing: a refused list of acts reaches its purpose phrase', () => {
  it('"do not sell, rent, or use … for the purposes of targeted advertising" refuses the advertising', () => {
    expect(sale('Acme does not sell, rent, or otherwise use the information of its members for the purposes of targeted advertising.')).toBe('prohibited');
  });
  it('a permission with the same purpose phrase still reads', () => {
    expect(sale('Acme may combine the information of its members with partner data for the purposes of targeted advertising.')).toBe('allowed');
  });
});

describe('data_sale_or_marketing: ads targeted to the person\'s use, named after the ads', () => {
  it('"advertisements, which may be targeted to your activity" is targeted advertising', () => {
    expect(sale('The app shows advertisements, which may be targeted to your activity in the app.')).toBe('allowed');
  });
  it('not ads targeted to a page, nor a refused targeting', () => {
    expect(sale('The app shows advertisements, which may be targeted to the topic of the page.')).toBe('unspecified');
    expect(sale('The app shows advertisements, which are not targeted to your activity in the app.')).toBe('unspecified');
  });
});

describe('data_sale_or_marketing: a dot inside a sender\'s name ends no sentence', () => {
  it('messages sent by a dotted name including promotions are marketing', () => {
    expect(sale('Our alerts include texts sent by Example.io including reminders and promotional messages.')).toBe('allowed');
  });
});

describe('data_sale_or_marketing: a negation in another clause does not reach the purpose phrase (review, revx7deid)', () => {
  it('"Where you have not objected, Acme processes … for the purposes of targeted advertising" allows it', () => {
    expect(sale('Where you have not objected, Acme processes the pages you visit and your purchases for the purposes of targeted advertising.')).toBe('allowed');
  });
  it('a refused pair of verbs still reaches it', () => {
    expect(sale('Acme will never sell or otherwise use the information of its members for the purposes of targeted advertising.')).toBe('prohibited');
    expect(sale('We do not, under any circumstances, sell, rent, or use the information of our members for the purposes of targeted advertising.')).toBe('prohibited');
  });
});
