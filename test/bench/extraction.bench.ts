/**
 * Extraction benchmark: `npm run bench:extraction` (add `--json` for machine-readable output).
 *
 * Corpora: the project's own labelled corpus (test/fixtures/contracts) and, when present, the real vendor
 * documents in ../shared/corpus/contracts (resolved from the repo root; skipped with a note if absent).
 * Each document is loaded with `loadDocument` (format detected from its bytes) and read with
 * `extractFacts` (rules@1), then compared with its labels.
 *
 * Scoring, per fact and micro-averaged over all facts and documents:
 * - A prediction is a value other than the fact's "unspecified" value (`unspecified`, null, []).
 * - Scalar facts: a prediction equal to the label is a true positive (TP); a prediction that differs
 *   is a false positive (FP), and also a false negative (FN) when the label is specified; a missing
 *   prediction for a specified label is a FN. Label unspecified + prediction unspecified is neither TP
 *   nor FP (it is not counted at all).
 * - List facts (subprocessors_named): per-name set matching, case-insensitive and whitespace-collapsed;
 *   each predicted name in the label set is a TP, each other predicted name a FP, each labelled name not
 *   predicted a FN.
 * - precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = their harmonic mean.
 * - Evidence validity: share of evidence quotes (over all predicted facts) for which
 *   `text.slice(start, end) === quote` in the loaded text.
 * - Throughput: extractFacts over a ~20 MB synthetic concatenation of all loaded corpus texts, MB/s
 *   (1 MB = 2^20 UTF-16 code units of text), single thread. The target is per core (issue 3), so it is
 *   judged on CPU time (process.cpuUsage), which other load on a shared machine does not distort; wall
 *   time is printed beside it.
 * Targets (issue 3): micro precision >= 0.95 and recall >= 0.85 on both corpora, evidence validity 100%,
 * >= 5 MB/s. The process exit code is 1 when a target is missed.
 *
 * A third corpus, "holdout" (test/fixtures/contracts-holdout), is scored the same way when present but is
 * not a gate: it was written after the extractor was tuned and is not used to tune it, so its figures are
 * reported (with a note) and never change the exit code or the throughput sample.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FactName, FactSet } from '@custody/domain';
import { FACT_NAMES, FACT_VALUES } from '@custody/domain';
import { extractFacts, loadDocument } from '@custody/extraction';

interface Label {
  file: string;
  doc_type?: string;
  facts: Record<FactName, unknown>;
}
interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
interface CorpusReport {
  name: string;
  dir: string;
  documents: number;
  perFact: Record<string, Counts & { precision: number; recall: number; f1: number }>;
  micro: Counts & { precision: number; recall: number; f1: number };
  evidence: { quotes: number; valid: number; validity: number };
  docKindAccuracy: number;
  errors: string[];
  mismatches: string[];
  /** Set on corpora that are measured but not gated (the held-out corpus). */
  note?: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const asJson = process.argv.includes('--json');
const texts: string[] = [];

function isUnspecified(name: FactName, v: unknown): boolean {
  const spec = FACT_VALUES[name];
  if (spec === 'number') return v === null || v === undefined;
  if (spec === 'list') return !Array.isArray(v) || v.length === 0;
  return v === 'unspecified' || v === undefined;
}

const normName = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

function score(name: FactName, label: unknown, pred: unknown): Counts {
  if (FACT_VALUES[name] === 'list') {
    const l = new Set(((label as string[]) ?? []).map(normName));
    const p = new Set(((pred as string[]) ?? []).map(normName));
    let tp = 0;
    for (const x of p) if (l.has(x)) tp++;
    return { tp, fp: p.size - tp, fn: l.size - tp };
  }
  const lu = isUnspecified(name, label);
  const pu = isUnspecified(name, pred);
  if (pu) return { tp: 0, fp: 0, fn: lu ? 0 : 1 };
  if (pred === label) return { tp: 1, fp: 0, fn: 0 };
  return { tp: 0, fp: 1, fn: lu ? 0 : 1 };
}

const prf = (c: Counts) => {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
};

async function runCorpus(name: string, dir: string): Promise<CorpusReport> {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Label[];
  const per: Record<string, Counts> = Object.fromEntries(FACT_NAMES.map((f) => [f, { tp: 0, fp: 0, fn: 0 }]));
  const errors: string[] = [];
  const mismatches: string[] = [];
  let quotes = 0;
  let valid = 0;
  let kindsRight = 0;
  let kinds = 0;
  for (const label of labels) {
    let facts: FactSet;
    let text: string;
    let kind: string;
    try {
      const doc = await loadDocument(readFileSync(join(dir, label.file)), label.file);
      text = doc.text;
      const r = extractFacts(text, { fileName: label.file, sections: doc.sections });
      facts = r.facts;
      kind = r.document.kind;
      texts.push(text);
    } catch (err) {
      errors.push(`${label.file}: ${(err as Error).message}`);
      for (const f of FACT_NAMES) {
        const c = score(f, label.facts[f], undefined);
        per[f].fn += c.fn;
      }
      continue;
    }
    if (label.doc_type) {
      kinds++;
      if (label.doc_type === kind) kindsRight++;
    }
    for (const f of FACT_NAMES) {
      const c = score(f, label.facts[f], facts[f].value);
      per[f].tp += c.tp;
      per[f].fp += c.fp;
      per[f].fn += c.fn;
      if (c.fp || c.fn) mismatches.push(`${label.file} ${f}: predicted ${JSON.stringify(facts[f].value)}, label ${JSON.stringify(label.facts[f])}`);
      for (const e of facts[f].evidence) {
        quotes++;
        if (e.start !== undefined && e.end !== undefined && text.slice(e.start, e.end) === e.quote) valid++;
      }
    }
  }
  const micro = Object.values(per).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return {
    name,
    dir,
    documents: labels.length,
    perFact: Object.fromEntries(Object.entries(per).map(([k, c]) => [k, prf(c)])),
    micro: prf(micro),
    evidence: { quotes, valid, validity: quotes === 0 ? 1 : valid / quotes },
    docKindAccuracy: kinds === 0 ? 1 : kindsRight / kinds,
    errors,
    mismatches,
  };
}

