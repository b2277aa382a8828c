import { isScored, type Finding, type Lens } from '@custody/domain';
import { lensWeight } from './lenses.js';
import { clamp01 } from './sensitivity.js';

/**
 * The Custody exposure score's formula (published in libs/rules/SCORE.md): per finding its points and hazard,
 * and the node and workspace scores as functions of hazards. How findings are charged to systems and the score,
 * its split and each finding's contribution are assembled from these is score.ts.
 *
 * Per finding i (likelihood L, impact I; impact already includes data sensitivity, see `impactOf`):
 *
 *   b_i = min(L · I, 0.99)                  base probability of harm
 *   h_i = −ln(1 − b_i) · W · R · B          hazard
 *   p_i = 100 · (1 − e^(−h_i))              the finding's points (= 100 · L · I when W = R = 1)
 *
 * - W, the lens weight: the largest multiplier any active lens gives the finding's kind or categories (≥ 1).
 * - R, reach: 1 + 0.1 · min(3, max(hops − 1, charged systems − 1, 0)); a `path:a>b>c` subject has 2 hops.
 *   W and R scale the hazard: a finding weighted 2 counts as if the exposure existed twice.
 * - B, breadth: 1 + 0.1 · log2(n) for a finding grouped over n fleet installs (see `breadthOf`).
 *
 * Node s:     N_s = 100 · (1 − e^(−H_s)),  H_s = Σ h_i over findings charged to s
 *             (= noisy-OR 100 · (1 − Π (1 − p_i/100)); one finding alone → N = p)
 * Workspace:  T   = 100 · H / (H + K),      H = Σ h_i over all findings, K = WORKSPACE_HALF_HAZARD (20; SCORE.md says why not 10)
 *
 * All are in [0, 100), deterministic, and monotonic: adding a finding (or raising its L, I, W or R) only
 * adds hazard, and both N and T increase with hazard. The workspace uses a hyperbola rather than the
 * node's exponential so it keeps moving for a practice with dozens of findings: a fleet of notetakers with
 * the same setting still shows the difference fixing it makes.
 *
 * Explanation: `Score.contributions` splits each node's score among its findings in proportion to their
 * hazard h_i (largest-remainder rounding to hundredths, so they sum exactly to the rounded node score).
 * `finding.contribution` is what fixing finding i alone takes off the rounded workspace total,
 * round(T(H)) − round(T(H − h_i)): the what-if drop, so a fix lowers T by at least it. `Score.overlap` is the
 * rest of T (no bounded T can be split into shares that each fix fully removes; SCORE.md §4). Findings
 * triaged `false_positive` or `mitigated` carry no hazard (contribution 0).
 */
export const WORKSPACE_HALF_HAZARD = 20;

/** Reach adds at most this much (30 %) to a finding's weight. */
export const MAX_REACH_BONUS = 0.3;

/** L·I is capped here so a finding's hazard stays finite. */
export const MAX_BASE = 0.99;

/** How a finding's points were computed: the line a report prints next to it. */
export interface FindingPoints {
  findingId: string;
  likelihood: number;
  impact: number;
  /** b = min(L·I, MAX_BASE). */
  base: number;
  lensWeight: number;
  lensReason?: string;
  reach: number;
  /** B = 1 + 0.1 · log2(instances): 1 for a finding that is not grouped. */
  breadth: number;
  /** h_i = −ln(1 − b) · W · R · B. */
  hazard: number;
  /** p_i = 100 · (1 − e^(−h_i)), before rounding. */
  points: number;
  /** False when triage took it out of the score. */
  counted: boolean;
}

/**
 * B for a grouped finding: the same problem on n installs is counted once, weighted by 1 + 0.1 · log2(n), so
 * breadth shows (and removing one install of twelve still moves the score) without n copies swamping it.
 */
export function breadthOf(finding: Pick<Finding, 'instances'>): number {
  const n = finding.instances?.length ?? 1;
  return 1 + 0.1 * Math.log2(Math.max(1, n));
}

/** R for a finding: longer paths and more parties charged mean more places the data can leak from. */
export function reachOf(finding: Pick<Finding, 'subject' | 'systems'>): number {
  // A path's hops are its `>`s, counted in place (no list of its steps per finding).
  let hops = 1;
  const subject = finding.subject;
  if (subject.startsWith('path:')) {
    hops = 0;
    for (let at = subject.indexOf('>', 5); at >= 0; at = subject.indexOf('>', at + 1)) hops++;
  }
  const extra = Math.max(hops - 1, finding.systems.length - 1, 0);
  return 1 + Math.min(MAX_REACH_BONUS, 0.1 * extra);
}

/** p_i and its factors. */
export function findingPoints(f: Finding, lenses: readonly Lens[]): FindingPoints {
  const L = clamp01(f.likelihood);
  const I = clamp01(f.impact);
  let lw: { weight: number; reason?: string } = { weight: 1 };
  for (const lens of lenses) {
    const w = lensWeight(lens, f.kind, f.categories);
    if (w.weight > lw.weight) lw = w;
  }
  const R = reachOf(f);
  const B = breadthOf(f);
  const counted = isScored(f);
  const base = Math.min(L * I, MAX_BASE);
  const hazard = counted ? -Math.log(1 - base) * lw.weight * R * B : 0;
  const points = 100 * (1 - Math.exp(-hazard));
  return { findingId: f.id, likelihood: L, impact: I, base, lensWeight: lw.weight, lensReason: lw.reason, reach: R, breadth: B, hazard, points, counted };
}

/** A node's score from its findings' hazards: 100 · (1 − e^(−Σh)). */
export function nodeScore(hazards: readonly number[]): number {
  return 100 * (1 - Math.exp(-sum(hazards)));
}

/** The workspace total from all hazards: 100 · H / (H + K). */
export function workspaceScore(hazards: readonly number[], k = WORKSPACE_HALF_HAZARD): number {
  return workspaceOf(sum(hazards), k);
}

/** {@link workspaceScore} of a total hazard already summed (each finding's what-if takes one, no list made). */
export function workspaceOf(h: number, k = WORKSPACE_HALF_HAZARD): number {
  return h <= 0 ? 0 : (100 * h) / (h + k);
}

/** Σ of the hazards, negatives counted as 0. */
export function sum(xs: readonly number[]): number {
  let total = 0;
  for (const x of xs) total += Math.max(0, x);
  return total;
}
