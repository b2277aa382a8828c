import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { vendorOwnsRecordsRule } from './vendor-owns-records.rule.js';

describe('vendor-owns-records', () => {
  const g = (value: 'vendor' | 'shared' | 'customer', keepsOwnCopy?: boolean) =>
    new GraphBuilder({ records: keepsOwnCopy === undefined ? {} : { keeps_own_copy: keepsOwnCopy } })
      .system('platform', 'therapy_platform', { holds: ['progress_notes'] })
      .contract('platform', { record_ownership: value }, { kind: 'terms' })
      .build();

  it('fires when the platform owns the records, more so when the practice keeps no copy', () => {
    const owned = evaluateRule(vendorOwnsRecordsRule, g('vendor'))[0]!;
    const noCopy = evaluateRule(vendorOwnsRecordsRule, g('vendor', false))[0]!;
    expect(owned.likelihood).toBe(0.85);
    expect(noCopy.likelihood).toBeCloseTo(0.95);
    expect(noCopy.impact).toBeGreaterThan(owned.impact);
  });

  it('fires at lower likelihood for shared ownership', () => {
    expect(evaluateRule(vendorOwnsRecordsRule, g('shared'))[0]!.likelihood).toBe(0.5);
  });

  it('does not fire when the customer owns the records', () => {
    expect(evaluateRule(vendorOwnsRecordsRule, g('customer'))).toEqual([]);
  });
});
