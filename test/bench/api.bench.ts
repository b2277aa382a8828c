/**
 * API-under-load bench (issue 11): how fast the API answers the dashboard's reads while a 10,000-install fleet
 * is being scored, beside the same reads when the pipeline is idle.
 *
 * Run: `npm run bench:api` (needs the build). Options: `--rows N` (default 10,000), `--mode embedded|redis`
 * (default: embedded, and production on Redis when DATABASE_URL and REDIS_URL are set), `--idle N` idle
 * requests per route (default 30), `--routes health,graph,findings,findings-cut` (default all four: one route alone shows
 * what it waits for without the others' load), `--deadline MIN` (how long the fleet may take to be scored, default 15 minutes: embedded
 * mode's job thread runs at nice 10, and on a machine loaded by other processes at nice 0 a 10,000-install fleet took over
 * 20 minutes), `--slow N` (each route's N slowest reads listed with when they came, default 8), `--profile DIR` (the serve process's main thread profiled per
 * phase, see below), `--json`.
 *
 * Per mode: `custody serve` in a temp home (embedded: PGlite, jobs in the same process; production: fresh
 * PostgreSQL database + Redis, one separate worker), the fleet's custody.yaml and fleet.csv uploaded over HTTP.
 * From the first upload until the fleet is scored (every document final, queue empty, a score stored), one
 * client per route reads in a loop: GET /api/health, GET graph?view=grouped (what the dashboard draws first)
 * and GET findings?limit=50 (one page from the stored read model). Then, idle, `--idle` more of each.
 * Figures per route: requests, p50/p99/max latency, errors (non-2xx or no answer within 60 s).
 *
 * Goal: p99 < 200 ms for each route while scoring, with no errors. Exit code 1 when missed.
 * The load average is printed with the figures: the machine is shared, so latency figures are noisy. Beside
 * them, figures that tell the API's own stalls from the machine's load, per phase (scoring, idle): the event-loop
 * delay of the `serve` process's main thread (support/event-loop-delay.mjs, preloaded) and, from /proc, that
 * thread's CPU time and run-queue wait (ready to run, but another thread held the CPU), and the same summed
 * over the process's other threads (embedded: job processor, database engines, read thread).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFleetCorpus } from './support/fleet-corpus.js';
import { loadAverage, percentile, productionMissing, schedDelta, startService, threadSched, type ServiceMode } from './support/custody-service.js';
import type { ApiClient } from '../support/api-client.js';
import { arg, flag } from './support/args.js';

const GOAL_P99_MS = 200;
const asJson = flag('--json');
const rows = Number(arg('--rows') ?? 10_000);
const idleCount = Number(arg('--idle') ?? 30);
/** How many of each route's slowest reads are listed with when they came (`--slow N`, default 8). */
const slowCount = Number(arg('--slow') ?? 8);
const deadlineMinutes = Number(arg('--deadline') ?? 15);
const modes: ServiceMode[] = arg('--mode') ? [arg('--mode') as ServiceMode] : ['embedded', ...(productionMissing('redis') ? [] : ['redis' as const])];
const say = (s: string) => { if (!asJson) console.log(s); else console.error(s); };

const ALL_ROUTES = [
  { key: 'health', name: 'health', path: (c: ApiClient) => `${c.base}/api/health` },
  { key: 'graph', name: 'graph (grouped)', path: (c: ApiClient) => `${c.base}/api/workspaces/${c.ws}/graph?view=grouped` },
  { key: 'findings', name: 'findings page', path: (c: ApiClient) => `${c.base}/api/workspaces/${c.ws}/findings?limit=50` },
  // The same page with each grouped finding cut to its first 5 instances (the rest paged per finding).
  { key: 'findings-cut', name: 'findings page, 5 instances', path: (c: ApiClient) => `${c.base}/api/workspaces/${c.ws}/findings?limit=50&instances=5` },
] as const;
const chosen = arg('--routes')?.split(',').map((r) => r.trim());
const ROUTES = ALL_ROUTES.filter((r) => !chosen || chosen.includes(r.key));
if (!ROUTES.length) throw new Error(`--routes: none of ${chosen?.join(', ')} is a route; expected some of ${ALL_ROUTES.map((r) => r.key).join(', ')}`);

interface RouteFigure { requests: number; p50Ms: number; p99Ms: number; maxMs: number; bytes: number; errors: number; firstError?: string; slowest: { at: number; ms: number }[]; overGoal: number }

/** When the phase's reads began (performance.now()): a sample's `at` is its start, in seconds since then. */
let phaseStart = performance.now();

interface Sample { ms: number; at: number; bytes?: number; error?: string }

