import { chooseCell, curve, factThreshold, MIN_KEPT, nestedKept } from './threshold-choice.js';

/** n answers at probability p, the first `right` of them right. */
const at = (p: number, n: number, right: number) => Array.from({ length: n }, (_, i) => ({ p, y: (i < right ? 1 : 0) as 0 | 1 }));
const prob = (s: { p: number }) => s.p;

describe('threshold per kind and fact', () => {
  it('chooses the lowest step whose shrunk precision reaches the target there and above', () => {
    const rows = [...at(0.4, 20, 20), ...at(0.8, 20, 20)];
    const pooled = [...rows, ...at(0.35, 20, 10)];
    expect(chooseCell(rows, pooled, prob)).toBe(0.4);
  });

  it('keeps a few answers of a kind near the fact: shrinkage toward its pooled precision', () => {
    // Twelve right answers at 0.4 in this kind, but the fact over all kinds is 60 % right there: not enough alone.
    const rows = [...at(0.4, 12, 12), ...at(0.9, 30, 30)];
    const pooled = [...rows, ...at(0.4, 30, 6), ...at(0.9, 30, 30)];
    expect(chooseCell(rows, pooled, prob)).toBe(0.45);
    // The same kind with many more right answers at 0.4 outweighs the prior.
    const many = [...at(0.4, 200, 200), ...at(0.9, 30, 30)];
    expect(chooseCell(many, [...many, ...at(0.4, 30, 6), ...at(0.9, 30, 30)], prob)).toBe(0.3);
  });

  it('chooses none when too few answers are kept or a higher step falls short', () => {
    expect(chooseCell(at(0.9, MIN_KEPT - 1, MIN_KEPT - 1), at(0.9, 50, 50), prob)).toBeUndefined();
    const dip = [...at(0.4, 40, 40), ...at(0.9, 40, 20)];
    expect(chooseCell(dip, dip, prob)).toBeUndefined();
  });

  it('sums precision and recall at each threshold', () => {
    const c = curve([...at(0.2, 4, 1), ...at(0.7, 6, 6)], prob, 10);
    expect(c[0]).toMatchObject({ t: 0, tp: 7, fp: 3, fn: 3 });
    expect(c.find((r) => r.t === 0.5)).toMatchObject({ tp: 6, fp: 0, fn: 4, p: 1, r: 0.6 });
  });
});

describe('a lowered threshold rests on the answers it adds', () => {
  it('does not lower the fact threshold when the answers between the two are mostly wrong', () => {
    // 190 right answers at 0.9 carry the kind's precision kept at 0.4 to exactly 0.95, but the ten answers the lowering
    // from the fact's 0.7 would add (at 0.4) are all wrong: keeping the fact's threshold is the only honest choice.
    const rows = [...at(0.9, 190, 190), ...at(0.4, 10, 0)];
    expect(chooseCell(rows, rows, prob, 0.7)).toBe(0.7);
    // Counter-example: a kind whose added answers are right is lowered when there are enough of them to outweigh the
    // fact's precision over all kinds between 0.4 and 0.7 (the other kinds' answers there are 60 % right): 70 right,
    // (70 + 20 × 100/120) / 90 = 0.96; but not 20 right, (20 + 20 × 50/70) / 40 = 0.86.
    const pooledAt = (kind: { p: number; y: 0 | 1 }[]) => [...kind, ...at(0.4, 50, 30)];
    const good = [...at(0.9, 190, 190), ...at(0.4, 70, 70)];
    expect(chooseCell(good, pooledAt(good), prob, 0.7)).toBe(0.3);
    const few = [...at(0.9, 190, 190), ...at(0.4, 20, 20)];
    expect(chooseCell(few, pooledAt(few), prob, 0.7)).toBe(0.7);
  });

  it('does not lower where the kind has no answer in the band it would open', () => {
    // Every answer of the kind is above the fact's threshold: nothing seen below it, so nothing to lower for.
    const rows = at(0.9, 40, 40);
    const pooled = [...rows, ...at(0.4, 40, 40)];
    expect(chooseCell(rows, pooled, prob, 0.7)).toBe(0.7);
  });

  it('still raises a threshold whatever the band below it', () => {
    const rows = [...at(0.9, 40, 40), ...at(0.75, 40, 20)];
    expect(chooseCell(rows, rows, prob, 0.7)).toBe(0.8);
  });
});

describe('a fact threshold and the figures it is reported with', () => {
  it('is the lowest step from the floor that reaches the target, else the best F0.5', () => {
    const rows = [...at(0.3, 10, 2), ...at(0.6, 20, 19), ...at(0.9, 20, 20)];
    expect(factThreshold(rows, prob, 40, 0.3)).toBe(0.35);
    expect(factThreshold(rows, prob, 40, 0.5)).toBe(0.5);
    // No step reaches 0.95, not even the top one: the step with the best F0.5 (ties: the higher).
    const poor = [...at(0.55, 10, 5), ...at(0.8, 10, 8), ...at(0.97, 10, 8)];
    expect(factThreshold(poor, prob, 30, 0.5)).toBe(0.8);
    // A step that keeps nothing asserts nothing wrong: abstaining on the whole fact is preferred to guessing.
    expect(factThreshold(at(0.55, 10, 5), prob, 10, 0.5)).toBe(0.6);
  });

  it('scores each corpus at thresholds chosen without it, not at the ones its own answers chose', () => {
    // Corpus a: right answers at 0.6; corpus b: wrong ones at 0.6. Chosen on both, 0.6 keeps half right; chosen without
    // b (on a alone) it is the floor and b's wrong answers are kept: what a new corpus like b would get.
    const of = (corpus: string, p: number, n: number, right: number) => at(p, n, right).map((s) => ({ ...s, corpus, fact: 'f' }));
    const rows = [...of('a', 0.6, 20, 20), ...of('a', 0.9, 20, 20), ...of('b', 0.6, 10, 0), ...of('b', 0.9, 10, 10)];
    const choose = (others: typeof rows) => ({ f: factThreshold(others, prob, others.filter((s) => s.y).length, 0.5) });
    // On all answers the rule climbs past b's wrong ones and reports a clean 1.0 …
    const all = choose(rows).f;
    expect(all).toBe(0.65);
    // … but b, left out, is kept at a's 0.5 with its ten wrong answers, and a, left out, at b's 0.65.
    const kept = nestedKept(rows, prob, (others) => choose(others));
    expect(kept.filter((s) => s.corpus === 'b' && s.y === 0)).toHaveLength(10);
    expect(kept.filter((s) => s.corpus === 'a')).toHaveLength(20);
  });
});
