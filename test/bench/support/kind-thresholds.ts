/**
 * Chooses the calibration's thresholds per kind of document and per answer family (sub-processor names vs the
 * scalar facts) on the develop sets only, from honest out-of-fold probabilities, and prints what they do.
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
import type { DocumentKind } from '@custody/domain';
import { probability } from '../../../libs/extraction/src/calibration/calibrate.js';
import { CALIBRATION } from '../../../libs/extraction/src/calibration/calibration-weights.js';
import type { Sample } from './calibration-samples.js';
import { collectSamples, FIT_SETTINGS, fitBoth, predict } from './calibration-samples.js';
import { ROOT, tuningCorpora } from './extraction-corpora.js';

const VALIDATION = new Set(['ota-fresh10', 'ota-fresh11', 'ota-fresh12']);
const OWN = new Set(['project', 'holdout', 'shared']);
const FOLDS = 10;
const TARGET_PRECISION = 0.95;
/** A kind's threshold rests on at least this many develop answers, and keeps at least MIN_KEPT of them. */
const MIN_SUPPORT = 30;
const MIN_KEPT = 10;
const OUT = join(ROOT, 'libs', 'extraction', 'src', 'calibration', 'kind-thresholds.ts');
const GRID = [0, ...Array.from({ length: 19 }, (_, i) => +(0.05 * (i + 1)).toFixed(2))];

const args = process.argv.slice(2);
const snapArg = args.includes('--snapshots') ? args[args.indexOf('--snapshots') + 1] : join(ROOT, 'test', 'fixtures', 'calibration-snapshots');
const specs = tuningCorpora();
const set = await collectSamples(specs, snapArg === 'none' ? undefined : snapArg);
const group = (s: Sample) => (OWN.has(s.corpus) ? 'own' : VALIDATION.has(s.corpus) ? 'validation' : 'develop');
const dev = set.samples.filter((s) => group(s) === 'develop');
const own = set.samples.filter((s) => group(s) === 'own');

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

const families = ['names', 'scalar'] as const;
const f3 = (x: number) => x.toFixed(3);
console.log(`samples ${set.samples.length}: develop ${dev.length}, own ${own.length}, validation ${set.samples.length - dev.length - own.length}`);
for (const g of ['develop', 'validation', 'own']) {
  const rows = set.samples.filter((s) => group(s) === g);
  const by = new Map<string, [number, number]>();
  for (const s of rows) {
    const k = `${s.docKind}/${s.kind}`;
    const v = by.get(k) ?? [0, 0];
    v[s.y]++;
    by.set(k, v);
  }
  console.log(`  ${g}: ${[...by.entries()].sort().map(([k, [w, r]]) => `${k} ${r}+${w}w`).join(', ')}`);
}

const KINDS: DocumentKind[] = ['baa', 'dpa', 'contract', 'privacy_policy', 'terms', 'other'];
/** The per-fact threshold of the shipped calibration: a kind's threshold only ever raises it. */
const factT = (s: Sample) => CALIBRATION.thresholds[s.fact];
const keptAt = (rows: Sample[], p: (s: Sample) => number, t: number) => rows.filter((s) => p(s) >= Math.max(factT(s), t));
for (const k of KINDS)
  for (const fam of families) {
    const rows = dev.filter((s) => s.docKind === k && s.kind === fam);
    const ownRight = own.filter((s) => s.docKind === k && s.kind === fam && s.y === 1);
    if (rows.length === 0 && ownRight.length === 0) continue;
    const today = rows.filter((s) => s.source === 'today');
    console.log(`\n${k} / ${fam}: develop answers ${rows.length} (${rows.filter((s) => !s.y).length} wrong; today ${today.length}/${today.filter((s) => !s.y).length}); own right ${ownRight.length}`);
    console.log('  t     out-of-fold kept/wrong P   | today kept/wrong | own right lost (shipped)');
    for (const t of GRID.filter((x) => x >= 0.45 || x === 0)) {
      const kr = keptAt(rows, (s) => oof.get(s)!, t);
      const kw = kr.filter((s) => !s.y).length;
      const kt = keptAt(today, (s) => oof.get(s)!, t);
      const lost = ownRight.filter((s) => shipped(s) < Math.max(factT(s), t)).length;
      console.log(`  ${t.toFixed(2)} ${String(kr.length).padStart(5)}/${String(kw).padStart(3)} P ${f3(kr.length ? 1 - kw / kr.length : 1)} | ${String(kt.length).padStart(4)}/${String(kt.filter((s) => !s.y).length).padStart(3)} | ${lost}`);
    }
  }

