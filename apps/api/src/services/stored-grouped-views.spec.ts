import type { LiveViewMark, Persistence } from '@custody/persistence';
import { StoredGroupedViews } from './stored-grouped-views.js';

/** A database whose mark query answers when the test says (a session held by a fleet's scoring). */
function fakeDb() {
  let mark: LiveViewMark = { graphVersion: 1, scoredVersion: 1, computedAt: '2026-12-01T00:00:00.000Z', hasView: true };
  const views = new Map<number, object>([[1, { groups: ['run 1'] }], [2, { groups: ['run 2'] }]]);
  let hold: Promise<void> | undefined;
  let marks = 0;
  const db = {
    projections: {
      async liveView(_ws: string, { open }: { open: boolean }) {
        if (!open) {
          marks++;
          await hold;
        }
        return open ? { ...mark, view: views.get(mark.scoredVersion) } : { ...mark };
      },
    },
  } as unknown as Persistence;
  return {
    db,
    marks: () => marks,
    /** The mark query waits until the returned function is called. */
    busy(): () => void {
      let release!: () => void;
      hold = new Promise((r) => (release = r));
      return () => {
        hold = undefined;
        release();
      };
    },
    scoreRun2() {
      mark = { ...mark, graphVersion: 2, scoredVersion: 2, computedAt: '2026-12-01T00:01:00.000Z' };
    },
    /** A run that stored no view (its row no longer holds the previous run's). */
    scoreWithoutView() {
      mark = { ...mark, graphVersion: 3, scoredVersion: 3, computedAt: '2026-12-01T00:02:00.000Z', hasView: false };
    },
  };
}

const timed = async <T>(p: Promise<T>) => {
  const t0 = performance.now();
  const value = await p;
  return { value, ms: performance.now() - t0 };
};

describe('StoredGroupedViews while the database is busy', () => {
  it('serves the view it served last, marked unconfirmed, when the mark query is late; one mark query in flight for all such reads; checks again once the database answers', async () => {
    const f = fakeDb();
    const views = new StoredGroupedViews(f.db, 50);
    const first = await views.view('ws');
    expect(first).toMatchObject({ groups: ['run 1'], run: { graphVersion: 1, stale: false } });
    expect(first!.run.unconfirmed).toBeUndefined();

    // The database is busy (a scoring transaction): reads do not wait for it past the bound.
    const release = f.busy();
    const marksBefore = f.marks();
    const late = await Promise.all([1, 2, 3].map(() => timed(views.view('ws'))));
    for (const { value, ms } of late) {
      expect(ms).toBeLessThan(2_000);
      expect(value).toMatchObject({ groups: ['run 1'], run: { graphVersion: 1, unconfirmed: true } });
    }
    // One object for the unchecked view, and one mark query in flight for all three reads.
    expect(late[1]!.value).toBe(late[0]!.value);
    expect(f.marks() - marksBefore).toBe(1);

    // The scoring lands and the database answers: the next read checks and serves the new run.
    f.scoreRun2();
    release();
    await new Promise((r) => setTimeout(r, 0));
    const next = await views.view('ws');
    expect(next).toMatchObject({ groups: ['run 2'], run: { graphVersion: 2, stale: false } });
    expect(next!.run.unconfirmed).toBeUndefined();
  });

  it('waits for the mark when it has served nothing for the workspace (nothing to fall back on)', async () => {
    const f = fakeDb();
    const views = new StoredGroupedViews(f.db, 20);
    const release = f.busy();
    let done = false;
    const reading = views.view('ws').then((v) => ((done = true), v));
    await new Promise((r) => setTimeout(r, 100));
    expect(done).toBe(false);
    release();
    expect(await reading).toMatchObject({ groups: ['run 1'], run: { graphVersion: 1 } });
  });

  it('keeps what a late mark answers: while every mark query is late, reads serve the newest run the database named, not the view from before', async () => {
    const f = fakeDb();
    const views = new StoredGroupedViews(f.db, 20);
    await views.view('ws');
    // A scoring holds the database; run 2 lands; the held mark query answers run 2 after the read gave up.
    let release = f.busy();
    expect(await views.view('ws')).toMatchObject({ groups: ['run 1'], run: { unconfirmed: true } });
    f.scoreRun2();
    release();
    await new Promise((r) => setTimeout(r, 0));
    // The next scoring holds it again before any read waited for an answer: the read is late too.
    release = f.busy();
    expect(await views.view('ws')).toMatchObject({ groups: ['run 2'], run: { graphVersion: 2, unconfirmed: true } });
    release();
  });

  it('does not fall back on a view the store no longer holds (a run that stored none)', async () => {
    const f = fakeDb();
    const views = new StoredGroupedViews(f.db, 20);
    await views.view('ws');
    let release = f.busy();
    await views.view('ws');
    f.scoreWithoutView();
    release();
    await new Promise((r) => setTimeout(r, 0));
    release = f.busy();
    let answered = false;
    const reading = views.view('ws').then((v) => ((answered = true), v));
    await new Promise((r) => setTimeout(r, 100));
    // Nothing to fall back on: the read waits for the mark, which says there is no view to serve.
    expect(answered).toBe(false);
    release();
    expect(await reading).toBeUndefined();
  });
});
