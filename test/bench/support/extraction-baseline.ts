/**
 * The extraction bench's recorded baseline (test/bench/extraction-baseline.json): the first figures, measured before
 * any change to libs/extraction (issue 7), which the tuned corpora's targets may not fall below and the text report
 * prints beside today's. Written once, by `--record-baseline`, and never overwritten.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Prf } from './extraction-corpora.js';
import type { EvidenceCheck } from './extraction-evidence.js';
import type { Robustness } from './extraction-robustness.js';
import type { CorpusReport } from './extraction-scoring.js';

const BASELINE_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'extraction-baseline.json');

export interface Baseline {
  recorded: string;
  commit: string;
  note: string;
  corpora: Record<string, { documents: number; micro: Prf; perFact: Record<string, Prf>; evidence: EvidenceCheck }>;
  robustness?: Omit<Robustness, 'asserted' | 'reviewOnly'> & { asserted: Record<string, number> };
}

export function readBaseline(): Baseline | undefined {
  return existsSync(BASELINE_FILE) ? (JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline) : undefined;
}

/** Writes today's figures as the baseline unless one is recorded already; says which in `notes`. */
export function recordBaseline(baseline: Baseline | undefined, corpora: CorpusReport[], robustness: Robustness | undefined, notes: string[]): void {
  if (baseline) {
    notes.push(`baseline already recorded (${baseline.recorded}); not overwritten`);
    return;
  }
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    /* not a git checkout */
  }
  const rec: Baseline = {
    recorded: new Date().toISOString().slice(0, 10),
    commit,
    note: 'First figures, measured with the extended bench before any change to libs/extraction (issue 7).',
    corpora: Object.fromEntries(corpora.map((c) => [c.name, { documents: c.files.length, micro: c.micro, perFact: c.perFact, evidence: { ...c.evidence, invalid: [] } }])),
    ...(robustness ? { robustness: { ...robustness, evidence: { ...robustness.evidence, invalid: [] }, asserted: Object.fromEntries(Object.entries(robustness.asserted).map(([k, v]) => [k, v.documents])), reviewOnly: undefined } as Baseline['robustness'] } : {}),
  };
  writeFileSync(BASELINE_FILE, JSON.stringify(rec, null, 2) + '\n');
  notes.push(`baseline recorded in ${BASELINE_FILE}`);
}
