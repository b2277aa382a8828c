import type { CustodyConfig } from '@custody/config';
import type { Persistence, StoredDocument } from '@custody/persistence';
import type { FollowUps } from './follow-ups.js';
import type { JobQueue } from './job-queue.js';
import { MAX_DOCUMENT_ATTEMPTS, Reconciler } from './reconciler.js';

type Lag = Awaited<ReturnType<Persistence['projections']['lagging']>>[number];

/**
 * A store holding `docs` and `lagging`, and a queue where the job ids in `live` are already waiting or running,
 * and live extraction batches (bulk uploads) will read the documents `batched`.
 */
function setup(docs: Partial<StoredDocument>[], lagging: Lag[] = [], live: string[] = [], batched: string[] = []) {
  const requeued: string[] = [];
  const outcomes: { id: string; status: string }[] = [];
  const followed: { type: string; workspaceId: string }[] = [];
  let passes = 0;
  const db = {
    documents: {
      unfinished: async () => (passes++, docs.map((d) => ({ attempts: 0, workspaceId: 'w1', ...d }))),
      // As the repository's: by the stored time (here the process clock stands in for the database's).
      youngUnfinished: async (ms: number) => new Set(docs.filter((d) => d.createdAt && Date.parse(d.createdAt) > Date.now() - ms).map((d) => d.id!)),
      recordFailure: async (id: string) => (outcomes.push({ id, status: 'failed' }), { workspaceId: docs.find((d) => d.id === id)?.workspaceId ?? 'w1', seq: 9 }),
    },
    projections: { lagging: async () => lagging },
  } as unknown as Persistence;
  const jobs = {
    liveBatchDocuments: async () => new Set(batched),
    requeue: async (name: string, data: Record<string, unknown>, seq?: number) => {
      const id = [name, ...Object.values(data), ...(seq === undefined ? [] : [seq])].join('-');
      if (live.includes(id)) return 'live';
      requeued.push(id);
      return 'added';
    },
  } as unknown as JobQueue;
  const followUps = { after: async (type: string, _p: unknown, at: { workspaceId: string }) => (followed.push({ type, workspaceId: at.workspaceId }), []) } as unknown as FollowUps;
  const reconciler = new Reconciler(db, jobs, followUps, { reconcileIntervalMs: 60_000 } as CustodyConfig);
  return { reconciler, requeued, outcomes, followed, passes: () => passes };
}

describe('Reconciler', () => {
  it('re-enqueues the extraction of unfinished documents that have no live job, and only those', async () => {
    const { reconciler, requeued } = setup([{ id: 'd1' }, { id: 'd2' }, { id: 'd3' }], [], ['extract-d2']);
    expect(await reconciler.reconcile()).toEqual({ unfinished: 3, requeued: 2, gaveUp: 0, workspaces: 0 });
    expect(requeued).toEqual(['extract-d1', 'extract-d3']);
  });

  it('leaves alone the unfinished documents a live bulk-upload batch will read (a job of their own would read them twice)', async () => {
    const { reconciler, requeued } = setup([{ id: 'd1' }, { id: 'd2' }, { id: 'd3' }], [], [], ['d1', 'd3']);
    expect(await reconciler.reconcile()).toEqual({ unfinished: 3, requeued: 1, gaveUp: 0, workspaces: 0 });
    expect(requeued).toEqual(['extract-d2']);
  });

  it('in a periodic pass, leaves documents younger than one interval to the upload that stored them; the boot pass takes them all', async () => {
    const now = Date.now();
    const docs = [{ id: 'old', createdAt: new Date(now - 120_000).toISOString() }, { id: 'young', createdAt: new Date(now - 1_000).toISOString() }];
    const periodic = setup(docs);
    expect(await periodic.reconciler.reconcile({ settledForMs: 60_000 })).toEqual({ unfinished: 2, requeued: 1, gaveUp: 0, workspaces: 0 });
    expect(periodic.requeued).toEqual(['extract-old']);
    const boot = setup(docs);
    expect(await boot.reconciler.reconcile()).toMatchObject({ requeued: 2 });
    expect(boot.requeued).toEqual(['extract-old', 'extract-young']);
  });

  it('gives up on a document that used every attempt: marked failed, and its workspace re-projected', async () => {
    const { reconciler, requeued, outcomes, followed } = setup([{ id: 'd1', attempts: MAX_DOCUMENT_ATTEMPTS, workspaceId: 'w7' }, { id: 'd2', attempts: MAX_DOCUMENT_ATTEMPTS - 1 }]);
    expect(await reconciler.reconcile()).toMatchObject({ requeued: 1, gaveUp: 1 });
    expect(outcomes).toEqual([{ id: 'd1', status: 'failed' }]);
    expect(followed).toEqual([{ type: 'DocumentRejected', workspaceId: 'w7' }]);
    expect(requeued).toEqual(['extract-d2']);
  });

  it('re-enqueues the lagging step of an idle workspace: projection when inputs are ahead, else the score', async () => {
    const { reconciler, requeued } = setup([{ id: 'd1', workspaceId: 'busy' }], [
      { workspaceId: 'unprojected', inputSeq: 4 },
      { workspaceId: 'behind', inputSeq: 12, projected: { eventSeq: 10, version: 2 }, scoredVersion: 2 },
      { workspaceId: 'unscored', inputSeq: 12, projected: { eventSeq: 12, version: 3 }, scoredVersion: 2 },
      // Still extracting: its documents' follow-ups will project it.
      { workspaceId: 'busy', inputSeq: 30 },
    ]);
    expect(await reconciler.reconcile()).toMatchObject({ workspaces: 3 });
    expect(requeued).toEqual(['extract-d1', 'project-unprojected-4', 'project-behind-12', 'score-unscored-3']);
  });

  it('runs one pass at a time, and a pass that fails (a dependency down) leaves the next one free to run', async () => {
    const { reconciler, passes } = setup([{ id: 'd1' }]);
    const [a, b] = [reconciler.tick(), reconciler.tick()];
    expect(a).toBe(b);
    expect(await a).toMatchObject({ unfinished: 1 });
    expect(passes()).toBe(1);

    const broken = setup([]);
    (broken.reconciler as unknown as { db: Persistence }).db.documents.unfinished = async () => {
      throw new Error('ECONNREFUSED');
    };
    expect(await broken.reconciler.tick()).toBeUndefined();
    (broken.reconciler as unknown as { db: Persistence }).db.documents.unfinished = async () => [];
    expect(await broken.reconciler.tick()).toEqual({ unfinished: 0, requeued: 0, gaveUp: 0, workspaces: 0 });
  });
});