async function timedGet(client: ApiClient, url: string): Promise<Sample> {
  const t0 = performance.now();
  const at = Number(((t0 - phaseStart) / 1000).toFixed(1));
  try {
    const res = await fetch(url, { headers: { 'x-api-key': client.key }, signal: AbortSignal.timeout(60_000) });
    const body = await res.arrayBuffer();
    const ms = performance.now() - t0;
    // An error names the API's error code (the body's `code`), so a 503 says what was unavailable.
    return { ms, at, bytes: body.byteLength, ...(res.ok ? {} : { error: `HTTP ${res.status}${errorCode(body)}` }) };
  } catch (err) {
    return { ms: performance.now() - t0, at, error: (err as Error).message };
  }
}

/** ` code: message` of an error answer's JSON body (first 160 characters), or nothing when it has none. */
function errorCode(body: ArrayBuffer): string {
  try {
    const { error: code, message } = JSON.parse(Buffer.from(body).toString('utf8')) as { error?: string; message?: string };
    return code || message ? ` ${code ?? ''}: ${String(message ?? '').slice(0, 160)}` : '';
  } catch {
    return '';
  }
}

function figure(samples: Sample[]): RouteFigure {
  const ms = samples.map((s) => s.ms);
  const errors = samples.filter((s) => s.error);
  return {
    requests: samples.length, p50Ms: Math.round(percentile(ms, 50)), p99Ms: Math.round(percentile(ms, 99)), maxMs: Math.round(Math.max(...ms)),
    // The largest answer (bytes the client read): what a page of findings costs to send and parse.
    bytes: Math.max(0, ...samples.map((x) => x.bytes ?? 0)),
    errors: errors.length, ...(errors.length ? { firstError: errors[0]!.error } : {}),
    // When the slow reads came (seconds since the phase began): bunched at one moment of the scoring (a commit,
    // the first score) or spread over it (the machine's load) say different things.
    overGoal: ms.filter((m) => m >= GOAL_P99_MS).length,
    slowest: [...samples].sort((a, b) => b.ms - a.ms).slice(0, slowCount).map((x) => ({ at: x.at, ms: Math.round(x.ms) })).sort((a, b) => a.at - b.at),
  };
}

/** Every route read in its own sequential loop until `until` says stop (or `count` reads each). */
async function readLoops(client: ApiClient, stop: { until?: () => boolean; count?: number }): Promise<Record<string, RouteFigure>> {
  const out: Record<string, RouteFigure> = {};
  await Promise.all(ROUTES.map(async (r) => {
    const samples: Sample[] = [];
    while (stop.until ? !stop.until() : samples.length < stop.count!) samples.push(await timedGet(client, r.path(client)));
    out[r.name] = figure(samples);
  }));
  return out;
}

async function scored(client: ApiClient): Promise<boolean> {
  const health = await (await fetch(`${client.base}/api/health`)).json() as { queue?: { pending?: number }; documents?: { unfinished?: number } };
  if (health.queue?.pending !== 0 || health.documents?.unfinished !== 0) return false;
  const docs = await client.get<{ status: string }[]>('/documents');
  if (docs.length < 2 || docs.some((d) => d.status !== 'processed')) return false;
  // The summary (what the dashboard reads): the full score opens and re-serialises a fleet's per-system
  // breakdown on the serve process's main thread (~0.5 s there under load), a stall of the bench's own making.
  return Boolean((await client.get<{ graphVersion?: number }>('/score?view=summary')).graphVersion);
}

/** The event-loop delay figures of the serve process's main thread (event-loop-delay.mjs). */
interface LoopDelay { samples: number; p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number; meanMs: number }

/**
 * Ends a phase of the serve process's event-loop histogram: the preload writes the figures since the last
 * signal and starts again. Undefined when the process does not answer (no preload, not Linux).
 */
async function loopDelay(pid: number, n: number): Promise<LoopDelay | undefined> {
  const file = join(eldDir, `${pid}-${n}.json`);
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as LoopDelay : undefined;
}

/**
 * Where the serve process's preload writes its event-loop figures (see event-loop-delay.mjs); with
 * `--profile DIR`, that folder, kept, and the main thread's CPU profile per phase in it (`<pid>-2.cpuprofile`:
 * while scoring, `-3`: idle reads; read them with support/profile-top.ts).
 */
const profileDir = arg('--profile');
const eldDir = profileDir ?? mkdtempSync(join(tmpdir(), 'custody-apibench-eld-'));
// The serve process writes its figures there on a signal and dies if it cannot (a folder not made yet).
mkdirSync(eldDir, { recursive: true });
process.env.CUSTODY_BENCH_ELD_DIR = eldDir;
if (profileDir) process.env.CUSTODY_BENCH_CPU_PROFILE = '1';
process.env.CUSTODY_CHILD_NODE_OPTIONS = [process.env.CUSTODY_CHILD_NODE_OPTIONS, '--import', join(import.meta.dirname, 'support/event-loop-delay.mjs')].filter(Boolean).join(' ');

