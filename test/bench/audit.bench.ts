/**
 * Audit-core bench (issue 11): the pure audit (`@custody/audit`: analyse → project → evaluate → compose, then
 * the streamed JSON render) at 1,000 / 10,000 / 100,000 systems, beside a minimal reference on the same inputs.
 *
 * Run: `npm run bench:audit` (add `--json` for one JSON object, `--sizes 1000,10000` for other sizes,
 * `--incremental-sizes 10000` for the fleet sizes of the full-vs-incremental part (default: the sizes up to
 * 10,000), `--timeout S` for the per-case limit, default 300 s; `-h`/`--help` prints this and runs nothing).
 * One case alone: `--write fleet|manifest --size N --dir D` writes a workspace, `--phase custody|reference|incremental
 * --dir D` runs it in this process (prints its JSON; the incremental phase wants `node --expose-gc`; `--repeat N` runs a
 * custody or reference phase N times in one process, a JSON line each: the first run's figures beside the later
 * ones' are the first-run cost, lazy compilation and optimisation and the heap growing, that every CLI call pays).
 *
 * Two workspace shapes per size N:
 * - fleet: one notetaker fleet CSV of N installs (support/fleet-corpus.ts), the vendor's BAA (the example's
 *   Scribewell BAA) and the small manifest the corpus writes;
 * - manifest: one custody.yaml declaring N systems and ~4N flows.
 *
 * Each case runs in its own child process (fresh heap, so peak RSS is per case) with the heap growth the CLI
 * sets for `custody audit` (`--v8-heap-growth` for V8's own), --max-old-space-size=4096 and a timeout, so an
 * out-of-memory or over-time case is reported as such rather than ending the bench. Figures per case: wall time of the audit core (analyse + project + evaluate +
 * compose), wall time including the JSON render, CPU time, peak RSS (`process.resourceUsage().maxRSS`),
 * findings (grouped, and their instances), JSON size, and beside it the NDJSON (`--format ndjson`, each shared
 * evidence item and contract written once): its size and its CPU (`renderNdjson` phase, after the JSON's) —
 * and the same for the reference: parse the same files (yaml + a CSV split), build a plain graph (maps of systems and flows), apply three simple rules (an
 * outside vendor receiving PHI without a BAA, vendor model training allowed, recording that cannot be
 * disabled), write JSON.
 *
 * To profile one case: `npx tsx test/bench/audit.bench.ts --write fleet --size 10000 --dir /tmp/ws`, then
 * `node --cpu-prof --import tsx test/bench/audit.bench.ts --phase custody --dir /tmp/ws`, then read the profile
 * with `npx tsx test/bench/support/profile-top.ts FILE.cpuprofile 40` (`--tree NAME` for where one function's time went).
 *
 * Goals (issue 11): 100k systems under 5 s of audit time and under 1.5 GB; 10k under 1 s. Exit code 1 when
 * a goal is missed.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFleetCorpus } from './support/fleet-corpus.js';
import { writeManifestWorkspace } from './support/manifest-corpus.js';
import { runCustody, runReference, type CaseResult } from './support/audit-phases.js';
import { runIncremental } from './support/incremental-case.js';
import { incrementalGoals, incrementalLines, type AuditGoal, type IncOutcome } from './support/incremental-report.js';
import { arg, flag, usageIfAsked } from './support/args.js';
import { AUDIT_HEAP_GROWING_PERCENT } from '../../apps/cli/src/heap-growth.js';

const asJson = flag('--json');
const here = fileURLToPath(import.meta.url);
const root = join(dirname(here), '..', '..');

type Shape = 'fleet' | 'manifest';
type Impl = 'custody' | 'reference' | 'incremental';

// ---------------------------------------------------------------------------------------------------------
// Workspaces

function writeWorkspace(dir: string, shape: Shape, n: number): void {
  if (shape === 'manifest') return writeManifestWorkspace(dir, n);
  writeFleetCorpus(dir, n);
  // The vendor BAA, so the contract path (extraction, BAA rules) is part of the audit as in a real fleet.
  copyFileSync(join(root, 'examples', 'harborview-counseling', 'docs', 'scribewell-ai-baa.md'), join(dir, 'scribewell-ai-baa.md'));
}
// ---------------------------------------------------------------------------------------------------------
// Child phases: the custody and reference runs (and the stopwatch they share) are support/audit-phases.ts; the
// incremental one support/incremental-case.ts. `--phase` (in main) runs one of them in this process.

// ---------------------------------------------------------------------------------------------------------
// Parent

type Outcome = { ok: true; result: CaseResult } | { ok: false; error: string };

function runCase(impl: Impl, dir: string, timeoutS: number): Promise<Outcome>;
function runCase(impl: 'incremental', dir: string, timeoutS: number): Promise<IncOutcome>;
function runCase(impl: Impl, dir: string, timeoutS: number): Promise<Outcome | IncOutcome> {
  return new Promise((resolve) => {
    // tsx as an import hook, so the workspace packages resolve from source as in the other benches.
    // --expose-gc: the incremental case collects garbage before each timed step, so no step pays for the last one's.
    // The heap grows as `custody audit`'s does (heap-growth.ts: at most twice the live heap), in every case, the
    // reference's too; `--v8-heap-growth` leaves V8's own factor (up to 4×: manifest 100k peak 1.9–2.0 GB for
    // 1.3 GB under the CLI's bound, same code). The 4 GB limit only turns a runaway case into an OOM report.
    const child = spawn(process.execPath, ['--max-old-space-size=4096', ...HEAP_GROWTH, ...(impl === 'incremental' ? ['--expose-gc'] : []), '--import', 'tsx', here, '--phase', impl, '--dir', dir], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' },
    });
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutS * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ ok: false, error: `over ${timeoutS} s` });
      try {
        const result = JSON.parse(out.trim().split('\n').pop() ?? '') as CaseResult;
        // Timing an audit that skipped its input would flatter it: such a case fails.
        if (impl !== 'incremental' && result.unprocessed?.length) return resolve({ ok: false, error: `input not read: ${result.unprocessed.join('; ')}` });
        return resolve({ ok: true, result });
      } catch {
        const oom = /heap out of memory|Allocation failed/i.test(err);
        resolve({ ok: false, error: oom ? 'out of memory (4 GB heap)' : `exit ${code ?? signal}: ${err.trim().split('\n').slice(-3).join(' | ')}` });
      }
    });
  });
}

/** The heap growth `custody audit` sets for itself (boundHeapGrowth), unless `--v8-heap-growth`. */
const HEAP_GROWTH = flag('--v8-heap-growth') ? [] : [`--heap-growing-percent=${AUDIT_HEAP_GROWING_PERCENT}`];

