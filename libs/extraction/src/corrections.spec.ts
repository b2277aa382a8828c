import { applyCorrections, InvalidInputError } from '@custody/domain';
import { extractFacts } from './extract-facts.js';

const facts = extractFacts('Vendor may use recordings to train its machine learning models. Vendor shall not sell PHI.').facts;

describe('applyCorrections', () => {
  it('lets the human answer win and keeps the machine answer beside it', () => {
    const out = applyCorrections(facts, [{ fact: 'ai_training_on_customer_data', value: 'opt_out', by: 'dana', reason: 'toggle exists in admin console', at: '2025-01-02T00:00:00Z' }]);
    expect(out.ai_training_on_customer_data).toMatchObject({ value: 'opt_out', confidence: 1, extractor: 'human:dana', machine: { value: 'allowed', extractor: 'rules@1' } });
    expect(out.ai_training_on_customer_data.evidence).toEqual(facts.ai_training_on_customer_data.evidence);
    expect(out.data_sale_or_marketing).toBe(facts.data_sale_or_marketing);
    expect(facts.ai_training_on_customer_data.value).toBe('allowed');
  });
  it('applies corrections in time order and keeps the first machine answer', () => {
    const out = applyCorrections(facts, [
      { fact: 'breach_notice_days', value: 30, by: 'b', reason: 'second look', at: '2025-02-01T00:00:00Z' },
      { fact: 'breach_notice_days', value: 10, by: 'a', reason: 'first look', at: '2025-01-01T00:00:00Z' },
    ]);
    expect(out.breach_notice_days).toMatchObject({ value: 30, extractor: 'human:b', machine: { value: null } });
  });
  it('rejects values outside the fact value set and unknown facts', () => {
    expect(() => applyCorrections(facts, [{ fact: 'record_ownership', value: 'nobody', by: 'x', reason: '', at: '2025-01-01' }])).toThrow(InvalidInputError);
    expect(() => applyCorrections(facts, [{ fact: 'bogus' as never, value: 'yes', by: 'x', reason: '', at: '2025-01-01' }])).toThrow(/unknown fact/);
  });
});
