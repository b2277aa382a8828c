import { jest } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/app.js';

/**
 * The guard and the error filter in the real app, beyond the role matrix (test/e2e/roles-matrix): what a refusal
 * says and does not say, how a key may be presented, who the audit log names, and how a domain error, a missing
 * record and an unexpected failure inside a command become HTTP.
 */
describe(`API key guard and error filter (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  let t: TestApp;
  let ws: { id: string; slug: string };
  let owner: string;
  let viewer: string;
  let otherKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    const p = t.runtime.persistence;
    ws = (await p.workspaces.ensure('Edge Practice')).workspace;
    owner = (await p.keys.create(ws.id, { role: 'owner' })).key;
    viewer = (await p.keys.create(ws.id, { role: 'viewer' })).key;
    otherKey = (await p.keys.create((await p.workspaces.ensure('Edge Practice Two')).workspace.id, { role: 'owner' })).key;
  }, 180_000);
  afterAll(() => t?.close());

  const call = async (path: string, headers: Record<string, string>, body?: unknown) => {
    const res = await fetch(`${t.base}/api/workspaces/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as { error: string; message: string; details?: unknown } };
  };
  const noInternals = (text: string) => {
    expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|stack/);
  };

  it('accepts a key as x-api-key or Bearer, and the workspace by slug or id', async () => {
    expect((await call(`${ws.slug}/score`, { 'x-api-key': owner })).status).not.toBe(401);
    expect((await call(`${ws.id}/documents`, { authorization: `Bearer ${viewer}` })).status).toBe(200);
    expect((await call(`${ws.slug}/documents`, { authorization: `bearer  ${viewer}` })).status).toBe(200);
  });

  it('refuses with a code and a message that name no key and no workspace', async () => {
    const none = await call(`${ws.slug}/documents`, {});
    expect(none).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    const malformed = await call(`${ws.slug}/documents`, { authorization: `Basic ${owner}` });
    expect(malformed.status).toBe(401);
    expect(malformed.text).not.toContain(owner);
    // Another workspace's key and a workspace that does not exist look the same: not found.
    const other = await call(`${ws.slug}/documents`, { 'x-api-key': otherKey });
    const missing = await call('no-such-practice/documents', { 'x-api-key': otherKey });
    expect(other).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(missing).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(other.text).not.toContain(ws.id);
    // Too low a role: 403 that names the role needed, and nothing is written.
    const before = (await t.runtime.persistence.events.since(ws.id, 0)).length;
    const low = await call(`${ws.slug}/reprocess`, { 'x-api-key': viewer }, {});
    expect(low).toMatchObject({ status: 403, body: { error: 'forbidden', message: expect.stringMatching(/viewer.*needs owner/) } });
    expect(low.text).not.toContain(viewer);
    expect((await t.runtime.persistence.events.since(ws.id, 0)).length).toBe(before);
  });

  it('records the acting key by its prefix, never the key itself', async () => {
    const res = await call(`${ws.slug}/findings/${encodeURIComponent('some-rule@system:x')}/triage`, { 'x-api-key': owner }, { status: 'accepted', reason: 'signed off' });
    expect(res.status).toBeLessThan(300);
    const event = (await t.runtime.persistence.events.since(ws.id, 0)).find((e) => e.type === 'FindingTriaged')!;
    expect(event.actor).toBe(`key:${owner.slice(0, 9)}`);
    expect(JSON.stringify(event)).not.toContain(owner);
  });

  it('turns a domain InvalidInputError into 400 with its message and no stack', async () => {
    const res = await call(`${ws.slug}/findings/x/triage`, { 'x-api-key': owner }, { status: 'mitigated' });
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid_input', message: 'triage needs a reason' } });
    noInternals(res.text);
  });

  it('turns a NotFoundError into 404', async () => {
    const res = await call(`${ws.slug}/documents/8c0f9b52-0000-4000-8000-000000000000/facts/baa_offered/corrections`, { 'x-api-key': owner }, { value: 'yes', reason: 'r' });
    expect(res).toMatchObject({ status: 404, body: { error: 'not_found' } });
    noInternals(res.text);
  });

  it('turns an unexpected error into 500 with a generic message and no internals', async () => {
    const secret = 'patient Jane Roe, SSN 123-45-6789';
    const spy = jest.spyOn(t.runtime.persistence.events, 'record').mockRejectedValueOnce(new TypeError(`cannot store ${secret}`));
    try {
      const res = await call(`${ws.slug}/findings/x/triage`, { 'x-api-key': owner }, { status: 'accepted', reason: 'signed off' });
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: 'internal', message: 'internal error' });
      expect(res.text).not.toContain('Jane Roe');
      expect(res.text).not.toContain('TypeError');
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
