/**
 * The calibration's training samples and its model fit, shared by fit-calibration.ts (which writes the weights) and
 * kind-thresholds.ts (which chooses a threshold per kind of document on the develop sets). A sample is one answer the
 * readings asserted (uncalibrated, no threshold) on a labelled document, scored against its label: a scalar answer is
 * right when it equals the label, a sub-processor name when the label lists it. Features are always computed by
 * today's code, also for the answers of earlier extractors (snapshots: JSON lines `{tag, file, facts}` with evidence
 * at source offsets, see dump-answers.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentKind, FactName } from '@custody/domain';
import { FACT_NAMES, FACT_VALUES } from '@custody/domain';
import { extractFacts, loadDocument } from '@custody/extraction';
import type { LogisticModel } from '../../../libs/extraction/src/calibration/calibrate.js';
import { answerKey, probability } from '../../../libs/extraction/src/calibration/calibrate.js';
import { NAME_FEATURES, nameFeatures, SCALAR_FEATURES, scalarFeatures } from '../../../libs/extraction/src/calibration/features.js';
import { factContext } from '../../../libs/extraction/src/extract-facts.js';
import { lowerBound } from '../../../libs/extraction/src/loaders/markdown-loader.js';
import type { CorpusSpec, Label } from './extraction-corpora.js';
import { fittable, isUnspecified, normaliseName } from './extraction-corpora.js';

export interface Sample {
  corpus: string;
  source: string;
  doc: string;
  /** The service a document belongs to (its folder under docs/; the file itself for the project's own corpora): the unit of a grouped cross-validation. */
  service: string;
  /** The document's kind as the extractor reads it from the text (document-info.ts), never from the corpus. */
  docKind: DocumentKind;
  kind: 'scalar' | 'names';
  fact: FactName;
  /** answerKey(fact, value): the bias the model learns per fact and value. */
  key: string;
  /** The name, for a sub-processor answer (debug output only). */
  name?: string;
  x: number[];
  y: 0 | 1;
}
interface AnswerFact {
  value: unknown;
  confidence: number;
  evidence: { start?: number; end?: number }[];
  review?: { value?: unknown }[];
}

export interface SampleSet {
  samples: Sample[];
  /** Per `corpus|source`: labelled positives (for recall). */
  positives: Map<string, number>;
  /** Per fact, over all corpora and sources. */
  factPositives: Map<FactName, number>;
  /** Per `corpus|fact`, over all sources (a fact's positives without one corpus, for a threshold chosen without it). */
  corpusFactPositives: Map<string, number>;
  /** Per `corpus|source`: labelled sub-processor names. */
  namePositives: Map<string, number>;
}

/** The corpus of a snapshot's tag (`fresh4@e303ccf` is ota-fresh4's, `check@ef9cb7c` ota-check's). */
const corpusOfTag = (tag: string) => `ota-${tag.split('@')[0]}`;
/** Text offset of a source offset (the first text character at or after it). */
const toText = (sourceIndex: Int32Array | undefined, at: number) => (sourceIndex ? lowerBound(sourceIndex, at) : at);
const bump = <K>(m: Map<K, number>, k: K, n: number) => m.set(k, (m.get(k) ?? 0) + n);

async function addDocument(into: SampleSet, spec: CorpusSpec, label: Label, source: string, facts?: Record<string, AnswerFact>): Promise<void> {
  const bytes = readFileSync(join(spec.docsDir, label.file));
  const doc = await loadDocument(bytes, label.file);
  const opts = { sections: doc.sections, ...(doc.links ? { links: doc.links } : {}) };
  let answers: Record<string, AnswerFact>;
  if (facts) {
    // An earlier extractor's answers: evidence at source offsets, moved back onto today's normalised text.
    answers = Object.fromEntries(Object.entries(facts).map(([k, f]) => [k, { ...f, evidence: f.evidence.map((e) => ({ start: e.start === undefined ? undefined : toText(doc.sourceIndex, e.start) })) }]));
  } else answers = extractFacts(doc.text, { ...opts, uncalibrated: true }).facts as unknown as Record<string, AnswerFact>;
  const { ctx } = factContext(doc.text, opts);
  const key = `${spec.name}|${source}`;
  const service = label.file.includes('/') ? label.file.split('/')[0] : `${spec.name}/${label.file}`;
  const base = { corpus: spec.name, source, doc: label.file, service, docKind: ctx.kind };
  for (const f of FACT_NAMES) {
    const truth = label.facts[f];
    const a = answers[f];
    if (FACT_VALUES[f] === 'list') {
      const want = new Set(((truth as string[]) ?? []).map(normaliseName));
      bump(into.positives, key, want.size);
      bump(into.factPositives, f, want.size);
      bump(into.corpusFactPositives, `${spec.name}|${f}`, want.size);
      bump(into.namePositives, key, want.size);
      const names = Array.isArray(a?.value) ? (a.value as string[]) : [];
      const seen = new Set<string>();
      for (const n of names) {
        if (seen.has(normaliseName(n))) continue;
        seen.add(normaliseName(n));
        into.samples.push({ ...base, kind: 'names', fact: f, key: answerKey(f), name: n, x: nameFeatures(ctx, n, names.length), y: want.has(normaliseName(n)) ? 1 : 0 });
      }
      continue;
    }
    if (!isUnspecified(f, truth)) {
      bump(into.positives, key, 1);
      bump(into.factPositives, f, 1);
      bump(into.corpusFactPositives, `${spec.name}|${f}`, 1);
    }
    if (!a || isUnspecified(f, a.value) || a.evidence.length === 0) continue;
    const x = scalarFeatures(ctx, f, { value: a.value, confidence: a.confidence, evidence: a.evidence as never, reviewValues: (a.review ?? []).map((r) => r.value) });
    into.samples.push({ ...base, kind: 'scalar', fact: f, key: answerKey(f, a.value), x, y: a.value === truth ? 1 : 0 });
  }
}

