import { FollowUps, type JobQueue } from '@custody/pipeline';
import { persistenceForFile, storedContent } from '../support/database.js';

/**
 * A bulk upload's batches into a new workspace, against the real store (issue 11): each batch records its
 * documents' outcomes together and asks for one follow-up, as the processor's extract-batch job does. The
 * workspace is projected once, by the batch whose outcomes finish it, never for a batch that leaves documents
 * unread, and a batch recorded again (a retried job) adds no second outcome.
 */
describe(`burst projection of a new workspace (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  const p = persistenceForFile();

  it('projects once, after every document of the burst has exactly one outcome', async () => {
    const added: { name: string; seq?: number }[] = [];
    const jobs = { add: async (name: string, _data: unknown, seq?: number) => (added.push({ name, seq }), `${name}-id`) } as unknown as JobQueue;
    const followUps = new FollowUps(p, jobs);
    const { workspace } = await p.workspaces.ensure('Burst Practice');
    const { documents } = await p.documents.ingestMany(workspace.id, [1, 2, 3, 4, 5, 6].map((n) => ({ fileName: `cfg-${n}.json`, ...storedContent(`{"n":${n}}`) })));
    const ids = documents.map((d) => d.document.id);
    const outcome = { type: 'integration_config' as const, status: 'processed' as const, format: 'generic-json', analysis: { ok: 1 } };
    const batch = async (batchIds: string[]) => {
      const recorded = await p.documents.recordOutcomes(batchIds.map((id) => ({ id, outcome })));
      const seq = recorded.get(batchIds.at(-1)!)?.event?.seq;
      return followUps.after('FactsExtracted', {}, { workspaceId: workspace.id, seq });
    };

    expect(await batch(ids.slice(0, 2))).toEqual([]);
    // A retried batch finds its documents finished: no second outcome, and still no projection mid-burst.
    expect(await batch(ids.slice(0, 2))).toEqual([]);
    expect(await batch(ids.slice(2, 4))).toEqual([]);
    expect(added).toEqual([]);
    await batch(ids.slice(4));

    const events = await p.events.since(workspace.id, 0, 1000);
    const outcomes = events.filter((e) => e.type === 'FactsExtracted');
    expect(outcomes.map((e) => (e.payload as { documentId: string }).documentId).sort()).toEqual([...ids].sort());
    // One projection, whose input mark covers the last outcome: its scoring sees every document.
    expect(added).toEqual([{ name: 'project', seq: Math.max(...outcomes.map((e) => e.seq)) }]);
  });
});
