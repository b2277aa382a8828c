/**
 * The API end to end on the example practice (uploaded first): triage kept across re-runs and out of the stored score,
 * and the findings routes — keyset pages, instance and system pages, ETags, severity order and filters — with what
 * each refuses.
 */
import type { AuditReport, Finding } from '@custody/domain';
import { compareByImpact } from '@custody/domain';
import { exampleApi } from '../support/example-api.js';
import { waitUntil } from '../support/processes.js';

describe(`API end to end: triage and findings pages (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  const { api, json, ingestExample } = exampleApi();
  beforeAll(async () => {
    await ingestExample();
  }, 180_000);

  it('keeps triage across re-runs by stable finding id', async () => {
    const audit = await json<AuditReport>('/audit');
    const target = audit.findings[0];
    const res = await api(`/findings/${encodeURIComponent(target.id)}/triage`, { method: 'POST', body: JSON.stringify({ status: 'accepted', reason: 'vendor replaced next quarter' }) });
    expect(res.status).toBe(202);
    await api('/reprocess', { method: 'POST' });
    // The live audit is the stored read model: the decision shows once the score job has re-scored with it.
    await waitUntil(async () => Boolean((await json<AuditReport>('/audit')).findings.find((f) => f.id === target.id)?.triage), 60_000, 'the re-score with the triage');
    const again = await json<AuditReport>('/audit');
    expect(again.findings.find((f) => f.id === target.id)?.triage).toMatchObject({ status: 'accepted', reason: 'vendor replaced next quarter' });

    // A false positive leaves the stored score too (the same graph version is re-scored with the decision).
    const before = (await json<{ score: { total: number } }>('/score')).score.total;
    const wrong = again.findings.find((f) => f.id !== target.id && f.contribution > 0)!;
    expect((await api(`/findings/${encodeURIComponent(wrong.id)}/triage`, { method: 'POST', body: JSON.stringify({ status: 'false_positive', reason: 'vendor confirmed no such clause' }) })).status).toBe(202);
    await waitUntil(async () => (await json<{ score: { total: number } }>('/score')).score.total < before, 60_000, 'score without the false positive');
    const stored = await json<(Finding & { triage?: { status: string } })[]>('/findings');
    expect(stored.find((f) => f.id === wrong.id)?.triage?.status).toBe('false_positive');

    // The findings API pages (keyset cursor) over the same grouped findings.
    type Paged = { items: Finding[]; nextCursor?: string; total: number };
    const first = await json<Paged>('/findings?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(stored.length);
    const second = await json<Paged>(`/findings?limit=2&cursor=${first.nextCursor}`);
    expect(second.items[0]!.id > first.items[1]!.id).toBe(true);
    expect((await api('/findings?limit=0')).status).toBe(400);

    // instances=N: each finding carries its first N instances and how many it has; the rest page per finding.
    const cut = await json<{ items: (Finding & { instanceCount: number })[]; total: number }>('/findings?limit=500&instances=1');
    const byId = new Map(stored.map((f) => [f.id, f]));
    expect(cut.items.map((f) => f.id).sort()).toEqual([...byId.keys()].sort());
    for (const f of cut.items) {
      const whole = byId.get(f.id)!;
      expect(f.instanceCount).toBe(whole.instances?.length ?? 0);
      expect(f.instances).toEqual(whole.instances?.slice(0, 1));
    }
    const grouped = [...stored].sort((a, b) => (b.instances?.length ?? 0) - (a.instances?.length ?? 0))[0]!;
    expect(grouped.instances!.length).toBeGreaterThan(1); // the example's fleet has a grouped finding
    const path = `/findings/${encodeURIComponent(grouped.id)}/instances`;
    const firstInstances = await json<{ items: unknown[]; nextCursor?: string; total: number }>(`${path}?limit=1`);
    expect(firstInstances).toEqual({ items: grouped.instances!.slice(0, 1), total: grouped.instances!.length, nextCursor: expect.any(String) });
    const rest = await json<{ items: unknown[]; nextCursor?: string; total: number }>(`${path}?limit=500&cursor=${firstInstances.nextCursor}`);
    expect(rest).toEqual({ items: grouped.instances!.slice(1), total: grouped.instances!.length });
    // The full list without the parameter is unchanged; with it, cut the same way.
    expect((await json<(Finding & { instanceCount: number })[]>('/findings?instances=0')).find((f) => f.id === grouped.id)).toMatchObject({ instances: [], instanceCount: grouped.instances!.length });
    expect((await api('/findings?limit=5&instances=101')).status).toBe(400);
    expect((await api('/findings?instances=x')).status).toBe(400);
    expect((await api(`${path}?cursor=!!`)).status).toBe(400);
    expect((await api('/findings/no%40such/instances')).status).toBe(404);

    // A page lists each finding cut (first instances, systems, evidence) with the counts; the whole finding is
    // on its own route, its systems paged by id.
    const listed = await json<{ items: (Finding & { instanceCount: number; systemCount: number; evidenceCount: number })[] }>('/findings?limit=500');
    for (const f of listed.items) {
      const whole = byId.get(f.id)!;
      expect({ id: f.id, instanceCount: f.instanceCount, systemCount: f.systemCount, evidenceCount: f.evidenceCount })
        .toEqual({ id: f.id, instanceCount: whole.instances?.length ?? 0, systemCount: whole.systems.length, evidenceCount: whole.evidence.length });
      expect(f.evidence).toEqual(whole.evidence.slice(0, 10));
    }
    const mostQuoted = [...stored].sort((a, b) => b.evidence.length - a.evidence.length)[0]!;
    const own = await json<Finding & { instanceCount: number }>(`/findings/${encodeURIComponent(mostQuoted.id)}`);
    expect(own).toMatchObject({ id: mostQuoted.id, evidence: mostQuoted.evidence, systems: mostQuoted.systems, instanceCount: mostQuoted.instances?.length ?? 0 });
    const systemsPath = `/findings/${encodeURIComponent(mostQuoted.id)}/systems`;
    expect(await json(`${systemsPath}?limit=500`)).toEqual({ items: [...new Set(mostQuoted.systems)].sort(), total: new Set(mostQuoted.systems).size });
    expect((await api('/findings/no%40such')).status).toBe(404);
    // A page carries an ETag made with its text; a client that holds it gets a 304 without the body.
    const tagged = await api('/findings?limit=5&order=severity');
    const etag = tagged.headers.get('etag');
    expect({ type: tagged.headers.get('content-type'), etag }).toEqual({ type: expect.stringMatching(/^application\/json/), etag: expect.stringMatching(/^"[\w-]{32}"$/) });
    expect((await tagged.json() as { total: number }).total).toBe(stored.length);
    const revalidated = await api('/findings?limit=5&order=severity', { headers: { 'if-none-match': etag! } });
    expect({ status: revalidated.status, body: await revalidated.text() }).toEqual({ status: 304, body: '' });
    expect((await api('/findings?limit=4&order=severity', { headers: { 'if-none-match': etag! } })).status).toBe(200);
    // Bad paging of a finding's systems or instances is refused before the read is logged (no EvidenceRead).
    const lastSeq = Math.max(...(await json<{ seq: number }[]>('/audit-log?limit=5000')).map((e) => e.seq));
    expect((await api(`${systemsPath}?limit=0`)).status).toBe(400);
    expect((await api(`${systemsPath}?cursor=!!`)).status).toBe(400);
    expect((await api(`${path}?limit=0`)).status).toBe(400);
    expect((await json<{ type: string }[]>(`/audit-log?after=${lastSeq}&limit=5000`)).filter((e) => e.type === 'EvidenceRead')).toEqual([]);

    // order=severity: worst first, then most points, then id (how reports rank them), walked by cursor; severity/kind filter with their total.
    const walked: Finding[] = [];
    let cursor: string | undefined;
    do {
      const page = await json<Paged>(`/findings?limit=3&order=severity${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(stored.length);
      walked.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked.map((f) => f.id)).toEqual([...stored].sort(compareByImpact).map((f) => f.id));
    const worst = walked[0]!;
    const ofSeverity = await json<Paged>(`/findings?limit=500&order=severity&severity=${worst.severity}&kind=${worst.kind}`);
    expect(ofSeverity.items.map((f) => f.id)).toEqual(walked.filter((f) => f.severity === worst.severity && f.kind === worst.kind).map((f) => f.id));
    expect(ofSeverity.total).toBe(ofSeverity.items.length);
    expect((await api('/findings?limit=5&order=newest')).status).toBe(400);
    expect((await api('/findings?limit=5&severity=urgent')).status).toBe(400);
    expect((await api('/findings?order=severity')).status).toBe(400); // filters and orders page: limit is needed
    expect((await api(`/findings?limit=5&order=severity&cursor=${first.nextCursor}`)).status).toBe(400); // an id-order cursor
    // …and a severity-order cursor in id order (its key holds a NUL, which PostgreSQL would refuse with a 500).
    const severityCursor = (await json<Paged>('/findings?limit=1&order=severity')).nextCursor!;
    expect((await api(`/findings?limit=5&cursor=${severityCursor}`)).status).toBe(400);
  }, 90_000);

});
