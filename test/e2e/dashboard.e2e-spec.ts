/**
 * The built dashboard in headless Chromium against a fake API that speaks the real contract
 * (x-api-key, /audit, /graph, /score, /findings, /documents, /events, /audit-log, /what-if, /report). Builds
 * the bundle first, so a broken build fails here.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { AuditReport } from '@custody/domain';
import { groupFindings } from '@custody/domain';
import { groupedGraph, parseExpand, toCytoscapeElements } from '@custody/graph';
import type { Core } from 'cytoscape';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DASHBOARD_CSP } from '../../apps/api/src/http/security-headers.js';
import { waitUntil } from '../support/processes.js';
import { fakeWhatIf, PAST_SCORE, pastReport, sampleAuditLog } from '../fixtures/reports/dashboard-api-fixtures.js';
import { fleetAuditReport } from '../fixtures/reports/fleet-audit-report.js';
import { liveRead } from '../fixtures/reports/live-reads-api.js';
import { sampleAuditReport } from '../fixtures/reports/sample-audit-report.js';

// What apps/dashboard/src/main.ts exposes for tests (the page runs the bundle, not this file).
declare global {
  interface Window { __custody?: { cy: Core; reload: () => Promise<void> }; __cspViolations?: string[] }
}

const ROOT = process.cwd();
const DIST = join(ROOT, 'dist/dashboard');
const KEY = 'test-key-123';
const WS = 'ws-harborview';
const FLEET_WS = 'ws-fleet';
const FLEET_INSTALLS = 2000;
const CSV_BODY = 'id,severity,title\nai-training@system:scribe,high,Notetaker may train AI models on session data\n';
const XSS_NAME = 'PixelMetrics <img src=x onerror="window.__xss=1">';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

interface FakeApi {
  report: AuditReport;
  fleet: AuditReport;
  requests: { method: string; path: string; lens: string | null; asOf: string | null; format: string | null; view?: string | null; expand?: string | null; omit?: string | null; key: string | undefined; body?: string }[];
  uploads: string[];
  streams: ServerResponse[];
  /** What GET /documents answers; uploads add rows, tests move their status on. */
  documents: { id: string; fileName: string; size: number; type: string; status: string; reason?: string; createdAt: string }[];
  /** Links POST /documents/:id/link recorded. */
  links: { documentId: string; system: string }[];
  /** The grouped map is the previous scoring run's while a newer graph waits for its score job (`run.stale`). */
  stale?: boolean;
}