function throughput(): { megabytes: number; seconds: number; mbPerSecond: number; cpuSeconds: number; mbPerCpuSecond: number } {
  const unit = texts.join('\n\n');
  const parts: string[] = [];
  let size = 0;
  while (size < 20 * 1024 * 1024 && unit.length > 0) {
    parts.push(unit);
    size += unit.length + 2;
  }
  const big = parts.join('\n\n');
  extractFacts(unit); // warm up the JIT and regex caches
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  extractFacts(big);
  const cpu = process.cpuUsage(c0);
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const megabytes = big.length / (1024 * 1024);
  return { megabytes, seconds, mbPerSecond: megabytes / seconds, cpuSeconds, mbPerCpuSecond: megabytes / cpuSeconds };
}

const corpora: CorpusReport[] = [];
const notes: string[] = [];
corpora.push(await runCorpus('project', join(root, 'test', 'fixtures', 'contracts')));
const shared = resolve(root, '..', 'shared', 'corpus', 'contracts');
if (existsSync(join(shared, 'labels.json'))) corpora.push(await runCorpus('shared', shared));
else notes.push(`shared corpus not found at ${shared}: skipped`);
const speed = throughput();
const holdoutDir = join(root, 'test', 'fixtures', 'contracts-holdout');
const HOLDOUT_NOTE = 'held out: written after the extractor was tuned; not used to tune it';
const holdout = existsSync(join(holdoutDir, 'labels.json'))
  ? { ...(await runCorpus('holdout', holdoutDir)), note: HOLDOUT_NOTE }
  : undefined;
if (!holdout) notes.push(`holdout corpus not found at ${holdoutDir}: skipped`);

const targets = corpora.flatMap((c) => [
  { what: `${c.name} micro precision >= 0.95`, ok: c.micro.precision >= 0.95 },
  { what: `${c.name} micro recall >= 0.85`, ok: c.micro.recall >= 0.85 },
  { what: `${c.name} evidence validity 100%`, ok: c.evidence.validity === 1 },
  { what: `${c.name} no load errors`, ok: c.errors.length === 0 },
]);
targets.push({ what: 'throughput >= 5 MB/s per core (CPU time)', ok: speed.mbPerCpuSecond >= 5 });
if (targets.some((t) => !t.ok)) process.exitCode = 1;
if (holdout) corpora.push(holdout); // reported only; added after the targets so it never gates

if (asJson) {
  console.log(JSON.stringify({ corpora, throughput: speed, targets, notes }, null, 2));
} else {
  const pct = (x: number) => x.toFixed(3);
  for (const n of notes) console.log(`note: ${n}`);
  for (const c of corpora) {
    console.log(`\n== ${c.name} corpus (${c.documents} documents, ${c.dir})`);
    if (c.note) console.log(`(${c.note}; not a target, does not affect the exit code)`);
    console.log('fact'.padEnd(36) + 'TP'.padStart(5) + 'FP'.padStart(5) + 'FN'.padStart(5) + '  precision  recall     F1');
    for (const [f, r] of Object.entries(c.perFact)) {
      console.log(f.padEnd(36) + String(r.tp).padStart(5) + String(r.fp).padStart(5) + String(r.fn).padStart(5) + `  ${pct(r.precision).padStart(9)}  ${pct(r.recall).padStart(6)}  ${pct(r.f1).padStart(5)}`);
    }
    const m = c.micro;
    console.log('MICRO'.padEnd(36) + String(m.tp).padStart(5) + String(m.fp).padStart(5) + String(m.fn).padStart(5) + `  ${pct(m.precision).padStart(9)}  ${pct(m.recall).padStart(6)}  ${pct(m.f1).padStart(5)}`);
    console.log(`evidence validity: ${c.evidence.valid}/${c.evidence.quotes} = ${(c.evidence.validity * 100).toFixed(1)}%   document kind accuracy: ${pct(c.docKindAccuracy)}`);
    for (const e of c.errors) console.log(`  load error: ${e}`);
    for (const mm of c.mismatches) console.log(`  mismatch: ${mm}`);
  }
  console.log(`\nthroughput: ${speed.megabytes.toFixed(1)} MB in ${speed.cpuSeconds.toFixed(2)} s CPU = ${speed.mbPerCpuSecond.toFixed(1)} MB/s per core (wall ${speed.seconds.toFixed(2)} s = ${speed.mbPerSecond.toFixed(1)} MB/s)`);
  for (const t of targets) console.log(`${t.ok ? 'PASS' : 'FAIL'}  ${t.what}`);
}
