/**
 * The extraction bench's acceptance targets (the bench exits 1 when one is missed): precision and recall of each gated
 * corpus (the tuned ones also at or above the baseline), evidence verbatim, no load errors or label problems, and on
 * the full OTA run no errors, no hang and ≥ 5 MB/s per core. One list, judged here, which both outputs print.
 */
import type { Baseline } from './extraction-baseline.js';
import type { Robustness, Throughput } from './extraction-robustness.js';
import { HANG_MS } from './extraction-robustness.js';
import type { CorpusReport } from './extraction-scoring.js';

export interface Target {
  what: string;
  value: string;
  target: string;
  ok: boolean;
}

export const f3 = (x: number) => x.toFixed(3);

export function judgeTargets(corpora: CorpusReport[], baseline: Baseline | undefined, robustness: Robustness | undefined, speed: Throughput | undefined): Target[] {
  const targets: Target[] = [];
  for (const c of corpora.filter((x) => x.gate)) {
    const base = baseline?.corpora[c.name];
    const p = c.role === 'tuned' && base ? Math.max(0.95, base.micro.precision) : 0.95;
    const r = c.role === 'tuned' && base ? Math.max(0.85, base.micro.recall) : 0.85;
    targets.push({ what: `${c.name} micro precision`, value: f3(c.micro.precision), target: `>= ${f3(p)}`, ok: c.micro.precision >= p - 1e-9 });
    targets.push({ what: `${c.name} micro recall`, value: f3(c.micro.recall), target: `>= ${f3(r)}`, ok: c.micro.recall >= r - 1e-9 });
  }
  for (const c of corpora) {
    targets.push({ what: `${c.name} evidence verbatim at offsets`, value: `${c.evidence.atOffsets}/${c.evidence.quotes}`, target: '100 %', ok: c.evidence.validity === 1 });
    targets.push({ what: `${c.name} load errors`, value: String(c.errors.length), target: '0', ok: c.errors.length === 0 });
    if (c.labelProblems) targets.push({ what: `${c.name} label problems (selection rule, evidence offsets)`, value: String(c.labelProblems.length), target: '0', ok: c.labelProblems.length === 0 });
  }
  if (robustness) {
    targets.push({ what: `OTA ${robustness.documents} documents: errors`, value: String(robustness.errors.length), target: '0', ok: robustness.errors.length === 0 });
    targets.push({ what: `OTA ${robustness.documents} documents: slowest`, value: `${robustness.ms.max.toFixed(0)} ms`, target: `< ${HANG_MS} ms`, ok: robustness.ms.max < HANG_MS });
    targets.push({ what: `OTA ${robustness.documents} documents: evidence verbatim at offsets`, value: `${robustness.evidence.atOffsets}/${robustness.evidence.quotes}`, target: '100 %', ok: robustness.evidence.validity === 1 });
    targets.push({ what: `OTA ${robustness.documents} documents: throughput per core`, value: `${robustness.mbPerCpuSecond.toFixed(1)} MB/s`, target: '>= 5 MB/s', ok: robustness.mbPerCpuSecond >= 5 });
  }
  if (speed) targets.push({ what: 'one 20 MB text: throughput per core', value: `${speed.mbPerCpuSecond.toFixed(1)} MB/s`, target: '>= 5 MB/s', ok: speed.mbPerCpuSecond >= 5 });
  return targets;
}
