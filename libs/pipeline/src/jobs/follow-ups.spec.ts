import type { Persistence } from '@custody/persistence';
import { BURST_PROJECTION_INPUTS, FollowUps } from './follow-ups.js';
import type { JobQueue } from './job-queue.js';

/**
 * A store with workspaces at input seq 7 and graph version 3 (`unfinished`: documents not yet finished per
 * workspace), and a queue that records what is added and at which priority.
 */
function setup(graph: { version: number } | null = { version: 3 }, unfinished: Record<string, number> = {}, behind = 2) {
  const added: { name: string; data: unknown; seq?: number }[] = [];
  const priorities: Record<string, number[]> = {};
  const db = {
    events: { inputSeq: async () => 7 },
    projections: {
      graph: async () => graph ?? undefined,
      // `behind`: input events the stored graph has not seen (with no graph, every input so far).
      backlog: async (ws: string, cap: number) => ({ unfinished: unfinished[ws] ?? 0, inputSeq: 7, behind: Math.min(behind, cap) }),
    },
    documents: { unfinishedCount: async (ws: string) => unfinished[ws] ?? 0 },
  } as unknown as Persistence;
  const jobs = {
    add: async (name: string, data: unknown, seq?: number, priority?: number) => {
      added.push({ name, data, seq });
      const ws = (data as { workspaceId?: string; documentId?: string }).workspaceId ?? (data as { documentId: string }).documentId.split('/')[0];
      (priorities[ws] ??= []).push(priority ?? 0);
      return `${name}-id`;
    },
  } as unknown as JobQueue;
  return { followUps: new FollowUps(db, jobs), added, priorities };
}

describe('FollowUps: which job follows which event', () => {
  it('chains ingest → extract → project → score', async () => {
    const { followUps, added } = setup();
    await followUps.after('DocumentReceived', { documentId: 'd1' }, { workspaceId: 'w' });
    await followUps.after('FactsExtracted', {}, { workspaceId: 'w' });
    await followUps.after('DocumentRejected', {}, { workspaceId: 'w' });
    await followUps.after('GraphChanged', { version: 4 }, { workspaceId: 'w' });
    expect(added).toEqual([
      { name: 'extract', data: { documentId: 'd1' }, seq: undefined },
      // Projection jobs carry the input high-water mark, so a burst of documents collapses into one.
      { name: 'project', data: { workspaceId: 'w' }, seq: 7 },
      { name: 'project', data: { workspaceId: 'w' }, seq: 7 },
      { name: 'score', data: { workspaceId: 'w', graphVersion: 4 }, seq: undefined },
    ]);
  });

  it('a correction re-projects; a triage decision re-scores the current graph under its own seq', async () => {
    const { followUps, added } = setup();
    await followUps.after('FactCorrected', {}, { workspaceId: 'w', seq: 5 });
    await followUps.after('FindingTriaged', {}, { workspaceId: 'w', seq: 9 });
    expect(added).toEqual([
      { name: 'project', data: { workspaceId: 'w' }, seq: 7 },
      { name: 'score', data: { workspaceId: 'w', graphVersion: 3, triageSeq: 9 }, seq: undefined },
    ]);
  });

  it('ranks each job by the unfinished documents of its workspace, so a big backlog cannot go ahead of a small one', async () => {
    const { followUps, priorities } = setup({ version: 3 }, { big: 10_000, small: 1 });
    await followUps.after('DocumentReceived', { documentId: 'big/d10000' }, { workspaceId: 'big' });
    await followUps.after('DocumentReceived', { documentId: 'small/d1' }, { workspaceId: 'small' });
    await followUps.after('FactCorrected', {}, { workspaceId: 'small' });
    // A drained workspace's follow-ups still get a priority (≥ 1): priority 0 would jump every queue.
    await followUps.after('GraphChanged', { version: 4 }, { workspaceId: 'idle' });
    expect(priorities).toEqual({ big: [10_000], small: [1, 1], idle: [1] });
  });

  it('holds a document outcome\'s projection back while the workspace has documents unfinished: the last one projects for all', async () => {
    const { followUps, added } = setup({ version: 3 }, { w: 5 });
    expect(await followUps.after('FactsExtracted', {}, { workspaceId: 'w', seq: 8 })).toEqual([]);
    expect(await followUps.after('DocumentRejected', {}, { workspaceId: 'w', seq: 9 })).toEqual([]);
    // A user's own change is never held back for a burst, nor a re-run asked for by hand.
    await followUps.after('FactCorrected', {}, { workspaceId: 'w', seq: 10 });
    await followUps.reproject('w');
    expect(added).toEqual([
      { name: 'project', data: { workspaceId: 'w' }, seq: 7 },
      { name: 'project', data: { workspaceId: 'w' }, seq: 7 },
    ]);
  });

  it('projects in a burst all the same when the graph is far behind', async () => {
    const behind = setup({ version: 3 }, { w: 5 }, BURST_PROJECTION_INPUTS);
    await behind.followUps.after('FactsExtracted', {}, { workspaceId: 'w', seq: 8 });
    expect(behind.added).toEqual([{ name: 'project', data: { workspaceId: 'w' }, seq: 7 }]);
    const justUnder = setup({ version: 3 }, { w: 5 }, BURST_PROJECTION_INPUTS - 1);
    await justUnder.followUps.after('FactsExtracted', {}, { workspaceId: 'w', seq: 8 });
    expect(justUnder.added).toEqual([]);
  });

  it('holds a new workspace\'s first projection for its burst too, unless the burst is already far ahead of it', async () => {
    // A first burst projected at its first outcome was projected and scored twice, the second time for all.
    const first = setup(null, { w: 5 }, 7);
    expect(await first.followUps.after('FactsExtracted', {}, { workspaceId: 'w', seq: 8 })).toEqual([]);
    const last = setup(null, {}, 7);
    await last.followUps.after('FactsExtracted', {}, { workspaceId: 'w', seq: 8 });
    expect(last.added).toEqual([{ name: 'project', data: { workspaceId: 'w' }, seq: 7 }]);
    const large = setup(null, { w: 5 }, BURST_PROJECTION_INPUTS);
    await large.followUps.after('FactsExtracted', {}, { workspaceId: 'w', seq: 8 });
    expect(large.added).toEqual([{ name: 'project', data: { workspaceId: 'w' }, seq: 7 }]);
  });

  it('triage before any graph exists enqueues nothing (the first scoring will apply it)', async () => {
    const { followUps, added } = setup(null);
    expect(await followUps.after('FindingTriaged', {}, { workspaceId: 'w', seq: 2 })).toEqual([]);
    expect(added).toEqual([]);
  });
});
