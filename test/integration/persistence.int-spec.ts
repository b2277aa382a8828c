import { jest } from '@jest/globals';
import { FACT_NAMES, type FactSet, type Graph } from '@custody/domain';
import { persistenceForFile, storedContent } from '../support/database.js';

/** A graph of `n` systems, each with a flow to the first: enough shape for the stored id rows. */
const graphOf = (tag: string, n: number): Graph => ({
  practice: { name: 'Rows Practice', lenses: ['default'], records: {} }, consents: [], redactions: [], identifiers: [], asOf: '2026-01-01',
  systems: Array.from({ length: n }, (_, i) => ({ id: `system:${tag}-${i}`, name: `${tag} ${i}`, role: 'ai_notetaker', holds: [], settings: {}, contracts: [], evidence: [] })),
  flows: Array.from({ length: n - 1 }, (_, i) => ({ id: `system:${tag}-${i + 1}->system:${tag}-0`, from: `system:${tag}-${i + 1}`, to: `system:${tag}-0`, data: [], evidence: [] })),
}) as unknown as Graph;

describe(`persistence (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  const p = persistenceForFile();

  it('stores the same document once and records one DocumentReceived event', async () => {
    const { workspace } = await p.workspaces.ensure('Harborview Counseling');
    const a = await p.documents.ingest({ workspaceId: workspace.id, fileName: 'baa.txt', ...storedContent('Business Associate Agreement') });
    const b = await p.documents.ingest({ workspaceId: workspace.id, fileName: 'copy.txt', ...storedContent('Business Associate Agreement') });
    expect(a.created).toBe(true);
    expect(b.created).toBe(false);
    expect(b.document.id).toBe(a.document.id);
    const events = await p.events.since(workspace.id, 0);
    expect(events.filter((e) => e.type === 'DocumentReceived')).toHaveLength(1);
    expect((await p.documents.content(a.document.sha256)).toString()).toBe('Business Associate Agreement');
  });

  it('records an outcome exactly once even when asked twice (a retried job)', async () => {
    const { workspace } = await p.workspaces.ensure('Retry Practice');
    const { document } = await p.documents.ingest({ workspaceId: workspace.id, fileName: 'x.json', ...storedContent('{"a":1}') });
    const first = await p.documents.recordOutcome(document.id, { type: 'integration_config', status: 'processed', format: 'generic-json', analysis: { ok: 1 } });
    const second = await p.documents.recordOutcome(document.id, { type: 'integration_config', status: 'processed', format: 'generic-json', analysis: { ok: 2 } });
    expect(first.recorded).toBe(true);
    expect(second.recorded).toBe(false);
    expect((await p.documents.get(document.id)).analysis).toEqual({ ok: 1 });
  });

  it('records a batch of outcomes in one go: facts and values as single records store them, events in the order given, a finished document left alone', async () => {
    const { workspace } = await p.workspaces.ensure('Batch Practice');
    const docs = [];
    for (const n of [1, 2, 3]) docs.push((await p.documents.ingest({ workspaceId: workspace.id, fileName: `baa-${n}.txt`, ...storedContent(`Business Associate Agreement ${n}`) })).document);
    const [a, b, c] = docs as [typeof docs[0], typeof docs[0], typeof docs[0]];
    // A mix of values: text, a number, a list, and SQL NULL for one left unstated; evidence with quotes.
    const facts = (tag: string): FactSet => Object.fromEntries(FACT_NAMES.map((name, i) => [name, {
      value: i % 4 === 0 ? null : i % 4 === 1 ? `${tag} "quoted" \\ ${name}` : i % 4 === 2 ? i : [tag, name], evidence: [{ quote: `${tag} says ${name}` }], confidence: [0.5, 0.75, 0.25][i % 3]!, extractor: 'rules@1',
    }])) as unknown as FactSet;
    // c finished before (another run): the batch leaves it alone.
    await p.documents.recordOutcome(c.id, { type: 'unknown', status: 'unparsed', reason: 'earlier run' });
    const started = await p.documents.startProcessingMany([a.id, b.id, c.id]);
    expect([...started.keys()].sort()).toEqual([a.id, b.id].sort());
    const before = (await p.events.since(workspace.id, 0)).length;
    const recorded = await p.documents.recordOutcomes([
      { id: b.id, outcome: { type: 'contract', status: 'processed', format: 'text', analysisJson: Buffer.from('{"type":"contract","n":2}'), projection: { v: 2 }, facts: facts('b') } },
      { id: c.id, outcome: { type: 'contract', status: 'processed', format: 'text', analysis: { n: 3 } } },
      { id: a.id, outcome: { type: 'unknown', status: 'unparsed', reason: 'not a contract', format: 'text' } },
    ]);
    expect(recorded.get(b.id)!.recorded).toBe(true);
    expect(recorded.get(a.id)!.recorded).toBe(true);
    expect(recorded.get(c.id)).toEqual({ recorded: false });
    const events = (await p.events.since(workspace.id, 0)).slice(before);
    expect(events.map((e) => [e.type, (e.payload as { documentId: string }).documentId, e.seq])).toEqual([
      ['FactsExtracted', b.id, recorded.get(b.id)!.event!.seq], ['DocumentRejected', a.id, recorded.get(a.id)!.event!.seq]]);
    expect(events[1]!.payload).toEqual({ documentId: a.id, file: 'baa-1.txt', type: 'unknown', status: 'unparsed', reason: 'not a contract', format: 'text' });
    expect(await p.events.verifyChain(workspace.id)).toMatchObject({ ok: true });
    expect(await p.documents.get(b.id)).toMatchObject({ status: 'processed', type: 'contract', format: 'text', analysis: { type: 'contract', n: 2 }, attempts: 1 });
    expect(await p.documents.get(a.id)).toMatchObject({ status: 'unparsed', reason: 'not a contract' });
    expect(await p.documents.get(c.id)).toMatchObject({ status: 'unparsed', reason: 'earlier run' });
    expect((await p.documents.projectionInputs([b.id])).get(b.id)!.projection).toEqual({ v: 2 });
    expect(await p.documents.facts(b.id)).toEqual(JSON.parse(JSON.stringify(facts('b'))));
    expect(await p.documents.facts(a.id)).toBeUndefined();
  });

  it('stores each new graph whole, its id rows after it (in steps), and the newest of two racing saves', async () => {
    const { workspace } = await p.workspaces.ensure('Rows Practice');
    const rows = async () => ({
      systems: ((await p.dataSource.query('SELECT id FROM system_node WHERE workspace_id = $1 ORDER BY id', [workspace.id])) as { id: string }[]).map((r) => r.id),
      flows: Number(((await p.dataSource.query('SELECT count(*)::int AS n FROM flow_edge WHERE workspace_id = $1', [workspace.id])) as { n: number }[])[0]!.n),
    });
    const ids = (g: Graph) => g.systems.map((s) => s.id).sort();
    // More rows than one step writes (1,000), so the rewrite takes several steps; each is one statement, not a
    // transaction (in embedded mode a transaction holds the one session between its statements, while its
    // client may be busy): the save opens one transaction, for the version and its event.
    const big = graphOf('a', 2500);
    const transactions = jest.spyOn(p.dataSource, 'transaction');
    try {
      expect(await p.projections.saveGraph(workspace.id, big, 1)).toMatchObject({ changed: true, version: 1 });
      expect(transactions).toHaveBeenCalledTimes(1);
    } finally {
      transactions.mockRestore();
    }
    expect(await rows()).toEqual({ systems: ids(big), flows: 2499 });
    // Two saves at once: the one from newer inputs wins whichever commits first, and the rows are its graph's.
    const [b, c] = [graphOf('b', 1200), graphOf('c', 3)];
    await Promise.all([p.projections.saveGraph(workspace.id, b, 2), p.projections.saveGraph(workspace.id, c, 3)]);
    const stored = await p.projections.graph(workspace.id);
    expect(stored).toMatchObject({ eventSeq: 3 });
    expect(ids(stored!.graph)).toEqual(ids(c));
    expect(await rows()).toEqual({ systems: ids(c), flows: 2 });
    // The same graph again from a newer input: no new version, no new GraphChanged event.
    const events = (await p.events.since(workspace.id, 0)).filter((e) => e.type === 'GraphChanged').length;
    expect(await p.projections.saveGraph(workspace.id, c, 4)).toMatchObject({ changed: false, version: stored!.version });
    expect((await p.events.since(workspace.id, 0)).filter((e) => e.type === 'GraphChanged')).toHaveLength(events);
    expect(await p.projections.graph(workspace.id)).toMatchObject({ eventSeq: 4, version: stored!.version });
  });

  it('an older version\'s id-row rewrite writes nothing once a newer version is stored, even when it waited on that save\'s lock', async () => {
    const { workspace } = await p.workspaces.ensure('Stale Rewrite Practice');
    const rowIds = async () => ((await p.dataSource.query('SELECT id FROM system_node WHERE workspace_id = $1 ORDER BY id', [workspace.id])) as { id: string }[]).map((r) => r.id);
    const [a, b] = [graphOf('a', 5), graphOf('b', 4)];
    expect(await p.projections.saveGraph(workspace.id, a, 1)).toMatchObject({ changed: true, version: 1 });
    expect(await p.projections.saveGraph(workspace.id, b, 2)).toMatchObject({ changed: true, version: 2 });
    const expected = b.systems.map((s) => s.id).sort();
    const rewrite = (version: number, g: Graph) => (p.projections as unknown as { writeGraphRows(w: string, v: number, g: Graph): Promise<void> }).writeGraphRows(workspace.id, version, g);
    // Plainly stale: version 1's rewrite (its delete first) leaves version 2's rows.
    await rewrite(1, a);
    expect(await rowIds()).toEqual(expected);
    // Racing: a newer save holds the projection row's lock while the older rewrite's statement starts (on PostgreSQL
    // it waits on the lock, then finds the row changed); it must not write once that save commits.
    const q = p.dataSource.createQueryRunner();
    await q.connect();
    await q.startTransaction();
    try {
      await q.query('UPDATE graph_projection SET version = 3 WHERE workspace_id = $1', [workspace.id]);
      const stale = rewrite(2, a);
      if (process.env.DATABASE_URL) {
        for (let i = 0; i < 100; i++) {
          const [w] = (await p.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)) as { n: number }[];
          if (w!.n > 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
      } else await new Promise((r) => setTimeout(r, 100));
      await q.commitTransaction();
      await stale;
    } finally {
      if (q.isTransactionActive) await q.rollbackTransaction();
      await q.release();
    }
    expect(await rowIds()).toEqual(expected);
    // The current version's rewrite still writes.
    await rewrite(3, a);
    expect(await rowIds()).toEqual(a.systems.map((s) => s.id).sort());
  });

  it('serialises two first saves of a workspace: one version 1, then the newer inputs\' graph, one event each', async () => {
    const { workspace } = await p.workspaces.ensure('First Save Practice');
    const [a, b] = [graphOf('a', 40), graphOf('b', 30)];
    const results = await Promise.all([p.projections.saveGraph(workspace.id, a, 1), p.projections.saveGraph(workspace.id, b, 2)]);
    const stored = await p.projections.graph(workspace.id);
    expect(stored).toMatchObject({ eventSeq: 2 });
    expect(stored!.graph.systems.map((s) => s.id).sort()).toEqual(b.systems.map((s) => s.id).sort());
    // Each stored version has one GraphChanged event, and no version was taken twice.
    const changed = (await p.events.since(workspace.id, 0)).filter((e) => e.type === 'GraphChanged').map((e) => (e.payload as { version: number }).version);
    expect(new Set(changed).size).toBe(changed.length);
    expect(results.filter((r) => r.changed).map((r) => r.version).sort()).toEqual(changed.sort());
  });

  it('refuses to rewrite or delete events', async () => {
    await expect(p.dataSource.query('UPDATE event SET type = $1', ['Tampered'])).rejects.toThrow(/append-only/);
    await expect(p.dataSource.query('DELETE FROM event')).rejects.toThrow(/append-only/);
  });

  it('hashes API keys and resolves them to their workspace only', async () => {
    const { workspace } = await p.workspaces.ensure('Key Practice');
    const { key, id } = await p.workspaces.createApiKey(workspace.id);
    const raw = await p.dataSource.query('SELECT hash, prefix FROM api_key WHERE id = $1', [id]);
    expect(raw[0].hash).not.toContain(key);
    expect(await p.workspaces.workspaceForKey(key)).toBe(workspace.id);
    expect(await p.workspaces.workspaceForKey(key + 'x')).toBeUndefined();
    await p.workspaces.revokeApiKey(id);
    expect(await p.workspaces.workspaceForKey(key)).toBeUndefined();
  });
});
