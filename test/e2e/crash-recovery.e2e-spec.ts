import type { AuditReport } from '@custody/domain';
import { auditFiles } from '@custody/audit';
import { ApiClient } from '../support/api-client.js';
import { writeBaaCorpus } from '../support/corpus-generator.js';
import { freshDatabase } from '../support/database.js';
import { processScratch } from '../support/scratch.js';
import { CLI_ENTRY, startNode, waitUntil, type Proc } from '../support/processes.js';

const production = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const FINAL = ['processed', 'unparsed', 'failed'];
/** A process start on a loaded 2-core machine (CI shares it) can take a minute before its first line; the test's limit (600 s) covers four such starts and the run. */
const START_MS = 120_000;

/** Strips what legitimately differs between runs (ids of stored documents, times) before comparing graphs. */
function normalise(report: Pick<AuditReport, 'systems' | 'flows' | 'findings'>) {
  const strip = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(strip) : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).filter(([k]) => !['documentId', 'asOf', 'generatedAt', 'triage'].includes(k)).map(([k, x]) => [k, strip(x)]))
      : v;
  return strip({ systems: report.systems, flows: report.flows, findings: report.findings.map((f) => f.id).sort() });
}

describe(`crash recovery: kill -9 the ${production ? 'worker (PostgreSQL + Redis)' : 'embedded server (PGlite)'} mid-ingest`, () => {
  const scratch = processScratch('crash');
  const { dir, home, procs } = scratch;

  it('processes every one of 50 documents exactly once, and the graph equals an uninterrupted run', async () => {
    const files = writeBaaCorpus(dir, 49, 300);
    expect(files).toHaveLength(50);
    const env: Record<string, string | undefined> = { CUSTODY_HOME: home, CUSTODY_JOB_LOCK_MS: '2000', CUSTODY_WORKER_CONCURRENCY: '1', CUSTODY_QUEUE_PREFIX: `crash${process.pid}` };
    if (production) {
      const db = (scratch.db = await freshDatabase());
      Object.assign(env, { DATABASE_URL: db.url, REDIS_URL: process.env.REDIS_URL });
    }
    const serveArgs = ['serve', '--port', '0', '--workspace', 'Crash Test'];
    const api = startNode(CLI_ENTRY, serveArgs, env);
    procs.push(api);
    await api.waitFor(/Dashboard: \S+key=\S+/, START_MS);
    const client = ApiClient.fromServeOutput(api.output());
    let worker: Proc = api;
    if (production) {
      worker = startNode('apps/worker/src/main.js', [], env);
      procs.push(worker);
      await worker.waitFor(/processing jobs/, START_MS);
    }

    for (const f of files) await client.upload(dir, f);
    const finished = async () => (await client.get<{ status: string }[]>('/documents')).filter((d) => FINAL.includes(d.status)).length;
    await waitUntil(async () => (await finished()) >= 3, 60_000, 'the first documents to finish');
    await worker.kill('SIGKILL');
    const atKill = await (production ? finished() : Promise.resolve(-1));
    // The kill must land mid-run, or this test proves nothing.
    if (production) expect(atKill).toBeLessThan(50);

    let again: ApiClient = client;
    if (production) {
      const w2 = startNode('apps/worker/src/main.js', [], env);
      procs.push(w2);
      await w2.waitFor(/processing jobs/, START_MS);
    } else {
      const api2 = startNode(CLI_ENTRY, serveArgs, env);
      procs.push(api2);
      await api2.waitFor(/Dashboard: \S+key=\S+/, START_MS);
      again = ApiClient.fromServeOutput(api2.output());
      const before = (await again.get<{ status: string }[]>('/documents')).filter((d) => FINAL.includes(d.status)).length;
      expect(before).toBeLessThan(50);
    }

    await waitUntil(async () => (await again.get<{ status: string }[]>('/documents')).every((d) => FINAL.includes(d.status)), 180_000, 'all documents processed');
    const docs = await again.get<{ status: string; fileName: string }[]>('/documents');
    expect(docs).toHaveLength(50);
    expect(docs.every((d) => d.status === 'processed')).toBe(true);

    const log = await again.get<{ type: string; payload: { documentId?: string } }[]>('/audit-log?limit=5000');
    const outcomes = log.filter((e) => e.type === 'FactsExtracted' || e.type === 'DocumentRejected');
    expect(outcomes).toHaveLength(50);
    expect(new Set(outcomes.map((e) => e.payload.documentId)).size).toBe(50);

    await waitUntil(async () => {
      // Nothing left in the queue: the projection and score have caught up with every document.
      const health = (await (await fetch(`${again.base}/api/health`)).json()) as { queue: { pending: number } };
      if (health.queue.pending !== 0) return false;
      const s = await again.get<{ graphVersion?: number }>('/score');
      const audit = await again.get<AuditReport>('/audit');
      return Boolean(s.graphVersion) && audit.documents.length === 50 && audit.systems.length > 1;
    }, 60_000, 'the final score');
    const served = await again.get<AuditReport>('/audit');
    const reference = await auditFiles([dir], { now: new Date(served.generatedAt) });
    expect(normalise(served)).toEqual(normalise(reference));
  }, 600_000);
});
