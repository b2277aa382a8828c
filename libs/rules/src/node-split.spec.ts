import { stepOf, type SetTrie } from './finding-sets.js';
import { NodeSplitter } from './node-split.js';
import { nodeSplit } from './score.js';

/**
 * The splitter scoring uses for a set one system alone reaches must give nodeSplit's very numbers (the same
 * doubles: the report writes them), or say it cannot: sets of random hazards, ties, zeros and the edges.
 */
function setOf(indices: number[]): SetTrie {
  let at: SetTrie = { end: -1, refs: 0 };
  for (const i of indices) at = stepOf(at, i);
  return at;
}

function check(hazards: number[]): boolean {
  const hazard = Float64Array.from(hazards);
  const splitter = new NodeSplitter();
  const indices = hazards.map((_, i) => i);
  if (!splitter.split(setOf(indices), hazard)) return false;
  const expected = nodeSplit(hazards);
  expect(splitter.value).toBe(expected.value);
  expect([...splitter.items.subarray(0, splitter.n)]).toEqual(indices);
  expect([...splitter.points.subarray(0, splitter.n)]).toEqual(expected.points);
  return true;
}

describe('NodeSplitter', () => {
  it('gives nodeSplit value and points for random sets of one to eight findings', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 2000; round++) {
      const n = 1 + (round % 8);
      // Hazards as scoring makes them (−ln(1 − b) · W · R · B), with some zero (triaged) and some repeated (ties).
      const hazards = Array.from({ length: n }, () => (random() < 0.15 ? 0 : -Math.log(1 - Math.min(random(), 0.99)) * (1 + random())));
      if (n > 2 && random() < 0.3) hazards[1] = hazards[0]!;
      expect(check(hazards)).toBe(true);
    }
  });

  it('handles the edges as nodeSplit does: all zero, a tiny hazard, equal shares', () => {
    expect(check([0])).toBe(true);
    expect(check([0, 0, 0])).toBe(true);
    expect(check([1e-9])).toBe(true);
    expect(check([0.3, 0.3, 0.3])).toBe(true);
    expect(check([4.6, 4.6])).toBe(true);
  });

  it('leaves sets of more than eight findings, and non-finite shares, to nodeSplit', () => {
    expect(check(Array.from({ length: 9 }, (_, i) => 0.1 * (i + 1)))).toBe(false);
    expect(check([Infinity, 1])).toBe(false);
  });
});
