import { cpuCeiling } from './pipeline-ceiling.js';

describe('pipeline bench CPU-bound ceiling', () => {
  it('is the cores over the CPU per document, and its ratio to the raw jobs/s', () => {
    // 2 cores, 10 ms of worker CPU + 4 ms of API CPU per document, Redis no-op at 1,300 jobs/s.
    const c = cpuCeiling(14, 2, 1300)!;
    expect(c.documentsPerSecond).toBeCloseTo(142.86, 2);
    expect(c.ratio).toBeCloseTo(0.1099, 4);
    // More cores raise it in proportion; a slower raw baseline raises the ratio, not the rate.
    expect(cpuCeiling(14, 4, 1300)!.documentsPerSecond).toBeCloseTo(285.71, 2);
    expect(cpuCeiling(14, 2, 300)!.ratio).toBeCloseTo(0.4762, 4);
  });

  it('says nothing without a CPU figure (a failed run measured none), and no ratio without a raw figure', () => {
    expect(cpuCeiling(0, 2, 1300)).toBeUndefined();
    expect(cpuCeiling(Number.NaN, 2, 1300)).toBeUndefined();
    expect(cpuCeiling(14, 2, 0)).toEqual({ documentsPerSecond: 2000 / 14, ratio: 0 });
  });
});
