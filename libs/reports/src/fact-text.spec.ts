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

describe('factText: a breach notice bound to 45 CFR 164.410', () => {
  it('says the rule\'s deadline, not "Not stated"; a null reading quoting no rule is still not stated', () => {
    const quote = 'Report to covered entity any breach of unsecured protected health information as required by 45 CFR 164.410';
    expect(factText({ value: null, evidence: [{ quote }] })).toBe('As 45 CFR 164.410 requires (at most 60 days)');
    expect(factText({ value: null, evidence: [] })).toBe(factText({ value: null }));
    expect(factText({ value: null, evidence: [{ quote: 'Vendor will report breaches promptly' }] })).toBe(factText({ value: null }));
  });
});
