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

// A clause that sets the rule aside binds the vendor to nothing: its 60 days are not the vendor's deadline.
describe('factText: a breach notice that sets 45 CFR 164.410 aside', () => {
  it('is not read as the rule\'s deadline: no deadline is stated, and the rule is set aside', () => {
    const notStated = 'Not stated (sets 45 CFR 164.410 aside)';
    for (const quote of [
      'Business Associate is not subject to 45 C.F.R. § 164.410 and shall report breaches of unsecured PHI as it deems reasonable.',
      'Notwithstanding 45 CFR 164.410, Business Associate shall report any breach of unsecured PHI when practicable.',
      'The notification deadlines of the Breach Notification Rule shall not apply to Vendor\'s reports of security incidents.',
      'Business Associate shall not be bound by the time limits of 45 CFR 164.410 when it reports a breach to Covered Entity.',
    ]) expect([quote, factText({ value: null, evidence: [{ quote }] })]).toEqual([quote, notStated]);
  });
  it('still reads a binding clause that merely sits beside a negation', () => {
    for (const quote of [
      'Notwithstanding anything to the contrary, Business Associate shall report any breach of unsecured PHI as required by 45 CFR 164.410.',
      'Business Associate shall report any breach of unsecured PHI as required by 45 CFR 164.410 and shall not delay such report.',
      'Business Associate shall not fail to report any breach as required by 45 CFR 164.410.',
    ]) expect([quote, factText({ value: null, evidence: [{ quote }] })]).toEqual([quote, 'As 45 CFR 164.410 requires (at most 60 days)']);
  });
  // Review probes: a set-aside word whose object is not the rule, and a carve-out of some incidents, still bind.
  it('still reads a clause that defers to the rule after a set-aside word, or carves some incidents out of it', () => {
    for (const quote of [
      'Business Associate shall comply with 45 CFR 164.410, notwithstanding any other provision of this Agreement.',
      'Business Associate shall notify Covered Entity instead of the individuals as required by 45 CFR 164.410.',
      'Business Associate shall report each Breach regardless of its size as required by 45 CFR 164.410.',
      'Business Associate shall report any Breach without unreasonable delay and not subject to any delay beyond that permitted by 164.410.',
      'The notice periods in 45 CFR 164.410 shall not apply to Security Incidents that are unsuccessful attempts.',
    ]) expect([quote, factText({ value: null, evidence: [{ quote }] })]).toEqual([quote, 'As 45 CFR 164.410 requires (at most 60 days)']);
  });
  it('reads "no obligation to comply with" and "need not comply with" as setting the rule aside', () => {
    for (const quote of [
      'Business Associate shall have no obligation to comply with 45 CFR 164.410 and will report breaches at its discretion.',
      'Business Associate need not comply with 45 CFR 164.410.',
      'Business Associate is not subject to the notice deadlines as set forth in 45 CFR 164.410.',
    ]) expect([quote, factText({ value: null, evidence: [{ quote }] })]).toEqual([quote, 'Not stated (sets 45 CFR 164.410 aside)']);
  });
});
