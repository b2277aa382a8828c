import { UnrecoverableError, Worker } from 'bullmq';
import { FollowUps, JobName, JobQueue, QueueName, queueConnection, Reconciler, type Runtime } from '@custody/pipeline';
import { storedContent } from '../support/database.js';
import { queueBackendName, startQueueRuntime } from '../support/queue-runtime.js';

/**
 * The Reconciler against each real queue backend (Redis with PostgreSQL; BullMQ's PostgreSQL backend on the
 * embedded queue database): what an outage leaves behind — a document with no job, one whose job failed and
 * holds its deterministic id, a workspace whose projection was never enqueued — is enqueued again, once.
 */
describe(`Reconciler (${queueBackendName()})`, () => {
  let started: Awaited<ReturnType<typeof startQueueRuntime>> | undefined;
  let runtime: Runtime;
  let jobs: JobQueue;
  let reconciler: Reconciler;

  beforeAll(async () => {
    started = await startQueueRuntime('rc');
    runtime = started.runtime;
    jobs = new JobQueue(runtime, runtime.config);
    reconciler = new Reconciler(runtime.persistence, jobs, new FollowUps(runtime.persistence, jobs), runtime.config);
  }, 120_000);

  afterAll(async () => {
    await jobs?.onModuleDestroy();
    await started?.close();
  });

  it('re-enqueues a document without a job and one whose failed job holds its id; a second pass adds nothing', async () => {
    const p = runtime.persistence;
    const { workspace } = await p.workspaces.ensure('Reconcile Practice');
    const ingest = async (name: string) => (await p.documents.ingest({ workspaceId: workspace.id, fileName: name, ...storedContent(`${name} text`) })).document.id;
    // Stored, but the enqueue never happened (the queue was down at upload).
    const orphan = await ingest('orphan.txt');
    // Stored and enqueued, but every attempt failed and marking the document failed could not be written.
    const stranded = await ingest('stranded.txt');
    await jobs.add(JobName.Extract, { documentId: stranded });
    const worker = new Worker(QueueName.Pipeline, async () => {
      throw new UnrecoverableError('database unreachable');
    }, { connection: queueConnection(runtime.queue), prefix: runtime.config.queuePrefix });
    try {
      await waitFor(async () => (await jobs.standing(JobName.Extract, { documentId: stranded })) === 'failed');
    } finally {
      await worker.close();
    }
    // The cause of the stranding: adding the job again collides with the failed one's id and does nothing.
    await jobs.add(JobName.Extract, { documentId: stranded });
    expect(await jobs.standing(JobName.Extract, { documentId: stranded })).toBe('failed');
    expect(await jobs.standing(JobName.Extract, { documentId: orphan })).toBe('absent');

    expect(await reconciler.reconcile()).toEqual({ unfinished: 2, requeued: 2, gaveUp: 0, workspaces: 0 });
    expect(await jobs.standing(JobName.Extract, { documentId: orphan })).toBe('live');
    expect(await jobs.standing(JobName.Extract, { documentId: stranded })).toBe('live');
    // The retried job starts over with all its attempts.
    const job = await jobs.queue(QueueName.Pipeline).getJob(`extract-${stranded}`);
    expect(job?.attemptsMade).toBe(0);

    // Jobs are live now: another pass (or another worker's) leaves them alone.
    expect(await reconciler.reconcile()).toEqual({ unfinished: 2, requeued: 0, gaveUp: 0, workspaces: 0 });
    expect(await jobs.pending()).toBe(2);
  });

  it('in a periodic pass, leaves a document stored within the interval (by the database clock) to its upload; once settled it is re-enqueued', async () => {
    const p = runtime.persistence;
    const { workspace } = await p.workspaces.ensure('Young Practice');
    const { document } = await p.documents.ingest({ workspaceId: workspace.id, fileName: 'young.txt', ...storedContent('young text') });
    expect(await p.documents.youngUnfinished(60_000)).toContain(document.id);
    const report = await reconciler.reconcile({ settledForMs: 60_000 });
    expect(report.requeued).toBe(0);
    expect(await jobs.standing(JobName.Extract, { documentId: document.id })).toBe('absent');
    await new Promise((r) => setTimeout(r, 50));
    expect(await p.documents.youngUnfinished(10)).not.toContain(document.id);
    expect((await reconciler.reconcile({ settledForMs: 10 })).requeued).toBe(1);
    expect(await jobs.standing(JobName.Extract, { documentId: document.id })).toBe('live');
  });

  it('enqueues the projection of an idle workspace whose inputs are ahead of its graph', async () => {
    const p = runtime.persistence;
    const { workspace } = await p.workspaces.ensure('Lagging Practice');
    const doc = (await p.documents.ingest({ workspaceId: workspace.id, fileName: 'policy.txt', ...storedContent('policy') })).document.id;
    // The outcome was recorded, then the process died before the projection job was added.
    const { event } = await p.documents.recordOutcome(doc, { type: 'unknown', status: 'unparsed', reason: 'not a contract' });
    const lag = (await p.projections.lagging()).find((w) => w.workspaceId === workspace.id);
    expect(lag).toEqual({ workspaceId: workspace.id, inputSeq: event!.seq, projected: undefined, scoredVersion: undefined });

    const before = await jobs.standing(JobName.Project, { workspaceId: workspace.id }, event!.seq);
    expect(before).toBe('absent');
    const report = await reconciler.reconcile();
    expect(report.workspaces).toBeGreaterThanOrEqual(1);
    expect(await jobs.standing(JobName.Project, { workspaceId: workspace.id }, event!.seq)).toBe('live');
  });
});

async function waitFor(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const t = Date.now();
  while (!(await check())) {
    if (Date.now() - t > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
