import { jest } from '@jest/globals';
import { DataKeyring, Persistence, ReadModelWrites } from '@custody/persistence';
import type { Finding } from '@custody/domain';
import { freshDatabase } from '../support/database.js';
import { readModelsQuoting } from '../support/sealed-at-rest.js';

/**
 * Embedded mode keeps the read models' marks (which scoring run the stored findings and grouped view are of)
 * between saves instead of asking the one database session on every dashboard read (ReadModelWrites). Here as
 * in `serve`: one store saves (the job thread), another on the same database reads (the HTTP thread), both
 * counting saves in one shared buffer. A read must never get a mark older than the last save that ended, and
 * between saves it must not query at all. A store without the count (production) asks every time.
 */
describe(`read-model marks kept between saves (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let writer: Persistence;
  let reader: Persistence;
  let uncounted: Persistence;
  beforeAll(async () => {
    db = await freshDatabase();
    const keys = DataKeyring.ephemeral();
    const writes = new ReadModelWrites();
    writer = await Persistence.open(db.url, keys, 2, 0, undefined, undefined, new ReadModelWrites(writes.buffer));
    reader = await Persistence.open(db.url, keys, 2, 0, undefined, undefined, new ReadModelWrites(writes.buffer));
    uncounted = await Persistence.open(db.url, keys, 2);
  }, 120_000);
  afterAll(async () => {
    for (const p of [writer, reader, uncounted]) await p?.close();
    await db?.drop();
  });

  it('answers from memory between saves and follows every save, as the database says', async () => {
    const { workspace } = await writer.workspaces.ensure('Kept Marks Practice');
    const ws = workspace.id;
    const m = readModelsQuoting('kept marks');
    const run = (findings: Finding[], version: number) => writer.projections.saveScoring(ws, version, { ...m, findings }, { lens: 'default', evaluatedAt: new Date(), view: { groups: [], version } });
    const marks = async (p: Persistence) => ({ findings: await p.projections.findingsMark(ws), view: await p.projections.liveView(ws, { open: false }) });

    await writer.projections.saveGraph(ws, m.graph, 1);
    await run(m.findings, 1);
    const first = await marks(reader);
    expect(first).toEqual(await marks(uncounted));
    expect(first.view).toMatchObject({ graphVersion: 1, scoredVersion: 1, hasView: true });

    const queried = jest.spyOn(reader.dataSource, 'query');
    const uncountedQueried = jest.spyOn(uncounted.dataSource, 'query');
    try {
      expect(await marks(reader)).toEqual(first);
      expect(queried).not.toHaveBeenCalled();
      await marks(uncounted);
      expect(uncountedQueried).toHaveBeenCalledTimes(2);

      // Another run of the same graph: the findings mark moves (its event's seq), read again once.
      await run(m.findings.slice(1), 1);
      const second = await marks(reader);
      expect(second.findings).not.toBe(first.findings);
      expect(second).toEqual(await marks(uncounted));
      expect(queried).toHaveBeenCalledTimes(2);
      expect(await marks(reader)).toEqual(second);
      expect(queried).toHaveBeenCalledTimes(2);

      // A new graph version: the view's mark says a newer graph waits for its score job.
      const bigger = { ...m.graph, systems: [...m.graph.systems, { ...m.graph.systems[0]!, id: 'system:other' }] };
      expect((await writer.projections.saveGraph(ws, bigger, 2)).changed).toBe(true);
      const third = await marks(reader);
      expect(third.view).toMatchObject({ graphVersion: 2, scoredVersion: 1 });
      expect(third).toEqual(await marks(uncounted));

      // Its scoring; then an older graph's, refused: it moved nothing, and marks are kept again after it.
      await run(m.findings, 2);
      const fourth = await marks(reader);
      expect(fourth.view).toMatchObject({ graphVersion: 2, scoredVersion: 2 });
      expect((await run(m.findings, 1)).saved).toBe(false);
      expect(await marks(reader)).toEqual(fourth);
      queried.mockClear();
      expect(await marks(reader)).toEqual(fourth);
      expect(queried).not.toHaveBeenCalled();
    } finally {
      queried.mockRestore();
      uncountedQueried.mockRestore();
    }
  }, 120_000);
});
