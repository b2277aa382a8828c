/**
 * How the extraction bench shows its results: one JSON object (`--json`) or the text tables. Both hide the mismatches
 * of the unseen sets (check and fresh roles) unless `--show-held-out`, since reading them makes a set a tuning set.
 * Only rendering lives here; every figure is computed by the modules the bench calls before.
 */
import { FACT_NAMES } from '@custody/domain';
import { DEFAULT_MIN_CONFIDENCE } from '@custody/extraction';
import { CALIBRATION } from '../../../libs/extraction/src/calibration/calibration-weights.js';
import { KIND_THRESHOLDS } from '../../../libs/extraction/src/calibration/kind-thresholds.js';
import type { Baseline } from './extraction-baseline.js';
import type { CalibrationSummary, ThresholdRow } from './extraction-calibration.js';
import type { Prf } from './extraction-corpora.js';
import { UNSEEN_ROLES } from './extraction-corpora.js';
import type { Robustness, Throughput } from './extraction-robustness.js';
import type { CorpusReport } from './extraction-scoring.js';
import type { Target } from './extraction-targets.js';
import { f3 } from './extraction-targets.js';
import type { thresholdCurves } from './threshold-curve.js';

export interface BenchResults {
  corpora: CorpusReport[];
  summary: CalibrationSummary;
  thresholdCurve: Awaited<ReturnType<typeof thresholdCurves>>;
  robustness: Robustness | undefined;
  speed: Throughput | undefined;
  baseline: Baseline | undefined;
  targets: Target[];
  notes: string[];
}

const ATTRIBUTION = 'OTA data © Open Terms Archive contributors, ODC-BY 1.0';

export function printJson(r: BenchResults, showHeldOut: boolean): void {
  const { calibration, calibrationByKind, chosenThreshold } = r.summary;
  const out = r.corpora.map(({ calibration: _c, positivesByKind: _k, mismatches, ...c }) => ({ ...c, mismatches: UNSEEN_ROLES.has(c.role) ? (showHeldOut ? mismatches : `${mismatches.length} hidden`) : mismatches }));
  console.log(JSON.stringify({ corpora: out, calibration, calibrationByKind, chosenThreshold: { ...chosenThreshold, extractorDefault: DEFAULT_MIN_CONFIDENCE }, thresholdCurve: r.thresholdCurve, robustness: r.robustness, throughput: r.speed, baseline: r.baseline, targets: r.targets, notes: r.notes, attribution: ATTRIBUTION }, null, 2));
}

function printCorpus(c: CorpusReport, baseline: Baseline | undefined, showHeldOut: boolean): void {
  const base = baseline?.corpora[c.name];
  console.log(`\n== ${c.name} (${c.files.length} documents): ${c.description}${c.gate ? '' : ' [reported, not a target]'}`);
  if (c.role === 'tune' || UNSEEN_ROLES.has(c.role)) console.log(`   documents: ${c.files.join(' · ')}`);
  console.log('fact'.padEnd(36) + 'TP'.padStart(5) + 'FP'.padStart(5) + 'FN'.padStart(5) + '  precision  recall     F1' + (base ? '   | baseline P     R     F1' : ''));
  const row = (name: string, r: Prf, b?: Prf) =>
    name.padEnd(36) + String(r.tp).padStart(5) + String(r.fp).padStart(5) + String(r.fn).padStart(5) + `  ${f3(r.precision).padStart(9)}  ${f3(r.recall).padStart(6)}  ${f3(r.f1).padStart(5)}` + (b ? `   | ${f3(b.precision).padStart(10)} ${f3(b.recall)} ${f3(b.f1)}` : '');
  for (const [f, r] of Object.entries(c.perFact)) console.log(row(f, r, base?.perFact[f]));
  console.log(row('MICRO', c.micro, base?.micro));
  const e = c.evidence;
  console.log(`evidence verbatim at offsets: ${e.atOffsets}/${e.quotes} = ${(e.validity * 100).toFixed(1)}% (anywhere in source: ${e.anywhere})` + (base ? `   | baseline ${(base.evidence.validity * 100).toFixed(1)}% (anywhere ${base.evidence.anywhere}/${base.evidence.quotes})` : ''));
  console.log(`unspecified facts with review candidates: ${c.review.facts} (label specified in ${c.review.labelled})`);
  for (const x of e.invalid) console.log(`  not verbatim: ${x}`);
  for (const x of c.errors) console.log(`  load error: ${x}`);
  for (const x of c.labelProblems ?? []) console.log(`  label problem: ${x}`);
  if (UNSEEN_ROLES.has(c.role)) {
    if (showHeldOut) for (const m of c.mismatches) console.log(`  mismatch: ${m}`);
    else console.log(`  (${c.mismatches.length} mismatches hidden: held-out corpus; --show-held-out prints them)`);
  } else for (const m of c.mismatches) console.log(`  mismatch: ${m}`);
}

const printThresholds = (name: string, rows: ThresholdRow[]) => {
  console.log(`\ncalibration (${name}): confidence >= t → predictions kept, precision, recall`);
  for (const r of rows) console.log(`  t=${r.threshold.toFixed(2)}  kept ${String(r.kept).padStart(4)}  precision ${f3(r.precision)}  recall ${f3(r.recall)}`);
};

const printByFact = (name: string, cs: CorpusReport[]) => {
  console.log(`\ncalibration per fact (${name}): at t = 0 / 0.5 / 0.7 / 0.9 → kept, precision`);
  for (const f of FACT_NAMES) {
    const pts = cs.flatMap((c) => c.calibration).filter((p) => p.fact === f);
    if (pts.length === 0) continue;
    const at = (t: number) => {
      const k = pts.filter((p) => p.confidence >= t);
      return `${String(k.length).padStart(3)} ${f3(k.length ? k.filter((p) => p.correct).length / k.length : 1)}`;
    };
    console.log(`  ${f.padEnd(34)} ${[0, 0.5, 0.7, 0.9].map(at).join('  |  ')}`);
  }
};

