import { createHmac } from 'node:crypto';
import type { AuditReport, Finding } from '@custody/domain';
import { startTestApp, type TestApp } from '../support/app.js';
import { waitUntil } from '../support/processes.js';

const SECRET = 'webhook-secret-for-tests-0123456789';
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
    t = await startTestApp({ CUSTODY_WEBHOOK_SECRET: SECRET });
    const { workspace } = await t.runtime.persistence.workspaces.ensure('Drift Practice');
    ws = workspace.slug;
    key = (await t.runtime.persistence.workspaces.createApiKey(workspace.id)).key;
  }, 120_000);
  afterAll(() => t?.close());

  const get = async <T>(path: string): Promise<T> => (await (await fetch(`${t.base}/api/workspaces/${ws}${path}`, { headers: { 'x-api-key': key } })).json()) as T;
  const push = (body: unknown, opts: { secret?: string; ts?: number } = {}) => {
    const raw = JSON.stringify(body);
    const ts = opts.ts ?? Date.now();
    const sig = createHmac('sha256', opts.secret ?? SECRET).update(`${ts}.${raw}`).digest('hex');
    return fetch(`${t.base}/api/webhooks/${ws}`, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', 'x-custody-timestamp': String(ts), 'x-custody-signature': `sha256=${sig}` } });
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
