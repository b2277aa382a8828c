import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AuditReport, Finding } from '@custody/domain';
import { compareFindings } from '@custody/domain';
import { collectFiles } from '@custody/audit';
import { githubIngestionProblems, readNdjson, renderJson } from '@custody/reports';
import { sarifSchemaErrors } from '../support/sarif-schema.js';
import { workspaceRoutes } from '../support/api-client.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { REPO, waitUntil } from '../support/processes.js';

const EXAMPLE = join(REPO, 'examples/harborview-counseling');

describe(`API end to end (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  let t: TestApp;
  let key: string;
  let ws: string;
  const { api, json } = workspaceRoutes(() => ({ base: t.base, ws, key }));
  const upload = (fileName: string, bytes: Buffer) =>
    api('/documents', { method: 'POST', body: JSON.stringify({ fileName, contentBase64: bytes.toString('base64') }) });
  const allFinished = async () => (await json<{ status: string }[]>('/documents')).every((d) => ['processed', 'unparsed', 'failed'].includes(d.status));
  /** Every document finished and no job left in the queue: projection and score have caught up. */
  const drained = async () => {
    const health = (await (await fetch(`${t.base}/api/health`)).json()) as { queue: { pending: number } };
    return health.queue.pending === 0 && (await allFinished()) && Boolean((await json<{ graphVersion?: number }>('/score')).graphVersion);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const { workspace } = await t.runtime.persistence.workspaces.ensure('Harborview Counseling');
    ws = workspace.slug;
    key = (await t.runtime.persistence.workspaces.createApiKey(workspace.id)).key;
  }, 120_000);
  // In CI on da897c4 (embedded) closing once took over jest's default 60 s, while the spec alone closes in seconds;
  // the cause is not found, so the close gets the same budget as the start.
  afterAll(() => t?.close(), 120_000);

  it('answers health without a key, and everything else only with the right key', async () => {
    const health = await fetch(`${t.base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'up' });
    expect((await fetch(`${t.base}/api/workspaces/${ws}/audit`)).status).toBe(401);
    expect((await fetch(`${t.base}/api/workspaces/${ws}/audit`, { headers: { 'x-api-key': 'cust_wrong' } })).status).toBe(401);
    const other = await t.runtime.persistence.workspaces.ensure('Another Practice');
    expect((await fetch(`${t.base}/api/workspaces/${other.workspace.slug}/audit`, { headers: { 'x-api-key': key } })).status).toBe(404);
  });

  it('publishes the OpenAPI document', async () => {
    const doc = (await (await fetch(`${t.base}/api/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/workspaces/{ws}/documents', '/api/workspaces/{ws}/graph', '/api/workspaces/{ws}/events']));
  });

  it('ingests the example practice through the pipeline into a scored graph', async () => {
    for (const file of collectFiles([EXAMPLE])) {
      const res = await upload(relative(EXAMPLE, file), readFileSync(file));
      expect(res.status).toBe(202);
    }
    await waitUntil(drained, 120_000, 'example documents processed, projected and scored');
    const audit = await json<AuditReport>('/audit');
    // Every document but the folder's README (documentation, reported unparsed, never read as a contract).
    expect(audit.documents.filter((d) => d.status !== 'processed').map((d) => [d.file, d.status])).toEqual([['README.md', 'unparsed']]);
    expect(audit.systems.length).toBeGreaterThanOrEqual(8);
    expect(audit.flows.length).toBeGreaterThanOrEqual(8);
    expect(new Set(audit.findings.map((f) => f.kind)).size).toBeGreaterThanOrEqual(6);
    expect(audit.findings.every((f) => f.evidence.length > 0)).toBe(true);
    expect(audit.score.total).toBeGreaterThan(0);
    const graph = await json<{ nodes: { data: { id: string } }[]; edges: unknown[] }>('/graph');
    expect(graph.nodes.length).toBe(audit.systems.length);
  }, 180_000);

  it('serves the grouped map view with positions, a group\'s installs on expand, and refuses an unknown view, a bad expand or omit', async () => {
    type Node = { data: { id: string; group?: { vendor?: string; site?: string } }; position: { x: number; y: number } };
    type Grouped = { nodes: Node[]; edges: unknown[]; groups: { key: string; installs: number; expanded: boolean }[] };
    const full = await json<{ nodes: Node[]; edges: unknown[] }>('/graph');
    const installs = full.nodes.filter((n) => n.data.group);
    const grouped = await json<Grouped>('/graph?view=grouped');
    // The example's notetaker fleet export: one node per vendor + site, every other system as it is, each placed by the server.
    expect(grouped.groups.length).toBeGreaterThan(1);
    expect(grouped.groups.reduce((n, g) => n + g.installs, 0)).toBe(installs.length);
    expect(grouped.nodes.map((n) => n.data.id).sort()).toEqual([...full.nodes.filter((n) => !n.data.group).map((n) => n.data.id), ...grouped.groups.map((g) => g.key)].sort());
    expect(grouped.nodes.every((n) => Number.isFinite(n.position.x) && Number.isFinite(n.position.y))).toBe(true);
    const open = grouped.groups[0];
    const expanded = await json<Grouped>(`/graph?view=grouped&expand=${encodeURIComponent(open.key)}`);
    expect(expanded.groups.find((g) => g.key === open.key)!.expanded).toBe(true);
    expect(expanded.nodes.filter((n) => n.data.group && !n.data.id.startsWith('fleet:'))).toHaveLength(open.installs);
    expect(expanded.nodes.some((n) => n.data.id === open.key)).toBe(false);
    // The dashboard's audit leaves the flows out (the map has them); everything else is the same.
    const whole = await json<AuditReport>('/audit');
    const lean = await json<Partial<AuditReport>>('/audit?omit=flows');
    expect('flows' in lean).toBe(false);
    expect(lean.findings!.map((f) => f.id)).toEqual(whole.findings.map((f) => f.id));
    expect(lean.systems).toEqual(whole.systems);
    for (const [path, reason] of [['/graph?view=everything', /unknown graph view/], ['/graph?expand=fleet:a@', /needs view=grouped/], ['/graph?view=grouped&expand=install-1', /fleet group keys/], ['/audit?omit=findings', /omit takes "flows"/]] as const) {
      const res = await api(path);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(reason);
    }
  });

  it('serves one system as a click shows it (contracts, flows, findings, names) and the score\'s summary, and refuses what it cannot answer', async () => {
    type View = { system: AuditReport['systems'][number]; group?: string; flows: AuditReport['flows']; flowTotal: number; findings: (Finding & { instanceCount: number })[]; findingTotal: number; names: Record<string, string> };
    const audit = await json<AuditReport>('/audit');
    const withContract = audit.systems.find((s) => s.contracts.length > 0 && audit.findings.some((f) => f.systems.includes(s.id)))!;
    const view = await json<View>(`/systems/${encodeURIComponent(withContract.id)}`);
    // The same system, flows and findings the whole audit has for it, in kilobytes.
    expect(view.system).toEqual(withContract);
    const flows = audit.flows.filter((f) => f.from === withContract.id || f.to === withContract.id);
    expect(view.flows.map((f) => f.id).sort()).toEqual(flows.map((f) => f.id).sort());
    expect(view.flowTotal).toBe(flows.length);
    const charged = audit.findings.filter((f) => f.systems.includes(withContract.id) || f.subject === `system:${withContract.id}`).sort(compareFindings);
    expect(view.findings.map((f) => f.id)).toEqual(charged.map((f) => f.id));
    expect(view.findingTotal).toBe(charged.length);
    expect(view.names[withContract.id]).toBe(withContract.name);
    for (const f of flows) for (const id of [f.from, f.to]) expect(view.names[id]).toBe(audit.systems.find((s) => s.id === id)!.name);
    // An install names the fleet group the grouped map draws it in.
    const install = audit.systems.find((s) => s.group)!;
    const grouped = await json<{ groups: { key: string }[] }>('/graph?view=grouped');
    expect(grouped.groups.map((g) => g.key)).toContain((await json<View>(`/systems/${encodeURIComponent(install.id)}`)).group);
    // The header's read: the stored total without the per-system breakdown.
    const full = await json<{ score: { total: number }; lens: string; evaluatedAt: string }>('/score');
    const summary = await json<Record<string, unknown>>('/score?view=summary');
    expect(summary).toMatchObject({ total: full.score.total, lens: full.lens, evaluatedAt: full.evaluatedAt });
    expect('score' in summary).toBe(false);
    for (const [path, status, reason] of [['/systems/no-such-system', 404, /no-such-system/], ['/systems/x?lens=nope', 400, /unknown lens/], ['/score?view=all', 400, /unknown score view/]] as const) {
      const res = await api(path);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { message: string }).message).toMatch(reason);
    }
  });

  it('streams the JSON and NDJSON report downloads (chunked, no length up front): the JSON as renderJson writes it, the NDJSON reading back to it', async () => {
    const res = await api('/report?format=json');
    expect(res.status).toBe(200);
    // Streamed as it is written: a body sent whole (one string) carries its content-length.
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('content-disposition')).toContain('custody-report.json');
    const text = await res.text();
    const report = JSON.parse(text) as AuditReport;
    expect(text).toBe(renderJson(report));
    const nd = await api('/report?format=ndjson');
    expect(nd.status).toBe(200);
    expect(nd.headers.get('content-type')).toBe('application/x-ndjson');
    expect(nd.headers.get('content-length')).toBeNull();
    const back = readNdjson((await nd.text()).split('\n'));
    expect({ ...back, generatedAt: undefined }).toEqual({ ...report, generatedAt: undefined });
  });

  it('serves SARIF whose contract quotes sit at their real line of the stored document, valid for code scanning', async () => {
    const log = (await (await api('/report?format=sarif')).json()) as { runs: { results: { locations?: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, any> } }[] }[] }[] };
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(githubIngestionProblems(log)).toEqual([]);
    let quotes = 0;
    for (const r of log.runs[0].results) for (const { physicalLocation: { artifactLocation, region } } of r.locations ?? []) {
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      if (!artifactLocation.uri.endsWith('.md')) continue;
      // The uploaded contract, as the API stored it: the line named must hold the quote's first word.
      const lines = readFileSync(join(EXAMPLE, decodeURIComponent(artifactLocation.uri)), 'utf8').split('\n');
      expect(region.charOffset).toBeDefined();
      expect(lines[region.startLine - 1]).toContain(region.snippet.text.trim().split(/\s+/)[0]);
      quotes++;
    }
    expect(quotes).toBeGreaterThan(5);
  });

  it('changes nothing when the same bytes arrive twice', async () => {
    const file = collectFiles([EXAMPLE]).find((f) => f.endsWith('custody.yaml'))!;
    const before = (await json<unknown[]>('/documents')).length;
    const res = await upload('again.yaml', readFileSync(file));
    expect(await res.json()).toMatchObject({ created: false });
    expect((await json<unknown[]>('/documents')).length).toBe(before);
  });

  it('reports a malformed manifest, an empty file and a binary file by name and reason, and keeps going', async () => {
    const bad = {
      'broken/custody.yaml': Buffer.from('practice: { name: X }\nsystems:\n  - { id: a, name: A, role: notetaker }\n'),
      'empty.txt': Buffer.alloc(0),
      'photo.bin': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      'good-policy.md': Buffer.from('# Privacy Policy\n\nWe will never sell your personal information.\n'),
    };
    for (const [name, bytes] of Object.entries(bad)) expect((await upload(name, bytes)).status).toBe(202);
    await waitUntil(allFinished, 60_000, 'bad batch processed');
    const docs = await json<{ fileName: string; status: string; reason?: string }[]>('/documents');
    const by = (n: string) => docs.find((d) => d.fileName === n)!;
    expect(by('broken/custody.yaml')).toMatchObject({ status: 'failed' });
    expect(by('broken/custody.yaml').reason).toMatch(/broken\/custody\.yaml:3.*notetaker/);
    expect(by('empty.txt').reason).toMatch(/empty\.txt: empty file/);
    expect(['failed', 'unparsed']).toContain(by('photo.bin').status);
    expect(by('photo.bin').reason).toMatch(/photo\.bin/);
    expect(`${by('good-policy.md').status} ${by('good-policy.md').reason ?? ''}`.trim()).toBe('processed');
    expect((await fetch(`${t.base}/api/health`)).status).toBe(200);
  }, 90_000);

  it('streams pipeline events over SSE', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${t.base}/api/workspaces/${ws}/events`, { headers: { 'x-api-key': key }, signal: ctrl.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    // A new integration config adds a flow, so the graph changes and the workspace is re-scored.
    await upload('configs/transcribe.json', Buffer.from(JSON.stringify({ name: 'session transcription', endpoint: 'https://api.assemblyai.com/v2/transcript', fields: ['session_audio'] })));
    let text = '';
    const deadline = Date.now() + 60_000;
    const wanted = [/event: document\.received/, /event: facts\.extracted/, /event: graph\.changed/, /event: exposure\.scored/];
    while (!wanted.every((w) => w.test(text)) && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString('utf8');
    }
    ctrl.abort();
    expect(text).toMatch(/event: document\.received/);
    expect(text).toMatch(/event: facts\.extracted/);
    expect(text).toMatch(/event: graph\.changed/);
    expect(text).toMatch(/event: exposure\.scored/);
  }, 90_000);

  it('lets a person correct a fact: the correction wins and is in the audit log with who and why', async () => {
    const contract = (await json<AuditReport>('/audit')).documents.find((d) => d.type === 'contract' && d.system)!;
    const before = await json<{ facts: Record<string, { value: unknown }> }>(`/documents/${contract.id}`);
    const next = before.facts.law_enforcement_disclosure.value === 'judicial_process_only' ? 'any_legal_request' : 'judicial_process_only';
    const res = await api(`/documents/${contract.id}/facts/law_enforcement_disclosure/corrections`, { method: 'POST', body: JSON.stringify({ value: next, reason: 'counsel read section 7' }) });
    expect(res.status).toBe(202);
    const invalid = await api(`/documents/${contract.id}/facts/law_enforcement_disclosure/corrections`, { method: 'POST', body: JSON.stringify({ value: 'sometimes', reason: 'x' }) });
    expect(invalid.status).toBe(400);
    await waitUntil(async () => {
      const audit = await json<AuditReport>('/audit');
      return audit.systems.some((s) => s.contracts.some((c) => c.documentId === contract.id && c.facts.law_enforcement_disclosure.value === next));
    }, 60_000, 'correction projected');
    const corrected = (await json<AuditReport>('/audit')).systems.flatMap((s) => s.contracts).find((c) => c.documentId === contract.id)!;
    // The machine's answer stays beside the correction.
    expect(corrected.facts.law_enforcement_disclosure.machine?.value).toBe(before.facts.law_enforcement_disclosure.value);
    expect(corrected.facts.law_enforcement_disclosure.extractor).toMatch(/^human:key:cust_/);
    const log = await json<{ type: string; actor: string; payload: { reason?: string } }[]>('/audit-log?limit=5000');
    const ev = log.find((e) => e.type === 'FactCorrected')!;
    expect(ev.actor).toMatch(/^key:cust_/);
    expect(ev.payload.reason).toBe('counsel read section 7');
    expect(log.some((e) => e.type === 'EvidenceRead')).toBe(true);
  }, 90_000);

  it('links a contract that matched no system: the link is an event with who and why, and the audit follows it', async () => {
    // A BAA signed under a holding company's name: nothing in it names a system of the practice.
    const file = 'docs/pinecrest-signed-baa.md';
    const text = '# Business Associate Agreement\n\nThis Business Associate Agreement is between Pinecrest Data Holdings, LLC ("Business Associate") and ' +
      'Harborview Counseling ("Covered Entity"). Business Associate will notify Covered Entity of a breach within thirty (30) days.\n';
    expect((await upload(file, Buffer.from(text))).status).toBe(202);
    const doc = async () => (await json<AuditReport>('/audit')).documents.find((d) => d.file === file);
    await waitUntil(async () => (await doc())?.status === 'processed' && (await drained()), 60_000, 'the new contract read and projected');
    const unlinked = (await doc())!;
    expect(unlinked.system).toBeUndefined();
    expect((await json<AuditReport>('/audit')).findings.map((f) => f.id)).toContain('missing-baa@system:storage');

    const link = (id: string, body: unknown) => api(`/documents/${id}/link`, { method: 'POST', body: JSON.stringify(body) });
    // Refused with a reason, nothing recorded: the practice itself, an unknown system, a document that is not a contract, no system.
    const manifest = (await json<AuditReport>('/audit')).documents.find((d) => d.type === 'manifest')!;
    for (const [id, body, why] of [
      [unlinked.id, { system: 'practice' }, /not a vendor system/], [unlinked.id, { system: 'no-such-system' }, /not a vendor system/],
      [manifest.id, { system: 'storage' }, /not a contract/], [unlinked.id, {}, /needs "system"/],
    ] as const) {
      const res = await link(id, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(why);
    }
    expect((await link('00000000-0000-4000-8000-000000000000', { system: 'storage' })).status).toBe(404);

    const res = await link(unlinked.id, { system: 'storage', reason: 'Pinecrest is Stowbox Cloud\'s parent; signed copy on file' });
    expect(res.status).toBe(202);
    // Projected and scored: until its score job has run, the audit serves the newer graph with the previous findings.
    await waitUntil(async () => (await doc())?.system === 'storage' && (await drained()), 60_000, 'the link projected and scored');
    const audit = await json<AuditReport>('/audit');
    expect(audit.systems.find((s) => s.id === 'storage')!.contracts.map((c) => c.documentId)).toContain(unlinked.id);
    expect(audit.findings.map((f) => f.id)).not.toContain('missing-baa@system:storage');
    const log = await json<{ type: string; actor: string; payload: { documentId?: string; system?: string; reason?: string } }[]>('/audit-log?limit=5000');
    expect(log.filter((e) => e.type === 'DocumentLinked')).toEqual([
      expect.objectContaining({ actor: expect.stringMatching(/^key:cust_/), payload: { documentId: unlinked.id, system: 'storage', reason: 'Pinecrest is Stowbox Cloud\'s parent; signed copy on file' } }),
    ]);
  }, 120_000);

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

    // order=severity: worst first, then id (how reports list them), walked by cursor; severity/kind filter with their total.
    const walked: Finding[] = [];
    let cursor: string | undefined;
    do {
      const page = await json<Paged>(`/findings?limit=3&order=severity${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(stored.length);
      walked.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked.map((f) => f.id)).toEqual([...stored].sort(compareFindings).map((f) => f.id));
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

  it('answers what-if without changing stored state', async () => {
    const before = await json<AuditReport>('/audit');
    // The notetaker vendor itself (removing it removes its fleet installs too), not one of its installs.
    const notetaker = before.systems.find((s) => s.role === 'ai_notetaker' && !s.group)!;
    const res = await json<{ before: { score: { total: number } }; after: { score: { total: number } }; disappeared: unknown[] }>('/what-if', {
      method: 'POST', body: JSON.stringify({ changes: [{ type: 'remove_system', system: notetaker.id }] }),
    });
    expect(res.after.score.total).toBeLessThan(res.before.score.total);
    expect(res.disappeared.length).toBeGreaterThan(0);
    expect((await json<AuditReport>('/audit')).score.total).toBe(before.score.total);
    // One install fewer is a real change too: its grouped findings lose breadth.
    const install = before.systems.find((s) => s.role === 'ai_notetaker' && s.group)!;
    const one = await json<{ before: { score: { total: number } }; after: { score: { total: number } } }>('/what-if', {
      method: 'POST', body: JSON.stringify({ changes: [{ type: 'remove_system', system: install.id }] }),
    });
    expect(one.after.score.total).toBeLessThan(one.before.score.total);
  });
});
