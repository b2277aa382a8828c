/** A stated fact's value in the details panel: a breach notice bound to 45 CFR 164.410 has no number but is not "null". */
import { shownFact } from '../../apps/dashboard/src/review-candidates.js';

describe('shownFact', () => {
  it('writes a null reading that quotes the Breach Notification Rule as the rule\'s deadline, and other values as before', () => {
    const quote = 'Report to covered entity any breach of unsecured protected health information as required by 45 CFR 164.410';
    expect(shownFact({ value: null, evidence: [{ quote, start: 0, end: quote.length }] })).toBe('As 45 CFR 164.410 requires (at most 60 days)');
    expect(shownFact({ value: 10, evidence: [] })).toBe('10');
    expect(shownFact({ value: 'legal_process_with_notice', evidence: [] })).toBe('legal process with notice');
  });
});
