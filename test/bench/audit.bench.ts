/**
 * Audit-core bench (issue 11): the pure audit (`@custody/audit`: analyse → project → evaluate → compose, then
 * the streamed JSON render) at 1,000 / 10,000 / 100,000 systems, beside a minimal reference on the same inputs.
 *
 * Run: `npm run bench:audit` (add `--json` for one JSON object, `--sizes 1000,10000` for other sizes,
 * `--incremental-sizes 10000` for the fleet sizes of the full-vs-incremental part (default: the sizes up to
 * 10,000), `--timeout S` for the per-case limit, default 300 s; `-h`/`--help` prints this and runs nothing).
 * One case alone: `--write fleet|manifest --size N --dir D` writes a workspace, `--phase custody|reference|incremental
 * --dir D` runs it in this process (prints its JSON; the incremental phase wants `node --expose-gc`).
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
 * with `npx tsx test/bench/support/profile-top.ts FILE.cpuprofile 40`.
 *
 * Goals (issue 11): 100k systems under 5 s of audit time and under 1.5 GB; 10k under 1 s. Exit code 1 when
 * a goal is missed.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeHeapSnapshot } from 'node:v8';
import { writeFleetCorpus } from './support/fleet-corpus.js';
import { writeManifestWorkspace } from './support/manifest-corpus.js';
import { runIncremental } from './support/incremental-case.js';
import { incrementalGoals, incrementalLines, type AuditGoal, type IncOutcome } from './support/incremental-report.js';
import { arg, flag, usageIfAsked } from './support/args.js';
import { AUDIT_HEAP_GROWING_PERCENT } from '../../apps/cli/src/heap-growth.js';

const asJson = flag('--json');
const here = fileURLToPath(import.meta.url);
const root = join(dirname(here), '..', '..');
const NOW = new Date('2026-06-01T00:00:00Z');
const secs = (ms: number) => Number((ms / 1000).toFixed(3));
const mb = (kb: number) => Math.round(kb / 1024);

type Shape = 'fleet' | 'manifest';
type Impl = 'custody' | 'reference' | 'incremental';

interface CaseResult {
  /** Audit core: analyse + project + evaluate + compose (custody); parse + graph + rules (reference). */
  auditSeconds: number;
  /** Including the JSON render. */
  totalSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  /** Peak RSS when the audit core ended, and after the JSON render: which stage set {@link peakRssMb}. */
  peakRssMbByStage?: { audit: number; renderJson: number };
  /** At the end of each phase: peak RSS so far, RSS and V8 heap in use (MB). Where memory is held, and past which stage. */
  memoryMbByStage?: Record<string, { peakRss: number; rss: number; heapUsed: number; heapTotal: number; external: number }>;
  phasesSeconds: Record<string, number>;
  /** CPU seconds per phase: steadier than wall time on a shared machine. */
  phasesCpuSeconds: Record<string, number>;
  /** CPU seconds of the audit core alone. */
  auditCpuSeconds: number;
  systems: number;
  flows: number;
  findings: number;
  findingInstances: number;
  jsonBytes: number;
  /** The same report as `--format ndjson` (evidence written once): its size; its CPU is the `renderNdjson` phase. */
  ndjsonBytes?: number;
  /** Inputs the audit did not read (e.g. over a size limit): the case then measures a different workspace. */
  unprocessed?: string[];
}

// ---------------------------------------------------------------------------------------------------------
// Workspaces

function writeWorkspace(dir: string, shape: Shape, n: number): void {
  if (shape === 'manifest') return writeManifestWorkspace(dir, n);
  writeFleetCorpus(dir, n);
  // The vendor BAA, so the contract path (extraction, BAA rules) is part of the audit as in a real fleet.
  copyFileSync(join(root, 'examples', 'harborview-counseling', 'docs', 'scribewell-ai-baa.md'), join(dir, 'scribewell-ai-baa.md'));
}

// ---------------------------------------------------------------------------------------------------------
// Child phases

