/**
 * The extraction bench's calibration tables: precision and recall of the asserted answers whose confidence is at
 * least each threshold, on the tuning sets and on the unseen ones, overall and per kind of document, and the single
 * threshold the tuning sets would choose (to compare with the extractor's per-fact ones). Reads the points the scoring
 * kept (extraction-scoring.ts); the precision of withheld answers as well is threshold-curve.ts's.
 */
import { UNSEEN_ROLES } from './extraction-corpora.js';
import type { CalibrationPoint, CorpusReport } from './extraction-scoring.js';

const THRESHOLDS = [0, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

export interface ThresholdRow {
  threshold: number;
  kept: number;
  precision: number;
  recall: number;
}

/** Precision and recall of the predictions at or above each confidence threshold. */
function calibrate(points: CalibrationPoint[], positives: number): ThresholdRow[] {
  return THRESHOLDS.map((t) => {
    const kept = points.filter((p) => p.confidence >= t);
    const right = kept.filter((p) => p.correct).length;
    return { threshold: t, kept: kept.length, precision: kept.length ? right / kept.length : 1, recall: positives ? right / positives : 1 };
  });
}

export interface CalibrationSummary {
  /** The real documents one may tune on, from the roles (FRESH_SETS): a set joins when it becomes a tuning set. */
  tuningCorpora: CorpusReport[];
  /** The unseen sets (check and fresh roles). */
  heldOutCorpora: CorpusReport[];
  calibration: { tunable: ThresholdRow[]; heldOut: ThresholdRow[]; tuning: ThresholdRow[] };
  /** The same tables per kind of document as the extractor reads it (its thresholds differ per kind: calibration-weights.ts). */
  calibrationByKind: { tuning: Record<string, ThresholdRow[]>; heldOut: Record<string, ThresholdRow[]> };
  /** The best single threshold on the tuning sets. */
  chosenThreshold: ThresholdRow;
}

const positives = (cs: CorpusReport[]) => cs.reduce((n, c) => n + c.micro.tp + c.micro.fn, 0);

const byKind = (cs: CorpusReport[]) => {
  const kinds = [...new Set(cs.flatMap((c) => Object.keys(c.positivesByKind)))].sort();
  return Object.fromEntries(kinds.map((k) => [k, calibrate(cs.flatMap((c) => c.calibration).filter((p) => p.kind === k), cs.reduce((n, c) => n + (c.positivesByKind[k] ?? 0), 0))]));
};

// Precision before recall: F0.5; among equal scores the highest threshold (abstain more for the same score).
const f05 = (r: { precision: number; recall: number }) => (r.precision + r.recall === 0 ? 0 : (1.25 * r.precision * r.recall) / (0.25 * r.precision + r.recall));

export function calibrationSummary(corpora: CorpusReport[]): CalibrationSummary {
  // Every labelled set one may tune on now (ota-check and ota-fresh were studied, so they are tuning sets too): the
  // default confidence threshold is chosen on these, never on a set labelled later to measure on.
  const tuning = corpora.filter((c) => c.role === 'tune' || c.name === 'shared');
  const heldOut = corpora.filter((c) => UNSEEN_ROLES.has(c.role));
  const calibration = {
    tunable: calibrate(tuning.flatMap((c) => c.calibration), positives(tuning)),
    heldOut: calibrate(heldOut.flatMap((c) => c.calibration), positives(heldOut)),
    tuning: calibrate(tuning.flatMap((c) => c.calibration), positives(tuning)),
  };
  const chosenThreshold = calibration.tuning.reduce((best, r) => (f05(r) >= f05(best) - 1e-9 ? r : best), calibration.tuning[0]);
  return { tuningCorpora: tuning, heldOutCorpora: heldOut, calibration, calibrationByKind: { tuning: byKind(tuning), heldOut: byKind(heldOut) }, chosenThreshold };
}
