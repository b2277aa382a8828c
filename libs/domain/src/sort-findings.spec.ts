import { compareFindings, sortFindings } from './finding.js';
import { SEVERITIES, type Severity } from './taxonomy.js';

describe('sortFindings', () => {
  it('orders as a stable sort by compareFindings does, in place (300 random lists, repeated ids included)', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 300; round++) {
      // Runs of ascending ids per "rule", severities mixed, as a run's findings come; now and then an id twice.
      const list: { id: string; severity: Severity; n: number }[] = [];
      for (let rule = 0, rules = 1 + rand(5); rule < rules; rule++) {
        for (let i = 0, count = rand(12); i < count; i++) list.push({ id: `r${rand(4)}@system:s${String(i + rand(3)).padStart(2, '0')}`, severity: SEVERITIES[rand(SEVERITIES.length)]!, n: list.length });
      }
      const expected = [...list].sort(compareFindings);
      const sorted = sortFindings(list);
      expect(sorted).toBe(list);
      expect(sorted.map((f) => f.n)).toEqual(expected.map((f) => f.n));
    }
  });
});