/**
 * Today's answers on every labelled document of `specs`, and (with `snapDir`) the earlier extractors' answers whose
 * snapshot tag names one of `specs` (a snapshot of another corpus is an error unless `skipOtherSnapshots`, or unless
 * that corpus is one no fit may read: a validation set's snapshots stay committed for the day it becomes develop).
 */
export async function collectSamples(specs: CorpusSpec[], snapDir: string | undefined, skipOtherSnapshots = false): Promise<SampleSet> {
  const into: SampleSet = { samples: [], positives: new Map(), factPositives: new Map(), corpusFactPositives: new Map(), namePositives: new Map() };
  for (const spec of specs) for (const label of spec.labels) await addDocument(into, spec, label, 'today');
  if (!snapDir || !existsSync(snapDir)) return into;
  for (const file of readdirSync(snapDir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(snapDir, file), 'utf8').split('\n').filter(Boolean)) {
      const rec = JSON.parse(line) as { tag: string; file: string; facts: Record<string, AnswerFact> };
      const spec = specs.find((s) => s.name === corpusOfTag(rec.tag));
      const label = spec?.labels.find((l) => l.file === rec.file);
      if (!spec || !label) {
        if (skipOtherSnapshots || !fittable(corpusOfTag(rec.tag))) continue;
        throw new Error(`${file}: ${rec.tag} ${rec.file} is not a document of a tuning corpus`);
      }
      await addDocument(into, spec, label, rec.tag, rec.facts);
    }
  }
  return into;
}

export interface FitSettings {
  iterations: number;
  /** L2 on the feature weights. */
  l2: number;
  /** L2 on the biases per fact and value (harder: several rest on a few dozen answers). */
  l2PerValue: number;
  /** Features kept at weight 0. */
  unused: { scalar: readonly string[]; names: readonly string[] };
}

/**
 * Features the fit leaves at weight 0 (leave-one-corpus-out log loss / AUC without vs with, on the 2609 answers of
 * 2026-12-04): scalar `conflict` 0.331/0.729 vs 0.333/0.724; names `suffix`, `providerSentence` and `structured`
 * together 0.489/0.761 vs 0.504/0.750. The features stay computed (features.ts) so a later fit can take them back.
 */
const UNUSED: FitSettings['unused'] = { scalar: ['conflict'], names: ['suffix', 'providerSentence', 'structured'] };
/** The settings fit-calibration.ts fits the shipped weights with. */
export const FIT_SETTINGS: FitSettings = { iterations: Number(process.env.FIT_ITERATIONS ?? 3000), l2: 1, l2PerValue: 30, unused: UNUSED };

/** L2-regularised logistic regression (the global bias unregularised; features in `unused` fixed at 0) by full-batch gradient descent. */
function fit(data: Sample[], nFeatures: number, perFact: boolean, unused: boolean[], st: FitSettings): LogisticModel {
  const w = new Array<number>(nFeatures).fill(0);
  const fb: Record<string, number> = {};
  let b = 0;
  const lr = 0.5;
  for (let it = 0; it < st.iterations; it++) {
    const gw = new Array<number>(nFeatures).fill(0);
    const gf: Record<string, number> = {};
    let gb = 0;
    const m: LogisticModel = { features: [], weights: w, bias: b, perValue: perFact ? fb : {} };
    for (const s of data) {
      const err = probability(m, s.key, s.x) - s.y;
      gb += err;
      for (let i = 0; i < nFeatures; i++) gw[i] += err * s.x[i];
      if (perFact) gf[s.key] = (gf[s.key] ?? 0) + err;
    }
    const n = Math.max(1, data.length);
    b -= (lr * gb) / n;
    for (let i = 0; i < nFeatures; i++) if (!unused[i]) w[i] -= (lr * (gw[i] + st.l2 * w[i])) / n;
    if (perFact) for (const k of Object.keys(gf)) fb[k] = (fb[k] ?? 0) - (lr * (gf[k] + st.l2PerValue * (fb[k] ?? 0))) / n;
  }
  return { features: [], weights: w.map((x) => +x.toFixed(3)), bias: +b.toFixed(3), perValue: Object.fromEntries(Object.entries(fb).sort().map(([k, v]) => [k, +v.toFixed(3)])) };
}

export type CalibrationModel = { scalar: LogisticModel; names: LogisticModel };

/**
 * Fits the calibration. Refuses any answer of a corpus no fit may read (a validation set, an unseen set: see fittable()
 * in extraction-corpora.ts), whichever script asks, so a figure measured on those sets is never measured with weights
 * that saw them.
 */
export function fitBoth(data: Sample[], st: FitSettings): CalibrationModel {
  const leaked = [...new Set(data.filter((s) => !fittable(s.corpus)).map((s) => s.corpus))];
  if (leaked.length > 0) throw new Error(`the calibration fit may not read validation or unseen sets: ${leaked.join(', ')}`);
  return fitModels(data, st);
}

const fitModels = (data: Sample[], st: FitSettings): CalibrationModel => ({
  scalar: { ...fit(data.filter((s) => s.kind === 'scalar'), SCALAR_FEATURES.length, true, SCALAR_FEATURES.map((f) => st.unused.scalar.includes(f)), st), features: SCALAR_FEATURES },
  names: { ...fit(data.filter((s) => s.kind === 'names'), NAME_FEATURES.length, false, NAME_FEATURES.map((f) => st.unused.names.includes(f)), st), features: NAME_FEATURES },
});
export const predict = (m: CalibrationModel, s: Sample) => probability(s.kind === 'scalar' ? m.scalar : m.names, s.key, s.x);