function printCalibration(s: CalibrationSummary, thresholdCurve: BenchResults['thresholdCurve']): void {
  const { calibration, calibrationByKind, chosenThreshold } = s;
  printThresholds(`unseen sets (${s.heldOutCorpora.map((c) => c.name).join(' + ')})`, calibration.heldOut);
  for (const [g, c] of Object.entries(thresholdCurve)) {
    console.log(`\nprecision vs one threshold for every answer asserted on the ${g} sets, withheld ones included (shipped thresholds: ${c.shipped.tp}/${c.shipped.fp}/${c.shipped.fn} P ${f3(c.shipped.p)})`);
    for (const r of c.byThreshold) console.log(`  t=${r.t.toFixed(2)}  ${r.tp}/${r.fp}/${r.fn}  precision ${f3(r.p)}  recall ${f3(r.r)}`);
  }
  printThresholds(`all tuning sets: ${s.tuningCorpora.map((c) => c.name).join(' + ')}`, calibration.tuning);
  for (const [k, rows] of Object.entries(calibrationByKind.tuning)) printThresholds(`all tuning sets, documents read as ${k}`, rows);
  for (const [k, rows] of Object.entries(calibrationByKind.heldOut)) printThresholds(`unseen sets, documents read as ${k}`, rows);
  console.log(`  best single F0.5 threshold on the tuning sets: t=${chosenThreshold.threshold.toFixed(2)} (precision ${f3(chosenThreshold.precision)}, recall ${f3(chosenThreshold.recall)}); the extractor asserts at its per-fact thresholds (fit floor ${DEFAULT_MIN_CONFIDENCE}, lowered where the project's own corpora need it), chosen by fit-calibration.ts on the tuning sets, raised per kind of document by kind-thresholds.ts (develop sets only):`);
  console.log(`  ${Object.entries(CALIBRATION.thresholds).map(([f, t]) => `${f} ${t}`).join(', ')}`);
  console.log(`  per kind: ${JSON.stringify(KIND_THRESHOLDS)}`);
  printByFact('all tuning sets', s.tuningCorpora);
  printByFact(`unseen sets`, s.heldOutCorpora);
}

function printRobustness(r: Robustness, b: Baseline['robustness']): void {
  console.log(`\n== robustness: all ${r.documents} OTA documents (${r.megabytes.toFixed(1)} MB; © Open Terms Archive contributors, ODC-BY 1.0)`);
  console.log(`errors: ${r.errors.length}` + (b ? `   | baseline ${b.errors.length}` : ''));
  for (const x of r.errors.slice(0, 20)) console.log(`  error: ${x}`);
  console.log(`time per document: mean ${r.ms.mean.toFixed(1)} ms, median ${r.ms.median.toFixed(1)} ms, p95 ${r.ms.p95.toFixed(1)} ms, max ${r.ms.max.toFixed(0)} ms (${r.ms.maxFile})` + (b ? `   | baseline mean ${b.ms.mean.toFixed(1)}, max ${b.ms.max.toFixed(0)} ms` : ''));
  console.log(`throughput (load + extract): ${r.megabytes.toFixed(1)} MB in ${r.cpuSeconds.toFixed(2)} s CPU = ${r.mbPerCpuSecond.toFixed(1)} MB/s per core (wall ${r.wallSeconds.toFixed(1)} s)` + (b ? `   | baseline ${b.mbPerCpuSecond.toFixed(1)} MB/s` : ''));
  console.log(`evidence verbatim at offsets: ${r.evidence.atOffsets}/${r.evidence.quotes} (anywhere ${r.evidence.anywhere})` + (b ? `   | baseline ${b.evidence.atOffsets}/${b.evidence.quotes} (anywhere ${b.evidence.anywhere})` : ''));
  for (const x of r.evidence.invalid) console.log(`  not verbatim: ${x}`);
  console.log('asserted in how many documents (values), review-only documents' + (b ? ', | baseline documents' : ''));
  for (const f of FACT_NAMES) {
    const a = r.asserted[f];
    const vals = Object.entries(a.values).sort((x, y) => y[1] - x[1]).slice(0, 6).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`  ${f.padEnd(34)} ${String(a.documents).padStart(4)}  (${vals})  review ${r.reviewOnly[f]}` + (b ? `   | ${b.asserted[f]}` : ''));
  }
}

export function printText(r: BenchResults, showHeldOut: boolean): void {
  for (const n of r.notes) console.log(`note: ${n}`);
  if (r.baseline) console.log(`baseline: ${r.baseline.recorded} at ${r.baseline.commit} — ${r.baseline.note}`);
  for (const c of r.corpora) printCorpus(c, r.baseline, showHeldOut);
  printCalibration(r.summary, r.thresholdCurve);
  if (r.robustness) printRobustness(r.robustness, r.baseline?.robustness);
  const speed = r.speed;
  if (speed) console.log(`\none ${speed.megabytes.toFixed(1)} MB text: ${speed.cpuSeconds.toFixed(2)} s CPU = ${speed.mbPerCpuSecond.toFixed(1)} MB/s per core (wall ${speed.mbPerSecond.toFixed(1)} MB/s)`);
  console.log('');
  for (const t of r.targets) console.log(`${t.ok ? 'PASS' : 'FAIL'}  ${t.what}: ${t.value} (target ${t.target})`);
}
