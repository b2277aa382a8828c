/**
 * The extraction bench's unlabelled runs, the only ones that time the extractor: every OTA document through
 * `extractDocument` (errors, time per document, CPU throughput, evidence, how often each fact is asserted), and one
 * ~20 MB text to show the extractor stays linear. Kept apart from the scoring so the timed figures have one home.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractionResult } from '@custody/domain';
import { FACT_NAMES } from '@custody/domain';
import { extractDocument, extractFacts, loadDocument } from '@custody/extraction';
import { isUnspecified, OTA_DIR, OTA_DOCS, sourceOf } from './extraction-corpora.js';
import type { EvidenceCheck } from './extraction-evidence.js';
import { checkEvidence, finishEvidence, newEvidence } from './extraction-evidence.js';

/** A document slower than this counts as a hang (a target). */
export const HANG_MS = 10_000;

export interface Robustness {
  documents: number;
  megabytes: number;
  errors: string[];
  ms: { mean: number; median: number; p95: number; max: number; maxFile: string };
  cpuSeconds: number;
  mbPerCpuSecond: number;
  wallSeconds: number;
  /** Per fact: in how many documents it is asserted, and the count of each value (names: documents with ≥ 1). */
  asserted: Record<string, { documents: number; values: Record<string, number> }>;
  reviewOnly: Record<string, number>;
  evidence: EvidenceCheck;
}

export interface Throughput {
  megabytes: number;
  seconds: number;
  mbPerSecond: number;
  cpuSeconds: number;
  mbPerCpuSecond: number;
}

/**
 * Every OTA document through extractDocument: errors, time, throughput and what is asserted how often; undefined
 * when the OTA index is absent. `progress`: count the documents on stderr (a terminal, text output only).
 */
export async function runRobustness(progress: boolean): Promise<Robustness | undefined> {
  const indexFile = join(OTA_DIR, 'index.json');
  if (!existsSync(indexFile)) return undefined;
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { documents: { path: string }[] };
  const errors: string[] = [];
  const times: { ms: number; file: string }[] = [];
  const asserted: Robustness['asserted'] = Object.fromEntries(FACT_NAMES.map((f) => [f, { documents: 0, values: {} }]));
  const reviewOnly: Record<string, number> = Object.fromEntries(FACT_NAMES.map((f) => [f, 0]));
  const evidence = newEvidence();
  let bytesTotal = 0;
  let cpuMicros = 0;
  const wall0 = performance.now();
  for (const [i, d] of index.documents.entries()) {
    const bytes = readFileSync(join(OTA_DOCS, d.path));
    bytesTotal += bytes.length;
    if (progress && i % 50 === 0) process.stderr.write(`\r  OTA ${i}/${index.documents.length}`);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let result: ExtractionResult;
    try {
      result = await extractDocument(bytes, d.path);
    } catch (err) {
      errors.push(`${d.path}: ${(err as Error).message}`);
      continue;
    } finally {
      times.push({ ms: performance.now() - t0, file: d.path });
      const c = process.cpuUsage(c0);
      cpuMicros += c.user + c.system;
    }
    const loaded = await loadDocument(bytes, d.path);
    checkEvidence(result, sourceOf(bytes, loaded.format, loaded.text), d.path, evidence);
    for (const f of FACT_NAMES) {
      const fact = result.facts[f] as { value: unknown; review?: unknown[] };
      if (isUnspecified(f, fact.value)) {
        if ((fact.review?.length ?? 0) > 0) reviewOnly[f]++;
        continue;
      }
      asserted[f].documents++;
      const key = Array.isArray(fact.value) ? `${fact.value.length} names` : String(fact.value);
      asserted[f].values[key] = (asserted[f].values[key] ?? 0) + 1;
    }
  }
  if (progress) process.stderr.write('\r');
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  const max = times.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, file: '' });
  const megabytes = bytesTotal / (1024 * 1024);
  const cpuSeconds = cpuMicros / 1e6;
  return {
    documents: index.documents.length,
    megabytes,
    errors,
    ms: { mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length), median: sorted[Math.floor(sorted.length / 2)] ?? 0, p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0, max: max.ms, maxFile: max.file },
    cpuSeconds,
    mbPerCpuSecond: megabytes / cpuSeconds,
    wallSeconds: (performance.now() - wall0) / 1000,
    asserted,
    reviewOnly,
    evidence: finishEvidence(evidence),
  };
}

/** extractFacts over one ~20 MB text (the labelled texts repeated): CPU MB/s, to show it stays linear. */
export function throughput(texts: string[]): Throughput {
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
