/** The "needs review" reason a person reads beside Accept / Reject: values in words, as everywhere else on the panel. */
import { reasonText } from '../../apps/dashboard/src/review-candidates.js';

describe('reasonText', () => {
  it('writes the fact\'s stored values as words', () => {
    expect(reasonText('law_enforcement_disclosure', 'a clause also reads as any_legal_request'))
      .toBe('a clause also reads as any legal request');
    expect(reasonText('ai_training_on_customer_data', 'the same sentence says opt_out, not opt_in'))
      .toBe('the same sentence says opt out, not opt in');
  });

  it('leaves other words alone, and a list fact\'s reason as written', () => {
    expect(reasonText('law_enforcement_disclosure', 'the same sentence says notice is not required')).toBe('the same sentence says notice is not required');
    expect(reasonText('subprocessors_named', 'named, but below the threshold (Acme_Transcribe 0.41)')).toBe('named, but below the threshold (Acme_Transcribe 0.41)');
  });
});
