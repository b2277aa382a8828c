import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareFindings, type AuditReport, type Finding } from '@custody/domain';
import { JobName, JobQueue } from '@custody/pipeline';
import { aad } from '../../libs/persistence/src/crypto/sealed-rows.js';
import { workspaceRoutes } from '../support/api-client.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { REPO, waitUntil } from '../support/processes.js';

const DAY = 24 * 60 * 60 * 1000;
const longDate = (d: Date) => d.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/**
 * The evaluation time is an input, not a stamp in the graph: a BAA that expires while no document arrives is
 * flagged by the scheduled re-score, and time travel applies the triage decisions of the chosen moment.
 */
describe(`evaluation time (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  let t: TestApp;
  let key: string;
  let ws: string;
  let wsId: string;
  const { api, json } = workspaceRoutes(() => ({ base: t.base, ws, key }));
  const drained = async () => (await t.app.get(JobQueue).pending()) === 0 && Boolean((await json<{ graphVersion?: number }>('/score')).graphVersion);
  const stored = () => json<Finding[]>('/findings');
  // A BAA in force today that expires in three days: nothing is wrong yet.
  const expires = new Date(Math.floor(Date.now() / DAY) * DAY + 3 * DAY);

  beforeAll(async () => {
    t = await startTestApp();
    const { workspace } = await t.runtime.persistence.workspaces.ensure('Idle Practice');
    ws = workspace.slug;
    wsId = workspace.id;
    key = (await t.runtime.persistence.workspaces.createApiKey(workspace.id)).key;
    const manifest = [
      'version: 1',
      'practice: { name: Idle Practice }',
      'systems:',
      '  - { id: reminders, name: Remindly, role: communications }',
      'flows:',
      '  - { from: practice, to: reminders, data: [contact, scheduling], transport: smtp }',
      'documents:',
      '  - { file: remindly-baa.md, system: reminders }',
    ].join('\n');
    const baa = readFileSync(join(REPO, 'examples/harborview-counseling/docs/remindly-baa-2022.md'), 'utf8')
      .replace('effective January 1, 2022 and expires on December 31, 2024', `effective January 1, 2025 and expires on ${longDate(expires)}`);
    for (const [fileName, content] of [['custody.yaml', manifest], ['remindly-baa.md', baa]]) {
      const res = await api('/documents', { method: 'POST', body: JSON.stringify({ fileName, content }) });
      expect(res.status).toBe(202);
    }
    await waitUntil(drained, 120_000, 'documents processed, projected and scored');
  }, 180_000);
  afterAll(() => t?.close());

  // Runs first: the later cases move the stored evaluation time away from the present.
  it('a live audit is the read model the score job stored, equal to an evaluation on read', async () => {
    const live = await json<AuditReport>('/audit');
    const scoring = await json<{ score: AuditReport['score']; lens: string; evaluatedAt: string }>('/score');
    expect(live.findings.length).toBeGreaterThan(0);
    expect(live.findings.map((f) => f.id)).toEqual((await stored()).sort(compareFindings).map((f) => f.id));
    expect(live.score).toEqual(scoring.score);
    expect(live.lens).toBe(scoring.lens);
    expect(live.generatedAt).toBe(scoring.evaluatedAt);

    // The same state evaluated on read (asOf now replays the event store and runs every rule) gives the same audit.
    const onRead = await json<AuditReport>(`/audit?asOf=${encodeURIComponent(new Date().toISOString())}`);
    const { generatedAt: _a, ...liveRest } = live;
    const { generatedAt: _b, ...onReadRest } = onRead;
    expect({ ...liveRest, systems: liveRest.systems.map((s) => s.id) }).toEqual({ ...onReadRest, systems: onReadRest.systems.map((s) => s.id) });

    // Proof that the live read evaluates nothing: a stored total no evaluation could give comes back as is,
    // for the default lens named or not; another lens evaluates on read. It is written the way a scoring is
    // (the row and its ExposureScored event in one transaction): live reads are kept until such an event.
    const ds = t.runtime.persistence.dataSource;
    const graphVersion = (await json<{ graphVersion: number }>('/score')).graphVersion;
    const p = t.runtime.persistence;
    const storeTotal = async (total: number) => {
      // The score's breakdown is sealed at rest: rewritten whole under the data key, as a scoring run writes it.
      const stored = (await p.projections.score(wsId))!;
      const { keyId, sealed } = p.dataKeys.sealJson({ score: { ...stored.score, total }, ruleErrors: stored.ruleErrors }, aad.score(wsId));
      await ds.transaction(async (m) => {
        await m.query(`UPDATE score SET total = $2, data_sealed = $3, key_id = $4 WHERE workspace_id = $1`, [wsId, total, sealed, keyId]);
        await p.events.append(m, wsId, 'ExposureScored', { graphVersion, total, findings: live.findings.length, appeared: [], resolved: [] });
      });
    };
    await storeTotal(12.345);
    try {
      expect((await json<AuditReport>('/audit')).score.total).toBe(12.345);
      expect((await json<AuditReport>(`/audit?lens=${live.lens}`)).score.total).toBe(12.345);
      const other = (['default', 'minors'] as const).find((l) => l !== live.lens)!;
      const elsewhere = await json<AuditReport>(`/audit?lens=${other}`);
      expect(elsewhere.lens).toBe(other);
      expect(elsewhere.score.total).not.toBe(12.345);
    } finally {
      await storeTotal(scoring.score.total);
    }
  });

  it('a BAA that expires while nothing arrives is flagged by the scheduled re-score', async () => {
    const id = 'expired-baa@system:reminders';
    const before = await stored();
    expect(before.length).toBeGreaterThan(0);
    expect(before.map((f) => f.id)).not.toContain(id);
    const version = (await json<{ graphVersion: number }>('/score')).graphVersion;
    // The graph carries the time of its latest input, not the projection's clock.
    const graphAsOf = (await t.runtime.persistence.projections.graph(wsId))!.graph.asOf;
    expect(graphAsOf).toBe((await t.runtime.persistence.events.inputMark(wsId)).at);

    // No new input: only time passes. The daily re-score job runs at an evaluation time after the expiry.
    const later = new Date(expires.getTime() + 5 * DAY);
    await t.app.get(JobQueue).add(JobName.Rescore, { at: later.toISOString() });
    await waitUntil(async () => (await stored()).some((f) => f.id === id), 60_000, 'the re-score flags the expired BAA');

    const after = await stored();
    expect(after.find((f) => f.id === id)?.detail).toContain('expired');
    // Same graph version and stamp: time, not a new projection, raised it.
    expect((await json<{ graphVersion: number }>('/score')).graphVersion).toBe(version);
    expect((await t.runtime.persistence.projections.graph(wsId))!.graph.asOf).toBe(graphAsOf);

    // A second re-score at a time that changes nothing stores nothing new (no scoring event).
    const events = async () => (await json<{ type: string }[]>('/audit-log')).filter((e) => e.type === 'ExposureScored').length;
    const scorings = await events();
    await t.app.get(JobQueue).add(JobName.Rescore, { at: new Date(later.getTime() + DAY).toISOString() });
    await waitUntil(async () => (await t.app.get(JobQueue).pending()) === 0, 60_000, 'the second re-score ran');
    expect(await events()).toBe(scorings);
  });

  it('time travel applies the triage decisions made by the chosen moment', async () => {
    const at = async (when: Date) => (await json<AuditReport>(`/audit?asOf=${encodeURIComponent(when.toISOString())}`)).findings;
    const beforeTriage = new Date();
    const target = (await at(beforeTriage)).find((f) => !f.triage)!;
    expect(target).toBeDefined();
    await new Promise((r) => setTimeout(r, 1100));
    const res = await api(`/findings/${encodeURIComponent(target.id)}/triage`, { method: 'POST', body: JSON.stringify({ status: 'accepted', reason: 'vendor renewal in progress' }) });
    expect(res.status).toBe(202);
    await new Promise((r) => setTimeout(r, 1100));
    const afterTriage = new Date();

    const then = (await at(beforeTriage)).find((f) => f.id === target.id);
    const now = (await at(afterTriage)).find((f) => f.id === target.id);
    expect(then).toBeDefined();
    expect(then!.triage).toBeUndefined();
    expect(now?.triage).toMatchObject({ status: 'accepted', reason: 'vendor renewal in progress' });
  });
});
