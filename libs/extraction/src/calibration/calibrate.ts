import type { DocumentKind, Evidence, Fact, FactName, FactSet } from '@custody/domain';
import { FACT_VALUES, unspecifiedValue } from '@custody/domain';
import type { FactContext } from '../facts/fact-context.js';
import { evidenceAt, silent, withReview } from '../facts/fact-context.js';
import { CALIBRATION } from './calibration-weights.js';
import type { KindThresholds } from './kind-thresholds.js';
import { KIND_THRESHOLDS } from './kind-thresholds.js';
import { MAX_MENTIONS, nameFeatures, scalarFeatures, sentenceAt } from './features.js';
import { mentionsOf } from './mentions.js';
import { DEFAULT_MIN_CONFIDENCE } from '../types.js';

/**
 * A tiny logistic model: p = σ(bias + perValue["fact=value"] + Σ weights·features). The bias per fact and value is
 * how often that answer of that reading family was right on the tuning sets ("offshore_processing=yes" is asserted
 * from weaker wording than "baa_offered=yes").
 */
export interface LogisticModel {
  features: readonly string[];
  weights: number[];
  bias: number;
  perValue: Record<string, number>;
}

/** The key of an answer in {@link LogisticModel.perValue}: the fact and, for an enumerated fact, its value. */
export const answerKey = (fact: FactName, value?: unknown) => (value === undefined || FACT_VALUES[fact] === 'number' ? fact : `${fact}=${String(value)}`);

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function probability(m: LogisticModel, key: string, x: number[]): number {
  let z = m.bias + (m.perValue[key] ?? 0);
  for (let i = 0; i < x.length; i++) z += m.weights[i] * x[i];
  return sigmoid(z);
}

/**
 * The threshold an answer of `fact` must reach to be asserted: `min` when the caller gives one, else the fact's own
 * threshold from the fit (see {@link DEFAULT_MIN_CONFIDENCE} for how it is chosen) or, where one was chosen, the
 * fact's threshold in the document's kind (up or down); then raised to the threshold of the document's kind for that
 * family of answers where one was chosen (kind-thresholds.ts).
 */
export function thresholdOf(fact: FactName, min?: number, kind?: DocumentKind, kinds: KindThresholds = KIND_THRESHOLDS): number {
  if (min !== undefined) return min;
  const own = (kind && kinds[kind]?.[fact]) ?? CALIBRATION.thresholds[fact] ?? DEFAULT_MIN_CONFIDENCE;
  const family = FACT_VALUES[fact] === 'list' ? 'names' : 'scalar';
  return Math.max(own, (kind && kinds[kind]?.[family]) ?? 0);
}

const round = (p: number) => Math.round(p * 1000) / 1000;
const isAsserted = (name: FactName, f: Fact<FactName>) => f.evidence.length > 0 && JSON.stringify(f.value) !== JSON.stringify(unspecifiedValue(name));

/**
 * Replaces each asserted fact's confidence (the reading's hand-set score) by the calibrated probability that it
 * is right, and drops sub-processor names whose own probability is below `min` into one review candidate (every
 * dropped name with its quote, so none is lost). Scalar facts below `min` are abstained on by {@link abstain}.
 */
export function calibrateFacts(facts: FactSet, ctx: FactContext, min?: number): void {
  const out = facts as Record<FactName, Fact<FactName>>;
  for (const name of Object.keys(facts) as FactName[]) {
    const f = out[name];
    if (!isAsserted(name, f)) continue;
    if (FACT_VALUES[name] === 'list') {
      out[name] = calibrateNames(ctx, f as Fact<'subprocessors_named'>, thresholdOf(name, min, ctx.kind)) as Fact<FactName>;
      continue;
    }
    const x = scalarFeatures(ctx, name, { value: f.value, confidence: f.confidence, evidence: f.evidence, reviewValues: (f.review ?? []).map((r) => r.value) });
    out[name] = { ...f, confidence: round(probability(CALIBRATION.scalar, answerKey(name, f.value), x)) };
  }
}

function calibrateNames(ctx: FactContext, f: Fact<'subprocessors_named'>, min: number): Fact<'subprocessors_named'> {
  const names = f.value;
  // Every name's places from one pass over the text (see mentions.ts).
  const places = mentionsOf(ctx.text, names, MAX_MENTIONS);
  // The reading quotes the first names' clauses (evidence[i] is names[i]'s); a later name is quoted where it is first written.
  const quoteOf = (i: number): Evidence | undefined => {
    if (i < f.evidence.length) return f.evidence[i];
    const s = sentenceAt(ctx.sentences, places.get(names[i])![0] ?? -1);
    return s ? evidenceAt(ctx, s) : undefined;
  };
  const scored = names.map((n, i) => ({ n, i, p: round(probability(CALIBRATION.names, answerKey('subprocessors_named'), nameFeatures(ctx, n, names.length, places.get(n)))) }));
  const kept = scored.filter((s) => s.p >= min);
  const dropped = scored.filter((s) => s.p < min);
  const review = [
    ...(dropped.length > 0
      ? [{ value: dropped.map((d) => d.n), evidence: dropped.map((d) => quoteOf(d.i)).filter((e): e is Evidence => e !== undefined), reason: `named, but each with a calibrated confidence below the threshold ${min} (${dropped.map((d) => `${d.n} ${d.p.toFixed(2)}`).join(', ')})` }]
      : []),
    ...(f.review ?? []),
  ];
  const base = kept.length > 0
    ? { ...f, value: kept.map((k) => k.n), evidence: kept.slice(0, 3).map((k) => quoteOf(k.i)).filter((e): e is Evidence => e !== undefined), confidence: Math.min(...kept.map((k) => k.p)) }
    : silent('subprocessors_named');
  const { review: _old, ...rest } = base as Fact<'subprocessors_named'>;
  return review.length > 0 ? { ...rest, review } : rest;
}

/** Scalar facts below their threshold (for a document of `kind`) go back to unspecified; their quotes stay as review candidates. */
export function abstain(facts: FactSet, min?: number, kind?: DocumentKind, kinds: KindThresholds = KIND_THRESHOLDS): void {
  const out = facts as Record<FactName, Fact<FactName>>;
  for (const name of Object.keys(facts) as FactName[]) {
    const f = out[name];
    const t = thresholdOf(name, min, kind, kinds);
    if (!isAsserted(name, f) || f.confidence >= t) continue;
    const review = f.evidence.map((e) => ({ value: f.value, evidence: e, reason: `confidence ${f.confidence.toFixed(2)} below the threshold ${t}` }));
    out[name] = withReview(silent(name), [...review, ...(f.review ?? []).map((r) => ({ value: r.value, evidence: r.evidence[0], reason: r.reason, rejected: r.rejected }))]);
  }
}
