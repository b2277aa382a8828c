import type { KeyRole } from '@custody/domain';
import { startTestApp, type TestApp } from '../support/app.js';

/**
 * Role × route × workspace (issue 12): every route of the OpenAPI document, called with an owner, auditor
 * and viewer key of workspace A, with B's owner key, and with an expired and a revoked key of A. The least
 * role of each route is listed here by hand (not derived from the guard's rule), and the test fails when the
 * API grows a route this table does not classify.
 */
const LEAST_ROLE: Record<string, KeyRole> = {
  'GET /api/workspaces/{ws}': 'viewer',
  'GET /api/workspaces/{ws}/audit': 'viewer',
  'GET /api/workspaces/{ws}/diff': 'viewer',
  'GET /api/workspaces/{ws}/graph': 'viewer',
  'GET /api/workspaces/{ws}/law-enforcement': 'viewer',
  'GET /api/workspaces/{ws}/findings': 'viewer',
  'GET /api/workspaces/{ws}/findings/{findingId}': 'viewer',
  'GET /api/workspaces/{ws}/findings/{findingId}/instances': 'viewer',
  'GET /api/workspaces/{ws}/findings/{findingId}/systems': 'viewer',
  'GET /api/workspaces/{ws}/score': 'viewer',
  'GET /api/workspaces/{ws}/systems/{systemId}': 'viewer',
  'GET /api/workspaces/{ws}/report': 'viewer',
  'GET /api/workspaces/{ws}/audit-log': 'viewer',
  'GET /api/workspaces/{ws}/events': 'viewer',
  'GET /api/workspaces/{ws}/documents': 'viewer',
  'GET /api/workspaces/{ws}/documents/{id}': 'viewer',
  'POST /api/workspaces/{ws}/what-if': 'viewer',
  'POST /api/workspaces/{ws}/findings/{findingId}/triage': 'auditor',
  'POST /api/workspaces/{ws}/documents/{id}/facts/{fact}/corrections': 'auditor',
  'POST /api/workspaces/{ws}/documents/{id}/link': 'auditor',
  'POST /api/workspaces/{ws}/documents': 'owner',
  'POST /api/workspaces/{ws}/documents/bulk': 'owner',
  'POST /api/workspaces/{ws}/reprocess': 'owner',
};
// Routes without an API key: health, signed webhooks, and the embedded server's owner routes (which check
// the owner token written to the home at start; apps/api/src/owner/owner.spec.ts tests them).
const PUBLIC = new Set(['GET /api/health', 'POST /api/webhooks/{ws}', 'POST /api/owner/keys', 'POST /api/owner/workspaces']);
const BODIES: Record<string, unknown> = {
  'POST /api/workspaces/{ws}/what-if': { changes: [{ type: 'disable_training', system: 'nowhere' }] },
  'POST /api/workspaces/{ws}/findings/{findingId}/triage': { status: 'accepted', reason: 'matrix test' },
  'POST /api/workspaces/{ws}/documents/{id}/facts/{fact}/corrections': { value: 'yes', reason: 'matrix test' },
  'POST /api/workspaces/{ws}/documents/{id}/link': { system: 'matrix-vendor', reason: 'matrix test' },
  'POST /api/workspaces/{ws}/documents': { fileName: 'matrix-policy.md', content: '# Privacy\n\nWe never sell data.\n' },
  'POST /api/workspaces/{ws}/documents/bulk': { files: [{ fileName: 'matrix-bulk-policy.md', content: '# Privacy\n\nWe keep records six years.\n' }] },
  'POST /api/workspaces/{ws}/reprocess': {},
};
const ORDER: KeyRole[] = ['viewer', 'auditor', 'owner'];
// Routes that read one finding or system by id: the matrix asks for one that does not exist, so a role allowed to
// read gets that one's 404, naming it (the role check comes first: a refused role still gets 403).
const ONE_READS: Record<string, string> = {
  'GET /api/workspaces/{ws}/findings/{findingId}': 'no-such-rule@system:x',
  'GET /api/workspaces/{ws}/findings/{findingId}/instances': 'no-such-rule@system:x',
  'GET /api/workspaces/{ws}/findings/{findingId}/systems': 'no-such-rule@system:x',
  'GET /api/workspaces/{ws}/systems/{systemId}': 'no-such-system',
};

