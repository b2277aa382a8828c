/**
 * The API end to end on the example practice, uploaded through the pipeline: keys, the OpenAPI document, the map and
 * one system's views, the report downloads (JSON, NDJSON, SARIF) and what-if. Uploads and decisions are in
 * api-writes.e2e-spec.ts, triage and the findings pages in api-findings.e2e-spec.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditReport, Finding } from '@custody/domain';
import { compareFindings } from '@custody/domain';
import { githubIngestionProblems, lawEnforcementView, readNdjson, renderJson, type LawEnforcementView } from '@custody/reports';
import { sarifSchemaErrors } from '../support/sarif-schema.js';
import type { TestApp } from '../support/app.js';
import { EXAMPLE, exampleApi } from '../support/example-api.js';

describe(`API end to end: reads and reports (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  const { api, json, ingestExample, current } = exampleApi();
  let t: TestApp;
  let ws: string;
  let key: string;
  beforeAll(() => ({ t, ws, key } = current()));

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
    // Uploaded and waited for as the other api-*.e2e-spec files do before their tests; here each upload is asserted.
    for (const status of await ingestExample()) expect(status).toBe(202);
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

  it('serves the law-enforcement view the reports print: each holder\'s posture, the clause and document stating it, who decides, logged as an evidence read', async () => {
    const audit = await json<AuditReport>('/audit');
    const view = await json<LawEnforcementView>('/law-enforcement');
    // The reports' rows, from the same audit: one source of truth.
    expect(view.holders).toEqual(lawEnforcementView(audit).holders);
    expect(view.holders[0]).toMatchObject({ isPractice: true, release: 'practice' });
    // The notetaker's service and its installs are one row, with the BAA clause that lets it answer any request.
    const scribe = view.holders.find((h) => h.fleet?.vendor === 'Scribewell AI')!;
    expect(scribe).toMatchObject({ posture: 'any_legal_request', release: 'holder', systems: ['scribe'], fleet: { installs: audit.systems.filter((s) => s.group).length } });
    expect(scribe.quote).toMatchObject({ file: 'docs/scribewell-ai-baa.md', text: expect.stringMatching(/any subpoena, court order or other legal or\s+governmental request/) });
    expect(scribe.findings.length).toBeGreaterThan(0);
    // A holder no document speaks for has no quote, and nobody knows who decides.
    expect(view.holders.find((h) => h.id === 'openai')).toMatchObject({ posture: 'no_contract', release: 'unknown' });
    expect(view.holders.find((h) => h.id === 'openai')!.quote).toBeUndefined();
    const log = await json<{ type: string; payload: { what?: string } }[]>('/audit-log?limit=5000');
    expect(log.some((e) => e.type === 'EvidenceRead' && e.payload.what === 'law-enforcement')).toBe(true);
    const bad = await api('/law-enforcement?lens=nope');
    expect(bad.status).toBe(400);
  });

  it('streams the JSON and NDJSON report downloads (chunked, no length up front): the JSON as renderJson writes it, the NDJSON reading back to it', async () => {
    const res = await api('/report?format=json');
    expect(res.status).toBe(200);
    // Streamed as it is written: a body sent whole (one string) carries its content-length.
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('content-disposition')).toContain('custody-report.json');
    // As when it was sent whole (express's send named the charset).
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await res.text();
    const report = JSON.parse(text) as AuditReport;
    expect(text).toBe(renderJson(report));
    const nd = await api('/report?format=ndjson');
    expect(nd.status).toBe(200);
    expect(nd.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
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
