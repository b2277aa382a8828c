import { connect } from 'node:net';
import { startTestApp, type TestApp } from '../support/app.js';

/**
 * HTTP hardening (issue 12): security headers, CORS off, per-key rate limits with 429, a deadline for slow
 * request bodies, and an upload file-count limit that stores nothing when exceeded.
 */
const RATE = 40;
describe(`HTTP hardening (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  let t: TestApp;
  let key: string;
  let otherKey: string;
  let ws: string;
  const get = (path: string, k = key, headers: Record<string, string> = {}) => fetch(`${t.base}${path}`, { headers: { 'x-api-key': k, ...headers } });

  beforeAll(async () => {
    t = await startTestApp({
      CUSTODY_RATE_LIMIT_PER_MINUTE: String(RATE), CUSTODY_AUTH_FAILURES_PER_MINUTE: '5', CUSTODY_REQUEST_TIMEOUT_MS: '1500', CUSTODY_MAX_UPLOAD_FILES: '3',
    });
    const a = (await t.runtime.persistence.workspaces.ensure('Hardened Practice')).workspace;
    const b = (await t.runtime.persistence.workspaces.ensure('Neighbour Practice')).workspace;
    ws = a.slug;
    key = (await t.runtime.persistence.workspaces.createApiKey(a.id)).key;
    otherKey = (await t.runtime.persistence.workspaces.createApiKey(b.id)).key;
  }, 120_000);
  afterAll(() => t?.close());

  it('sends security headers: strict CSP, nosniff, no framing, no referrer, and no-store on API JSON', async () => {
    const res = await get(`/api/workspaces/${ws}/documents`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    // Errors too: a 401 carries no cacheable body either.
    const denied = await fetch(`${t.base}/api/workspaces/${ws}/documents`);
    expect(denied.status).toBe(401);
    expect(denied.headers.get('cache-control')).toBe('no-store');
    const page = await fetch(`${t.base}/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('keeps CORS off: no Access-Control headers for a foreign origin, on a request or a preflight', async () => {
    const res = await get(`/api/workspaces/${ws}/documents`, key, { origin: 'https://evil.test' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await fetch(`${t.base}/api/workspaces/${ws}/documents`, { method: 'OPTIONS', headers: { origin: 'https://evil.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-api-key' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('refuses a multipart upload over the file-count limit with 413 and stores none of it', async () => {
    const form = new FormData();
    for (let i = 0; i < 4; i++) form.append('file', new Blob([`# Policy ${i}\n\nWe never sell data.\n`]), `policy-${i}.md`);
    const res = await fetch(`${t.base}/api/workspaces/${ws}/documents`, { method: 'POST', body: form, headers: { 'x-api-key': key } });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toMatch(/too many files/);
    expect(await t.runtime.persistence.documents.list((await t.runtime.persistence.workspaces.resolve(ws))!.id)).toHaveLength(0);
  });

  it('cuts off a request body dribbled slowly with 408 after the deadline', async () => {
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const s = connect(Number(new URL(t.base).port), '127.0.0.1');
      let got = '';
      s.on('data', (d) => (got += d.toString()));
      s.on('close', () => resolve(got));
      s.on('error', reject);
      s.write(`POST /api/workspaces/${ws}/documents HTTP/1.1\r\nHost: x\r\nx-api-key: ${key}\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"fileName":`);
      const drip = setInterval(() => (s.writable ? s.write(' ') : clearInterval(drip)), 200);
      s.on('close', () => clearInterval(drip));
      setTimeout(() => s.destroy(), 15_000);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(6000);
  }, 20_000);

  it('answers 429 with Retry-After once a key is over its budget, per key (another workspace is unaffected)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < RATE + 5; i++) statuses.push((await get(`/api/workspaces/${ws}/documents`)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
    expect(statuses.slice(0, RATE - 10).every((s) => s === 200)).toBe(true);
    const limited = await get(`/api/workspaces/${ws}/documents`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: string }).error).toBe('rate_limited');
    expect((await get('/api/workspaces/neighbour-practice/documents', otherKey)).status).toBe(200);
  });

  // Last: it blocks this test's address for the rest of the minute.
  it('answers 429 to an address after repeated failed authentications, before looking keys up', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await get(`/api/workspaces/${ws}/documents`, `cust_guess${i}`)).status);
    // The budget is 5 failures a minute, and the headers test above already spent one.
    const first429 = statuses.indexOf(429);
    expect(statuses.slice(0, first429)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(first429).every((s) => s === 429)).toBe(true);
    // Even a valid key from that address waits now: guessing cannot continue by mixing in a good key.
    expect((await get('/api/workspaces/neighbour-practice/documents', otherKey)).status).toBe(429);
  });
});
