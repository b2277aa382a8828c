import type { Evidence } from '@custody/domain';
import { dedupeEvidence } from './runner.js';

/** The definition the field-by-field comparison replaced: one JSON key per item. */
function oracle(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = JSON.stringify([e.documentId, e.file, e.start, e.end, e.line, e.path, e.quote]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

describe('dedupeEvidence', () => {
  it('keeps the same items, in the same order, as keying each by its JSON', () => {
    let seed = 3;
    const rnd = (n: number) => Math.floor(((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296) * n);
    const pick = <T>(xs: T[]): T => xs[rnd(xs.length)]!;
    let removedSome = 0;
    for (let run = 0; run < 2000; run++) {
      // Few distinct values per field, so repeats (and near-repeats differing in one field) are common.
      // Up to 40 items: longer lists take the path that looks items up by quote; now and then a quote that is
      // not a string (JSON writes it as null) takes the keyed one.
      const list: Evidence[] = Array.from({ length: rnd(41) }, () => ({
        quote: run % 50 === 0 ? pick(['a', undefined as unknown as string, null as unknown as string]) : pick(['a', 'b', '']),
        ...(rnd(2) ? { line: pick([1, 2, Number.NaN, Number.POSITIVE_INFINITY]) } : {}),
        ...(rnd(2) ? { path: pick(['x', 'y']) } : {}),
        ...(rnd(3) ? {} : { start: pick([0, 5]), end: pick([5, 9]) }),
        ...(rnd(2) ? { documentId: pick(['d1', 'd2']) } : {}),
        ...(rnd(2) ? { file: 'f.md' } : {}),
        ...(rnd(4) ? {} : { page: pick([1, 2]) }),
      }));
      const got = dedupeEvidence(list);
      expect(got).toEqual(oracle(list));
      // The same objects, not copies of them.
      expect(got.every((e) => list.includes(e))).toBe(true);
      if (got.length < list.length) removedSome++;
    }
    expect(removedSome).toBeGreaterThan(100);
  });

  it('returns a new array even for one item', () => {
    const one = [{ quote: 'q' }];
    expect(dedupeEvidence(one)).not.toBe(one);
    expect(dedupeEvidence(one)).toEqual(one);
  });
});
