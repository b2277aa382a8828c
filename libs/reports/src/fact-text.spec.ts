import { factText } from './plain-language.js';

describe('factText: an abstention is not silence', () => {
  it('says a fact needs review, with the value a kept clause would support, where the extractor abstained', () => {
    expect(factText({ value: 'unspecified', review: [{ value: 'any_legal_request' }] })).toMatch(/^Needs review \(could be: /);
    expect(factText({ value: null, review: [{ value: 30 }] })).toBe('Needs review (could be: 30 days)');
  });
  it('lists the names left for review beside the names asserted, by semicolons where a name has its own comma', () => {
    expect(factText({ value: ['Stripe'], review: [{ value: ['Zendesk, Inc.', 'Twilio Inc.'] }] })).toBe('Stripe; needs review: Zendesk, Inc.; Twilio Inc.');
  });
  it('does not call a name the extractor rejected (the vendor\'s own brand, a platform page) pending review', () => {
    expect(factText({ value: [], review: [{ value: ['Facebook'], rejected: true }] })).toBe('None named');
    expect(factText({ value: ['Stripe'], review: [{ value: ['Acme'], rejected: true }, { value: ['Twilio Inc.'] }] })).toBe('Stripe; needs review: Twilio Inc.');
  });
  it('is the plain value when nothing waits for review', () => {
    expect(factText({ value: 'unspecified' })).toBe(factText({ value: 'unspecified', review: [{ value: 'unspecified' }] }));
    expect(factText({ value: [], review: [] })).toBe('None named');
  });
});
