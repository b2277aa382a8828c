import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../../support/api-client.js';
import { freshDatabase } from '../../support/database.js';
import { startNode, waitUntil, type Proc } from '../../support/processes.js';

/**
 * Where a bench's Custody runs:
 * - `embedded`: one `custody serve` process (PGlite + BullMQ's PostgreSQL backend on a second PGlite), which
 *   also processes the jobs;
 * - `redis`: production, PostgreSQL + Redis, `serve` only serves HTTP and `workers` separate worker processes
 *   process the jobs;
 * - `postgres`: production without Redis, the queue in BullMQ's PostgreSQL backend (schema `bullmq`) on the
 *   same server, with `workers` worker processes.
 */
export type ServiceMode = 'embedded' | 'redis' | 'postgres';

export interface RunningService {
  client: ApiClient;
  mode: ServiceMode;
  /** Worker pids (production) or the serve pid (embedded): the processes doing the jobs. */
  jobPids: number[];
  /** The `serve` process (HTTP; in embedded mode also the jobs). */
  servePid: number;
  stop(): Promise<void>;
}

/** Production modes need the machine's services; say which variable is missing instead of failing later. */
export function productionMissing(mode: ServiceMode): string | undefined {
  if (mode === 'embedded') return undefined;
  if (!process.env.DATABASE_URL) return 'DATABASE_URL is not set';
  if (mode === 'redis' && !process.env.REDIS_URL) return 'REDIS_URL is not set';
  return undefined;
}

/**
 * Starts the built `custody serve` (and its workers) in a temp home, with a fresh database and a queue prefix
 * of its own, so nothing is shared with other runs; `stop` ends the processes, drops the database and removes
 * the home. The per-key rate limit is lifted: one key makes all the load and the bench measures the pipeline.
 */
