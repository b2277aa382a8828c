import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@custody/config';
import { RecordEvidenceReadCommand, RecordEvidenceReadHandler, startRuntime } from '@custody/pipeline';
import { ReadJournal } from '@custody/persistence';
import { persistenceForFile } from '../support/database.js';
import { waitUntil } from '../support/processes.js';

/**
 * The read journal (issue 11, libs/persistence audit-read-journal.ts): in embedded mode a read's audit-log entry
 * is acknowledged once durable in a file beside the database, and chained after in acknowledgment order, so a
 * read does not wait for the one database session a scoring transaction holds; a crash loses and repeats none.
 */
describe('read journal, embedded runtime', () => {
  it('answers a read while a transaction holds the database, and chains its entry in order once it ends', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'custody-journal-')), 'home');
    const runtime = await startRuntime(loadConfig({ CUSTODY_HOME: home }));
    try {
      const p = runtime.persistence;
      const { workspace } = await p.workspaces.ensure('Busy Practice');
      const handler = new RecordEvidenceReadHandler(p);
      // A scoring run's transaction: it holds PGlite's one session (and the workspace's event lock) until it ends.
      const busy = p.dataSource.createQueryRunner();
      await busy.connect();
      await busy.startTransaction();
      await busy.query('SELECT pg_advisory_xact_lock(hashtext($1))', [workspace.id]);
      const t0 = performance.now();
      const reads = await Promise.race([
        Promise.all(Array.from({ length: 5 }, (_, i) => handler.execute(new RecordEvidenceReadCommand(workspace.id, { what: `page ${i}` }, 'key:viewer')))),
        new Promise<'waited'>((r) => setTimeout(() => r('waited'), 5000)),
      ]);
      const ms = performance.now() - t0;
      await busy.commitTransaction();
      await busy.release();
      expect(reads).not.toBe('waited');
      expect(ms).toBeLessThan(5000);
      // Durable before the answer: every acknowledged entry is in the journal file.
      expect(readFileSync(join(home, 'journal', 'reads.jsonl'), 'utf8')).toContain('page 4');
      const logged = async () => (await p.events.ofType(workspace.id, ['EvidenceRead'])).map((e) => (e.payload as { what: string }).what);
      await waitUntil(async () => (await logged()).length === 5, 20_000, 'the reads chained');
      expect(await logged()).toEqual(['page 0', 'page 1', 'page 2', 'page 3', 'page 4']);
      expect(await p.events.verifyChain(workspace.id)).toMatchObject({ ok: true });
    } finally {
      await runtime.close();
      rmSync(join(home, '..'), { recursive: true, force: true });
    }
  }, 300_000);
});

describe(`read journal replay (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  const p = persistenceForFile();
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'custody-journal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('chains what a crashed process acknowledged, in order, once, and skips a torn last line', async () => {
    const { workspace } = await p.workspaces.ensure('Crashed Practice');
    const ws = workspace.id;
    // What a process that crashed after acknowledging three reads (before chaining them) leaves behind, with a
    // fourth write torn mid-line (never acknowledged).
    const line = (n: number) => JSON.stringify({ n, ws, actor: `key:${n}`, payload: { what: `read ${n}` } });
    writeFileSync(join(dir, 'reads.jsonl'), `${line(1)}\n${line(2)}\n${line(3)}\n${line(4).slice(0, 20)}`);
    const journal = await ReadJournal.open(dir, p.dataSource, p.events);
    const reads = async () => (await p.events.ofType(ws, ['EvidenceRead'])).map((e) => [e.actor, (e.payload as { what: string }).what]);
    expect(await reads()).toEqual([['key:1', 'read 1'], ['key:2', 'read 2'], ['key:3', 'read 3']]);
    // New entries follow the replayed ones; a restart replays nothing twice.
    await journal.add(ws, { what: 'read 5' }, 'key:5');
    await journal.close();
    await (await ReadJournal.open(dir, p.dataSource, p.events)).close();
    expect(await reads()).toEqual([['key:1', 'read 1'], ['key:2', 'read 2'], ['key:3', 'read 3'], ['key:5', 'read 5']]);
    expect(await p.events.verifyChain(ws)).toMatchObject({ ok: true });
  });

  it('keeps entries the database refused and chains them on the next start', async () => {
    const { workspace } = await p.workspaces.ensure('Refusing Practice');
    const journal = await ReadJournal.open(dir, p.dataSource, p.events);
    // The chain cannot be written: every transaction fails (as while the database is unreachable).
    const spy = jest.spyOn(p.dataSource, 'transaction').mockImplementation((() => Promise.reject(new Error('database unreachable'))) as never);
    try {
      await journal.add(workspace.id, { what: 'while down' }, 'key:viewer');
      expect(journal.pending).toBe(1);
      await journal.close(); // logs that the entry stays in the journal
    } finally {
      spy.mockRestore();
    }
    expect(await p.events.ofType(workspace.id, ['EvidenceRead'])).toEqual([]);
    await (await ReadJournal.open(dir, p.dataSource, p.events)).close();
    expect((await p.events.ofType(workspace.id, ['EvidenceRead'])).map((e) => e.payload)).toEqual([{ what: 'while down' }]);
  });

  it('refuses at once what could never be chained (not a workspace id, a NUL)', async () => {
    const journal = await ReadJournal.open(dir, p.dataSource, p.events);
    try {
      await expect(journal.add('not-a-workspace', { what: 'x' }, 'key:viewer')).rejects.toThrow(/no workspace/);
      await expect(journal.add('00000000-0000-0000-0000-000000000000', { documentId: 'a\u0000b' }, 'key:viewer')).rejects.toThrow(/NUL/);
      expect(journal.pending).toBe(0);
    } finally {
      await journal.close();
    }
  });
});
