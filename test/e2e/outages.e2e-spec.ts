import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditReport } from '@custody/domain';
import { auditFiles } from '@custody/audit';
import { ApiClient } from '../support/api-client.js';
import { writeBaaCorpus } from '../support/corpus-generator.js';
import { normaliseAudit, outageProbe, type Probe } from '../support/outage-probes.js';
import { startNode, waitUntil, type Proc } from '../support/processes.js';
import { startOwnPostgres, startOwnRedis, type OwnService } from '../support/services.js';

/**
 * Outages in the middle of an ingest, against services this test starts and stops itself (never the
 * machine's shared ones). The CI pass with REDIS_URL runs the queue on Redis, as production does: Redis is
 * stopped (losing every job, it runs without persistence) and PostgreSQL restarted. The pass without it runs
 * the other supported production setup, the queue on PostgreSQL (BullMQ's PostgreSQL backend, no Redis): then
 * both faults are PostgreSQL restarts, each taking the database and the queue down at once. Both passes also
 * SIGKILL the worker. Embedded mode's engines live inside the `serve` process, so its only fault is that
 * process dying: crash-recovery.e2e-spec.ts covers it.
 */
const queueOnRedis = Boolean(process.env.REDIS_URL);
const FINAL = ['processed', 'unparsed', 'failed'];
const DOCS = 44; // + custody.yaml = 45 documents: enough that every fault lands mid-ingest, small enough for CI.
const OUTAGE_MS = 20_000;

