import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditReport } from '@custody/domain';
import { auditFiles } from '@custody/audit';
import { ApiClient } from './api-client.js';
import { writeBaaCorpus } from './corpus-generator.js';
import { normaliseAudit, outageProbe } from './outage-probes.js';
import { CLI_ENTRY, startNode, waitUntil, type Proc } from './processes.js';
import { startOwnPostgres, startOwnRedis, type OwnService } from './services.js';

const FINAL = ['processed', 'unparsed', 'failed'];

export interface OutageScenario {
  /** BAAs to ingest (plus one custody.yaml). */
  documents: number;
  /** Size of each BAA in KB. */
  kb: number;
  /** How long the first outage lasts (the second lasts half as long). */
  outageMs: number;
  /** Queue on Redis (production's usual setup) or on PostgreSQL (BullMQ's PostgreSQL backend, no Redis). */
  queueOnRedis: boolean;
}

/** What happened, for a test to assert and a bench to report. */
export type OutageOutcome = Awaited<ReturnType<typeof runOutageScenario>>;

/**
 * An ingest through a real API and worker, on a PostgreSQL and (optionally) a Redis this run starts itself,
 * with three faults while documents are arriving and being processed: (1) the queue's store stopped for
 * `outageMs` (Redis, without persistence, so every job is lost; or PostgreSQL when it holds the queue),
 * (2) PostgreSQL stopped and started again, (3) the worker killed with SIGKILL and started again. Then it waits
 * for the pipeline to settle and compares the result with an undisturbed in-memory audit of the same files.
 * The services and processes are its own and are stopped before it returns; on an error, their logs are
 * appended to the message.
 */
export async function runOutageScenario(s: OutageScenario) {
  const dir = mkdtempSync(join(tmpdir(), 'custody-outage-docs-'));
  const home = mkdtempSync(join(tmpdir(), 'custody-outage-home-'));
  const procs: Proc[] = [];
  const services: OwnService[] = [];
  try {
    const files = writeBaaCorpus(dir, s.documents, s.kb);
    const pgsql = await startOwnPostgres();
    services.push(pgsql);
    const redis = s.queueOnRedis ? await startOwnRedis() : undefined;
    if (redis) services.push(redis);
    const env = {
      CUSTODY_HOME: home, DATABASE_URL: pgsql.url, REDIS_URL: redis?.url, CUSTODY_QUEUE_PREFIX: `outage${process.pid}`,
      CUSTODY_JOB_LOCK_MS: '3000', CUSTODY_WORKER_CONCURRENCY: '1', CUSTODY_RECONCILE_INTERVAL_MS: '2000', CUSTODY_DEPENDENCY_TIMEOUT_MS: '2000',
      CUSTODY_RATE_LIMIT_PER_MINUTE: '1000000',
    };
    const api = startNode(CLI_ENTRY, ['serve', '--port', '0', '--workspace', 'Outage Test'], env);
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
    const probe = outageProbe(client);
    const finished = async () => (await client.get<{ status: string }[]>('/documents')).filter((d) => FINAL.includes(d.status)).length;
    const third = Math.ceil(files.length / 3);
    const batches = [files.slice(0, third), files.slice(third, 2 * third), files.slice(2 * third)];
    // A process an outage killed would be a bug of its own (an unhandled connection error), not a recovery.
    const alive = () => procs.filter((p) => p.child.exitCode !== null && p.child.signalCode === null).map((p) => `pid ${p.child.pid} exited ${p.child.exitCode}`);

    // Fault 1, with uploads still arriving: the queue's store goes away.
    for (const f of batches[0]) await client.upload(dir, f);
    await waitUntil(async () => (await finished()) >= 2, 180_000, 'the first documents to finish');
    const queueStore = redis ?? pgsql;
    await queueStore.stop();
    const during1 = await probe.duringOutage(redis ? 'queue' : 'database');
    // While only Redis is down, uploads are stored and accepted; the Reconciler enqueues them later.
    const acceptedInOutage = redis ? await probe.uploadAll(dir, batches[1]) : [];
    await new Promise((r) => setTimeout(r, s.outageMs));
    await queueStore.start();
    const acceptedAfter1 = redis ? [] : await probe.uploadAll(dir, batches[1]);
    const atFault2 = await waitUntilMore(finished, 2);

    // Fault 2: PostgreSQL restarted (with the queue on PostgreSQL: the database and the queue together).
    await pgsql.stop();
    const during2 = await probe.duringOutage('database');
    await new Promise((r) => setTimeout(r, s.outageMs / 2));
    await pgsql.start();
    const acceptedAfter2 = await probe.uploadAll(dir, batches[2]);

    // Fault 3: the worker killed mid-job.
    await waitUntilMore(finished, 2);
    const deadBeforeKill = alive();
    await worker.kill('SIGKILL');
    const atKill = await finished();
    worker = await startWorker();
    const settleFrom = Date.now();

    await waitUntil(async () => {
      const health = await probe.health();
      if (health.status !== 200 || health.body.documents.unfinished !== 0 || health.body.queue.pending !== 0) return false;
      const sc = await client.get<{ graphVersion?: number }>('/score');
      const audit = await client.get<AuditReport>('/audit');
      return Boolean(sc.graphVersion) && audit.documents.length === files.length;
    }, 420_000, 'the pipeline to settle after the faults');
    const settleMs = Date.now() - settleFrom;

    const docs = await client.get<{ status: string; fileName: string }[]>('/documents');
    const log = await client.get<{ type: string; payload: { documentId?: string } }[]>('/audit-log?limit=100000');
    const served = await client.get<AuditReport>('/audit');
    const stored = await client.get<{ score: { total: number } }>('/score');
    const reference = await auditFiles([dir], { now: new Date(served.generatedAt) });
    return {
      files, batches, during1, during2, acceptedInOutage, acceptedAfter: [...acceptedAfter1, ...acceptedAfter2], atFault2, atKill, settleMs,
      deadProcesses: [...deadBeforeKill, ...alive()],
      docs,
      outcomes: log.filter((e) => e.type === 'FactsExtracted' || e.type === 'DocumentRejected').map((e) => e.payload.documentId),
      receipts: log.filter((e) => e.type === 'DocumentReceived').length,
      served: normaliseAudit(served), reference: normaliseAudit(reference),
      score: stored.score.total, referenceScore: reference.score.total,
    };
  } catch (err) {
    // The processes' own account of what happened (their logs carry no document text).
    const logs = procs.map((p) => `--- pid ${p.child.pid} (exit ${p.child.exitCode ?? p.child.signalCode ?? 'running'}):\n${p.output().slice(-4000)}`).join('\n');
    (err as Error).message += `\n${logs}`;
    throw err;
  } finally {
    for (const p of procs) await p.kill('SIGKILL');
    for (const svc of services) await svc.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  }
}

/** Waits until `more` further documents than now are finished; returns the count when the wait began. */
async function waitUntilMore(finished: () => Promise<number>, more: number): Promise<number> {
  let base = -1;
  await waitUntil(async () => {
    const n = await finished().catch(() => -1);
    if (base < 0) base = n;
    return n >= base + more;
  }, 240_000, `${more} more documents to finish`);
  return base;
}
