/**
 * The built service the hostile bench (hostile.bench.ts) attacks, as real processes: production mode (API and worker
 * processes on a database of its own) or embedded mode (`custody serve`), with the workspaces Attacker, Quiet and Flood
 * and their keys. Watches what the bench reports besides answers: process deaths, the worker's per-document stage line
 * and the peak RSS of the worker and of its sandbox processes. Apart from the bench so the bench reads as its phases.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export function rssMb(pid: number | undefined, field = 'VmRSS'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
const childrenOf = (pid: number | undefined): number[] => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

export type Workspaces = Record<string, { slug: string; key: string }>;

export async function startHostileService(root: string, production: boolean, parseTimeoutMs: number, parseWallFactor: number) {
  const port = 47_000 + (process.pid % 2000);
  const home = mkdtempSync(join(tmpdir(), 'custody-hostile-'));
  const dbName = `custody_hostile_${process.pid}`;
  const env: Record<string, string> = {
    ...(Object.fromEntries(Object.entries(process.env).filter(([k]) => !['DATABASE_URL', 'REDIS_URL', 'NODE_OPTIONS'].includes(k))) as Record<string, string>),
    PORT: String(port), CUSTODY_HOME: home, CUSTODY_QUEUE_PREFIX: `hostile${process.pid}`,
    CUSTODY_RATE_LIMIT_PER_MINUTE: '100000000', CUSTODY_AUTH_FAILURES_PER_MINUTE: '100000', CUSTODY_MAX_UPLOAD_FILES: '10000',
    // (Spelt CUSTODY_parseTimeoutMs since the bench's split, which loadConfig never read: the service ran at its 30 s default.)
    CUSTODY_PARSE_TIMEOUT_MS: String(parseTimeoutMs), CUSTODY_PARSE_WALL_FACTOR: String(parseWallFactor), CUSTODY_MAX_UPLOAD_BYTES: String(60 * 1024 * 1024),
    // 'log' for the worker's per-document stage line (ids and ms only), read below.
    LOG_LEVEL: 'log',
  };
  if (production) {
    const u = new URL(process.env.DATABASE_URL!);
    const admin = new pg.Client(process.env.DATABASE_URL);
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    u.pathname = `/${dbName}`;
    env.DATABASE_URL = u.toString();
    env.REDIS_URL = process.env.REDIS_URL!;
  }

  const built = spawnSync(process.execPath, [join(root, 'scripts/ensure-built.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('build failed');
  const dist = (p: string) => join(root, 'dist', p);

  function cli(args: string[]): { out: string; err: string } {
    const r = spawnSync(process.execPath, [dist('apps/cli/src/main.js'), ...args], { cwd: root, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`custody ${args.join(' ')}: ${r.stderr}`);
    return { out: r.stdout.trim(), err: r.stderr };
  }
  const workspaces: Workspaces = {};
  for (const name of ['Attacker', 'Quiet', 'Flood']) {
    const { out, err } = cli(['keys', 'create', '--workspace', name]);
    workspaces[name] = { key: out.split('\n').pop()!, slug: /for workspace "([^"]+)"/.exec(err)![1] };
  }

  const deaths: string[] = [];
  /** The worker's stage line per document id: where its time to a final status went (queue, load, sandbox, …). */
  const stages = new Map<string, string>();
  const STAGE_LINE = /document ([0-9a-f-]{36}) extracted: ([^\n]*)/g;
  let stopping = false;
  function start(what: string, args: string[]): ChildProcess {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const read = (d: Buffer) => {
      const text = d.toString();
      for (const m of text.matchAll(STAGE_LINE)) stages.set(m[1], m[2].replace(/\x1b\[[0-9;]*m/g, ''));
      tail = (tail + text).slice(-2000);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code, signal) => !stopping && deaths.push(`${what} exited (${signal ?? code}): ${tail.split('\n').slice(-3).join(' | ')}`));
    return child;
  }
  const api = production ? start('api', [dist('apps/api/src/main.js')]) : start('serve', [dist('apps/cli/src/main.js'), 'serve', '--port', String(port)]);
  const base = `http://127.0.0.1:${port}`;
  for (let t = Date.now(); ; await new Promise((r) => setTimeout(r, 250))) {
    if ((await fetch(`${base}/api/health`).catch(() => undefined))?.ok) break;
    if (Date.now() - t > 120_000 || deaths.length) throw new Error(`service did not start: ${deaths.join('; ')}`);
  }
  const worker = production ? start('worker', [dist('apps/worker/src/main.js')]) : api;
  await new Promise((r) => setTimeout(r, production ? 3000 : 0));

  // Memory sampling of the worker process and its sandbox children, every 100 ms.
  const peaks = { worker: 0, sandbox: 0, caseWorker: 0, caseSandbox: 0 };
  const sampler = setInterval(() => {
    const w = rssMb(worker.pid);
    const s = Math.max(0, ...childrenOf(worker.pid).map((p) => rssMb(p)));
    peaks.worker = Math.max(peaks.worker, w);
    peaks.caseWorker = Math.max(peaks.caseWorker, w);
    peaks.sandbox = Math.max(peaks.sandbox, s);
    peaks.caseSandbox = Math.max(peaks.caseSandbox, s);
  }, 100);

  return {
    base, workspaces, deaths, stages, peaks,
    /** Stops sampling and the processes, drops the database and the home; the worker's peak RSS (VmHWM, MB). */
    async stop(): Promise<number> {
      clearInterval(sampler);
      const workerHwm = Math.round(rssMb(worker.pid, 'VmHWM'));
      stopping = true;
      api.kill('SIGTERM');
      if (worker !== api) worker.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 3000));
      if (production) {
        const admin = new pg.Client(process.env.DATABASE_URL);
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
        await admin.end();
      }
      rmSync(home, { recursive: true, force: true });
      return workerHwm;
    },
  };
}