/** Phase laps, the audit-core mark and the result's common figures, shared by both implementations. */
function stopwatch() {
  const cpu0 = process.cpuUsage();
  const phases: Record<string, number> = {};
  const phasesCpu: Record<string, number> = {};
  const memory: Record<string, { peakRss: number; rss: number; heapUsed: number; heapTotal: number; external: number }> = {};
  // `--heap-snapshots DIR`: a heap snapshot at the end of each phase (support/heap-top.ts reads it); it
  // costs time and memory, so figures of such a run are not comparable.
  const snapshots = arg('--heap-snapshots');
  const liveHeap = flag('--live-heap');
  if (snapshots) mkdirSync(snapshots, { recursive: true });
  const cpuMs = () => {
    const c = process.cpuUsage(cpu0);
    return (c.user + c.system) / 1000;
  };
  const t0 = performance.now();
  let t = t0;
  let c = 0;
  let auditMs = 0;
  let auditCpuMs = 0;
  return {
    lap(name: string) {
      const x = performance.now();
      const y = cpuMs();
      phases[name] = secs(x - t);
      phasesCpu[name] = secs(y - c);
      // `--live-heap` (with node --expose-gc): collect first, so heapUsed is what the stage leaves alive.
      if (liveHeap) (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      memory[name] = { peakRss: mb(process.resourceUsage().maxRSS), rss: Math.round(m.rss / 1048576), heapUsed: Math.round(m.heapUsed / 1048576), heapTotal: Math.round(m.heapTotal / 1048576), external: Math.round(m.external / 1048576) };
      if (snapshots) writeHeapSnapshot(join(snapshots, `${Object.keys(memory).length}-${name}.heapsnapshot`));
      t = performance.now();
      c = cpuMs();
    },
    /** The audit core ends here; what follows is output. */
    markAudit() {
      auditMs = t - t0;
      auditCpuMs = c;
    },
    figures() {
      return {
        auditSeconds: secs(auditMs), auditCpuSeconds: secs(auditCpuMs), totalSeconds: secs(t - t0), cpuSeconds: secs(cpuMs()), peakRssMb: mb(process.resourceUsage().maxRSS),
        phasesSeconds: phases, phasesCpuSeconds: phasesCpu, memoryMbByStage: memory,
      };
    },
  };
}

async function runCustody(dir: string): Promise<CaseResult> {
  const { analyseAndProject, analyzeDocument, composeReport, evaluateGraph } = await import('@custody/audit');
  const { defaultLens } = await import('@custody/domain');
  const { jsonChunks, ndjsonChunks } = await import('@custody/reports');
  const { createHash } = await import('node:crypto');
  type Doc = Awaited<ReturnType<typeof analyzeDocument>> & { id: string; sha256: string; file: string };
  const clock = stopwatch();
  // The same calls as auditFiles, split so each phase is timed.
  // One file per call, so its bytes are not kept alive by this frame (as in auditFiles).
  const analyse = async (file: string): Promise<Doc> => {
    const bytes = readFileSync(join(dir, file));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // The CLI's manifest bound (`--max-manifest-mb`, 64 MB), not the upload one: the manifest shape is ~47 MB at 100k.
    // The declarations budget (default 50,000) is raised as an operator would (CUSTODY_PARSE_MAX_DECLARATIONS):
    // a 100k fleet export declares ~380,000 systems and flows, and failing it too_complex would time nothing.
    return { id: sha256, sha256, file, ...(await analyzeDocument(bytes, file, { maxManifestBytes: 64 * 1024 * 1024, maxDeclarations: 10_000_000 })) };
  };
  // As auditFiles: the parses are dropped once projected, so only the graph and the report's documents stay.
  const { graph, documents: docs } = await analyseAndProject(readdirSync(dir).sort(), analyse, { asOf: NOW.toISOString(), analysed: () => clock.lap('analyse') });
  clock.lap('project');
  const lens = defaultLens(graph.practice);
  const evaluation = evaluateGraph(graph, { lens, now: NOW });
  clock.lap('evaluate');
  const report = composeReport({ workspace: { id: 'local', name: graph.practice.name }, graph, evaluation, documents: docs, lens, generatedAt: NOW.toISOString() });
  clock.lap('compose');
  clock.markAudit();
  const auditPeakRssMb = mb(process.resourceUsage().maxRSS);
  // Streamed as `custody audit --format json` writes it; only the size is kept.
  let jsonBytes = 0;
  for (const chunk of jsonChunks(report)) jsonBytes += Buffer.byteLength(chunk);
  clock.lap('renderJson');
  // Beside it, the NDJSON (`--format ndjson`): timed after the JSON, so totalSeconds above stays the JSON's.
  const jsonFigures = clock.figures();
  let ndjsonBytes = 0;
  for (const chunk of ndjsonChunks(report)) ndjsonBytes += Buffer.byteLength(chunk);
  clock.lap('renderNdjson');
  const { phasesSeconds, phasesCpuSeconds, peakRssMb } = clock.figures();
  return {
    ...jsonFigures, phasesSeconds, phasesCpuSeconds, peakRssMb, peakRssMbByStage: { audit: auditPeakRssMb, renderJson: jsonFigures.peakRssMb }, ndjsonBytes, unprocessed: docs.filter((d) => d.status !== 'processed').map((d) => `${d.file} ${d.status}: ${(d.reason ?? '').replace(/\s*\n\s*/g, ' ')}`), systems: report.systems.length, flows: report.flows.length, findings: report.findings.length,
    findingInstances: report.findings.reduce((s, f) => s + (f.instances?.length ?? 1), 0), jsonBytes,
  };
}

/** The minimal reference: what any tool must at least do with the same inputs. */
async function runReference(dir: string): Promise<CaseResult> {
  const { parse } = await import('yaml');
  const clock = stopwatch();
  interface Sys { id: string; name: string; role: string; vendor?: string; settings: Record<string, string>; baa: boolean }
  const systems = new Map<string, Sys>();
  const flows: { from: string; to: string; data: string[] }[] = [];
  const baaText: string[] = [];
  let manifest: { systems?: { id: string; name: string; role: string }[]; flows?: { from: string; to: string; data: string[] }[] } = {};
  let csv = '';
  for (const file of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (file.endsWith('.yaml')) manifest = parse(text) as typeof manifest;
    else if (file.endsWith('.csv')) csv = text;
    else baaText.push(text);
  }
  const csvRows = csv ? csv.trimEnd().split('\n').map((l) => l.split(',')) : [];
  clock.lap('parse');
  systems.set('practice', { id: 'practice', name: 'practice', role: 'practice', settings: {}, baa: true });
  for (const s of manifest.systems ?? []) systems.set(s.id, { id: s.id, name: s.name, role: s.role, settings: {}, baa: false });
  for (const f of manifest.flows ?? []) flows.push({ from: f.from, to: f.to, data: f.data });
  const header = csvRows[0] ?? [];
  for (const row of csvRows.slice(1)) {
    const rec = Object.fromEntries(header.map((h, i) => [h, (row[i] ?? '').trim()]));
    const id = `install-${rec.install_id}`;
    systems.set(id, { id, name: `${rec.vendor} on ${rec.install_id}`, role: 'ai_notetaker', vendor: rec.vendor, settings: rec, baa: false });
    flows.push({ from: 'practice', to: id, data: ['session_audio', 'progress_notes'] });
  }
  // A BAA covers the systems (or the installs of the vendor) it names.
  for (const text of baaText) for (const s of systems.values()) if (text.includes(s.vendor ?? s.name)) s.baa = true;
  const inbound = new Map<string, number>();
  for (const f of flows) inbound.set(f.to, (inbound.get(f.to) ?? 0) + 1);
  clock.lap('graph');
  const findings: { rule: string; subject: string }[] = [];
  for (const s of systems.values()) {
    if (s.role !== 'practice' && s.role !== 'ehr' && !s.baa && inbound.get(s.id)) findings.push({ rule: 'missing-baa', subject: s.id });
    if (s.settings.training === 'allowed' || s.settings.training === 'opt_out') findings.push({ rule: 'vendor-training', subject: s.id });
    if (/^(always)$/i.test(s.settings.recording ?? '') && /^(false|no)$/i.test(s.settings.can_disable ?? '')) findings.push({ rule: 'recording-cannot-be-disabled', subject: s.id });
  }
  clock.lap('rules');
  clock.markAudit();
  const json = JSON.stringify({ systems: [...systems.values()], flows, findings }, null, 2);
  clock.lap('renderJson');
  return {
    ...clock.figures(), systems: systems.size, flows: flows.length, findings: findings.length, findingInstances: findings.length, jsonBytes: Buffer.byteLength(json),
  };
}

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
    const result = phase === 'custody' ? await runCustody(arg('--dir')!) : phase === 'incremental' ? await runIncremental(arg('--dir')!, root) : await runReference(arg('--dir')!);
    console.log(JSON.stringify(result));
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
