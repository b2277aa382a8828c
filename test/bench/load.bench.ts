/**
 * Load bench (issue 12): a running Custody server on loopback, driven by autocannon.
 *
 * Run: `npm run bench:load` (builds first if needed). Options: `--duration 30` (s), `--connections 100`,
 * `--sse 50`, `--uploads 20`, `--json`. It starts `custody serve` with the bundled example in a temp home:
 * embedded mode, or production when DATABASE_URL and REDIS_URL are set (then in a fresh database of that
 * server, with a separate `worker` process). `--url http://127.0.0.1:4600 --workspace <slug> --key <key>`
 * targets a server you started instead (give it a per-key rate limit above the load, see below).
 *
 * 1. Reads: `--connections` clients for `--duration` seconds, half on GET /graph and half on GET /audit
 *    of one workspace (an /audit read is an audit-logged evidence read, so it also writes). Figures per
 *    route and together: requests, req/s, latency p50/p99/max, errors = connection errors + timeouts +
 *    non-2xx responses. Before it, one client's sequential reads give the uncontended latency.
 * 2. Live updates under writes: `--sse` SSE clients held open on /events while `--uploads` new documents
 *    are uploaded; every client must stay connected and receive each document's `document.received` and
 *    its outcome event. Figures: clients still connected, events each received, delivery time from the
 *    upload's response to the last client's receipt of its outcome (p50/max).
 *
 * The server is started with a per-key rate limit of 10^8/min: one key makes all the load here, and the
 * bench measures serving capacity, not the limiter (which answers 429 by design).
 *
 * Pass: 0 errors in 1; in 2, every client connected to the end and every event delivered to every client.
 * Exit code 1 otherwise.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ApiClient } from '../support/api-client.js';
import { writeBaaCorpus } from '../support/corpus-generator.js';
import { freshDatabase } from '../support/database.js';
import { startNode, waitUntil, type Proc } from '../support/processes.js';
import { openSseClients } from './support/sse-clients.js';
import { arg, flag } from './support/args.js';

const asJson = flag('--json');
const duration = Number(arg('--duration') ?? 30);
const connections = Number(arg('--connections') ?? 100);
const sseCount = Number(arg('--sse') ?? 50);
const uploads = Number(arg('--uploads') ?? 20);
const FINAL = ['processed', 'unparsed', 'failed'];
const say = (s: string) => { if (!asJson) console.log(s); };
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : 0);

async function startServer(): Promise<{ client: ApiClient; mode: string; stop(): Promise<void> }> {
  if (arg('--url')) {
    return { client: new ApiClient(arg('--url')!, arg('--key')!, arg('--workspace')!), mode: 'external', stop: async () => {} };
  }
  const home = mkdtempSync(join(tmpdir(), 'custody-load-'));
  const production = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
  const db = production ? await freshDatabase() : undefined;
  const env = {
    CUSTODY_HOME: home, CUSTODY_QUEUE_PREFIX: `load${process.pid}`, CUSTODY_RATE_LIMIT_PER_MINUTE: '100000000',
    ...(db ? { DATABASE_URL: db.url, REDIS_URL: process.env.REDIS_URL } : {}),
  };
  const procs: Proc[] = [startNode('apps/cli/src/main.js', ['serve', '--port', '0', '--workspace', 'Load Bench', '--example'], env)];
  await procs[0]!.waitFor(/Dashboard: \S+key=\S+/, 300_000);
  if (production) {
    procs.push(startNode('apps/worker/src/main.js', [], env));
    await procs[1]!.waitFor(/processing jobs/, 300_000);
  }
  return {
    client: ApiClient.fromServeOutput(procs[0]!.output()),
    mode: production ? 'production (PostgreSQL + Redis, separate worker)' : 'embedded (PGlite, one process)',
    async stop() {
      for (const p of procs.reverse()) await p.kill('SIGTERM');
      await db?.drop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

function reads(client: ApiClient, route: string, n: number) {
  return autocannon({
    url: client.base, connections: n, duration, timeout: 30,
    headers: { 'x-api-key': client.key },
    requests: [{ method: 'GET', path: `/api/workspaces/${client.ws}/${route}` }],
  });
}

async function main() {
  const { client, mode, stop } = await startServer();
  const result: Record<string, unknown> = { mode, duration, connections, sse: sseCount, uploads };
  let pass = true;
  try {
    say(`Custody load bench — ${mode}, ${client.base}`);
    await waitUntil(async () => {
      const docs = await client.get<{ status: string }[]>('/documents');
      return docs.length > 0 && docs.every((d) => FINAL.includes(d.status)) && Boolean((await client.get<{ graphVersion?: number }>('/score')).graphVersion);
    }, 600_000, 'the example to be processed and scored');

    // One client alone first: what a read costs without contention, to read the loaded figures against.
    const alone: Record<string, number> = {};
    for (const route of ['graph', 'audit']) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        await client.get(`/${route}`);
        times.push(performance.now() - t0);
      }
      alone[route] = Math.round(pct(times, 50));
    }
    result.singleClientP50Ms = alone;
    say(`\n0. one client, 5 sequential reads each: /graph p50 ${alone.graph} ms, /audit p50 ${alone.audit} ms`);

    // 1. Reads: half the clients on the graph, half on the audit, at the same time.
    const half = Math.ceil(connections / 2);
    const [graph, audit] = await Promise.all([reads(client, 'graph', half), reads(client, 'audit', connections - half)]);
    const routeFigures = (r: autocannon.Result) => ({
      requests: r.requests.total, reqPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, maxMs: r.latency.max,
      errors: r.errors + r.timeouts + r.non2xx, connectionErrors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, statusCodes: r.statusCodeStats,
    });
    const g = routeFigures(graph);
    const a = routeFigures(audit);
    const errors = g.errors + a.errors;
    result.reads = { graph: g, audit: a, errors };
    say(`\n1. ${connections} clients × ${duration} s reading (${half} on /graph, ${connections - half} on /audit)`);
    for (const [name, f] of [['graph', g], ['audit', a]] as const) {
      say(`   ${name.padEnd(6)} ${String(f.requests).padStart(7)} requests  ${String(f.reqPerSec).padStart(5)} req/s  p50 ${f.p50Ms} ms  p99 ${f.p99Ms} ms  max ${f.maxMs} ms  errors ${f.errors} (connection ${f.connectionErrors}, timeouts ${f.timeouts}, non-2xx ${f.non2xx})`);
    }
    say(`   errors: ${errors}  → ${errors === 0 ? 'PASS' : 'FAIL'} (target 0)`);
    pass &&= errors === 0;

    // 2. SSE clients held open while documents arrive.
    const sse = await openSseClients(client.base, client.ws, client.key, sseCount);
    const dir = mkdtempSync(join(tmpdir(), 'custody-load-docs-'));
    const uploadedAt = new Map<string, number>();
    try {
      const files = writeBaaCorpus(dir, uploads, 20);
      for (const f of files) {
        const { id } = await client.upload(dir, f);
        uploadedAt.set(id, Date.now());
      }
      const outcome = (c: (typeof sse)[number], id: string) => c.events.find((e) => e.documentId === id && (e.name === 'facts.extracted' || e.name === 'document.rejected'));
      const received = (c: (typeof sse)[number], id: string) => c.events.some((e) => e.documentId === id && e.name === 'document.received');
      await waitUntil(async () => sse.every((c) => c.dropped || [...uploadedAt.keys()].every((id) => received(c, id) && outcome(c, id))), 600_000, 'every SSE client to see every document')
        .catch(() => undefined);
      const connected = sse.filter((c) => c.connected && !c.dropped).length;
      const complete = sse.filter((c) => [...uploadedAt.keys()].every((id) => received(c, id) && outcome(c, id))).length;
      const delivery = [...uploadedAt].map(([id, at]) => Math.max(...sse.map((c) => (outcome(c, id)?.at ?? Infinity) - at)));
      const perClient = sse.map((c) => c.events.length);
      result.sse = {
        clients: sseCount, connectedAtEnd: connected, receivedEverything: complete, documents: uploadedAt.size,
        eventsPerClient: { min: Math.min(...perClient), max: Math.max(...perClient) },
        deliveryMs: { p50: pct(delivery, 50), max: Math.max(...delivery) },
        dropped: sse.filter((c) => c.dropped).map((c) => c.dropped),
      };
      say(`\n2. ${sseCount} SSE clients held open while ${uploadedAt.size} documents were uploaded`);
      say(`   connected at the end: ${connected}/${sseCount}; received every document's events: ${complete}/${sseCount}; events per client ${Math.min(...perClient)}–${Math.max(...perClient)}`);
      say(`   upload → outcome event at the last client: p50 ${pct(delivery, 50)} ms, max ${Math.max(...delivery)} ms`);
      const ok = connected === sseCount && complete === sseCount;
      say(`   → ${ok ? 'PASS' : 'FAIL'} (target: all connected, all events delivered)`);
      pass &&= ok;
    } finally {
      for (const c of sse) c.close();
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await stop();
  }
  result.pass = pass;
  if (asJson) console.log(JSON.stringify(result));
  else say(`\n${pass ? 'PASS' : 'FAIL'}`);
  process.exitCode = pass ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