describe(`outages mid-ingest, queue on ${queueOnRedis ? 'Redis' : 'PostgreSQL'} (own services)`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'custody-outage-docs-'));
  const home = mkdtempSync(join(tmpdir(), 'custody-outage-home-'));
  const procs: Proc[] = [];
  const services: OwnService[] = [];
  let passed = false;

  afterAll(async () => {
    // On failure, the processes' own account of what happened (their logs carry no document text).
    if (!passed) for (const p of procs) console.log(`--- pid ${p.child.pid}:\n${p.output().slice(-6000)}`);
    for (const p of procs) await p.kill('SIGKILL');
    for (const s of services) await s.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  it('loses and duplicates no document, answers 503 naming the dependency, and ends as an undisturbed run', async () => {
    const files = writeBaaCorpus(dir, DOCS, 60);
    const pgsql = await startOwnPostgres();
    services.push(pgsql);
    const redis = queueOnRedis ? await startOwnRedis() : undefined;
    if (redis) services.push(redis);
    const env = {
      CUSTODY_HOME: home, DATABASE_URL: pgsql.url, REDIS_URL: redis?.url, CUSTODY_QUEUE_PREFIX: `outage${process.pid}`,
      CUSTODY_JOB_LOCK_MS: '3000', CUSTODY_WORKER_CONCURRENCY: '1', CUSTODY_RECONCILE_INTERVAL_MS: '2000', CUSTODY_DEPENDENCY_TIMEOUT_MS: '2000',
      CUSTODY_RATE_LIMIT_PER_MINUTE: '1000000',
    };
    const api = startNode('apps/cli/src/main.js', ['serve', '--port', '0', '--workspace', 'Outage Test'], env);
    procs.push(api);
    await api.waitFor(/Dashboard: \S+key=\S+/);
    const client = ApiClient.fromServeOutput(api.output());
    const startWorker = async () => {
      const w = startNode('apps/worker/src/main.js', [], env);
      procs.push(w);
      await w.waitFor(/processing jobs/);
      return w;
    };
    let worker = await startWorker();
    const probe: Probe = outageProbe(client);
    const finished = async () => (await client.get<{ status: string }[]>('/documents')).filter((d) => FINAL.includes(d.status)).length;
    const batches = [files.slice(0, 15), files.slice(15, 30), files.slice(30)];

    // Fault 1, with uploads still arriving: the queue's store goes away.
    for (const f of batches[0]) await client.upload(dir, f);
    await waitUntil(async () => (await finished()) >= 2, 120_000, 'the first documents to finish');
    const queueStore = redis ?? pgsql;
    await queueStore.stop();
    const during1 = await probe.duringOutage(redis ? 'queue' : 'database');
    // Uploads while only Redis is down are stored and accepted; the Reconciler enqueues them later.
    const acceptedInOutage = redis ? await probe.uploadAll(dir, batches[1]) : [];
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    await queueStore.start();
    if (!redis) await probe.uploadAll(dir, batches[1]);
    const atFault2 = await waitUntilMore(finished, 2);

    // Fault 2: PostgreSQL restarted (in the PostgreSQL-queue setup, the database and the queue together).
    await pgsql.stop();
    const during2 = await probe.duringOutage('database');
    await new Promise((r) => setTimeout(r, OUTAGE_MS / 2));
    await pgsql.start();
    await probe.uploadAll(dir, batches[2]);

    // Fault 3: the worker killed mid-job.
    await waitUntilMore(finished, 2);
    await worker.kill('SIGKILL');
    const atKill = await finished();
    worker = await startWorker();
    const settleFrom = Date.now();

    await waitUntil(async () => {
      const health = await probe.health();
      if (health.status !== 200 || health.body.documents.unfinished !== 0 || health.body.queue.pending !== 0) return false;
      const s = await client.get<{ graphVersion?: number }>('/score');
      const audit = await client.get<AuditReport>('/audit');
      return Boolean(s.graphVersion) && audit.documents.length === files.length;
    }, 240_000, 'the pipeline to settle after the faults');
    const settleMs = Date.now() - settleFrom;

    // Each fault hit mid-ingest, or this test proves nothing.
    expect(atFault2).toBeLessThan(files.length);
    expect(atKill).toBeLessThan(files.length);
    for (const d of [during1, during2]) {
      expect(d.health.status).toBe(503);
      expect(d.health.body.down).toContain(d.dependency);
    }
    if (redis) {
      // Redis down: PostgreSQL still serves reads, and uploads are stored and accepted (the Reconciler
      // enqueues them once Redis is back).
      expect(during1.health.body).toMatchObject({ database: 'up', queue: { status: 'down' }, down: ['queue'] });
      expect(during1.read.status).toBe(200);
      expect(acceptedInOutage).toEqual(batches[1].map(() => 202));
    }
    // PostgreSQL down: reads and uploads are refused with the reason (nothing could be stored or read).
    for (const d of redis ? [during2] : [during1, during2]) {
      expect(d.read).toEqual({ status: 503, error: 'unavailable', dependency: 'database' });
      expect(d.upload).toEqual({ status: 503, error: 'unavailable', dependency: 'database' });
    }

    // 0 lost, 0 duplicated: every file once, processed, with exactly one outcome and one receipt.
    const docs = await client.get<{ status: string; fileName: string }[]>('/documents');
    expect(docs.map((d) => d.fileName).sort()).toEqual([...files].sort());
    expect(docs.filter((d) => d.status !== 'processed')).toEqual([]);
    const log = await client.get<{ type: string; payload: { documentId?: string } }[]>('/audit-log?limit=10000');
    const outcomes = log.filter((e) => e.type === 'FactsExtracted' || e.type === 'DocumentRejected').map((e) => e.payload.documentId);
    expect(outcomes).toHaveLength(files.length);
    expect(new Set(outcomes).size).toBe(files.length);
    expect(log.filter((e) => e.type === 'DocumentReceived')).toHaveLength(files.length);

    // The same graph, findings and score as an undisturbed audit of the same files.
    const served = await client.get<AuditReport>('/audit');
    const stored = await client.get<{ score: { total: number } }>('/score');
    const reference = await auditFiles([dir], { now: new Date(served.generatedAt) });
    expect(normaliseAudit(served)).toEqual(normaliseAudit(reference));
    expect(stored.score.total).toBe(reference.score.total);
    passed = true;
    // Figures for the record (time to settle after the last fault is a measurement, not an assertion).
    console.log(`outages (${queueOnRedis ? 'redis' : 'postgres'} queue): ${docs.length} documents, 0 lost, 0 duplicated; health answered in ${during1.health.ms} ms and ${during2.health.ms} ms during the outages; settled ${settleMs} ms after the worker restart; score ${stored.score.total} = reference ${reference.score.total}`);
  }, 600_000);
});

/** Waits until `more` further documents than now are finished; returns the count when the wait began. */
async function waitUntilMore(finished: () => Promise<number>, more: number): Promise<number> {
  let base = -1;
  await waitUntil(async () => {
    const n = await finished().catch(() => -1);
    if (base < 0) base = n;
    return n >= base + more;
  }, 180_000, `${more} more documents to finish`);
  return base;
}
