import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { Command } from 'commander';
import { CustodyError, NotFoundError } from '@custody/domain';
import { DataKeyring, Persistence } from '@custody/persistence';
// Loaded up front: the CLI imports these three at once, and Jest's ESM loader races on concurrent imports.
import '@custody/audit';
import '@custody/config';
import '@custody/pipeline';
import { parseExpiry, registerAdmin } from '../../apps/cli/src/commands/admin.command.js';
import { persistenceForFile } from '../support/database.js';

describe(`API key lifecycle (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  const p = persistenceForFile();

  it('gives each key a role, refuses expired and revoked keys, and records the last use', async () => {
    const { workspace } = await p.workspaces.ensure('Keyed Practice');
    const viewer = await p.keys.create(workspace.id, { name: 'reader', role: 'viewer', expiresAt: new Date(Date.now() + 60_000) });
    const owner = await p.keys.create(workspace.id);
    expect(owner.info.role).toBe('owner');
    expect(await p.keys.authenticate(viewer.key)).toEqual({ keyId: viewer.id, workspaceId: workspace.id, role: 'viewer' });
    const listed = (await p.keys.list(workspace.id)).find((k) => k.id === viewer.id)!;
    expect(listed).toMatchObject({ role: 'viewer', prefix: viewer.key.slice(0, 9), workspaceSlug: 'keyed-practice' });
    expect(Date.parse(listed.lastUsedAt!)).toBeGreaterThan(Date.now() - 10_000);
    expect(JSON.stringify(await p.keys.list())).not.toContain(viewer.key);
    // Past its expiry, the key opens nothing.
    expect(await p.keys.authenticate(viewer.key, new Date(Date.now() + 120_000))).toBeUndefined();
    await p.keys.revoke(owner.id);
    expect(await p.keys.authenticate(owner.key)).toBeUndefined();
    expect((await p.keys.list(workspace.id)).find((k) => k.id === owner.id)?.revokedAt).toBeDefined();
  });

  it('with a verified-key cache: a revocation through the process refuses the key at once, one elsewhere after the TTL, an expiry on time', async () => {
    // A second store over the same database, keeping verified keys for a few seconds (the TTL runs on the monotonic
    // clock, so the test waits it out rather than passing a later wall time).
    const TTL = 5_000;
    const cached = new Persistence(p.dataSource, DataKeyring.ephemeral(), TTL);
    const { workspace } = await cached.workspaces.ensure('Cached Keys');
    const a = await cached.keys.create(workspace.id, { role: 'viewer', expiresAt: new Date(Date.now() + 60_000) });
    const b = await cached.keys.create(workspace.id);
    const c = await cached.keys.create(workspace.id);
    for (const k of [a, b, c]) expect(await cached.keys.authenticate(k.key)).toMatchObject({ keyId: k.id, workspaceId: workspace.id });
    // Revoked through this process (either door): refused on the next request.
    await cached.workspaces.revokeApiKey(b.id);
    expect(await cached.keys.authenticate(b.key)).toBeUndefined();
    // Revoked by another process: this one trusts its verified key until the TTL, then reads the row again.
    await p.keys.revoke(c.id);
    expect(await cached.keys.authenticate(c.key)).toMatchObject({ keyId: c.id });
    await new Promise((r) => setTimeout(r, TTL + 100));
    expect(await cached.keys.authenticate(c.key)).toBeUndefined();
    // A verified key still expires on time.
    expect(await cached.keys.authenticate(a.key, new Date(Date.now() + 60_001))).toBeUndefined();
    // Unknown keys are never kept: a key made later by another process works at once.
    expect(await cached.keys.authenticate('cust_unknown')).toBeUndefined();
  });

  it('refuses bad roles, past expiries, and unknown or malformed ids with a clear not-found error', async () => {
    const { workspace } = await p.workspaces.ensure('Keyed Practice');
    await expect(p.keys.create(workspace.id, { role: 'admin' as never })).rejects.toThrow(/unknown role "admin"/);
    await expect(p.keys.create(workspace.id, { expiresAt: new Date(Date.now() - 1000) })).rejects.toThrow(/in the future/);
    await expect(p.keys.revoke('8c0f9b52-0000-4000-8000-000000000000')).rejects.toThrow(NotFoundError);
    await expect(p.keys.revoke('cust_abcd')).rejects.toThrow(/API key cust_abcd not found/);
  });
});

describe('custody keys (in process, embedded home)', () => {
  const home = mkdtempSync(join(tmpdir(), 'custody-keys-'));
  const saved = process.env.CUSTODY_HOME;
  let out: string[] = [];
  let err: string[] = [];
  const run = async (...args: string[]) => {
    const program = new Command('custody').exitOverride();
    registerAdmin(program);
    out = [];
    err = [];
    const log = jest.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
    const error = jest.spyOn(console, 'error').mockImplementation((s: unknown) => void err.push(String(s)));
    try {
      await program.parseAsync(['node', 'custody', ...args]);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  };
  beforeAll(() => {
    process.env.CUSTODY_HOME = home;
  });
  afterAll(() => {
    process.env.CUSTODY_HOME = saved;
    rmSync(home, { recursive: true, force: true });
  });

  it('create prints the key and its id, list shows it without the key, revoke of an unknown id is a usage error', async () => {
    await run('keys', 'create', '--workspace', 'CLI Practice', '--role', 'auditor', '--expires', '30d');
    const key = out[0];
    expect(key).toMatch(/^cust_/);
    const id = /key id ([0-9a-f-]{36})/.exec(err.join('\n'))?.[1];
    expect(id).toBeDefined();
    expect(err.join('\n')).toMatch(/auditor, expires 20\d\d-/);
    await run('keys', 'list');
    const row = out.find((l) => l.startsWith(id!))!.split('\t');
    expect(row.slice(1, 5)).toEqual(['cli-practice', 'cli', key.slice(0, 9), 'auditor']);
    expect(out.join('\n')).not.toContain(key);
    // Unknown ids and prefixes: a CustodyError (main maps it to exit 2 and prints only the message).
    for (const bad of ['8c0f9b52-0000-4000-8000-000000000000', key.slice(0, 9)]) {
      const e = await run('keys', 'revoke', bad).then(() => undefined, (x: unknown) => x);
      expect(e).toBeInstanceOf(CustodyError);
      expect((e as Error).message).toBe(`API key ${bad} not found`);
    }
    await run('keys', 'revoke', id!);
    expect(err.join('\n')).toContain(`revoked key ${id}`);
    await expect(run('keys', 'create', '--workspace', 'CLI Practice', '--role', 'admin')).rejects.toThrow(/unknown role "admin"/);
  }, 120_000);

  it('reads --expires as a duration or a future date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseExpiry('90d', now).toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(parseExpiry('12h', now).toISOString()).toBe('2026-01-01T12:00:00.000Z');
    expect(parseExpiry('2026-06-01', now).toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(() => parseExpiry('soon', now)).toThrow(/neither a duration/);
    expect(() => parseExpiry('2025-01-01', now)).toThrow(/not in the future/);
  });
});