function fakeReport(): AuditReport {
  const r = sampleAuditReport();
  // A hostile system name: must show as text, never run.
  r.systems.find((s) => s.id === 'pixel')!.name = XSS_NAME;
  return r;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function startServer(api: FakeApi): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) {
      const file = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
      if (!/^[\w.-]+$/.test(file)) return void res.writeHead(404).end();
      try {
        const body = await readFile(join(DIST, file));
        // The API's own policy, so a script or style the policy would block fails here as it would in production.
        return void res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-security-policy': DASHBOARD_CSP }).end(body);
      } catch {
        return void res.writeHead(404).end();
      }
    }
    const key = req.headers['x-api-key'] as string | undefined;
    const q = (name: string) => url.searchParams.get(name);
    const body = req.method === 'POST' && req.headers['content-type'] === 'application/json' ? await readBody(req) : undefined;
    api.requests.push({ method: req.method ?? '', path: url.pathname, lens: q('lens'), asOf: q('asOf'), format: q('format'), view: q('view'), expand: q('expand'), omit: q('omit'), key, body });
    if (key !== KEY) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
    const ws = url.pathname.split('/')[3];
    const live = ws === FLEET_WS ? api.fleet : api.report;
    const base = `/api/workspaces/${ws}`;
    const lens = (q('lens') ?? live.lens) as AuditReport['lens'];
    const asOf = q('asOf');
    const report = asOf ? pastReport(live, asOf) : live;
    const json = (payload: unknown, status = 200) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    if (req.method === 'GET' && url.pathname === `${base}/audit`) {
      const { flows, ...rest } = report;
      return void json(q('omit') === 'flows' ? { ...rest, lens } : { ...rest, flows, lens });
    }
    if (req.method === 'GET' && url.pathname === `${base}/graph`) {
      // As the real route: view=grouped is the collapsed, positioned view, with the `expand`ed groups' installs.
      const els = toCytoscapeElements(report);
      const run = { graphVersion: 1, scoredAt: report.generatedAt, latestGraphVersion: api.stale ? 2 : 1, stale: Boolean(api.stale) };
      return void json(q('view') === 'grouped' ? { ...groupedGraph(els, parseExpand(url.searchParams.getAll('expand'))), run } : els);
    }
    if (req.method === 'GET' && url.pathname === `${base}/audit-log`) return void json(sampleAuditLog());
    // The live view's small reads (the stored read model: no lens, no past), paged as the API pages them.
    const small = req.method === 'GET' && url.pathname.startsWith(base) ? liveRead(live, url.pathname.slice(base.length), url.searchParams) : undefined;
    if (small) return void json(small.body, small.status);
    if (req.method === 'POST' && url.pathname === `${base}/what-if`) return void json(fakeWhatIf(live, JSON.parse(body ?? '{}').changes ?? []));
    if (req.method === 'GET' && url.pathname === `${base}/report` && q('format') === 'csv') {
      return void res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="custody-report.csv"' }).end(CSV_BODY);
    }
    if (req.method === 'POST' && url.pathname === `${base}/documents/bulk`) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks).toString('utf8');
      api.uploads.push(raw);
      const names = [...raw.matchAll(/name="file"; filename="([^"]+)"/g)].map((m) => m[1]);
      // As the real route: a file it refuses (here: any named refused-*) gets its error, the others are stored.
      const results = names.map((fileName) => {
        if (fileName.startsWith('refused-')) return { fileName, error: { code: 'invalid_input', message: `${fileName}: refused by the test server` } };
        const row = { id: `doc-${api.documents.length + 1}`, fileName, size: 1, type: 'contract', status: 'received', createdAt: new Date().toISOString() };
        api.documents.push(row);
        return { documentId: row.id, status: row.status, created: true, sha256: 'x', fileName };
      });
      const refused = results.filter((r) => 'error' in r).length;
      return void json({ documents: results, accepted: results.length - refused, refused }, 202);
    }
    if (req.method === 'GET' && url.pathname === `${base}/documents`) return void json(api.documents);
    const linkPath = new RegExp(`^${base}/documents/([^/]+)/link$`).exec(url.pathname);
    if (req.method === 'POST' && linkPath) {
      const { system } = JSON.parse(body ?? '{}') as { system?: string };
      // As the real route: an unknown system is refused with the reason, nothing recorded.
      if (!live.systems.some((s) => s.id === system)) return void json({ error: 'invalid_input', message: `"${system}" is not a vendor system of this workspace` }, 400);
      api.links.push({ documentId: decodeURIComponent(linkPath[1]), system: system! });
      return void json({ seq: 99 }, 202);
    }
    if (req.method === 'GET' && url.pathname === `${base}/events`) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': hello\n\nevent: document.received\ndata: {"id":"doc-0"}\n\n');
      api.streams.push(res);
      return;
    }
    json({ error: 'not found' }, 404);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('dashboard (browser)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  const api: FakeApi = { report: fakeReport(), fleet: fleetAuditReport(FLEET_INSTALLS), requests: [], uploads: [], streams: [], documents: [], links: [] };
  const errors: string[] = [];
  /** Content-Security-Policy reports from the console (Chromium logs every blocked inline style or script). */
  const cspConsole: string[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-dashboard.mjs'], { cwd: ROOT, stdio: 'pipe' });
    server = await startServer(api);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspConsole.push(m.text()); });
    // Registered before any page script runs, so a violation during start-up (a library's <style>) is caught too.
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    });
    await page.goto(`${base}/#key=${KEY}&ws=${WS}`);
    await page.waitForFunction(() => (window.__custody?.cy.nodes().length ?? 0) > 0);
    // The map is drawn before the audit that fills the header and panels; wait for the whole first load.
    await page.waitForFunction(() => document.body.getAttribute('aria-busy') === 'false');
  }, 120_000);

  afterAll(async () => {
    for (const s of api.streams) s.end();
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  const clickNode = async (id: string, on: Page = page) => {
    const at = await on.evaluate((nodeId) => {
      const bb = window.__custody!.cy.getElementById(nodeId).renderedBoundingBox({});
      const box = document.querySelector('#graph')!.getBoundingClientRect();
      return { x: box.left + (bb.x1 + bb.x2) / 2, y: box.top + (bb.y1 + bb.y2) / 2 };
    }, id);
    await on.mouse.click(at.x, at.y);
  };

  it('renders every system and flow, with the practice, score and lens in the header', async () => {
    // The first view comes from the small reads alone: the map, the stored score, the first findings page.
    const read = new Set(api.requests.map((r) => r.path.replace(`/api/workspaces/${WS}`, '') || '/'));
    expect([...read].filter((p) => !['/', '/graph', '/score', '/findings', '/documents', '/events', '/audit-log'].includes(p))).toEqual([]);
    expect(['/', '/graph', '/score', '/findings'].every((p) => read.has(p))).toBe(true);
    expect(api.requests.find((r) => r.path.endsWith('/findings'))).toMatchObject({ key: KEY });
    await expect(page.locator('#findings-list li.finding').count()).resolves.toBe(api.report.findings.length);
    const counts = await page.evaluate(() => ({ nodes: window.__custody!.cy.nodes().length, edges: window.__custody!.cy.edges().length }));
    expect(counts).toEqual({ nodes: api.report.systems.length, edges: api.report.flows.length });
    await expect(page.textContent('#practice-name')).resolves.toBe('Harborview Counseling');
    await expect(page.textContent('#score b')).resolves.toBe('72');
    await expect(page.inputValue('#lens')).resolves.toBe('immigrant-clients');
    // Server-computed classes reach Cytoscape unchanged.
    expect(await page.evaluate(() => window.__custody!.cy.getElementById('ehr->sms').classes())).toEqual(
      ['flow', 'legal-none_known', 'transport-http', 'unencrypted', 'outside-baa']);
    expect(errors).toEqual([]);
  });

  it('takes credentials from the fragment, keeps them for the tab and clears the address bar', async () => {
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => sessionStorage.getItem('custody.apiKey'))).toBe(KEY);
    const apiCalls = api.requests.filter((r) => r.path.startsWith('/api/') && !r.path.endsWith('/events'));
    expect(apiCalls.length).toBeGreaterThanOrEqual(4);
    for (const r of apiCalls) expect(r.key).toBe(KEY);
  });

  it('shows a clicked node\'s role, holdings, contract facts and findings with evidence quotes, and the path to it', async () => {
    await clickNode('scribe');
    const details = page.locator('#details');
    // Its contracts and findings are read now, for this system alone (on demand, never the whole audit).
    await details.locator('.chip.role').waitFor();
    expect(api.requests.filter((r) => r.path.endsWith('/audit'))).toEqual([]);
    expect(api.requests.filter((r) => r.path.startsWith(`/api/workspaces/${WS}/systems/`)).map((r) => r.path)).toEqual([`/api/workspaces/${WS}/systems/scribe`]);
    await expect(details.locator('.details-name').textContent()).resolves.toBe('ScribeWell AI');
    const text = (await details.textContent()) ?? '';
    await expect(details.locator('.chip.role').textContent()).resolves.toBe('AI notetaker');
    await expect(details.locator('.score-chip b').textContent()).resolves.toBe('100');
    expect(text).toContain('session recording');
    expect(text).toContain('any legal request');
    expect(text).toContain('Customer Data may be used to improve our models unless Customer opts out in the account settings.');
    expect(text).toContain('Harborview Counseling → ScribeWell AI');
    expect(await details.locator('.detail-finding').count()).toBe(api.report.findings.filter((f) => f.systems.includes('scribe')).length);
    expect(await page.evaluate(() => window.__custody!.cy.getElementById('practice->scribe').hasClass('on-path'))).toBe(true);
    await page.screenshot({ path: '/tmp/custody-dashboard.png' });
  });

  it('shows a fact below its calibrated threshold as "needs review" with its candidates; a rejected candidate waits for nobody', async () => {
    const facts = api.report.systems.find((s) => s.id === 'ehr')!.contracts[0].facts as unknown as Record<string, { value: unknown; evidence: unknown[]; review?: unknown[] }>;
    const silent = Object.keys(facts).filter((k) => [null, 'unspecified'].includes(facts[k].value as string) && facts[k].evidence.length === 0);
    const [pending, rejected] = silent;
    expect(rejected).toBeDefined();
    const quote = { quote: 'Cedar may, at its discretion, inform Customer of requests it receives.', file: 'cedar-baa.pdf', page: 4 };
    facts[pending].review = [
      { value: 'yes', reason: 'a clause reads like it, below the calibrated threshold (0.41 < 0.60)', evidence: [quote] },
      { value: 'no', reason: 'the vendor\'s own brand, not the answer', evidence: [], rejected: true },
    ];
    facts[rejected].review = [{ reason: 'a platform page, not a party', evidence: [quote], rejected: true }];
    try {
      await clickNode('ehr');
      const review = page.locator(`#details .fact.needs-review[data-fact="${pending}"]`);
      await review.waitFor();
      await expect(review.locator('.fact-value').textContent()).resolves.toBe('needs review');
      const text = (await review.textContent()) ?? '';
      expect(text).toContain('could be yes: a clause reads like it, below the calibrated threshold (0.41 < 0.60)');
      expect(text).toContain(quote.quote);
      // Rejected candidates are not shown as waiting; a fact with only rejected ones reads as silent.
      expect(await page.locator('#details').textContent()).not.toContain('not the answer');
      expect(await page.locator(`#details .fact.needs-review[data-fact="${rejected}"]`).count()).toBe(0);
      await expect(page.locator('#details .contract .silent').first().textContent()).resolves.toContain(rejected.replace(/_/g, ' '));
      expect(await page.locator('#details .fact.needs-review').count()).toBe(1);
    } finally {
      delete facts[pending].review;
      delete facts[rejected].review;
    }
  });

  it('escapes names: a hostile system name renders as text and never runs', async () => {
    await clickNode('pixel');
    await expect(page.locator('#details .details-name').textContent()).resolves.toBe(XSS_NAME);
    expect(await page.locator('#details img, #findings-list img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('highlights a finding\'s subject when it is clicked, and filters findings by severity', async () => {
    await page.click('li[data-finding-id="baa-chain-break@path:practice>scribe>nimbus"]');
    const state = await page.evaluate(() => {
      const cy = window.__custody!.cy;
      return { nimbus: cy.getElementById('nimbus').hasClass('highlighted'), edge: cy.getElementById('scribe->nimbus').hasClass('highlighted'), payer: cy.getElementById('payer').hasClass('dimmed') };
    });
    expect(state).toEqual({ nimbus: true, edge: true, payer: true });
    const rows = (n: number) => page.waitForFunction((k) => document.querySelectorAll('#findings-list li.finding').length === k, n);
    await page.selectOption('#severity-filter', 'critical');
    // The server filters (the list holds a page at a time): the page asked for is the critical findings'.
    await rows(1);
    expect(api.requests.filter((r) => r.path.endsWith('/findings')).length).toBeGreaterThanOrEqual(2);
    await expect(page.textContent('#findings-count')).resolves.toBe(`1 of ${api.report.findings.length}`);
    await page.selectOption('#severity-filter', '');
    await rows(api.report.findings.length);
    // Worst first, as reports list them.
    const shown = await page.locator('#findings-list li.finding .pill').allTextContents();
    expect(shown).toEqual([...shown].sort((a, b) => ['info', 'low', 'medium', 'high', 'critical'].indexOf(b) - ['info', 'low', 'medium', 'high', 'critical'].indexOf(a)));
  });

  it('is calm where nothing is found: colour only on systems with findings and on flows with high or critical findings', async () => {
    const look = await page.evaluate(() => {
      const cy = window.__custody!.cy;
      const bg = (id: string) => cy.getElementById(id).style('background-color');
      return {
        calm: cy.nodes().filter((n) => !n.hasClass('has-findings') && !n.hasClass('role-practice')).map((n) => bg(n.id())),
        coloured: cy.nodes('.has-findings').map((n) => bg(n.id())),
        critical: cy.edges('.risk-critical').map((e) => e.id()).sort(),
        high: cy.edges('.risk-high').map((e) => e.id()).sort(),
      };
    });
    expect(look.calm.length).toBeGreaterThan(0);
    expect(new Set(look.calm)).toEqual(new Set(['rgb(226,232,240)']));
    expect(look.coloured.every((c) => c !== 'rgb(226,232,240)')).toBe(true);
    // The critical finding's path practice → scribe → nimbus; the high finding on the employer flow.
    expect(look.critical).toEqual(['practice->scribe', 'scribe->nimbus']);
    expect(look.high).toEqual(['practice->employer']);
  });

  it('frames a clicked finding with its neighbours at a readable zoom and opens its evidence', async () => {
    await page.click('li[data-finding-id="ai-training@system:scribe"]');
    await page.waitForFunction(() => !window.__custody!.cy.animated());
    const zoom = await page.evaluate(() => window.__custody!.cy.zoom());
    expect(zoom).toBeLessThanOrEqual(1.3);
    const focused = page.locator('#details .detail-finding.focused');
    await expect(focused.locator('b').first().textContent()).resolves.toBe(api.report.findings.find((f) => f.id === 'ai-training@system:scribe')!.title);
    expect(await focused.locator('blockquote.quote').count()).toBeGreaterThan(0);
    expect(await focused.isVisible()).toBe(true);
  });

  it('saves the map as drawn as PNG and SVG files', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-image="png"]')]);
    expect(png.suggestedFilename()).toBe('custody-map.png');
    const bytes = await readFile((await png.path())!);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(5_000);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-image="svg"]')]);
    expect(svg.suggestedFilename()).toBe('custody-map.svg');
    const text = await readFile((await svg.path())!, 'utf8');
    expect(text).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
  });

  it('runs under the strict policy the API serves (style-src \'self\'): no inline style or script is blocked', async () => {
    // Runs after load, node and finding clicks and both image exports (the tests above): the code paths that build DOM or styles.
    await clickNode('scribe');
    await expect(page.locator('#details .details-name').textContent()).resolves.toBe('ScribeWell AI');
    const violations = await page.evaluate(() => window.__cspViolations ?? []);
    expect(violations).toEqual([]);
    expect(cspConsole).toEqual([]);
    expect(await page.evaluate(() => Boolean(document.querySelector('style')))).toBe(false);
  });

  it('filters the graph by data category and by role', async () => {
    await page.check('#category-filters input[value="claims"]');
    // Read straight after the click, :visible still returned the unfiltered set here; wait for it to settle.
    await page.waitForFunction(() => window.__custody!.cy.edges(':visible').length < window.__custody!.cy.edges().length);
    const visible = await page.evaluate(() => window.__custody!.cy.edges(':visible').map((e) => e.id()).sort());
    expect(visible).toEqual(['clearinghouse->payer', 'ehr->clearinghouse']);
    await page.click('#filters-reset');
    await page.uncheck('#role-filters input[value="employer"]');
    await page.waitForFunction(() => !window.__custody!.cy.getElementById('employer').visible());
    expect(await page.evaluate(() => window.__custody!.cy.getElementById('practice->employer').visible())).toBe(false);
    await page.click('#filters-reset');
    await page.waitForFunction((n) => window.__custody!.cy.elements(':visible').length === n, api.report.systems.length + api.report.flows.length);
  });

  it('refetches when the server reports a new exposure score, and shows it is live', async () => {
    await page.waitForSelector('#live[data-status="live"]');
    const reads = (end: string) => api.requests.filter((r) => r.path.endsWith(end)).length;
    // Nothing selected: a selected system's details would read the audit again, as they should.
    await page.evaluate(() => { window.__custody!.cy.emit('tap'); });
    await page.waitForFunction(() => document.querySelector('#details .placeholder') !== null);
    const [scores, audits] = [reads('/score'), reads('/audit')];
    api.report.score.total = 64;
    for (const s of api.streams) s.write('event: exposure.scored\ndata: {"total":64}\n\n');
    await page.waitForFunction(() => document.querySelector('#score b')?.textContent === '64');
    // The new score is one small read; the audit is not read again until something needs it.
    expect(reads('/score')).toBeGreaterThan(scores);
    expect(reads('/audit')).toBe(audits);
    await expect(page.textContent('#live .last')).resolves.toContain('exposure.scored');
  });

  it('switches lens by refetching audit and graph with ?lens=', async () => {
    await page.selectOption('#lens', 'minors');
    // The select shows the new lens at once; the refetch follows (after any load already in flight).
    await waitUntil(async () => api.requests.filter((r) => r.lens === 'minors').length >= 2, 20_000, 'lensed audit and graph requests');
    await page.waitForFunction(() => (document.querySelector('#lens') as HTMLSelectElement).value === 'minors' && !document.querySelector('#notice:not([hidden])'));
    const lensed = new Set(api.requests.filter((r) => r.lens === 'minors').map((r) => r.path.split('/').pop()));
    expect([...lensed].sort()).toEqual(['audit', 'graph']);
  });

  it('uploads several files in one multipart request and shows each document\'s progress, status and failure reason', async () => {
    await page.setInputFiles('#upload-file', [
      { name: 'new-baa.txt', mimeType: 'text/plain', buffer: Buffer.from('Business Associate Agreement') },
      { name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from('systems: [') },
      { name: 'refused-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('notes') },
    ]);
    const row = (file: string) => page.locator(`#documents li.doc[data-file="${file}"]`);
    await page.waitForFunction(() => document.querySelectorAll('#documents li.doc[data-status="received"]').length === 2);
    // The file the server refused stays listed, failed, with the server's reason; the others were stored.
    await expect(row('refused-notes.txt').getAttribute('data-status')).resolves.toBe('failed');
    await expect(row('refused-notes.txt').locator('.doc-reason').textContent()).resolves.toBe('not uploaded: refused-notes.txt: refused by the test server');
    expect(api.uploads).toHaveLength(1);
    expect(api.uploads[0]).toContain('name="file"; filename="new-baa.txt"');
    expect(api.uploads[0]).toContain('name="file"; filename="broken.yaml"');
    expect(api.uploads[0]).toContain('Business Associate Agreement');
    // Pending documents show a progress bar and mark the score as updating.
    expect(await row('new-baa.txt').locator('progress').count()).toBe(1);
    await expect(page.locator('#score').getAttribute('class')).resolves.toContain('updating');
    await expect(page.textContent('[data-tab="documents"] .tab-count')).resolves.toBe('2');
    // The server moves them on; an event makes the panel re-read.
    api.documents.find((d) => d.fileName === 'new-baa.txt')!.status = 'processed';
    Object.assign(api.documents.find((d) => d.fileName === 'broken.yaml')!, { status: 'failed', reason: 'broken.yaml:1: unexpected end of the flow sequence' });
    for (const s of api.streams) s.write('event: facts.extracted\ndata: {"documentId":"doc-1"}\n\n');
    await page.waitForFunction(() => document.querySelector('#documents li.doc[data-file="broken.yaml"]')?.getAttribute('data-status') === 'failed');
    await expect(row('broken.yaml').locator('.doc-reason').textContent()).resolves.toBe('broken.yaml:1: unexpected end of the flow sequence');
    await expect(row('new-baa.txt').getAttribute('data-status')).resolves.toBe('processed');
    expect(await row('new-baa.txt').locator('progress').count()).toBe(0);
    await expect(page.locator('#score').getAttribute('class')).resolves.not.toContain('updating');
    // Problems are listed first.
    const order = await page.locator('#documents li.doc').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-file')));
    expect(order.slice(0, 2).sort()).toEqual(['broken.yaml', 'refused-notes.txt']);
    await page.click('[data-tab="details"]');
  });

  it('links a contract that matched no system: the control posts the chosen system, and the next audit shows the link', async () => {
    const docId = 'doc-unlinked';
    const file = 'contracts/notes-vendor-terms.pdf';
    api.documents.push({ id: docId, fileName: file, size: 10, type: 'contract', status: 'processed', createdAt: new Date().toISOString() });
    api.report.documents.push({ id: docId, file, type: 'contract', status: 'processed', format: 'pdf' });
    await page.evaluate(() => window.__custody!.reload());
    await page.click('[data-tab="documents"]');
    for (const s of api.streams) s.write('event: document.received\ndata: {}\n\n');
    const row = page.locator(`#documents li.doc[data-file="${file}"]`);
    await row.locator('form.doc-link-form').waitFor();
    await expect(row.locator('.doc-unlinked').textContent()).resolves.toBe('Not linked to any system');
    // Only read contracts the audit links to nothing get the control: not failed files, manifests or configs.
    const withControl = await page.locator('#documents li.doc:has(form.doc-link-form)').evaluateAll((els) => els.map((e) => e.getAttribute('data-file')));
    const unlinked = api.documents.filter((d) => d.type === 'contract' && d.status === 'processed' && !api.report.documents.some((r) => r.id === d.id && r.system)).map((d) => d.fileName);
    expect(withControl.sort()).toEqual(unlinked.sort());
    expect(withControl).toContain(file);
    // The practice and fleet installs are not offered; the vendors are, by name.
    const options = await row.locator('select.doc-link-system option').allTextContents();
    expect(options).toContain('ScribeWell AI');
    expect(options).not.toContain(api.report.systems.find((s) => s.role === 'practice')!.name);
    await expect(row.locator('button.doc-link-button').isDisabled()).resolves.toBe(true);
    await row.locator('select.doc-link-system').selectOption('scribe');
    await row.locator('button.doc-link-button').click();
    await row.locator('.doc-linking').waitFor();
    expect(api.links).toEqual([{ documentId: docId, system: 'scribe' }]);
    expect(api.requests.find((r) => r.path.endsWith(`/documents/${docId}/link`))).toMatchObject({ method: 'POST', key: KEY, body: JSON.stringify({ system: 'scribe' }) });
    // The server re-projects and scores: the audit now attaches the contract to ScribeWell.
    api.report.documents.find((d) => d.id === docId)!.system = 'scribe';
    for (const s of api.streams) s.write('event: exposure.scored\ndata: {}\n\n');
    await page.waitForFunction((f) => document.querySelector(`#documents li.doc[data-file="${f}"] .doc-link`)?.textContent === ' → ScribeWell AI', file);
    expect(await row.locator('form.doc-link-form').count()).toBe(0);
    api.documents.splice(api.documents.findIndex((d) => d.id === docId), 1);
    api.report.documents.splice(api.report.documents.findIndex((d) => d.id === docId), 1);
    await page.click('[data-tab="details"]');
  });

  it('what-if: stacks changes on the selected system, shows before → after and the findings that disappear, and resets', async () => {
    await clickNode('scribe');
    await page.click('[role=tab][data-tab="whatif"]');
    await expect(page.textContent('#whatif .whatif-target')).resolves.toBe('ScribeWell AI');
    await page.click('#whatif [data-change="disable_training"]');
    const before = api.report.score.total;
    const training = api.report.findings.find((f) => f.id === 'ai-training@system:scribe')!;
    await page.waitForFunction((t) => document.querySelector('#whatif-after b')?.textContent === String(t), before - training.contribution);
    await expect(page.textContent('#whatif-before b')).resolves.toBe(String(before));
    await expect(page.textContent('#whatif-delta')).resolves.toBe(`−${training.contribution} points`);
    expect(await page.locator('#whatif .disappeared li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-finding-id')))).toEqual([training.id]);
    await expect(page.textContent('#whatif .disappeared')).resolves.toContain('Notetaker may train AI models on session data');

    // Stack two more: the request carries all three changes, with the retention days typed in.
    await page.click('#whatif [data-change="enable_disable_control"]');
    await page.fill('#whatif-days', '14');
    await page.click('#whatif [data-change="cut_retention"]');
    await page.waitForFunction(() => document.querySelectorAll('#whatif .disappeared li').length === 3 && !document.querySelector('#whatif .whatif-status'));
    const posts = api.requests.filter((r) => r.path.endsWith('/what-if'));
    expect(JSON.parse(posts.at(-1)!.body!)).toEqual({ lens: 'minors', changes: [
      { type: 'disable_training', system: 'scribe' }, { type: 'enable_disable_control', system: 'scribe' }, { type: 'cut_retention', system: 'scribe', days: 14 }] });
    expect(posts.every((r) => r.key === KEY)).toBe(true);
    await expect(page.textContent('[data-tab="whatif"] .tab-count')).resolves.toBe('3');
    expect(await page.getAttribute('#whatif [data-change="disable_training"]', 'aria-pressed')).toBe('true');
    await page.screenshot({ path: '/tmp/custody-dashboard-whatif.png' });

    await page.click('#whatif-reset');
    expect(await page.locator('#whatif .outcome, #whatif .stack').count()).toBe(0);
    expect(await page.getAttribute('#whatif [data-change="disable_training"]', 'aria-pressed')).toBe('false');
    expect(api.requests.filter((r) => r.path.endsWith('/what-if'))).toHaveLength(posts.length);
  });

  it('export: downloads the report with the API key header and the current lens', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export [data-format="csv"]')]);
    expect(download.suggestedFilename()).toBe('custody-report.csv');
    await expect(readFile((await download.path())!, 'utf8')).resolves.toBe(CSV_BODY);
    const req = api.requests.filter((r) => r.path.endsWith('/report')).at(-1)!;
    expect(req).toMatchObject({ method: 'GET', path: `/api/workspaces/${WS}/report`, format: 'csv', lens: 'minors', key: KEY });
    await expect(page.textContent('#export-status')).resolves.toBe('Downloaded custody-report.csv');
    // Formats the fake does not render answer 404: the failure is shown, not swallowed.
    await page.click('#export [data-format="sarif"]');
    await page.waitForFunction(() => document.querySelector('#export-status')?.textContent?.startsWith('SARIF export failed'));
  });

  it('time slider: loads the audit as of a past event with a read-only banner, and goes back to live', async () => {
    const log = sampleAuditLog();
    await page.waitForFunction((n) => (document.querySelector('#timeline-range') as HTMLInputElement).max === String(n), 4);
    await page.focus('#timeline-range');
    await page.keyboard.press('Home');
    await page.waitForFunction((s) => document.querySelector('#score b')?.textContent === String(s), PAST_SCORE);
    const past = api.requests.filter((r) => r.asOf);
    expect(past.map((r) => `${r.path.split('/').pop()} ${r.asOf} ${r.lens}`).sort()).toEqual([`audit ${log[0].at} minors`, `graph ${log[0].at} minors`]);
    expect(await page.isVisible('#asof-banner')).toBe(true);
    await expect(page.textContent('#asof-banner')).resolves.toContain('as of Jan 5, 2026');
    // The header names the moment shown (not when it was computed) and keeps the practice's jurisdiction.
    const header = await page.textContent('#workspace-name');
    expect(header).toContain(`as of ${await page.evaluate((at) => new Date(at).toLocaleString(), log[0].at)} (past)`);
    expect(header).toContain(api.report.practice.jurisdiction!);
    await expect(page.textContent('#timeline-label')).resolves.toContain(`${log[0].type} by ${log[0].actor}`);
    expect(await page.isDisabled('#upload-file')).toBe(true);
    expect(await page.isDisabled('#export [data-format="pdf"]')).toBe(true);
    await page.click('[role=tab][data-tab="whatif"]');
    expect(await page.isDisabled('#whatif [data-change="sign_baa"]')).toBe(true);

    await page.click('#asof-banner [data-action="back-to-live"]');
    await page.waitForFunction((s) => document.querySelector('#score b')?.textContent === String(s), api.report.score.total);
    expect(await page.isVisible('#asof-banner')).toBe(false);
    expect(api.requests.filter((r) => r.path.endsWith('/audit')).at(-1)!.asOf).toBeNull();
    expect(await page.isDisabled('#upload-file')).toBe(false);
    expect(await page.isDisabled('#whatif [data-change="sign_baa"]')).toBe(false);
    await expect(page.inputValue('#timeline-range')).resolves.toBe('4');
  });

  it('says when the map is the last scored run\'s while newer documents are scored, and stops saying it once scored', async () => {
    const shown = () => page.evaluate(() => { const n = document.querySelector<HTMLElement>('#notice')!; return n.hidden ? '' : n.textContent ?? ''; });
    api.stale = true;
    try {
      await page.evaluate(() => window.__custody!.reload());
      expect(await shown()).toMatch(/last scored map: newer documents are being scored/);
    } finally {
      api.stale = false;
    }
    await page.evaluate(() => window.__custody!.reload());
    expect(await shown()).toBe('');
  });

  describe('fleet of 2,000 notetaker installs', () => {
    let fleetPage: Page;

    beforeAll(async () => {
      fleetPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      fleetPage.on('pageerror', (e) => errors.push(e.message));
      await fleetPage.goto(`${base}/#key=${KEY}&ws=${FLEET_WS}`);
      await fleetPage.waitForFunction(() => (window.__custody?.cy.nodes().length ?? 0) > 0);
      await fleetPage.waitForFunction(() => document.body.getAttribute('aria-busy') === 'false');
    }, 60_000);

    afterAll(() => fleetPage?.close());

    it('draws its first view without reading the whole audit: the grouped map, the score and one page of findings', async () => {
      const fleetReads = api.requests.filter((r) => r.path.startsWith(`/api/workspaces/${FLEET_WS}`));
      expect(fleetReads.filter((r) => r.path.endsWith('/audit'))).toEqual([]);
      await expect(fleetPage.textContent('#score b')).resolves.toBe(String(api.fleet.score.total));
      await expect(fleetPage.textContent('#findings-count')).resolves.toBe(`${api.fleet.findings.length} of ${api.fleet.findings.length}`);
      expect(await fleetPage.locator('#findings-list li.finding').count()).toBe(100);
      // The Fleet tab's rows come from the map: still no audit.
      await fleetPage.click('[role=tab][data-tab="fleet"]');
      await expect(fleetPage.textContent('#fleet-summary')).resolves.toBe('2,000 installs in 10 groups');
      expect(api.requests.filter((r) => r.path === `/api/workspaces/${FLEET_WS}/audit`)).toEqual([]);
      await fleetPage.click('[role=tab][data-tab="details"]');
    });

    it('shows a clicked system from its own read (its contracts and worst findings), never the whole audit', async () => {
      const reads = () => api.requests.filter((r) => r.path.startsWith(`/api/workspaces/${FLEET_WS}/`));
      const audits = reads().filter((r) => r.path.endsWith('/audit')).length;
      await clickNode('ehr', fleetPage);
      const details = fleetPage.locator('#details');
      await details.locator('.chip.role').waitFor();
      await expect(details.locator('.details-name').textContent()).resolves.toBe(api.fleet.systems.find((s) => s.id === 'ehr')!.name);
      expect(reads().filter((r) => r.path.endsWith('/audit'))).toHaveLength(audits);
      expect(reads().filter((r) => r.path.includes('/systems/')).map((r) => r.path)).toEqual([`/api/workspaces/${FLEET_WS}/systems/ehr`]);
      // Its contracts as the audit has them, and its findings counted in full even when only the worst are carried.
      const charged = api.fleet.findings.filter((f) => f.systems.includes('ehr') || f.subject === 'system:ehr');
      await expect(details.locator('h3', { hasText: 'Findings (' }).textContent()).resolves.toBe(`Findings (${charged.length})`);
      expect(await details.locator('.contract').count()).toBe(api.fleet.systems.find((s) => s.id === 'ehr')!.contracts.length);
      await clickNode('ehr', fleetPage); // a second click reads nothing more
      expect(reads().filter((r) => r.path.includes('/systems/'))).toHaveLength(1);
      // A what-if on a group applies to each of its installs (the group's install table still reads the audit).
      const group = groupedGraph(toCytoscapeElements(api.fleet)).groups.find((g) => g.vendor === 'Murmur Notes' && g.site === 'Fresno')!;
      await clickNode(group.key, fleetPage);
      await fleetPage.click('[role=tab][data-tab="whatif"]');
      await expect(fleetPage.textContent('#whatif .whatif-controls > .muted')).resolves.toContain(`(applied to each of ${group.installs} installs)`);
      await fleetPage.click('#whatif [data-change="disable_training"]');
      await fleetPage.waitForFunction(() => !document.querySelector('#whatif .whatif-status'));
      const sent = JSON.parse(reads().filter((r) => r.path.endsWith('/what-if')).at(-1)!.body!) as { changes: { system: string }[] };
      const members = api.fleet.systems.filter((s) => s.group?.vendor === 'Murmur Notes' && s.group.site === 'Fresno').map((s) => s.id);
      expect(sent.changes.map((c) => c.system).sort()).toEqual(members.sort());
      await fleetPage.click('#whatif-reset');
      await fleetPage.click('[role=tab][data-tab="details"]');
    });

    it('collapses installs into one node per vendor + site, coloured by the worst install', async () => {
      // 2 vendors × 5 sites; ScribeWell groups also flow on to Nimbus. (Render time is measured in
      // `npm run bench:dashboard`, not asserted here: a loaded machine would make it flaky.)
      const state = await fleetPage.evaluate(() => {
        const cy = window.__custody!.cy;
        const g = cy.nodes('.fleet-group').filter((n) => n.data('label').startsWith('ScribeWell AI · Oakland'));
        return { nodes: cy.nodes().length, edges: cy.edges().length, groups: cy.nodes('.fleet-group').length, label: g.data('label'), classes: g.classes() };
      });
      const base9 = api.report.systems.length;
      expect(state).toMatchObject({ nodes: base9 + 10, edges: api.report.flows.length + 10 + 5, groups: 10, label: 'ScribeWell AI · Oakland (200 installs)' });
      const installs = toCytoscapeElements(api.fleet).nodes.filter((n) => n.data.group?.vendor === 'ScribeWell AI' && n.data.group.site === 'Oakland');
      const worst = installs.reduce((a, b) => (b.data.score > a.data.score ? b : a));
      expect(state.classes).toContain(worst.classes.split(' ').find((c) => c.startsWith('exposure-')));
      expect(state.classes).toContain('fleet-group');
    });

    it('asks the server only for the grouped, positioned view, and for a group\'s installs only when it is opened', async () => {
      const graphPath = `/api/workspaces/${FLEET_WS}/graph`;
      const graphReads = () => api.requests.filter((r) => r.path === graphPath);
      // Never the full graph: 2,000 installs' nodes and flows stay on the server until a group is opened.
      expect(graphReads().length).toBeGreaterThan(0);
      expect(graphReads().every((r) => r.view === 'grouped' && r.expand === null)).toBe(true);
      // Nor the flows again inside the audit (the panels need its systems and findings, the map has the flows).
      expect(api.requests.filter((r) => r.path === `/api/workspaces/${FLEET_WS}/audit`).every((r) => r.omit === 'flows')).toBe(true);
      const els = toCytoscapeElements(api.fleet);
      const drawnAt = () => fleetPage.evaluate(() => Object.fromEntries(window.__custody!.cy.nodes().map((n) => [n.id(), n.position()])));
      // The browser lays nothing out: every node sits where the server put it.
      const served = groupedGraph(els);
      expect(await drawnAt()).toEqual(Object.fromEntries(served.nodes.map((n) => [n.data.id, n.position])));

      const group = served.groups.find((g) => g.vendor === 'Murmur Notes' && g.site === 'Fresno')!;
      await fleetPage.click('[role=tab][data-tab="fleet"]');
      const row = fleetPage.locator(`#fleet details.fleet-group[data-group="${group.key}"]`);
      await row.locator('summary').click();
      await row.locator('[data-action="toggle-group"]').click();
      const opened = api.report.systems.length + 9 + group.installs;
      await fleetPage.waitForFunction((n) => window.__custody!.cy.nodes().length === n, opened);
      expect(graphReads().at(-1)).toMatchObject({ view: 'grouped', expand: group.key });
      const members = els.nodes.filter((n) => n.data.group?.vendor === 'Murmur Notes' && n.data.group.site === 'Fresno').map((n) => n.data.id);
      const drawn = await drawnAt();
      expect(members.every((id) => id in drawn)).toBe(true);
      expect(group.key in drawn).toBe(false);
      expect(drawn).toEqual(Object.fromEntries(groupedGraph(els, new Set([group.key])).nodes.map((n) => [n.data.id, n.position])));

      // Closing it asks for the collapsed view again.
      await row.locator('[data-action="toggle-group"]').click();
      await fleetPage.waitForFunction((n) => window.__custody!.cy.nodes().length === n, api.report.systems.length + 10);
      expect(graphReads().at(-1)).toMatchObject({ view: 'grouped', expand: null });
      // Double-clicking a group on the map opens it too.
      const at = await fleetPage.evaluate((id) => {
        const bb = window.__custody!.cy.getElementById(id).renderedBoundingBox({});
        const box = document.querySelector('#graph')!.getBoundingClientRect();
        return { x: box.left + (bb.x1 + bb.x2) / 2, y: box.top + (bb.y1 + bb.y2) / 2 };
      }, group.key);
      await fleetPage.mouse.dblclick(at.x, at.y);
      await fleetPage.waitForFunction((n) => window.__custody!.cy.nodes().length === n, opened);
      await row.locator('[data-action="toggle-group"]').click();
      await fleetPage.waitForFunction((n) => window.__custody!.cy.nodes().length === n, api.report.systems.length + 10);
      await row.locator('summary').click();
      expect(errors).toEqual([]);
    });

    it('lists the groups in the Fleet tab with settings and findings, and drills down to an install', async () => {
      await fleetPage.click('[role=tab][data-tab="fleet"]');
      await expect(fleetPage.textContent('#fleet-summary')).resolves.toBe('2,000 installs in 10 groups');
      expect(await fleetPage.locator('#fleet details.fleet-group').count()).toBe(10);
      const key = await fleetPage.evaluate(() => window.__custody!.cy.nodes('.fleet-group').filter((n) => n.data('label').startsWith('ScribeWell AI · Oakland')).id());
      const row = fleetPage.locator(`#fleet details.fleet-group[data-group="${key}"]`);
      await row.locator('summary').click();
      const members = api.fleet.systems.filter((s) => s.group?.vendor === 'ScribeWell AI' && s.group.site === 'Oakland');
      // The group's table is drawn when it opens: wait for it rather than reading at once.
      const chipCells = row.locator('tr', { hasText: 'Clinician can disable' }).locator('.chip');
      await chipCells.first().waitFor();
      const chips = await chipCells.allTextContents();
      expect(chips.sort()).toEqual([`no ${members.filter((m) => m.settings.can_disable === false).length}`, `yes ${members.filter((m) => m.settings.can_disable === true).length}`]);
      const trainingFindings = api.fleet.findings.filter((f) => f.kind === 'ai_training' && members.some((m) => f.systems.includes(m.id))).length;
      await expect(row.locator('.kinds li', { hasText: 'ai training' }).locator('b').textContent()).resolves.toBe(String(trainingFindings));
      await fleetPage.screenshot({ path: '/tmp/custody-dashboard-fleet.png' });

      const first = row.locator('button.install').first();
      const installId = (await first.getAttribute('data-install'))!;
      await first.click();
      await fleetPage.waitForFunction((id) => window.__custody!.cy.getElementById(id).nonempty(), installId);
      expect(await fleetPage.evaluate(() => window.__custody!.cy.nodes().length)).toBe(api.report.systems.length + 9 + 200);
      await expect(fleetPage.textContent('#details .details-name')).resolves.toBe(api.fleet.systems.find((s) => s.id === installId)!.name);
      expect(errors).toEqual([]);
    });

    it('opens a fleet finding on its install, not on the group: the install is drawn, selected and its evidence shown', async () => {
      // From the first view's reads alone: the Fleet tab above read the audit for the group it opened; with that
      // group closed, a reload forgets the audit and nothing reads it again.
      await fleetPage.click('[role=tab][data-tab="fleet"]');
      for (const open of await fleetPage.locator('#fleet details.fleet-group[open] > summary').all()) await open.click();
      await fleetPage.evaluate(() => window.__custody!.reload());
      await fleetPage.click('[role=tab][data-tab="details"]');
      // The list shows a page at a time: filter to one kind and take the first install finding on the page.
      await fleetPage.selectOption('#kind-filter', 'notetaker_cannot_disable');
      const shown = api.fleet.findings.filter((x) => x.kind === 'notetaker_cannot_disable');
      await fleetPage.waitForFunction((t) => document.querySelector('#findings-count')?.textContent === t, `${shown.length} of ${api.fleet.findings.length}`);
      expect(api.requests.filter((r) => r.path.endsWith('/findings')).at(-1)!.path).toBe(`/api/workspaces/${FLEET_WS}/findings`);
      expect(await fleetPage.locator('#findings-list li.finding').count()).toBe(100);
      const firstId = (await fleetPage.locator('#findings-list li.finding').first().getAttribute('data-finding-id'))!;
      const f = shown.find((x) => x.id === firstId)!;
      const audits = api.requests.filter((r) => r.path === `/api/workspaces/${FLEET_WS}/audit`).length;
      await fleetPage.click(`li[data-finding-id="${f.id}"]`);
      const id = f.subject.replace(/^system:/, '');
      await fleetPage.waitForFunction((sid) => window.__custody!.cy.getElementById(sid).nonempty() && window.__custody!.cy.getElementById(sid).hasClass('highlighted'), id);
      await expect(fleetPage.textContent('#details .details-name')).resolves.toBe(api.fleet.systems.find((s) => s.id === id)!.name);
      expect(await fleetPage.locator('#details .detail-finding.focused blockquote.quote').count()).toBeGreaterThan(0);
      // Which group holds the install, and its details, came from the install's own read.
      expect(api.requests.filter((r) => r.path === `/api/workspaces/${FLEET_WS}/audit`)).toHaveLength(audits);
      expect(api.requests.some((r) => r.path === `/api/workspaces/${FLEET_WS}/systems/${id}`)).toBe(true);
      // The rest of the list is a click away.
      await fleetPage.click('[data-action="more-findings"]');
      await fleetPage.waitForFunction((n) => document.querySelectorAll('#findings-list li.finding').length === n, Math.min(200, shown.length));
      expect(errors).toEqual([]);
    });

    it('shows a grouped fleet finding once, with its installs as instances, without drawing every install', async () => {
      api.fleet.findings = groupFindings(api.fleet.findings, api.fleet.systems);
      const grouped = api.fleet.findings.filter((f) => (f.instances?.length ?? 0) > 1);
      expect(grouped.length).toBeGreaterThan(0);
      await fleetPage.evaluate(() => window.__custody!.reload());
      const auditsBefore = api.requests.filter((r) => r.path === `/api/workspaces/${FLEET_WS}/audit`).length;
      await fleetPage.selectOption('#kind-filter', '');
      await fleetPage.waitForFunction((n) => document.querySelector('#findings-count')?.textContent?.endsWith(`of ${n}`), api.fleet.findings.length);
      const f = grouped.sort((a, b) => b.instances!.length - a.instances!.length)[0]!;
      await expect(fleetPage.locator(`li[data-finding-id="${f.id}"] .finding-meta`).textContent()).resolves.toContain(`${f.instances!.length.toLocaleString('en-US')} instances`);
      // Grouped under a vendor the graph has no system for (fleet-<vendor>): labelled by the vendor's name, not that id.
      const standIn = api.fleet.findings.find((x) => x.subject === 'system:fleet-murmur-notes' && (x.instances?.length ?? 0) > 1)!;
      await expect(fleetPage.locator(`li[data-finding-id="${standIn.id}"] .finding-meta`).textContent()).resolves.toMatch(/^Murmur Notes · [\d,]+ instances/);
      const drawn = await fleetPage.evaluate(() => window.__custody!.cy.nodes().length);
      await fleetPage.click(`li[data-finding-id="${f.id}"]`);
      await fleetPage.waitForSelector('#details .detail-finding.focused .instances');
      await expect(fleetPage.textContent('#details .detail-finding.focused .instances h4')).resolves.toContain(`Instances (${f.instances!.length.toLocaleString('en-US')})`);
      // The list carried its first three instances; opening it reads the first page of them, the rest on demand.
      const rows = '#details .detail-finding.focused .instances > ol > li.instance';
      const instanceReads = () => api.requests.filter((r) => r.path === `/api/workspaces/${FLEET_WS}/findings/${encodeURIComponent(f.id)}/instances`);
      await fleetPage.waitForFunction((sel) => document.querySelectorAll(sel).length === 20, rows);
      expect(instanceReads()).toHaveLength(1);
      expect(await fleetPage.locator(`${rows} blockquote.quote`).count()).toBeGreaterThan(0);
      expect(await fleetPage.locator(rows).evaluateAll((els) => els.map((e) => e.getAttribute('data-system')))).toEqual(f.instances!.slice(0, 20).map((i) => i.system));
      await fleetPage.click('#details [data-action="more-instances"]');
      await fleetPage.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length === n, [rows, Math.min(120, f.instances!.length)] as const);
      expect(instanceReads()).toHaveLength(2);
      expect(api.requests.filter((r) => r.path === `/api/workspaces/${FLEET_WS}/audit`).length).toBe(auditsBefore);
      // The map stays grouped: a finding on a thousand installs does not draw a thousand nodes.
      expect(await fleetPage.evaluate(() => window.__custody!.cy.nodes().length)).toBe(drawn);
      expect(errors).toEqual([]);
    });
  });
});
