import type { AuditReport, Finding } from '@custody/domain';
import { signWebhook } from '../../apps/api/src/webhooks/webhook-signature.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { waitUntil } from '../support/processes.js';

const SECRET = 'webhook-secret-for-tests-0123456789';
/** Workspace `own-secret-practice` signs with its own secret only (CUSTODY_WEBHOOK_SECRETS). */
const OWN_SECRET = 'own-workspace-secret-9876543210';
const FLEET = [
  'install_id,clinician,site,vendor,version,recording,can_disable,audio_retention_days,transcript_retention_days,training,consent_capture,subprocessors,storage_region',
  'A-100,Dr. Rivera,Oakland,Scribewell AI,4.2,per_session,true,0,30,prohibited,written,,US',
  'A-101,Dr. Chen,Oakland,Scribewell AI,4.2,per_session,true,0,30,prohibited,written,,US',
].join('\n');

describe(`webhook intake tracks drift (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  let t: TestApp;
  let key: string;
  let ws: string;
  beforeAll(async () => {
    t = await startTestApp({ CUSTODY_WEBHOOK_SECRET: SECRET, CUSTODY_WEBHOOK_SECRETS: JSON.stringify({ 'own-secret-practice': OWN_SECRET }) });
    const { workspace } = await t.runtime.persistence.workspaces.ensure('Drift Practice');
    ws = workspace.slug;
    key = (await t.runtime.persistence.workspaces.createApiKey(workspace.id)).key;
  }, 120_000);
  afterAll(() => t?.close());

  const get = async <T>(path: string): Promise<T> => (await (await fetch(`${t.base}/api/workspaces/${ws}${path}`, { headers: { 'x-api-key': key } })).json()) as T;
  /** Signs for `opts.signedFor` (default: the target) and sends to `opts.to` (default: this test's workspace). */
  const push = (body: unknown, opts: { secret?: string; ts?: number; to?: string; signedFor?: string } = {}) => {
    const raw = JSON.stringify(body);
    const ts = opts.ts ?? Date.now();
    const to = opts.to ?? ws;
    const signature = signWebhook(opts.secret ?? SECRET, opts.signedFor ?? to, ts, raw);
    return fetch(`${t.base}/api/webhooks/${to}`, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', 'x-custody-timestamp': String(ts), 'x-custody-signature': signature } });
  };
  const settled = async () => {
    const docs = await get<{ status: string }[]>('/documents');
    return docs.every((d) => d.status !== 'received' && d.status !== 'processing');
  };

  it('refuses unsigned, mis-signed and stale pushes', async () => {
    const body = { type: 'setting_change', system: 'A-100', settings: { training: 'allowed' } };
    const unsigned = await fetch(`${t.base}/api/webhooks/${ws}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(401);
    expect((await push(body, { secret: 'another-secret-of-enough-length' })).status).toBe(401);
    expect((await push(body, { ts: Date.now() - 60 * 60_000 })).status).toBe(401);
    expect((await push({ type: 'setting_change', system: 'A-100', settings: { training: 'sometimes' } })).status).toBe(400);
  });

  it('binds a signature to its workspace: a request signed for one is refused when replayed to another, and a workspace with its own secret accepts only that', async () => {
    const other = (await t.runtime.persistence.workspaces.ensure('Other Practice')).workspace;
    const own = (await t.runtime.persistence.workspaces.ensure('Own Secret Practice')).workspace;
    const body = { type: 'setting_change', system: 'Z-9', settings: { training: 'allowed' } };
    // Signed (shared secret) for this test's workspace, replayed to another that uses the same shared secret.
    expect((await push(body, { to: other.slug, signedFor: ws })).status).toBe(401);
    expect((await push(body, { to: other.id, signedFor: ws })).status).toBe(401);
    // Unknown workspace: the same answer as a bad signature.
    expect((await push(body, { to: 'no-such-practice' })).status).toBe(401);
    // A workspace with its own secret refuses the shared one, and accepts its own (by slug or id).
    expect((await push(body, { to: own.slug })).status).toBe(401);
    expect((await push(body, { to: own.slug, secret: OWN_SECRET })).status).toBe(202);
    expect((await push({ ...body, system: 'Z-10' }, { to: own.id, secret: OWN_SECRET })).status).toBe(202);
    // Nothing reached the other workspace.
    expect(await t.runtime.persistence.documents.list(other.id)).toHaveLength(0);
  });

  it('turns an install\'s training on and shows the new finding with its time', async () => {
    expect((await push({ type: 'config', fileName: 'fleet.csv', content: FLEET })).status).toBe(202);
    await waitUntil(settled, 60_000, 'fleet processed');
    await waitUntil(async () => Boolean((await get<{ graphVersion?: number }>('/score')).graphVersion), 60_000, 'first score');
    const before = await get<AuditReport>('/audit');
    const trainingBefore = before.findings.filter((f) => f.kind === 'ai_training');
    expect(trainingBefore).toHaveLength(0);

    const at = new Date(Date.now() - 1000).toISOString();
    const res = await push({ type: 'setting_change', system: 'A-101', settings: { training: 'allowed' }, at, source: 'mdm' });
    expect(res.status).toBe(202);
    await waitUntil(async () => (await get<Finding[]>('/findings')).some((f) => f.kind === 'ai_training'), 60_000, 'training finding');
    const findings = await get<(Finding & { firstSeenAt: string })[]>('/findings');
    const training = findings.filter((f) => f.kind === 'ai_training');
    expect(training).toHaveLength(1);
    // Fleet findings are grouped per vendor: the install is one of the finding's instances.
    expect([training[0].subject, ...(training[0].instances ?? []).map((i) => i.subject)].join(' ')).toMatch(/a-101/i);
    expect(Date.parse(training[0].firstSeenAt)).toBeGreaterThanOrEqual(Date.parse(at));
    expect(training[0].evidence.some((e) => e.quote.includes('"training":"allowed"'))).toBe(true);

    // The past stays answerable: as of before the change, no training finding.
    const past = await get<AuditReport>(`/audit?asOf=${encodeURIComponent(new Date(Date.parse(at) - 500).toISOString())}`);
    expect(past.findings.some((f) => f.kind === 'ai_training')).toBe(false);

    // And the diff between the two moments names the drift.
    const diff = await get<{ appeared: Finding[]; disappeared: Finding[]; score: { delta: number } }>(`/diff?from=${encodeURIComponent(new Date(Date.parse(at) - 500).toISOString())}`);
    expect(diff.appeared.map((f) => f.kind)).toContain('ai_training');
    expect(diff.disappeared).toHaveLength(0);
    expect(diff.score.delta).toBeGreaterThan(0);
    const log = await get<{ type: string; payload: { what?: string } }[]>('/audit-log?limit=5000');
    expect(log.filter((e) => e.type === 'EvidenceRead').map((e) => e.payload.what)).toEqual(expect.arrayContaining(['audit', 'findings', 'diff']));
  }, 120_000);
});
