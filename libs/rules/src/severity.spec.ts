import { severityRank } from '@custody/domain';
import { severityOf } from './severity.js';

describe('severityOf', () => {
  it('maps the band product like Threagile CalculateSeverity', () => {
    expect(severityOf(0, 1)).toBe('info');
    expect(severityOf(0.2, 0.2)).toBe('low');
    expect(severityOf(0.5, 0.5)).toBe('medium');
    expect(severityOf(0.7, 0.7)).toBe('high');
    expect(severityOf(0.9, 0.5)).toBe('medium');
    expect(severityOf(0.9, 0.6)).toBe('high');
    expect(severityOf(0.7, 0.9)).toBe('high');
    expect(severityOf(0.8, 0.8)).toBe('critical');
    expect(severityOf(1, 1)).toBe('critical');
  });

  it('is monotonic in likelihood and in impact', () => {
    const steps = Array.from({ length: 21 }, (_, i) => i / 20);
    for (const a of steps) {
      for (let i = 1; i < steps.length; i++) {
        expect(severityRank(severityOf(steps[i]!, a))).toBeGreaterThanOrEqual(severityRank(severityOf(steps[i - 1]!, a)));
        expect(severityRank(severityOf(a, steps[i]!))).toBeGreaterThanOrEqual(severityRank(severityOf(a, steps[i - 1]!)));
      }
    }
  });

  it('treats out-of-range and NaN input safely', () => {
    expect(severityOf(Number.NaN, 1)).toBe('info');
    expect(severityOf(5, 5)).toBe('critical');
  });
});
