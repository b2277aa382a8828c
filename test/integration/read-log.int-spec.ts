import { jest } from '@jest/globals';
import { persistenceForFile } from '../support/database.js';

/**
 * The log of evidence reads (issue 11): each read's entry is appended in one statement (custody_append_events),
 * reads of a workspace in flight together are written together, and the log keeps its guarantees: an entry is
 * committed before its read is answered, entries are in arrival order on the workspace's one hash chain with
 * every other event, and a failed write fails its reads instead of losing their entries silently.
 */
describe(`read log (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  const p = persistenceForFile();
  afterEach(() => jest.restoreAllMocks());

  it('appends on the chain, in call order, what the audit log then shows', async () => {
    const { workspace } = await p.workspaces.ensure('Ordered Practice');
    const before = await p.events.latestSeq(workspace.id);
    const reads = Array.from({ length: 20 }, (_, i) => p.events.recordRead(workspace.id, { what: `page ${i}` }, `key:viewer-${i % 3}`));
    const events = await Promise.all(reads);
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(20);
    const logged = (await p.events.since(workspace.id, before)).filter((e) => e.type === 'EvidenceRead');
    expect(logged.map((e) => ({ seq: e.seq, actor: e.actor, payload: e.payload, at: e.at }))).toEqual(events.map((e) => ({ seq: e.seq, actor: e.actor, payload: e.payload, at: e.at })));
    expect(logged.map((e) => (e.payload as { what: string }).what)).toEqual(Array.from({ length: 20 }, (_, i) => `page ${i}`));
    expect(await p.events.verifyChain(workspace.id)).toMatchObject({ ok: true });
  });

  it('hashes what verification hashes, for actors and payloads JSON escapes or jsonb rewrites', async () => {
    const { workspace } = await p.workspaces.ensure('Escaped Practice');
    await p.events.recordRead(workspace.id, { what: 'report:"html" \\ — ✓ 🗂', documentId: 'd\n1' }, 'key:"odd" actor ü');
    await p.events.recordRead(workspace.id, { documentId: '00000000-0000-0000-0000-000000000000' });
    const verdict = await p.events.verifyChain(workspace.id);
    expect(verdict).toMatchObject({ ok: true });
  });

  it('is committed when it resolves: visible to any other connection at once', async () => {
    const { workspace } = await p.workspaces.ensure('Durable Practice');
    // A session of its own, held apart from the pool before the reads: the writes go through other sessions, so
    // what it sees of them is committed.
    const other = p.dataSource.createQueryRunner();
    await other.connect();
    try {
      for (let i = 0; i < 5; i++) {
        const e = await p.events.recordRead(workspace.id, { what: `read ${i}` }, 'key:viewer');
        const rows = await other.query('SELECT seq::text AS seq, actor FROM event WHERE seq = $1', [e.seq]) as { seq: string; actor: string }[];
        expect(rows).toEqual([{ seq: String(e.seq), actor: 'key:viewer' }]);
      }
    } finally {
      await other.release();
    }
  });

  it('waits for an append holding the event lock, and chains after it', async () => {
    const { workspace } = await p.workspaces.ensure('Locked Practice');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let lockTaken!: () => void;
    const taken = new Promise<void>((r) => (lockTaken = r));
    const writer = p.dataSource.transaction(async (m) => {
      const e = await p.events.append(m, workspace.id, 'FindingTriaged', { findingId: 'f-1', status: 'accepted', reason: 'BAA on file' }, 'key:auditor');
      lockTaken();
      await held;
      return e;
    });
    await taken;
    let settled = false;
    const read = p.events.recordRead(workspace.id, { what: 'findings' }, 'key:viewer').finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 300));
    // The read's entry cannot be written (and so the read cannot be answered) before the change commits.
    expect(settled).toBe(false);
    release();
    const [change, entry] = await Promise.all([writer, read]);
    expect(entry.seq).toBeGreaterThan(change.seq);
    expect(await p.events.verifyChain(workspace.id)).toMatchObject({ ok: true, entries: 2 });
  });

  it('groups concurrent reads of a workspace into fewer statements, beside other events and workspaces', async () => {
    const { workspace: a } = await p.workspaces.ensure('Busy Practice A');
    const { workspace: b } = await p.workspaces.ensure('Busy Practice B');
    const writes = jest.spyOn(p.events, 'appendAlone');
    const all = await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => p.events.recordRead(i % 2 ? a.id : b.id, { what: `read ${i}` }, 'key:viewer')),
      p.events.record(a.id, 'FindingTriaged', { findingId: 'f-2', status: 'accepted', reason: 'on file' }, 'key:auditor'),
      p.events.record(b.id, 'FindingTriaged', { findingId: 'f-3', status: 'accepted', reason: 'on file' }, 'key:auditor'),
    ]);
    expect(new Set(all.map((e) => e.seq)).size).toBe(42);
    // At most two writes of a workspace before the rest have joined one: the first read's, then all others'.
    expect(writes.mock.calls.length).toBeLessThan(40);
    expect(writes.mock.calls.length).toBeGreaterThanOrEqual(2);
    for (const ws of [a.id, b.id]) {
      expect(await p.events.verifyChain(ws)).toMatchObject({ ok: true, entries: 21 });
      const reads = (await p.events.since(ws, 0)).filter((e) => e.type === 'EvidenceRead').map((e) => Number((e.payload as { what: string }).what.split(' ')[1]));
      // Each workspace's reads in the order they were made.
      expect(reads).toEqual([...reads].sort((x, y) => x - y));
    }
  });

  it('a failed write fails its reads, loses nothing it reported, and the next reads are written', async () => {
    const { workspace } = await p.workspaces.ensure('Failing Practice');
    const ok = await p.events.recordRead(workspace.id, { what: 'before' });
    const failing = jest.spyOn(p.events, 'appendAlone').mockRejectedValueOnce(new Error('connection lost'));
    await expect(p.events.recordRead(workspace.id, { what: 'lost' })).rejects.toThrow('connection lost');
    failing.mockRestore();
    // Not a uuid: the database refuses the statement, and the read fails with it.
    await expect(p.events.recordRead('not-a-workspace', { what: 'x' })).rejects.toThrow();
    const after = await p.events.recordRead(workspace.id, { what: 'after' });
    const logged = (await p.events.since(workspace.id, 0)).map((e) => [e.seq, (e.payload as { what: string }).what]);
    expect(logged).toEqual([[ok.seq, 'before'], [after.seq, 'after']]);
    expect(await p.events.verifyChain(workspace.id)).toMatchObject({ ok: true, entries: 2 });
  });
});