interface Row { shape: Shape; size: number; custody: Outcome; reference: Outcome; ratio: number | null }

async function main() {
  if (usageIfAsked(here)) return;
  const phase = arg('--phase') as Impl | undefined;
  const write = arg('--write') as Shape | undefined;
  if (write) return writeWorkspace(arg('--dir')!, write, Number(arg('--size') ?? 10_000));
  if (phase) {
    // `--repeat N` (custody and reference): the phase N times in this process, one JSON line each. The first run
    // pays what a CLI call pays once (lazy compilation, optimisation, the heap growing from empty); the later
    // ones show what the audit costs once that is done, so the two tell first-run cost from per-system work.
    const repeat = phase === 'incremental' ? 1 : Math.max(1, Number(arg('--repeat') ?? 1));
    for (let k = 0; k < repeat; k++) {
      const result = phase === 'custody' ? await runCustody(arg('--dir')!) : phase === 'incremental' ? await runIncremental(arg('--dir')!, root) : await runReference(arg('--dir')!);
      console.log(JSON.stringify(result));
    }
    return;
  }
  const sizes = (arg('--sizes') ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
  const timeoutS = Number(arg('--timeout') ?? 300);
  const base = mkdtempSync(join(tmpdir(), 'custody-audit-bench-'));
  const rows: Row[] = [];
  // Full vs incremental (fleet shape; `--incremental-sizes`, default the sizes up to 10,000): one process per size.
  const incSizes = (arg('--incremental-sizes') ?? sizes.filter((n) => n <= 10_000).join(',')).split(',').map(Number).filter((n) => n > 0);
  const incremental: { size: number; outcome: IncOutcome }[] = [];
  try {
    for (const size of incSizes) {
      const dir = join(base, `incremental-fleet-${size}`);
      writeWorkspace(dir, 'fleet', size);
      if (!asJson) console.error(`== fleet ${size}: full vs incremental …`);
      incremental.push({ size, outcome: await runCase('incremental', dir, timeoutS) });
      rmSync(dir, { recursive: true, force: true });
    }
    for (const size of sizes) {
      for (const shape of ['fleet', 'manifest'] as Shape[]) {
        const dir = join(base, `${shape}-${size}`);
        writeWorkspace(dir, shape, size);
        if (!asJson) console.error(`== ${shape} ${size}: custody …`);
        const custody = await runCase('custody', dir, timeoutS);
        if (!asJson) console.error(`== ${shape} ${size}: reference …`);
        const reference = await runCase('reference', dir, timeoutS);
        const ratio = custody.ok && reference.ok && reference.result.auditSeconds > 0 ? Number((custody.result.auditSeconds / reference.result.auditSeconds).toFixed(1)) : null;
        rows.push({ shape, size, custody, reference, ratio });
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  const goals = [...auditGoals(rows), ...incrementalGoals(incremental)];
  if (goals.some((g) => g.ok === false)) process.exitCode = 1;
  if (asJson) {
    console.log(JSON.stringify({ node: process.version, sizes, timeoutSeconds: timeoutS, cases: rows, incremental, goals }, null, 2));
    return;
  }
  const cell = (o: Outcome) => (o.ok
    ? `${o.result.auditSeconds} s audit (${o.result.auditCpuSeconds} s CPU; ${o.result.totalSeconds} s with JSON, ${o.result.cpuSeconds} s CPU), ${o.result.peakRssMb} MB, ${o.result.findings} findings / ${o.result.findingInstances} instances, ${(o.result.jsonBytes / 1e6).toFixed(1)} MB JSON${o.result.ndjsonBytes === undefined ? '' : `, ${(o.result.ndjsonBytes / 1e6).toFixed(1)} MB NDJSON`}`
    : o.error);
  console.log('');
  for (const r of rows) {
    console.log(`${r.shape} ${r.size}:`);
    console.log(`  custody    ${cell(r.custody)}`);
    if (r.custody.ok) console.log(`             phases ${JSON.stringify(r.custody.result.phasesSeconds)}, CPU ${JSON.stringify(r.custody.result.phasesCpuSeconds)}`);
    console.log(`  reference  ${cell(r.reference)}`);
    console.log(`  ratio      ${r.ratio === null ? '–' : `${r.ratio}×`}`);
  }
  for (const { size, outcome } of incremental) console.log(incrementalLines(size, outcome).join('\n'));
  console.log('');
  for (const g of goals) console.log(`${g.ok === null ? 'SKIP' : g.ok ? 'PASS' : 'FAIL'}  ${g.what}: ${g.value} (goal ${g.target})`);
}

/** The issue-11 goals, judged on the custody figures of each case (a failed case misses its goal). */
function auditGoals(rows: { shape: string; size: number; custody: Outcome; ratio: number | null }[]): AuditGoal[] {
  const goals: AuditGoal[] = [];
  for (const r of rows) {
    const limitS = r.size >= 100_000 ? 5 : r.size >= 10_000 ? 1 : null;
    if (limitS === null) continue;
    const what = `${r.shape} ${r.size}`;
    if (!r.custody.ok) {
      goals.push({ what, value: r.custody.error, target: `< ${limitS} s${r.size >= 100_000 ? ', < 1.5 GB' : ''}`, ok: false });
      continue;
    }
    const c = r.custody.result;
    goals.push({ what: `${what} audit time`, value: `${c.auditSeconds} s (reference ratio ${r.ratio ?? '–'}×)`, target: `< ${limitS} s`, ok: c.auditSeconds < limitS });
    if (r.size >= 100_000) goals.push({ what: `${what} peak RSS`, value: `${c.peakRssMb} MB`, target: '< 1536 MB', ok: c.peakRssMb < 1536 });
  }
  return goals;
}

await main();
