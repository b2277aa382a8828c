/**
 * Where a document's CPU goes in production mode (issue 11, "profile before optimising"): starts `custody serve`
 * and one worker (each under `node --cpu-prof` when `--prof DIR`: a directory per process, a profile per thread), measures each process tree's CPU while idle
 * (`--idle S` seconds) and then while `--docs N` BAAs are uploaded and processed, and counts the PostgreSQL
 * statements of the run (pg_stat_statements is not needed: the database's xact/tuple counters are read).
 *
 *   DATABASE_URL=… REDIS_URL=… npx tsx test/bench/support/profile-pipeline.ts --backend redis --docs 48 --prof /tmp/prof
 *   (`--per-request N`: the bulk route, N files a request, as bench:pipeline uploads; default one file a request;
 *   `--bursts K`: K bursts of `--docs` new documents one after the other into the same workspace, each measured
 *   alone, so a long-running worker's steady state shows beside a fresh worker's first burst)
 *   npx tsx test/bench/support/profile-top.ts /tmp/prof/<worker>.cpuprofile 40
 *   (`CUSTODY_SANDBOX_CPU_PROF_DIR=DIR` profiles the sandbox children too; profile-components.ts adds a worker's
 *   and its children's profiles up by component; `--preload $PWD/test/bench/support/count-queries.mjs` with
 *   `CUSTODY_BENCH_QUERIES_DIR=DIR` counts each process's statements and Redis commands by kind)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ApiClient } from '../../support/api-client.js';
import { writeBaaCorpus } from '../../support/corpus-generator.js';
import { freshDatabase } from '../../support/database.js';
import { DIST, REPO, waitUntil } from '../../support/processes.js';
import { arg } from './args.js';
import { ownCpuMs, treeCpuMs, waitUntilScored } from './custody-service.js';

const backend = (arg('--backend') ?? 'redis') as 'redis' | 'postgres';
const docs = Number(arg('--docs') ?? 48);
const idle = Number(arg('--idle') ?? 5);
const workers = Number(arg('--workers') ?? 1);
const profDir = arg('--prof');
/** A module each process imports first (`--import`), e.g. one that counts queries. */
const preload = arg('--preload');
/** `--per-request N`: upload through the bulk route, N files a request, 2 in flight (as bench:pipeline does). */
const perRequest = arg('--per-request') ? Math.max(1, Number(arg('--per-request'))) : undefined;
const bursts = Math.max(1, Number(arg('--bursts') ?? 1));

const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
/** CPU so far of each process: its tree (sandbox children, replaced ones included) and the process alone. */
const cpuOf = (pids: number[]) => pids.map((p) => ({ tree: sum(treeCpuMs(p)), own: ownCpuMs(p) }));