export async function startService(mode: ServiceMode, opts: { workers?: number; workspace?: string; tag: string }): Promise<RunningService> {
  const home = mkdtempSync(join(tmpdir(), `custody-${opts.tag}-`));
  const db = mode === 'embedded' ? undefined : await freshDatabase();
  const env: Record<string, string | undefined> = {
    CUSTODY_HOME: home,
    CUSTODY_QUEUE_PREFIX: `${opts.tag}${process.pid}${Math.random().toString(36).slice(2, 6)}`,
    CUSTODY_RATE_LIMIT_PER_MINUTE: '100000000',
    ...(db ? { DATABASE_URL: db.url } : {}),
    ...(mode === 'redis' ? { REDIS_URL: process.env.REDIS_URL } : {}),
  };
  const procs: Proc[] = [];
  const stop = async () => {
    for (const p of [...procs].reverse()) await p.kill('SIGTERM');
    await db?.drop();
    rmSync(home, { recursive: true, force: true });
  };
  try {
    procs.push(startNode('apps/cli/src/main.js', ['serve', '--port', '0', '--workspace', opts.workspace ?? 'Bench'], env));
    await procs[0]!.waitFor(/Dashboard: \S+key=\S+/, 300_000);
    const workers = mode === 'embedded' ? 0 : Math.max(1, opts.workers ?? 1);
    for (let i = 0; i < workers; i++) procs.push(startNode('apps/worker/src/main.js', [], env));
    await Promise.all(procs.slice(1).map((p) => p.waitFor(/processing jobs/, 300_000)));
    return {
      client: ApiClient.fromServeOutput(procs[0]!.output()),
      mode,
      jobPids: (workers ? procs.slice(1) : procs).map((p) => p.child.pid!),
      servePid: procs[0]!.child.pid!,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Nearest-rank percentile (the figure autocannon and the load bench report). */
export const percentile = (xs: number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

/** The machine's load, printed with every timing (figures on a loaded machine are noisy). */
export async function loadAverage(): Promise<number[]> {
  const { loadavg } = await import('node:os');
  return loadavg().map((x) => Number(x.toFixed(2)));
}

/**
 * The fields of /proc/<pid>/stat after the command name: state is [0], utime [11], stime [12], and the same of
 * its children that ended and were reaped, cutime [13] and cstime [14] (clock ticks, 100/s on Linux).
 */
const statFields = (pid: number): string[] => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');

/** CPU time (user + system) of process `pid` alone, its children not counted, in ms, from /proc. */
export function ownCpuMs(pid: number): number {
  try {
    const fields = statFields(pid);
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * CPU time (user + system) per process of the tree under `pid` (it and its descendants), in ms, from /proc;
 * a process's entry includes its children that have ended (see ownCpuMs for a process alone).
 */
export function treeCpuMs(pid: number, into = new Map<number, number>()): Map<number, number> {
  try {
    // Its own time and its reaped children's (cutime, cstime): a sandbox process replaced during a run keeps
    // counting once it is gone.
    const fields = statFields(pid);
    into.set(pid, (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10);
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) treeCpuMs(Number(child), into);
    }
  } catch {
    // The process ended between the reads: this reading misses its time, which a later one finds in its
    // parent's cutime/cstime once it is reaped.
  }
  return into;
}

/** One thread's scheduler figures (Linux /proc): time on a CPU, time runnable but waiting for one, and its nice value. */
export interface ThreadSched { cpuMs: number; waitMs: number; nice: number }

/**
 * Every thread of process `pid` (the main thread's id is the pid) with its scheduler figures so far, from
 * /proc/<pid>/task/<tid>/schedstat (`cpu_ns wait_ns slices`). The run-queue wait is the time a thread was
 * ready but another held the CPU: on a shared machine it tells a thread starved of CPU from one that is busy.
 * Empty where /proc has no schedstat (not Linux, or a kernel without schedstats).
 */
export function threadSched(pid: number): Map<number, ThreadSched> {
  const out = new Map<number, ThreadSched>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const [cpuNs, waitNs] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
      const nice = Number(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
      out.set(Number(tid), { cpuMs: cpuNs! / 1e6, waitMs: waitNs! / 1e6, nice });
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}

/**
 * What each thread of `pid` spent between two threadSched readings, the main thread (tid = pid) apart from the
 * others (summed; threads that ended meanwhile are lost to the figure), in seconds.
 */
export function schedDelta(pid: number, before: Map<number, ThreadSched>, after: Map<number, ThreadSched>) {
  const s = (ms: number) => Number((ms / 1000).toFixed(2));
  const d = (tid: number) => {
    const a = after.get(tid);
    const b = before.get(tid) ?? { cpuMs: 0, waitMs: 0 };
    return a ? { cpuMs: a.cpuMs - b.cpuMs, waitMs: a.waitMs - b.waitMs, nice: a.nice } : undefined;
  };
  const main = d(pid);
  const others = [...after.keys()].filter((t) => t !== pid).map((t) => ({ tid: t, ...d(t)! })).sort((x, y) => y.cpuMs - x.cpuMs);
  return {
    main: { cpuS: s(main?.cpuMs ?? 0), runQueueWaitS: s(main?.waitMs ?? 0), nice: main?.nice },
    otherThreads: { cpuS: s(others.reduce((a, t) => a + t.cpuMs, 0)), runQueueWaitS: s(others.reduce((a, t) => a + t.waitMs, 0)) },
    /** The busiest other threads (worker threads: job processor, database engines, the API's read thread). */
    busiest: others.slice(0, 4).map((t) => ({ tid: t.tid, cpuS: s(t.cpuMs), runQueueWaitS: s(t.waitMs), nice: t.nice })),
  };
}

/**
 * Waits until `documents` documents are final, the queue is empty (health's `queue.pending` 0, no unfinished
 * document) and the workspace has a score: the end of an ingest burst, as the pipeline bench times it.
 */
export async function waitUntilScored(client: ApiClient, documents: number, timeoutMs = 600_000): Promise<void> {
  await waitUntil(async () => {
    const health = await (await fetch(`${client.base}/api/health`)).json() as { queue?: { pending?: number }; documents?: { unfinished?: number } };
    if (health.queue?.pending !== 0 || health.documents?.unfinished !== 0) return false;
    const list = await client.get<{ status: string }[]>('/documents');
    if (list.length < documents || list.some((d) => !['processed', 'unparsed', 'failed'].includes(d.status))) return false;
    return Boolean((await client.get<{ graphVersion?: number }>('/score')).graphVersion);
  }, timeoutMs, `${documents} documents to be processed and scored`);
}