async function runMode(mode: ServiceMode, dir: string) {
  const svc = await startService(mode, { workers: 1, tag: 'apib', workspace: 'Fleet Agency' });
  try {
    const { client, servePid } = svc;
    let done = false;
    const t0 = performance.now();
    await loopDelay(servePid, 1); // start-up's delays are not the scoring's
    const schedAtStart = threadSched(servePid);
    phaseStart = performance.now();
    const reading = readLoops(client, { until: () => done });
    for (const f of ['custody.yaml', 'fleet.csv']) await client.upload(dir, f);
    say(`${mode}: uploaded after ${((performance.now() - t0) / 1000).toFixed(1)} s; reading while it is scored`);
    const deadline = Date.now() + deadlineMinutes * 60_000;
    while (!(await scored(client).catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`the fleet was not scored within ${deadlineMinutes} minutes (--deadline MIN)`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const scoringSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
    done = true;
    const scoring = await reading;
    const schedScored = threadSched(servePid);
    const loopScoring = await loopDelay(servePid, 2);
    say(`${mode}: scored after ${scoringSeconds} s; idle reads`);
    const loadScoring = await loadAverage();
    phaseStart = performance.now();
    const idle = await readLoops(client, { count: idleCount });
    const loopIdle = await loopDelay(servePid, 3);
    const serveProcess = {
      scoring: { eventLoopDelay: loopScoring, threads: schedDelta(servePid, schedAtStart, schedScored) },
      idle: { eventLoopDelay: loopIdle, threads: schedDelta(servePid, schedScored, threadSched(servePid)) },
    };
    return { mode, scoringSeconds, scoring, idle, serveProcess, load: { scoring: loadScoring, idle: await loadAverage() } };
  } finally {
    await svc.stop();
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'custody-apibench-'));
  const results: Awaited<ReturnType<typeof runMode>>[] = [];
  const goals: { what: string; value: string; target: string; ok: boolean }[] = [];
  try {
    writeFleetCorpus(dir, rows);
    say(`api bench: ${rows}-install fleet, modes ${modes.join(', ')}; load ${(await loadAverage()).join(' ')}`);
    for (const mode of modes) {
      const r = await runMode(mode, dir);
      results.push(r);
      say(`${mode}: fleet scored in ${r.scoringSeconds} s (load ${r.load.scoring.join(' ')}; idle reads at load ${r.load.idle.join(' ')})`);
      for (const { name } of ROUTES) {
        const s = r.scoring[name]!;
        const i = r.idle[name]!;
        const ok = s.errors === 0 && s.p99Ms < GOAL_P99_MS;
        say(`  ${name.padEnd(16)} while scoring: ${s.requests} requests, p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, max ${s.maxMs} ms, errors ${s.errors}${s.firstError ? ` (${s.firstError})` : ''} | idle: p50 ${i.p50Ms} ms, p99 ${i.p99Ms} ms, ${(i.bytes / 1e6).toFixed(2)} MB | p99 ratio ${(s.p99Ms / Math.max(1, i.p99Ms)).toFixed(1)}× → ${ok ? 'PASS' : 'FAIL'} (goal p99 < ${GOAL_P99_MS} ms)`);
        if (s.slowest.length) say(`    ${s.overGoal} reads ≥ ${GOAL_P99_MS} ms; slowest at (s since reading began: ms) ${s.slowest.map((x) => `${x.at}: ${x.ms}`).join(', ')}`);
        goals.push({ what: `${mode}: ${name} p99 while scoring`, value: `${s.p99Ms} ms (p50 ${s.p50Ms}, ${s.requests} requests, ${s.errors} errors; idle p99 ${i.p99Ms} ms)`, target: `< ${GOAL_P99_MS} ms, 0 errors`, ok });
      }
      for (const phase of ['scoring', 'idle'] as const) {
        const { eventLoopDelay: l, threads: t } = r.serveProcess[phase];
        say(`  serve process, ${phase.padEnd(7)}: event-loop delay ${l ? `p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, max ${l.maxMs} ms` : 'not measured'}`
          + ` | main thread CPU ${t.main.cpuS} s, run-queue wait ${t.main.runQueueWaitS} s | other threads CPU ${t.otherThreads.cpuS} s, wait ${t.otherThreads.runQueueWaitS} s`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (!profileDir) rmSync(eldDir, { recursive: true, force: true });
  }
  const ok = goals.every((g) => g.ok);
  process.exitCode = ok ? 0 : 1;
  if (asJson) console.log(JSON.stringify({ rows, results, goals, ok }, null, 2));
  else console.log(ok ? 'PASS' : 'FAIL');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
