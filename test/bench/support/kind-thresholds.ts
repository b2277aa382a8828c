/**
 * Chooses the calibration's threshold per kind of document and per fact on the develop sets only, from honest
 * out-of-fold probabilities, and prints how precision changes with the threshold (develop, and validation as sums).
 *
 *   npx tsx test/bench/support/kind-thresholds.ts [--write] [--snapshots DIR]
 *
 * develop = every tuning corpus except VALIDATION (ota-fresh10..12) and the project's own corpora; validation is only
 * summed. Out-of-fold: the develop answers (today's and the earlier extractors' snapshots) are split into FOLDS by
 * service (every document of one service in one fold, so a service's other documents never teach the model about
 * it); each fold is scored by a model fitted on the other folds plus the project's own corpora.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentKind, FactName } from '@custody/domain';
import { DOCUMENT_KINDS, FACT_NAMES } from '@custody/domain';
import { probability } from '../../../libs/extraction/src/calibration/calibrate.js';
import { CALIBRATION } from '../../../libs/extraction/src/calibration/calibration-weights.js';
import type { Sample } from './calibration-samples.js';
import { collectSamples, FIT_SETTINGS, fitBoth, predict } from './calibration-samples.js';
import { ROOT, tuningCorpora, VALIDATION_SETS as VALIDATION } from './extraction-corpora.js';
import { chooseCell, curve, MIN_SUPPORT, sums, TARGET_PRECISION } from './threshold-choice.js';
import { OWN_CORPORA as OWN } from './threshold-curve.js';

const FOLDS = 10;
const OUT = join(ROOT, 'libs', 'extraction', 'src', 'calibration', 'kind-thresholds.ts');

const args = process.argv.slice(2);
const snapArg = args.includes('--snapshots') ? args[args.indexOf('--snapshots') + 1] : join(ROOT, 'test', 'fixtures', 'calibration-snapshots');
const specs = tuningCorpora();
const set = await collectSamples(specs, snapArg === 'none' ? undefined : snapArg);
const group = (s: Sample) => (OWN.has(s.corpus) ? 'own' : VALIDATION.has(s.corpus) ? 'validation' : 'develop');
const dev = set.samples.filter((s) => group(s) === 'develop');
const own = set.samples.filter((s) => group(s) === 'own');
const todayOf = (g: string) => set.samples.filter((s) => s.source === 'today' && group(s) === g);
const positivesOf = (g: string) => [...set.positives.entries()].filter(([k]) => k.endsWith('|today') && group({ corpus: k.split('|')[0] } as Sample) === g).reduce((n, [, v]) => n + v, 0);

// FNV-1a of the service name: a fixed fold per service, the same on every run.
const foldOf = (service: string) => {
  let h = 2166136261;
  for (const c of service) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h % FOLDS;
};
const oof = new Map<Sample, number>();
for (let k = 0; k < FOLDS; k++) {
  const m = fitBoth([...dev.filter((s) => foldOf(s.service) !== k), ...own], FIT_SETTINGS);
  for (const s of dev.filter((x) => foldOf(x.service) === k)) oof.set(s, predict(m, s));
}
const shipped = (s: Sample) => probability(s.kind === 'scalar' ? CALIBRATION.scalar : CALIBRATION.names, s.key, s.x);
const factT = (s: Sample) => CALIBRATION.thresholds[s.fact];

console.log(`samples ${set.samples.length}: develop ${dev.length} (today ${todayOf('develop').length}), own ${own.length}, validation today ${todayOf('validation').length}`);

// How precision changes with one threshold for every answer (shipped weights, today's answers; validation as sums only).
console.log('\nprecision vs one threshold for every answer (today, shipped weights): t → TP/FP/FN P R');
for (const g of ['develop', 'validation']) {
  console.log(`  ${g}:`);
  for (const r of curve(todayOf(g), shipped, positivesOf(g))) console.log(`    t=${r.t.toFixed(2)}  ${r.tp}/${r.fp}/${r.fn}  P ${r.p.toFixed(3)}  R ${r.r.toFixed(3)}`);
}

/**
 * The rule, per kind and fact with at least MIN_SUPPORT develop answers (chooseCell, threshold-choice.ts): the lowest
 * threshold at which the develop answers' out-of-fold precision, shrunk toward the fact's precision over all kinds at
 * that threshold, reaches the target at it and every higher step; below the fact's own threshold, the answers it adds
 * must reach the target too. A lowered threshold stands only when today's develop answers it adds (shipped weights)
 * reach the target; a raised one only when it loses no right answer of the project's own corpora and no more right
 * than wrong of today's develop answers. Validation is never consulted here: it is summed after the choice.
 */