/**
 * The rule: per kind and family, the lowest threshold (from 0.5) at which the develop answers kept (at the higher of
 * it and the fact's own threshold) reach the target precision out of fold, with at least MIN_KEPT kept, MIN_SUPPORT
 * answers behind it, and no right answer of the project's own corpora lost under the shipped weights (the gates);
 * and today's extractor (readings and shipped weights) must not lose more right than wrong develop answers by it
 * (out of fold, the earlier extractors' answers dominate the sample; the threshold ships with today's readings).
 * None: the kind keeps the per-fact thresholds.
 */
const chosen: Record<string, Record<string, number>> = {};
console.log('\nchosen (develop out-of-fold; validation scored by the shipped weights, which saw it):');
for (const k of KINDS)
  for (const fam of families) {
    const rows = dev.filter((s) => s.docKind === k && s.kind === fam);
    const ownRight = own.filter((s) => s.docKind === k && s.kind === fam && s.y === 1);
    if (rows.length < MIN_SUPPORT) continue;
    const today = rows.filter((s) => s.source === 'today');
    const t = GRID.filter((x) => x >= 0.5).find((x) => {
      const kr = keptAt(rows, (s) => oof.get(s)!, x);
      const right = kr.filter((s) => s.y).length;
      return kr.length >= MIN_KEPT && right / kr.length >= TARGET_PRECISION && ownRight.every((s) => shipped(s) >= Math.max(factT(s), x));
    });
    // The shipped extractor's own develop answers (today's readings, shipped weights) must not lose more right answers than wrong ones.
    const lost = t === undefined ? [] : today.filter((s) => shipped(s) >= factT(s) && shipped(s) < t);
    const lostWrong = lost.filter((s) => !s.y).length;
    if (t === undefined || lostWrong < lost.length - lostWrong) {
      console.log(`  ${k}/${fam}: none (per-fact thresholds stand)${t === undefined ? '' : `; ${t} reached the target out of fold but would move ${lost.length - lostWrong} right and ${lostWrong} wrong of today's develop answers to review`}`);
      continue;
    }
    (chosen[k] ??= {})[fam] = t;
    const val = set.samples.filter((s) => VALIDATION.has(s.corpus) && s.source === 'today' && s.docKind === k && s.kind === fam);
    const moved = (rows: Sample[], p: (s: Sample) => number) => rows.filter((s) => p(s) >= factT(s) && p(s) < t);
    const md = moved(rows, (s) => oof.get(s)!);
    const mv = moved(val, shipped);
    console.log(`  ${k}/${fam}: ${t}  develop out-of-fold moved to review ${md.length} (${md.filter((s) => !s.y).length} wrong); validation today moved ${mv.length} (${mv.filter((s) => !s.y).length} wrong)`);
  }
if (args.includes('--write')) {
  // Only the data line is rewritten: the file's comment (the rule, the reading behind it) stays as reviewed.
  const data = `export const KIND_THRESHOLDS: KindThresholds = ${JSON.stringify(chosen, null, 2)};`;
  writeFileSync(OUT, readFileSync(OUT, 'utf8').replace(/export const KIND_THRESHOLDS[^;]*;/s, data));
  console.log(`written ${OUT}`);
}
