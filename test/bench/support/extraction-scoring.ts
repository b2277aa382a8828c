/**
 * Scores one labelled corpus for the extraction bench: every document through `extractDocument` (the path a user's
 * upload takes), each fact compared with its hand label by scoreFact (label-scoring.ts: scalars by value,
 * sub-processors by normalised name), the evidence checked (extraction-evidence.ts), and the confidence of each
 * asserted answer kept with whether it was right, for the calibration tables (extraction-calibration.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractionResult, FactName } from '@custody/domain';
import { FACT_NAMES, FACT_VALUES } from '@custody/domain';
import { extractDocument, loadDocument } from '@custody/extraction';
import type { CorpusRole, Counts, CorpusSpec, Prf } from './extraction-corpora.js';
import { isUnspecified, prf, scoreFact, sourceOf } from './extraction-corpora.js';
import type { EvidenceCheck } from './extraction-evidence.js';
import { checkEvidence, finishEvidence, newEvidence } from './extraction-evidence.js';

export interface CalibrationPoint {
  fact: FactName;
  /** The document's kind as the extractor read it from the text (result.document.kind). */
  kind: string;
  confidence: number;
  correct: boolean;
}

export interface CorpusReport {
  name: string;
  role: CorpusRole;
  description: string;
  gate: boolean;
  files: string[];
  perFact: Record<string, Prf>;
  micro: Prf;
  evidence: EvidenceCheck;
  calibration: CalibrationPoint[];
  /** Labelled positives per document kind (as the extractor reads it): recall's denominator per kind. */
  positivesByKind: Record<string, number>;
  errors: string[];
  mismatches: string[];
  /** Facts left unspecified but with review candidates, and how often the label was specified there. */
  review: { facts: number; labelled: number };
  /** Problems with the labels themselves (fresh sets: selection rule, evidence offsets); undefined if unchecked. */
  labelProblems?: string[];
}

/** Scores `spec`'s documents; each loaded text is appended to `texts` (the throughput run repeats them). */
export async function scoreCorpus(spec: CorpusSpec, texts: string[]): Promise<CorpusReport> {
  const per: Record<string, Counts> = Object.fromEntries(FACT_NAMES.map((f) => [f, { tp: 0, fp: 0, fn: 0 }]));
  const errors: string[] = [];
  const mismatches: string[] = [];
  const calibration: CalibrationPoint[] = [];
  const positivesByKind: Record<string, number> = {};
  const evidence = newEvidence();
  const review = { facts: 0, labelled: 0 };
  for (const label of spec.labels) {
    const path = join(spec.docsDir, label.file);
    let result: ExtractionResult;
    let source: string;
    try {
      const bytes = readFileSync(path);
      result = await extractDocument(bytes, label.file);
      const loaded = await loadDocument(bytes, label.file);
      source = sourceOf(bytes, loaded.format, loaded.text);
      texts.push(loaded.text);
    } catch (err) {
      errors.push(`${label.file}: ${(err as Error).message}`);
      for (const f of FACT_NAMES) per[f].fn += scoreFact(f, label.facts[f], undefined).fn;
      continue;
    }
    checkEvidence(result, source, label.file, evidence);
    const kind = result.document.kind;
    for (const f of FACT_NAMES) {
      const fact = result.facts[f] as { value: unknown; confidence: number; review?: unknown[] };
      const c = scoreFact(f, label.facts[f], fact.value);
      per[f].tp += c.tp;
      per[f].fp += c.fp;
      per[f].fn += c.fn;
      positivesByKind[kind] = (positivesByKind[kind] ?? 0) + c.tp + c.fn;
      if (c.fp || c.fn) mismatches.push(`${label.file} ${f}: predicted ${JSON.stringify(fact.value)}, label ${JSON.stringify(label.facts[f])}`);
      if (FACT_VALUES[f] === 'list') {
        for (let i = 0; i < c.tp; i++) calibration.push({ fact: f, kind, confidence: fact.confidence, correct: true });
        for (let i = 0; i < c.fp; i++) calibration.push({ fact: f, kind, confidence: fact.confidence, correct: false });
      } else if (!isUnspecified(f, fact.value)) {
        calibration.push({ fact: f, kind, confidence: fact.confidence, correct: c.tp === 1 });
      }
      if (isUnspecified(f, fact.value) && (fact.review?.length ?? 0) > 0) {
        review.facts++;
        if (!isUnspecified(f, label.facts[f])) review.labelled++;
      }
    }
  }
  const micro = Object.values(per).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return {
    name: spec.name,
    role: spec.role,
    description: spec.description,
    gate: spec.gate,
    files: spec.labels.map((l) => l.file),
    perFact: Object.fromEntries(Object.entries(per).map(([k, c]) => [k, prf(c)])),
    micro: prf(micro),
    evidence: finishEvidence(evidence),
    calibration,
    positivesByKind,
    errors,
    mismatches,
    review,
    labelProblems: spec.labelProblems,
  };
}
