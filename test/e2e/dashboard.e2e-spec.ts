/**
 * The built dashboard in headless Chromium against a fake API that speaks the real contract
 * (x-api-key, /audit, /graph, /documents, /events). Builds the bundle first, so a broken build fails here.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { AuditReport } from '@custody/domain';
import { toCytoscapeElements } from '@custody/graph';
import type { Core } from 'cytoscape';
import { type Browser, chromium, type Page } from 'playwright-core';
import { sampleAuditReport } from '../fixtures/reports/sample-audit-report.js';

// What apps/dashboard/src/main.ts exposes for tests (the page runs the bundle, not this file).
declare global {
  interface Window { __custody?: { cy: Core; reload: () => Promise<void> } }
}

const ROOT = process.cwd();
const DIST = join(ROOT, 'dist/dashboard');
const KEY = 'test-key-123';
const WS = 'ws-harborview';
const XSS_NAME = 'PixelMetrics <img src=x onerror="window.__xss=1">';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

interface FakeApi {
  report: AuditReport;
  requests: { method: string; path: string; lens: string | null; key: string | undefined }[];
  uploads: string[];
  streams: ServerResponse[];
}

function fakeReport(): AuditReport {
  const r = sampleAuditReport();
  // A hostile system name: must show as text, never run.
  r.systems.find((s) => s.id === 'pixel')!.name = XSS_NAME;
  return r;
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
        return void res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        return void res.writeHead(404).end();
      }
    }
    const key = req.headers['x-api-key'] as string | undefined;
    api.requests.push({ method: req.method ?? '', path: url.pathname, lens: url.searchParams.get('lens'), key });
    if (key !== KEY) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
    const base = `/api/workspaces/${WS}`;
    const lens = (url.searchParams.get('lens') ?? api.report.lens) as AuditReport['lens'];
    const json = (body: unknown, status = 200) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method === 'GET' && url.pathname === `${base}/audit`) return void json({ ...api.report, lens });
    if (req.method === 'GET' && url.pathname === `${base}/graph`) return void json(toCytoscapeElements(api.report));
    if (req.method === 'POST' && url.pathname === `${base}/documents`) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      api.uploads.push(Buffer.concat(chunks).toString('utf8'));
      return void json({ id: 'doc-1', status: 'received' }, 202);
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
  const api: FakeApi = { report: fakeReport(), requests: [], uploads: [], streams: [] };
  const errors: string[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-dashboard.mjs'], { cwd: ROOT, stdio: 'pipe' });
    server = await startServer(api);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/#key=${KEY}&ws=${WS}`);
    await page.waitForFunction(() => (window.__custody?.cy.nodes().length ?? 0) > 0);
  }, 120_000);

  afterAll(async () => {
    for (const s of api.streams) s.end();
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  const clickNode = async (id: string) => {
    const at = await page.evaluate((nodeId) => {
      const bb = window.__custody!.cy.getElementById(nodeId).renderedBoundingBox({});
      const box = document.querySelector('#graph')!.getBoundingClientRect();
      return { x: box.left + (bb.x1 + bb.x2) / 2, y: box.top + (bb.y1 + bb.y2) / 2 };
    }, id);
    await page.mouse.click(at.x, at.y);
  };

  it('renders every system and flow, with the practice, score and lens in the header', async () => {
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
    const apiCalls = api.requests.filter((r) => r.path.endsWith('/audit') || r.path.endsWith('/graph'));
    expect(apiCalls.length).toBeGreaterThanOrEqual(2);
    for (const r of apiCalls) expect(r.key).toBe(KEY);
  });

  it('shows a clicked node\'s role, holdings, contract facts and findings with evidence quotes, and the path to it', async () => {
    await clickNode('scribe');
    const details = page.locator('#details');
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
    await page.selectOption('#severity-filter', 'critical');
    expect(await page.locator('#findings-list li.finding').count()).toBe(1);
    await page.selectOption('#severity-filter', '');
    expect(await page.locator('#findings-list li.finding').count()).toBe(api.report.findings.length);
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
    const before = api.requests.filter((r) => r.path.endsWith('/audit')).length;
    api.report.score.total = 64;
    for (const s of api.streams) s.write('event: exposure.scored\ndata: {"total":64}\n\n');
    await page.waitForFunction(() => document.querySelector('#score b')?.textContent === '64');
    expect(api.requests.filter((r) => r.path.endsWith('/audit')).length).toBeGreaterThan(before);
    await expect(page.textContent('#live .last')).resolves.toContain('exposure.scored');
  });

  it('switches lens by refetching audit and graph with ?lens=', async () => {
    await page.selectOption('#lens', 'minors');
    await page.waitForFunction(() => (document.querySelector('#lens') as HTMLSelectElement).value === 'minors' && !document.querySelector('#notice:not([hidden])'));
    const lensed = api.requests.filter((r) => r.lens === 'minors').map((r) => r.path.split('/').pop()).sort();
    expect(lensed).toEqual(['audit', 'graph']);
  });

  it('uploads a document as multipart field "file"', async () => {
    await page.setInputFiles('#upload-file', { name: 'new-baa.txt', mimeType: 'text/plain', buffer: Buffer.from('Business Associate Agreement') });
    await page.waitForFunction(() => document.querySelector('#upload-status')?.textContent === 'new-baa.txt: received');
    expect(api.uploads).toHaveLength(1);
    expect(api.uploads[0]).toContain('name="file"; filename="new-baa.txt"');
    expect(api.uploads[0]).toContain('Business Associate Agreement');
  });
});
