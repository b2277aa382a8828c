import { hasExpired, isBaaContract, isBaaInForce } from './agreements.js';

describe('agreements in force', () => {
  it('an agreement is good through its last day', () => {
    expect(hasExpired('2026-06-30', new Date('2026-06-30T23:59:00Z'))).toBe(false);
    expect(hasExpired('2026-06-30', new Date('2026-07-01T00:00:00Z'))).toBe(true);
    expect(hasExpired('2026-06-30', '2026-05-01')).toBe(false);
    expect(hasExpired(undefined, new Date())).toBe(false);
    // A misread date never makes an agreement expire.
    expect(hasExpired('sometime next year', new Date())).toBe(false);
  });

  it('a BAA by what it says (by kind only when nothing was read), in force until it expires', () => {
    expect(isBaaContract({ kind: 'baa' })).toBe(true);
    expect(isBaaContract({ kind: 'terms', facts: { baa_offered: { value: 'yes', evidence: [], confidence: 1 } } })).toBe(true);
    expect(isBaaContract({ kind: 'terms' })).toBe(false);
    // A correction to "no" wins over the classification.
    expect(isBaaContract({ kind: 'baa', facts: { baa_offered: { value: 'no', evidence: [], confidence: 1 } } })).toBe(false);
    expect(isBaaInForce({ kind: 'baa', expires: '2024-12-31' }, new Date('2025-01-01'))).toBe(false);
    expect(isBaaInForce({ kind: 'baa', expires: '2024-12-31' }, new Date('2024-12-31T12:00:00Z'))).toBe(true);
  });
});
