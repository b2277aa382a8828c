import { DATA_CATEGORIES, type DataCategory } from '@custody/domain';
import { categoriesOf, categoryCount, categoryList, hasCategory, sameCategories, withCategories, withCategory, type Categories } from './categories.js';
import { projectGraph } from './index.js';
import { sortCategories } from './normalise.js';
import { config } from './testing/fixtures.js';

const ASOF = '2026-03-01T00:00:00Z';

/** A small deterministic generator, so a failure names its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('draft categories (bitmask, or a list once a category is outside the taxonomy)', () => {
  it('gives what a Set of the same arrivals gave, sorted as sortCategories sorts it, whatever the arrivals', () => {
    // Two names outside the taxonomy: stored analyses are not validated again, and such a name goes after the
    // known ones in arrival order, which only a list keeps.
    const pool = [...DATA_CATEGORIES, 'zz_custom', 'aa_custom'] as DataCategory[];
    for (let seed = 1; seed <= 300; seed++) {
      const next = rng(seed);
      const pick = () => pool[Math.floor(next() * (next() < 0.8 ? DATA_CATEGORIES.length : pool.length))]!;
      const a = Array.from({ length: Math.floor(next() * 6) }, pick);
      const b = Array.from({ length: Math.floor(next() * 6) }, pick);
      let cats: Categories = categoriesOf(a);
      cats = withCategories(cats, categoriesOf(b));
      const set = new Set([...a, ...b]);
      expect({ seed, list: categoryList(cats) }).toEqual({ seed, list: sortCategories(set) });
      expect(categoryCount(cats)).toBe(set.size);
      for (const c of pool) expect(hasCategory(cats, c)).toBe(set.has(c));
      // Known categories in any order are the same; two outside the taxonomy reversed are not (the record shows their order).
      const outside = [...set].filter((c) => !(DATA_CATEGORIES as string[]).includes(c)).length;
      expect(sameCategories(cats, categoriesOf([...set].reverse()))).toBe(outside <= 1);
      expect(sameCategories(cats, withCategory(categoriesOf([...set]), 'psychotherapy_notes'))).toBe(set.has('psychotherapy_notes'));
    }
  });

  it('counts categories outside the taxonomy in another order as different, the known ones in any order as the same', () => {
    const cats = (list: string[]) => categoriesOf(list as DataCategory[]);
    expect(sameCategories(cats(['zz_custom', 'demographics', 'aa_custom']), cats(['aa_custom', 'demographics', 'zz_custom']))).toBe(false);
    expect(sameCategories(cats(['zz_custom', 'demographics', 'aa_custom']), cats(['demographics', 'zz_custom', 'aa_custom']))).toBe(true);
    expect(sameCategories(cats(['claims', 'zz_custom', 'demographics']), cats(['demographics', 'zz_custom', 'claims']))).toBe(true);
    expect(sameCategories(cats(['claims', 'demographics']), cats(['demographics', 'claims']))).toBe(true);
    expect(sameCategories(cats(['claims', 'zz_custom']), cats(['claims']))).toBe(false);
  });

  it('flows with the same categories share one frozen list in the graph, in taxonomy order', () => {
    const g = projectGraph({
      contracts: [],
      configs: [config('sha-cfg', 'export.json', {
        systems: [
          { id: 'a', name: 'Alpha', role: 'other', evidence: [{ quote: 'a', line: 1 }] },
          { id: 'b', name: 'Beta', role: 'other', evidence: [{ quote: 'b', line: 2 }] },
        ],
        flows: [
          { from: 'practice', to: 'a', data: ['demographics', 'progress_notes'], transport: 'https', evidence: [{ quote: 'to a', line: 3 }] },
          { from: 'practice', to: 'b', data: ['progress_notes', 'demographics', 'progress_notes'], transport: 'https', evidence: [{ quote: 'to b', line: 4 }] },
        ],
      })],
      asOf: ASOF,
    });
    const [toA, toB] = [g.flows.find((f) => f.to === 'a')!, g.flows.find((f) => f.to === 'b')!];
    expect(toA.data).toEqual(['progress_notes', 'demographics']);
    expect(toB.data).toBe(toA.data);
    expect(Object.isFrozen(toA.data)).toBe(true);
  });
});
