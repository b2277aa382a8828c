/** Largest-remainder apportionment of a score among the findings that make it (split out of score.ts). */

/**
 * Split `total` (rounded to hundredths) among weights, in hundredths, by largest remainder; ties go to the
 * earlier index. The parts always sum exactly to the rounded total.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const cents = Math.round(total * 100);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || cents <= 0) return weights.map(() => 0);
  // One weight takes the whole total (what the largest remainder gives it): most of a manifest's systems are
  // charged one finding, and the lists and sort below cost more than their score.
  if (weights.length === 1 && Number.isFinite(sum)) return [cents / 100];
  const raw = weights.map((w) => (cents * w) / sum);
  if (raw.length <= 8 && raw.every(Number.isFinite)) return apportionFew(cents, raw);
  const floors = raw.map(Math.floor);
  let left = cents - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors.map((c) => c / 100);
}

/**
 * {@link apportion}'s largest remainder for a few finite shares, without a list of remainders to sort: the
 * cents left go one each, largest remainder first, ties to the earlier index (the order the sort gives). Most
 * of a manifest's ~100,000 nodes split among two or three findings.
 */
function apportionFew(cents: number, raw: readonly number[]): number[] {
  const out = raw.map(Math.floor);
  let left = cents;
  for (const c of out) left -= c;
  let given = 0;
  for (; left > 0 && given < raw.length; left--, given++) {
    // The largest remainder not given yet (a cent given marks its share with one above its floor).
    let best = -1;
    let bestFrac = -Infinity;
    for (let i = 0; i < raw.length; i++) {
      if (out[i] !== Math.floor(raw[i]!)) continue;
      const frac = raw[i]! - Math.floor(raw[i]!);
      if (frac > bestFrac) [best, bestFrac] = [i, frac];
    }
    out[best]! += 1;
  }
  return out.map((c) => c / 100);
}