const chosen: Partial<Record<DocumentKind, Partial<Record<FactName, number>>>> = {};
const devToday = todayOf('develop');
const kept = (rows: Sample[], thr: (s: Sample) => number) => rows.filter((s) => shipped(s) >= thr(s));
console.log('\nper kind and fact (develop out of fold; shrunk toward the fact over all kinds):');
for (const k of DOCUMENT_KINDS)
  for (const f of FACT_NAMES) {
    const rows = dev.filter((s) => s.docKind === k && s.fact === f);
    if (rows.length < MIN_SUPPORT) continue;
    const pooled = dev.filter((s) => s.fact === f);
    const T = CALIBRATION.thresholds[f];
    const t = chooseCell(rows, pooled, (s) => oof.get(s)!, T);
    if (t === undefined || Math.abs(t - T) < 1e-9) continue;
    const inKind = (s: Sample) => s.docKind === k && s.fact === f;
    const between = (s: Sample) => inKind(s) && shipped(s) >= Math.min(t, T) && shipped(s) < Math.max(t, T);
    const dMoved = devToday.filter(between);
    const dWrong = dMoved.filter((s) => !s.y).length;
    let why = '';
    if (t < T) {
      if (dMoved.length > 0 && (dMoved.length - dWrong) / dMoved.length < TARGET_PRECISION) why = `today's develop answers it adds: ${dMoved.length - dWrong} right, ${dWrong} wrong`;
    } else {
      const ownLost = own.filter((s) => inKind(s) && s.y === 1 && shipped(s) < t).length;
      if (ownLost > 0) why = `${ownLost} right answers of the project's own corpora lost`;
      else if (dWrong < dMoved.length - dWrong) why = `today's develop answers it withholds: ${dMoved.length - dWrong} right, ${dWrong} wrong`;
    }
    console.log(`  ${k}/${f}: ${T} → ${t} (${rows.length} answers)${why ? `: refused, ${why}` : ''}`);
    if (!why) (chosen[k] ??= {})[f] = t;
  }

const chosenT = (s: Sample) => chosen[s.docKind]?.[s.fact] ?? factT(s);
for (const g of ['develop', 'validation']) {
  const rows = todayOf(g);
  const b = sums(kept(rows, factT), positivesOf(g));
  const a = sums(kept(rows, chosenT), positivesOf(g));
  console.log(`${g} today (shipped weights): per-fact thresholds ${b.tp}/${b.fp}/${b.fn} P ${b.p.toFixed(3)} → per kind and fact ${a.tp}/${a.fp}/${a.fn} P ${a.p.toFixed(3)}`);
}
const devOof = sums(dev.filter((s) => oof.get(s)! >= factT(s)), 0);
const devOofAfter = sums(dev.filter((s) => oof.get(s)! >= chosenT(s)), 0);
console.log(`develop out of fold (all sources): kept ${devOof.tp}/${devOof.fp} P ${devOof.p.toFixed(3)} → ${devOofAfter.tp}/${devOofAfter.fp} P ${devOofAfter.p.toFixed(3)}`);
console.log(JSON.stringify(chosen));
if (args.includes('--write')) {
  // Only the data line is rewritten: the file's comment (the rule, the reading behind it) stays as reviewed.
  const data = `export const KIND_THRESHOLDS: KindThresholds = ${JSON.stringify(chosen, null, 2)};`;
  writeFileSync(OUT, readFileSync(OUT, 'utf8').replace(/export const KIND_THRESHOLDS[^;]*;/s, data));
  console.log(`written ${OUT}`);
}
