import { persistenceForFile, storedContent } from '../support/database.js';

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