describe(`roles × routes × workspaces (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  let t: TestApp;
  const keys: Record<string, string> = {};
  let a: { id: string; slug: string };
  let docId: string;

  beforeAll(async () => {
    t = await startTestApp();
    a = (await t.runtime.persistence.workspaces.ensure('Matrix Practice A')).workspace;
    const b = (await t.runtime.persistence.workspaces.ensure('Matrix Practice B')).workspace;
    for (const role of ORDER) keys[role] = (await t.runtime.persistence.keys.create(a.id, { role, name: role })).key;
    keys.otherOwner = (await t.runtime.persistence.keys.create(b.id, { role: 'owner' })).key;
    const expired = await t.runtime.persistence.keys.create(a.id, { role: 'owner', expiresAt: new Date(Date.now() + 1500) });
    keys.expired = expired.key;
    const revoked = await t.runtime.persistence.keys.create(a.id, { role: 'owner' });
    await t.runtime.persistence.keys.revoke(revoked.id);
    keys.revoked = revoked.key;
    const up = await fetch(`${t.base}/api/workspaces/${a.slug}/documents`, {
      method: 'POST', headers: { 'x-api-key': keys.owner, 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: 'secret-vendor-baa.md', content: '# Business Associate Agreement\n\nVendor shall notify within 10 days.\n' }),
    });
    docId = ((await up.json()) as { id: string }).id;
    await new Promise((r) => setTimeout(r, 1600)); // let the expiring key expire
  }, 120_000);
  afterAll(() => t?.close());

  const call = async (route: string, key: string): Promise<{ status: number; body: string }> => {
    const [method, template] = route.split(' ');
    const url = template.replace('{ws}', a.slug).replace('{id}', docId).replace('{fact}', 'baa_offered').replace('{findingId}', 'no-such-rule@system:x').replace('{systemId}', 'no-such-system');
    const abort = new AbortController();
    const res = await fetch(`${t.base}${url}`, {
      method, signal: abort.signal,
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      ...(method === 'POST' ? { body: JSON.stringify(BODIES[route] ?? {}) } : {}),
    });
    // The SSE stream never ends: its status and first bytes are enough.
    const body = res.headers.get('content-type')?.includes('text/event-stream') ? '' : await res.text();
    abort.abort();
    return { status: res.status, body };
  };

  it('classifies every route of the OpenAPI document', async () => {
    const doc = (await (await fetch(`${t.base}/api/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.filter((r) => !PUBLIC.has(r)).sort()).toEqual(Object.keys(LEAST_ROLE).sort());
  });

  it('lets each role do exactly what its rank allows, and refuses expired, revoked and other workspaces\' keys with no leak', async () => {
    const events = async () => (await t.runtime.persistence.events.since(a.id, 0)).filter((e) => ['FindingTriaged', 'FactCorrected', 'DocumentReceived', 'DocumentLinked'].includes(e.type)).length;
    const results: string[] = [];
    let leaks = 0;
    for (const route of Object.keys(LEAST_ROLE)) {
      for (const role of ORDER) {
        const before = await events();
        const { status, body } = await call(route, keys[role]);
        const allowed = ORDER.indexOf(role) >= ORDER.indexOf(LEAST_ROLE[route]);
        const ok = !allowed ? status === 403
          : ONE_READS[route] ? status === 404 && body.includes(ONE_READS[route]) : ![401, 403, 404].includes(status);
        if (!ok) results.push(`${route} as ${role}: ${status}`);
        if (!allowed && (await events()) !== before) results.push(`${route} as ${role}: refused but changed state`);
      }
      for (const who of ['otherOwner', 'expired', 'revoked']) {
        const before = await events();
        const { status, body } = await call(route, keys[who]);
        const expected = who === 'otherOwner' ? 404 : 401;
        if (status !== expected) results.push(`${route} as ${who}: ${status}`);
        if (body.includes(a.id) || body.includes(docId) || body.includes('secret-vendor-baa') || (await events()) !== before) leaks++;
      }
    }
    expect(results).toEqual([]);
    expect(leaks).toBe(0);
  }, 120_000);
});