function start(entry: string, args: string[], env: Record<string, string | undefined>) {
  const { DATABASE_URL: _d, REDIS_URL: _r, NODE_OPTIONS: _n, ...rest } = process.env;
  const child = spawn(process.execPath, [...(preload ? ['--import', preload] : []), ...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}/${entry.split('/')[1]}-${Date.now()}`] : []), DIST(entry), ...args],
    { cwd: REPO, env: { ...rest, ...env } as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return { child, out: () => out };
}

async function dbCounters(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query('SELECT xact_commit::int + xact_rollback::int AS xacts, tup_returned::bigint AS ret, tup_inserted::int AS ins, tup_updated::int AS upd FROM pg_stat_database WHERE datname = current_database()');
  await c.end();
  return rows[0] as { xacts: number; ret: string; ins: number; upd: number };
}

async function main() {
  const home = mkdtempSync(join(tmpdir(), 'custody-prof-'));
  const db = await freshDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'custody-prof-docs-'));
  // The custody.yaml comes with the first burst; each later burst brings docs new BAAs.
  const corpus = writeBaaCorpus(dir, docs - 1 + (bursts - 1) * docs, 4);
  const burstFiles = Array.from({ length: bursts }, (_, k) => k === 0 ? [...corpus.slice(0, docs - 1), corpus.at(-1)!] : corpus.slice(docs - 1 + (k - 1) * docs, docs - 1 + k * docs));
  const env = { CUSTODY_HOME: home, CUSTODY_QUEUE_PREFIX: `prof${process.pid}`, CUSTODY_RATE_LIMIT_PER_MINUTE: '100000000', DATABASE_URL: db.url, ...(backend === 'redis' ? { REDIS_URL: process.env.REDIS_URL } : {}) };
  const serve = start('apps/cli/src/main.js', ['serve', '--port', '0', '--workspace', 'Prof'], env);
  const ws: ReturnType<typeof start>[] = [];
  try {
    await waitUntil(async () => /Dashboard: \S+key=\S+/.test(serve.out()), 300_000, 'serve');
    for (let i = 0; i < workers; i++) ws.push(start('apps/worker/src/main.js', [], env));
    await waitUntil(async () => ws.every((w) => /processing jobs/.test(w.out())), 300_000, 'worker');
    const client = ApiClient.fromServeOutput(serve.out());
    await new Promise((r) => setTimeout(r, 2000));
    const pids = [serve.child.pid!, ...ws.map((w) => w.child.pid!)];
    const c0 = cpuOf(pids);
    await new Promise((r) => setTimeout(r, idle * 1000));
    const c1 = cpuOf(pids);
    if (preload) for (const p of pids) process.kill(p, 'SIGUSR2');
    const names = ['serve', ...ws.map((_, i) => `worker${i + 1}`)];
    names.forEach((n, i) => console.log(`  ${n}: idle ${((c1[i]!.tree - c0[i]!.tree) / idle).toFixed(0)} ms CPU/s (own ${((c1[i]!.own - c0[i]!.own) / idle).toFixed(0)})`));
    let before = c1;
    let uploaded = 0;
    for (const [k, files] of burstFiles.entries()) {
      const d0 = await dbCounters(db.url);
      const t0 = performance.now();
      if (perRequest) {
        const requests: string[][] = [];
        for (let i = 0; i < files.length; i += perRequest) requests.push(files.slice(i, i + perRequest));
        await Promise.all(Array.from({ length: 2 }, async () => { for (let r = requests.shift(); r; r = requests.shift()) await client.uploadMany(dir, r); }));
      } else {
        const queue = [...files];
        await Promise.all(Array.from({ length: 4 }, async () => { for (let f = queue.shift(); f; f = queue.shift()) await client.upload(dir, f); }));
      }
      const tu = performance.now();
      uploaded += files.length;
      await waitUntilScored(client, uploaded);
      const t1 = performance.now();
      const c2 = cpuOf(pids);
      const d1 = await dbCounters(db.url);
      console.log(`${backend}, ${workers} worker(s), ${bursts > 1 ? `burst ${k + 1}, ` : ''}${files.length} docs: ${(files.length / ((t1 - t0) / 1000)).toFixed(2)} docs/s, upload ${((tu - t0) / 1000).toFixed(2)} s, total ${((t1 - t0) / 1000).toFixed(2)} s`);
      names.forEach((n, i) => console.log(`  ${n}: run: tree ${((c2[i]!.tree - before[i]!.tree) / files.length).toFixed(1)} ms/doc, own ${((c2[i]!.own - before[i]!.own) / files.length).toFixed(1)} ms/doc`));
      console.log(`  db per doc: xacts ${((d1.xacts - d0.xacts) / files.length).toFixed(1)}, tuples returned ${((Number(d1.ret) - Number(d0.ret)) / files.length).toFixed(0)}, inserted ${((d1.ins - d0.ins) / files.length).toFixed(1)}, updated ${((d1.upd - d0.upd) / files.length).toFixed(1)}`);
      before = c2;
    }
    if (preload) await new Promise((r) => setTimeout(r, 1500));
    const logs = arg('--logs');
    if (logs) writeFileSync(logs, [serve, ...ws].map((p) => p.out()).join('\n=====\n'));
    const s = await client.get<{ total?: number; graphVersion?: number }>('/score');
    console.log(`  score ${JSON.stringify(s).slice(0, 200)}`);
  } finally {
    for (const p of [...ws, serve].reverse()) { p.child.kill('SIGTERM'); await new Promise((r) => p.child.exitCode !== null ? r(0) : p.child.once('exit', r)); }
    await db.drop();
    rmSync(home, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
