/**
 * Keys and workspaces while the embedded server holds the database: the CLI falls back to the running
 * server's owner routes with the token from <home>/server.json.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CustodyError } from '@custody/domain';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { locallyOrViaServer, postToServer } from '../../../cli/src/commands/running-server.js';
import { isOwnerToken, readServerFile, SERVER_FILE, writeServerFile, type ServerFile } from './server-file.js';

const locked = async (): Promise<never> => {
  throw new CustodyError('home_locked', 'another Custody process (pid 1) is using the home');
};

describe('owner routes for the running embedded server', () => {
  let t: TestApp;
  let home: string;
  let server: ServerFile;

  beforeAll(async () => {
    t = await startTestApp();
    home = t.runtime.config.home;
    server = writeServerFile(home, t.base);
  }, 120_000);
  afterAll(() => t?.close());

  it('leaves the token readable by the owner only', () => {
    expect(statSync(join(home, SERVER_FILE)).mode & 0o777).toBe(0o600);
    expect(readServerFile(home)).toEqual(server);
    expect(isOwnerToken(home, server.ownerToken)).toBe(true);
    expect(isOwnerToken(home, `${server.ownerToken.slice(0, -1)}x`)).toBe(false);
    expect(isOwnerToken(home, undefined)).toBe(false);
  });

  it('creates a key through the server when the home is locked, and the key opens its workspace', async () => {
    const created = await locallyOrViaServer<{ key: string; workspace: { slug: string } }>(home, locked, { path: '/api/owner/keys', body: { workspace: 'Lakeside Therapy', name: 'ci' } });
    expect(created.key).toMatch(/^cust_/);
    expect(created.workspace.slug).toBe('lakeside-therapy');
    const res = await fetch(`${t.base}/api/workspaces/lakeside-therapy`, { headers: { 'x-api-key': created.key } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slug: 'lakeside-therapy', name: 'Lakeside Therapy' });
  });

  it('creates a workspace through the server, and refuses a duplicate or a bad body with the reason', async () => {
    const w = await locallyOrViaServer<{ slug: string }>(home, locked, { path: '/api/owner/workspaces', body: { name: 'Harbor North' } });
    expect(w.slug).toBe('harbor-north');
    expect((await t.runtime.persistence.workspaces.resolve('harbor-north'))?.name).toBe('Harbor North');
    await expect(postToServer(t.base, server.ownerToken, '/api/owner/workspaces', { name: 'Harbor North' })).rejects.toThrow(/409.*already exists/);
    await expect(postToServer(t.base, server.ownerToken, '/api/owner/keys', {})).rejects.toThrow(/400.*send \{ workspace/);
  });

  it('refuses without the token, with another token, and with an API key', async () => {
    const { key } = await t.runtime.persistence.workspaces.createApiKey((await t.runtime.persistence.workspaces.ensure('Keyed')).workspace.id);
    await expect(postToServer(t.base, 'not-the-token', '/api/owner/keys', { workspace: 'x' })).rejects.toThrow(/answered 401/);
    const withKey = await fetch(`${t.base}/api/owner/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: '{"name":"Sneaky"}' });
    expect(withKey.status).toBe(401);
    expect(await t.runtime.persistence.workspaces.resolve('sneaky')).toBeUndefined();
  });

  it('ignores a server file left by a process that is gone, and other errors pass through', async () => {
    const file = join(home, SERVER_FILE);
    const saved = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, JSON.stringify({ ...server, pid: 2 ** 22 + 12345 }));
      expect(readServerFile(home)).toBeUndefined();
      await expect(locallyOrViaServer(home, locked, { path: '/api/owner/workspaces', body: { name: 'Z' } })).rejects.toThrow(/another Custody process/);
    } finally {
      writeFileSync(file, saved, { mode: 0o600 });
    }
    await expect(locallyOrViaServer(home, async () => { throw new Error('disk full'); }, { path: '/x', body: {} })).rejects.toThrow('disk full');
  });
});
