import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { Command } from 'commander';
import { DataSource } from 'typeorm';
import { DataKeyring, MIGRATIONS, Persistence, chainHash, dataSourceOptions, type ChainVerdict } from '@custody/persistence';
// Loaded up front: the CLI imports these three at once, and Jest's ESM loader races on concurrent imports.
import '@custody/audit';
import '@custody/config';
import '@custody/pipeline';
import { registerAuditLog } from '../../apps/cli/src/commands/audit-log.command.js';
import { freshDatabase, persistenceForFile, storedContent } from '../support/database.js';

/**
 * The audit log is tamper-evident: events appended through the real repositories form a hash chain per
 * workspace, and a superuser who gets past the append-only trigger (by disabling it, or with
 * session_replication_role = replica) to edit, delete, insert or reorder rows is caught by verification.
 */
describe(`tamper-evident audit log (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  const p = persistenceForFile();

  /** A workspace with seven events from the repositories, interleaved with another workspace's (so seqs skip). */
  async function loggedWorkspace(name: string): Promise<{ id: string; seqs: number[]; free: number }> {
    const { workspace } = await p.workspaces.ensure(name);
    const { workspace: other } = await p.workspaces.ensure(`${name} neighbour`);
    const { document } = await p.documents.ingest({ workspaceId: workspace.id, fileName: 'baa.txt', actor: 'key:owner', ...storedContent(`BAA for ${name}`) });
    await p.events.record(other.id, 'EvidenceRead', { what: 'graph' });
    await p.documents.recordOutcome(document.id, { type: 'contract', status: 'processed', format: 'text' });
    await p.events.record(other.id, 'EvidenceRead', { what: 'findings' });
    // Values whose JSON text jsonb does not keep as written: key order, floats, exponents, unicode, nesting.
    await p.events.record(workspace.id, 'FactCorrected', {
      documentId: document.id, fact: 'baa_signed' as never, reason: 'checked the signed copy — “ok” ✓ 🗂',
      value: { z: 1, a: [0.1, 1e21, -0, 12345678901234567, 2.5e-7], '10': 'ten', '2': { b: null, a: true } },
    }, 'key:auditor');
    await p.events.record(other.id, 'EvidenceRead', { what: 'report' });
    await p.events.record(workspace.id, 'FindingTriaged', { findingId: 'f-1', status: 'accepted', reason: 'BAA on file' }, 'key:auditor');
    // A rolled-back append leaves its seq unused: a gap where a row can be slipped in.
    let free = 0;
    await p.dataSource.transaction(async (m) => {
      free = (await p.events.append(m, workspace.id, 'EvidenceRead', { what: 'rolled back' })).seq;
      throw new Error('rollback');
    }).catch((e: Error) => { if (e.message !== 'rollback') throw e; });
    await p.events.record(workspace.id, 'EvidenceRead', { what: 'findings' }, 'key:viewer');
    await p.events.record(workspace.id, 'EvidenceRead', { documentId: document.id }, 'key:viewer');
    await p.events.record(workspace.id, 'EvidenceRead', { what: 'report' }, 'key:viewer');
    const seqs = (await p.events.since(workspace.id, 0)).map((e) => e.seq);
    expect(seqs).toHaveLength(7);
    return { id: workspace.id, seqs, free };
  }

  /** As a superuser would: the guard trigger off (or replica mode) for one transaction, then plain SQL. */
  async function tamper(bypass: 'disable-trigger' | 'replica', ...statements: [string, unknown[]?][]): Promise<void> {
    await p.dataSource.transaction(async (m) => {
      await m.query(bypass === 'replica' ? 'SET LOCAL session_replication_role = replica' : 'ALTER TABLE event DISABLE TRIGGER tr_event_append_only');
      for (const [sql, params] of statements) await m.query(sql, params ?? []);
      if (bypass === 'disable-trigger') await m.query('ALTER TABLE event ENABLE TRIGGER tr_event_append_only');
    });
  }

  const broken = (v: ChainVerdict) => (v.ok ? undefined : v.broken);

  it('chains every append per workspace, and what the chain hashes is what the audit log shows', async () => {
    const { id, seqs } = await loggedWorkspace('Intact Practice');
    const verdict = await p.events.verifyChain(id);
    expect(verdict).toMatchObject({ ok: true, entries: 7, head: { seq: seqs[6] } });
    const chain = [];
    for await (const e of p.events.chain(id)) chain.push(e);
    const shown = await p.events.since(id, 0);
    expect(chain.map((e) => ({ seq: e.seq, type: e.type, at: e.at, actor: e.actor, payload: e.payload }))).toEqual(shown.map((e) => ({ seq: e.seq, type: e.type, at: e.at, actor: e.actor, payload: e.payload })));
    expect(chain[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.prevHash).toBe(chain[i - 1]!.hash);
    // The append-only guard still refuses ordinary edits.
    await expect(p.dataSource.query('UPDATE event SET hash = hash WHERE workspace_id = $1', [id])).rejects.toThrow(/append-only/);
  });

  it('keeps one chain under concurrent appends to the same workspace', async () => {
    const { workspace } = await p.workspaces.ensure('Busy Practice');
    await Promise.all(Array.from({ length: 12 }, (_, i) => p.events.record(workspace.id, 'EvidenceRead', { what: `read ${i}` })));
    expect(await p.events.verifyChain(workspace.id)).toMatchObject({ ok: true, entries: 12 });
  });

  it('detects an edited payload (trigger disabled, UPDATE)', async () => {
    const { id, seqs } = await loggedWorkspace('Edited Practice');
    await tamper('disable-trigger', [`UPDATE event SET payload = jsonb_set(payload, '{reason}', '"never accepted"') WHERE seq = $1`, [seqs[3]]]);
    expect(broken(await p.events.verifyChain(id))).toMatchObject({ seq: seqs[3], kind: 'edited' });
  });

  it('detects an edited actor or time (replica mode, UPDATE)', async () => {
    const { id, seqs } = await loggedWorkspace('Actor Practice');
    await tamper('replica', [`UPDATE event SET actor = 'system' WHERE seq = $1`, [seqs[4]]]);
    expect(broken(await p.events.verifyChain(id))).toMatchObject({ seq: seqs[4], kind: 'edited' });
    const { id: id2, seqs: seqs2 } = await loggedWorkspace('Clock Practice');
    await tamper('replica', [`UPDATE event SET created_at = created_at - interval '1 day' WHERE seq = $1`, [seqs2[1]]]);
    expect(broken(await p.events.verifyChain(id2))).toMatchObject({ seq: seqs2[1], kind: 'edited' });
  });

  it('detects a deleted entry (replica mode, DELETE), the first one too', async () => {
    const { id, seqs } = await loggedWorkspace('Deleted Practice');
    await tamper('replica', ['DELETE FROM event WHERE seq = $1', [seqs[2]]]);
    const v = await p.events.verifyChain(id);
    expect(v).toMatchObject({ ok: false, entries: 6, intact: 2, broken: { seq: seqs[3], kind: 'deleted' } });
    const { id: id2, seqs: seqs2 } = await loggedWorkspace('Headless Practice');
    await tamper('disable-trigger', ['DELETE FROM event WHERE seq = $1', [seqs2[0]]]);
    expect(broken(await p.events.verifyChain(id2))).toMatchObject({ seq: seqs2[1], kind: 'deleted' });
  });

  it('detects two swapped entries (trigger disabled, seqs exchanged)', async () => {
    const { id, seqs } = await loggedWorkspace('Swapped Practice');
    const [a, b] = [seqs[1]!, seqs[4]!];
    await tamper('disable-trigger',
      ['UPDATE event SET seq = -1 WHERE seq = $1', [a]],
      ['UPDATE event SET seq = $1 WHERE seq = $2', [a, b]],
      ['UPDATE event SET seq = $1 WHERE seq = -1', [b]]);
    expect(broken(await p.events.verifyChain(id))).toMatchObject({ seq: a, kind: 'reordered' });
  });

  it('detects an inserted entry, made up or with a correctly computed hash', async () => {
    const { id, seqs, free: seq } = await loggedWorkspace('Inserted Practice');
    expect(seqs.filter((s) => s < seq)).toHaveLength(4);
    const insert = (prev: string, hash: string, at: string) => [
      `INSERT INTO event (seq, workspace_id, type, payload, actor, created_at, prev_hash, hash) VALUES ($1, $2, 'FindingTriaged', $3::jsonb, 'key:auditor', $4, $5, $6)`,
      [seq, id, JSON.stringify({ findingId: 'f-9', status: 'accepted', reason: 'backdated' }), at, prev, hash],
    ] as [string, unknown[]];
    const at = '2025-01-01T00:00:00.000Z';
    await tamper('replica', insert('a'.repeat(64), 'b'.repeat(64), at));
    expect(broken(await p.events.verifyChain(id))).toMatchObject({ seq, kind: 'inserted' });

    // An attacker who knows the algorithm hashes the row properly after its predecessor. The unique
    // (workspace, prev_hash) index refuses a second successor, so the index has to go first.
    const { id: id2, seqs: seqs2, free: seq2 } = await loggedWorkspace('Forged Practice');
    let prevHash = '';
    for await (const e of p.events.chain(id2)) if (e.seq === seqs2[3]) prevHash = e.hash!;
    const content = { workspaceId: id2, seq: seq2, type: 'FindingTriaged', at, actor: 'key:auditor', payload: { findingId: 'f-9', status: 'accepted', reason: 'backdated' } };
    const forged = [
      `INSERT INTO event (seq, workspace_id, type, payload, actor, created_at, prev_hash, hash) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)`,
      [seq2, id2, content.type, JSON.stringify(content.payload), content.actor, at, prevHash, chainHash(prevHash, content)],
    ] as [string, unknown[]];
    await expect(tamper('replica', forged)).rejects.toThrow(/uq_event_workspace_prev_hash|duplicate key/);
    await tamper('replica', ['DROP INDEX uq_event_workspace_prev_hash'], forged);
    expect(broken(await p.events.verifyChain(id2))).toMatchObject({ seq: seq2, kind: 'inserted' });
    // Chains are per workspace: the untouched ones still verify.
    const intact = await p.workspaces.findBySlug('intact-practice');
    expect(await p.events.verifyChain(intact!.id)).toMatchObject({ ok: true, entries: 7 });
  });
});

describe('the migration hashes events recorded before the chain existed', () => {
  it('backfills each workspace in seq order, and new appends continue the chain', async () => {
    const db = await freshDatabase();
    const before = new DataSource({ ...dataSourceOptions(db.url, 1), migrations: MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === 'EventHashChain1765000000000')) });
    await before.initialize();
    const ws = ['0b7e6a56-1111-4c2d-8e7f-000000000001', '0b7e6a56-2222-4c2d-8e7f-000000000002'];
    try {
      await before.runMigrations();
      // Old rows: created_at from now() (microseconds), as they were written before.
      for (let i = 0; i < 9; i++) {
        await before.query('INSERT INTO event (workspace_id, type, payload, actor) VALUES ($1, $2, $3::jsonb, $4)', [ws[i % 2], 'EvidenceRead', JSON.stringify({ what: `old ${i}`, n: i / 3 }), 'system']);
      }
    } finally {
      await before.destroy();
    }
    const p = await Persistence.open(db.url, DataKeyring.ephemeral(), 1);
    try {
      expect(await p.events.verifyChain(ws[0]!)).toMatchObject({ ok: true, entries: 5 });
      expect(await p.events.verifyChain(ws[1]!)).toMatchObject({ ok: true, entries: 4 });
      await p.events.record(ws[0]!, 'EvidenceRead', { what: 'new' });
      expect(await p.events.verifyChain(ws[0]!)).toMatchObject({ ok: true, entries: 6 });
      expect((await p.events.chainWorkspaces()).sort()).toEqual(ws);
    } finally {
      await p.close();
      await db.drop();
    }
  }, 120_000);
});

describe('custody audit-log verify / export', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const saved = { url: process.env.DATABASE_URL, home: process.env.CUSTODY_HOME, code: process.exitCode };
  // The CLI's runtime makes its key files under its home: a temp one, never the repository's .custody.
  const home = mkdtempSync(join(tmpdir(), 'custody-auditlog-'));
  let out: string[] = [];
  const run = async (...args: string[]): Promise<number> => {
    const program = new Command('custody').exitOverride();
    registerAuditLog(program);
    out = [];
    process.exitCode = 0;
    const log = jest.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((s: unknown) => (out.push(String(s).replace(/\n$/, '')), true));
    try {
      await program.parseAsync(['node', 'custody', ...args]);
      return Number(process.exitCode ?? 0);
    } finally {
      log.mockRestore();
      write.mockRestore();
      process.exitCode = saved.code;
    }
  };

  beforeAll(async () => {
    db = await freshDatabase();
    // The CLI opens the database its configuration names: this test's own.
    process.env.DATABASE_URL = db.url;
    process.env.CUSTODY_HOME = home;
  }, 120_000);
  afterAll(async () => {
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
    if (saved.home === undefined) delete process.env.CUSTODY_HOME;
    else process.env.CUSTODY_HOME = saved.home;
    await db?.drop();
    rmSync(home, { recursive: true, force: true });
  });

  it('verify says ok with the count, exits 1 naming the first broken entry, and export prints JSON lines with hashes', async () => {
    const p = await Persistence.open(db.url, DataKeyring.ephemeral(), 1);
    let ids: string[] = [];
    try {
      const { workspace } = await p.workspaces.ensure('CLI Practice');
      const { workspace: other } = await p.workspaces.ensure('Other Practice');
      for (let i = 0; i < 4; i++) await p.events.record(workspace.id, 'EvidenceRead', { what: `read ${i}` }, 'key:viewer');
      await p.events.record(other.id, 'EvidenceRead', { what: 'graph' });
      ids = [workspace.id, other.id];
    } finally {
      await p.close();
    }

    expect(await run('audit-log', 'verify')).toBe(0);
    expect(out.at(-1)).toBe('ok, 5 entries in 2 workspaces');
    expect(await run('audit-log', 'verify', '--workspace', 'cli-practice')).toBe(0);
    expect(out[0]).toMatch(/^cli-practice\tok, 4 entries, head \d+ [0-9a-f]{64}, no checkpoint yet$/);
    expect(out.at(-1)).toBe('ok, 4 entries');

    expect(await run('audit-log', 'export', '--workspace', 'cli-practice')).toBe(0);
    const lines = out.map((l) => JSON.parse(l) as { workspace: string; seq: number; type: string; at: string; actor: string; payload: unknown; prevHash: string; hash: string });
    expect(lines).toHaveLength(4);
    // Anyone can re-check an export: hash = sha256(prevHash + canonical JSON of the entry's fields).
    for (const [i, e] of lines.entries()) {
      expect(e.prevHash).toBe(i === 0 ? '0'.repeat(64) : lines[i - 1]!.hash);
      expect(chainHash(e.prevHash, { workspaceId: e.workspace, seq: e.seq, type: e.type, at: e.at, actor: e.actor, payload: e.payload })).toBe(e.hash);
    }

    const q = await Persistence.open(db.url, DataKeyring.ephemeral(), 1);
    try {
      await q.dataSource.transaction(async (m) => {
        await m.query('SET LOCAL session_replication_role = replica');
        await m.query('DELETE FROM event WHERE seq = $1', [lines[1]!.seq]);
      });
    } finally {
      await q.close();
    }
    expect(await run('audit-log', 'verify')).toBe(1);
    const verified = out;
    expect(verified[0]).toBe(`cli-practice\tbroken at entry ${lines[2]!.seq} (deleted): the entry before entry ${lines[2]!.seq} is missing: it links to a hash no entry has (deleted after entry ${lines[0]!.seq}, or replaced with a recomputed hash); 1 of 3 entries intact before it`);
    expect(verified.at(-1)).toBe('broken: 1 of 2 workspaces');
    await run('audit-log', 'export', '--workspace', ids[1]!);
    const head = JSON.parse(out[0]!) as { seq: number; hash: string };
    expect(verified).toContain(`other-practice\tok, 1 entry, head ${head.seq} ${head.hash}, no checkpoint yet`);
  }, 120_000);
});
