/**
 * How precision changes with the confidence threshold, for the bench: every answer today's readings assert on the
 * develop sets and, as sums only, on the validation sets (ota-fresh10..12), scored by the shipped calibration at one
 * threshold for all facts — including the answers the per-fact thresholds withhold, which the bench's own
 * calibration table (asserted answers only) cannot show.
 */
import { probability, thresholdOf } from '../../../libs/extraction/src/calibration/calibrate.js';
import { CALIBRATION } from '../../../libs/extraction/src/calibration/calibration-weights.js';
import type { Sample } from './calibration-samples.js';
import { collectSamples } from './calibration-samples.js';
import { tuningCorpora, VALIDATION_SETS } from './extraction-corpora.js';
import { curve, sums } from './threshold-choice.js';

/** The project's own corpora: fitted on, gates; neither develop nor validation. */
export const OWN_CORPORA = new Set(['project', 'holdout', 'shared']);

export async function thresholdCurves() {
  const set = await collectSamples(tuningCorpora(), undefined);
  const group = (corpus: string) => (OWN_CORPORA.has(corpus) ? 'own' : VALIDATION_SETS.has(corpus) ? 'validation' : 'develop');
  const p = (s: Sample) => probability(s.kind === 'scalar' ? CALIBRATION.scalar : CALIBRATION.names, s.key, s.x);
  const of = (g: string) => {
    const rows = set.samples.filter((s) => group(s.corpus) === g);
    const pos = [...set.positives.entries()].filter(([k]) => group(k.split('|')[0]) === g).reduce((n, [, v]) => n + v, 0);
    // The shipped thresholds (per fact, per kind and fact where one was chosen) for comparison with the single ones.
    return { shipped: sums(rows.filter((s) => p(s) >= thresholdOf(s.fact, undefined, s.docKind)), pos), byThreshold: curve(rows, p, pos) };
  };
  return { develop: of('develop'), validation: of('validation') };
}
