import { DATA_CATEGORIES, FACT_NAMES, FINDING_KINDS, isValidFactValue, SYSTEM_ROLES, unspecifiedValue } from './taxonomy.js';

describe('taxonomy', () => {
  it('has the 12 document facts of product.md', () => {
    expect(FACT_NAMES).toHaveLength(12);
    expect(FACT_NAMES).toContain('law_enforcement_disclosure');
  });

  it('gives every fact an unspecified value that is itself valid', () => {
    for (const name of FACT_NAMES) expect(isValidFactValue(name, unspecifiedValue(name))).toBe(true);
    expect(unspecifiedValue('breach_notice_days')).toBeNull();
    expect(unspecifiedValue('subprocessors_named')).toEqual([]);
  });

  it('rejects values outside a fact value set', () => {
    expect(isValidFactValue('ai_training_on_customer_data', 'maybe')).toBe(false);
    expect(isValidFactValue('breach_notice_days', -3)).toBe(false);
  });

  it('has 19 roles, 17 categories, 26 finding kinds, none repeated', () => {
    for (const [list, n] of [[SYSTEM_ROLES, 19], [DATA_CATEGORIES, 17], [FINDING_KINDS, 26]] as const) {
      expect(new Set(list).size).toBe(n);
    }
  });
});
