import type { SetTrie } from './finding-sets.js';

/** Sets up to this size are split here; larger ones (and any non-finite share) go through nodeSplit/apportion. */
const MAX_ITEMS = 8;

/**
 * A node's score and its split among the findings charged to it (nodeSplit, then apportion's largest remainder
 * for a few finite shares), worked out in reused typed arrays for a set only one system reaches (issue 11):
 * a manifest's 10,000 systems each reach their own set of one to three findings, and the three small lists
 * per system (indices, hazards, points) were arrays whose elements kind changed with their values (a hazard
 * list of whole numbers, then one of fractions), which deoptimised the scoring loop again and again on a cold
 * run. The arithmetic is nodeSplit's and apportion's, step for step in the same order, so every number is the
 * same double (node-split.spec.ts and the audit guard compare them).
 */
export class NodeSplitter {
  /** The set's finding indices (ascending), their hazards and their points, for the last {@link split}. */
  readonly items = new Int32Array(MAX_ITEMS);
  readonly points = new Float64Array(MAX_ITEMS);
  private readonly hazards = new Float64Array(MAX_ITEMS);
  private readonly raw = new Float64Array(MAX_ITEMS);
  private readonly cents = new Float64Array(MAX_ITEMS);
  n = 0;
  value = 0;

  /** Splits the set ending at `at` (hazard per finding index); false when the set is too large or a share not finite. */
  split(at: SetTrie, hazard: Float64Array): boolean {
    let n = 0;
    for (let t: SetTrie | undefined = at; t?.up; t = t.up) if (++n > MAX_ITEMS) return false;
    let k = n;
    for (let t: SetTrie | undefined = at; t?.up; t = t.up) this.items[--k] = t.end;
    // nodeScore: 100 · (1 − e^(−Σ max(0, h))), summed in set order, rounded to hundredths.
    let total = 0;
    for (let i = 0; i < n; i++) {
      const h = hazard[this.items[i]!]!;
      this.hazards[i] = h;
      total += Math.max(0, h);
    }
    const value = Math.round(100 * (1 - Math.exp(-total)) * 100) / 100;
    this.n = n;
    this.value = value;
    // apportion(value, hazards): its sum is a plain left fold (no max), as `reduce` gives it.
    const cents = Math.round(value * 100);
    let sum = 0;
    for (let i = 0; i < n; i++) sum = sum + this.hazards[i]!;
    if (sum <= 0 || cents <= 0) {
      this.points.fill(0, 0, n);
      return true;
    }
    if (n === 1 && Number.isFinite(sum)) {
      this.points[0] = cents / 100;
      return true;
    }
    for (let i = 0; i < n; i++) {
      const r = (cents * this.hazards[i]!) / sum;
      if (!Number.isFinite(r)) return false;
      this.raw[i] = r;
    }
    // apportionFew: floors, then one cent each to the largest remainder not given yet, ties to the earlier.
    let left = cents;
    for (let i = 0; i < n; i++) {
      this.cents[i] = Math.floor(this.raw[i]!);
      left -= this.cents[i]!;
    }
    for (let given = 0; left > 0 && given < n; left--, given++) {
      let best = -1;
      let bestFrac = -Infinity;
      for (let i = 0; i < n; i++) {
        const floor = Math.floor(this.raw[i]!);
        if (this.cents[i] !== floor) continue;
        const frac = this.raw[i]! - floor;
        if (frac > bestFrac) {
          best = i;
          bestFrac = frac;
        }
      }
      this.cents[best]! += 1;
    }
    for (let i = 0; i < n; i++) this.points[i] = this.cents[i]! / 100;
    return true;
  }
}
