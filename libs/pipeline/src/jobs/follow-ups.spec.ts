import type { Persistence } from '@custody/persistence';
import { FollowUps } from './follow-ups.js';
import type { JobQueue } from './job-queue.js';

/** A store with one workspace at input seq 7 and graph version 3, and a queue that records what is added. */
function setup(graph: { version: number } | null = { version: 3 }) {
  const added: { name: string; data: unknown; seq?: number }[] = [];
  const db = { events: { inputSeq: async () => 7 }, projections: { graph: async () => graph ?? undefined } } as unknown as Persistence;
  const jobs = { add: async (name: string, data: unknown, seq?: number) => (added.push({ name, data, seq }), `${name}-id`) } as unknown as JobQueue;
  return { followUps: new FollowUps(db, jobs), added };
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

  it('triage before any graph exists enqueues nothing (the first scoring will apply it)', async () => {
    const { followUps, added } = setup(null);
    expect(await followUps.after('FindingTriaged', {}, { workspaceId: 'w', seq: 2 })).toEqual([]);
    expect(added).toEqual([]);
  });
});
