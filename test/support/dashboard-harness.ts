/**
 * The fake API and browser the dashboard's browser specs share: the built dashboard served beside a fake API that
 * speaks the real contract (x-api-key, /audit, /graph, /score, /findings, /documents, /events, /audit-log,
 * /law-enforcement, /what-if, /report), under the API's own Content-Security-Policy, in Debian's headless Chromium. Building the
 * bundle comes first, so a broken build fails the spec that starts the harness.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join } from 'node:path';
import { FACT_NAMES, isValidFactValue, type AuditReport, type FactName } from '@custody/domain';
import { groupedGraph, parseExpand, toCytoscapeElements } from '@custody/graph';
import { lawEnforcementView } from '@custody/reports';
import type { Core } from 'cytoscape';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DASHBOARD_CSP } from '../../apps/api/src/http/security-headers.js';
import { fakeWhatIf, pastReport, sampleAuditLog } from '../fixtures/reports/dashboard-api-fixtures.js';
import { fleetAuditReport } from '../fixtures/reports/fleet-audit-report.js';
import { liveRead } from '../fixtures/reports/live-reads-api.js';
import { sampleAuditReport } from '../fixtures/reports/sample-audit-report.js';

// What apps/dashboard/src/main.ts exposes for tests (the page runs the bundle, not this file).
declare global {
  interface Window { __custody?: { cy: Core; reload: () => Promise<void> }; __cspViolations?: string[]; __mapTrace?: string[] }
  // Called by test/support/evidence-environment.mjs when a test fails; answers the folder it wrote.
  var __saveEvidence: ((testName: string) => Promise<string>) | undefined;
}

export const ROOT = process.cwd();
export const KEY = 'test-key-123';
export const WS = 'ws-harborview';
export const FLEET_WS = 'ws-fleet';
export const FLEET_INSTALLS = 2000;
export const CSV_BODY = 'id,severity,title\nai-training@system:scribe,high,Notetaker may train AI models on session data\n';
export const XSS_NAME = 'PixelMetrics <img src=x onerror="window.__xss=1">';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface FakeApi {
  report: AuditReport;
  fleet: AuditReport;
  requests: { method: string; path: string; lens: string | null; asOf: string | null; format: string | null; view?: string | null; expand?: string | null; omit?: string | null; key: string | undefined; body?: string }[];
  uploads: string[];
  streams: ServerResponse[];
  /** What GET /documents answers; uploads add rows, tests move their status on. */
  documents: { id: string; fileName: string; size: number; type: string; status: string; reason?: string; createdAt: string }[];
  /** Links POST /documents/:id/link recorded. */
  links: { documentId: string; system: string }[];
  /** Corrections POST /documents/:id/facts/:fact/corrections recorded (the FactCorrected event's payload). */
  corrections: { documentId: string; fact: string; value: unknown; reason: string; candidate?: unknown }[];
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

function startServer(api: FakeApi, dist: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) {
      const file = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
      if (!/^[\w.-]+$/.test(file)) return void res.writeHead(404).end();
      try {
        const body = await readFile(join(dist, file));
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
    // As the real route: the reports' law-enforcement rows of the view asked for.
    if (req.method === 'GET' && url.pathname === `${base}/law-enforcement`) return void json(lawEnforcementView(report));
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
    const correctionPath = new RegExp(`^${base}/documents/([^/]+)/facts/([^/]+)/corrections$`).exec(url.pathname);
    if (req.method === 'POST' && correctionPath) {
      const { value, reason, candidate } = JSON.parse(body ?? '{}') as { value?: unknown; reason?: string; candidate?: unknown };
      const [documentId, fact] = [decodeURIComponent(correctionPath[1]), decodeURIComponent(correctionPath[2])];
      // As the real route (CorrectFactCommand): a known fact, a valid value, a reason, or nothing is recorded.
      if (!FACT_NAMES.includes(fact as FactName) || !isValidFactValue(fact as FactName, value) || (candidate !== undefined && !isValidFactValue(fact as FactName, candidate)) || !reason?.trim()) {
        return void json({ error: 'invalid_input', message: `not a valid correction of ${fact}` }, 400);
      }
      api.corrections.push({ documentId, fact, value, reason, ...(candidate !== undefined ? { candidate } : {}) });
      return void json({ seq: 100 + api.corrections.length }, 202);
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


/** A running fake API and browser; `close` ends both. */
export interface DashboardHarness {
  api: FakeApi;
  base: string;
  browser: Browser;
  /** Every uncaught page error of every page opened with `open`. */
  errors: string[];
  /** `prepare` runs on the new page before it navigates (init scripts, listeners). */
  open: (ws: string, prepare?: (page: Page) => Promise<void>) => Promise<Page>;
  close: () => Promise<void>;
}

export async function startDashboardHarness(): Promise<DashboardHarness> {
  // Its own build: specs running in parallel would otherwise delete each other's chunks (the build clears old ones).
  const dist = mkdtempSync(join(tmpdir(), 'custody-dashboard-'));
  execFileSync(process.execPath, ['scripts/build-dashboard.mjs'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, CUSTODY_DASHBOARD_OUT: dist } });
  const api: FakeApi = { report: fakeReport(), fleet: fleetAuditReport(FLEET_INSTALLS), requests: [], uploads: [], streams: [], documents: [], links: [], corrections: [] };
  const server = await startServer(api, dist);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const errors: string[] = [];
  const pages: { page: Page; console: string[] }[] = [];
  /** A page on the workspace's dashboard once its first load is whole: the map drawn, then the panels filled. */
  const open = async (ws: string, prepare?: (page: Page) => Promise<void>): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const log: string[] = [];
    pages.push({ page, console: log });
    const note = (line: string) => { log.push(`${new Date().toISOString()} ${line}`); if (log.length > 300) log.shift(); };
    page.on('console', (m) => note(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => { errors.push(e.message); note(`pageerror: ${e.message}`); });
    page.on('requestfailed', (r) => note(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
    await prepare?.(page);
    await page.goto(`${base}/#key=${KEY}&ws=${ws}`);
    await page.waitForFunction(() => (window.__custody?.cy.nodes().length ?? 0) > 0);
    await page.waitForFunction(() => document.body.getAttribute('aria-busy') === 'false');
    await page.evaluate(traceMap);
    return page;
  };
  globalThis.__saveEvidence = (testName) => saveEvidence(testName, pages, api);
  const close = async () => {
    globalThis.__saveEvidence = undefined;
    for (const s of api.streams) s.end();
    await browser.close();
    await new Promise((r) => server.close(r));
    rmSync(dist, { recursive: true, force: true });
  };
  return { api, base, browser, errors, open, close };
}

/**
 * Keeps the map's last pointer events and Cytoscape's taps, double taps and selections (with the browser's event time,
 * which is what Cytoscape's double tap compares) in `window.__mapTrace`, for the evidence of a failed test.
 */
function traceMap(): void {
  const trace: string[] = (window.__mapTrace = []);
  const add = (line: string) => { trace.push(line); if (trace.length > 60) trace.shift(); };
  for (const type of ['mousedown', 'mouseup']) {
    document.querySelector('#graph')!.addEventListener(type, (e) => {
      const m = e as MouseEvent;
      add(`${m.timeStamp.toFixed(1)} ${type} ${m.clientX},${m.clientY}`);
    }, { capture: true });
  }
  window.__custody!.cy.on('tap dbltap select unselect', (ev) => {
    const target = ev.target as { id?: () => string } | Core;
    const id = target === window.__custody!.cy ? '(background)' : (target as { id: () => string }).id();
    add(`${(ev.originalEvent?.timeStamp ?? performance.now()).toFixed(1)} cy:${ev.type} ${id}`);
  });
}

/**
 * What a failed test leaves in test-results/dashboard-e2e/ (gitignored): for each page the harness opened, a
 * screenshot, its console, and the map's state (selection, drawn groups and installs, viewport, last pointer events),
 * with the fake API's last requests.
 */
async function saveEvidence(testName: string, pages: { page: Page; console: string[] }[], api: FakeApi): Promise<string> {
  const spec = basename(expect.getState().testPath ?? 'spec').replace(/\.e2e-spec\.ts$/, '');
  const slug = testName.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 80).replace(/^-|-$/g, '');
  const dir = join(ROOT, 'test-results', 'dashboard-e2e', spec, `${slug}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  await mkdir(dir, { recursive: true });
  const requests = api.requests.slice(-15).map((r) => `${r.method} ${r.path}${r.view ? ` view=${r.view}` : ''}${r.expand ? ` expand=${r.expand}` : ''}`);
  await Promise.all(pages.map(async ({ page, console: log }, i) => {
    if (page.isClosed()) return;
    const name = `page-${i + 1}`;
    await writeFile(join(dir, `${name}-console.log`), `${page.url()}\n${log.join('\n')}\n`);
    const map = await page.evaluate(() => {
      const cy = window.__custody?.cy;
      if (!cy) return { cy: 'not started' };
      const installs = cy.nodes().filter((n) => Boolean(n.data('group')) && !n.hasClass('fleet-group'));
      const groupsOfInstalls = [...new Set(installs.map((n) => { const g = n.data('group') as { vendor: string; site: string }; return `${g.vendor} · ${g.site}`; }))];
      return {
        selected: cy.$(':selected').map((e) => e.id()),
        nodes: cy.nodes().length,
        edges: cy.edges().length,
        fleetGroups: cy.nodes('.fleet-group').length,
        drawnInstallGroups: groupsOfInstalls,
        viewport: { zoom: cy.zoom(), pan: cy.pan(), width: cy.width(), height: cy.height(), container: document.querySelector('#graph')?.getBoundingClientRect().toJSON() },
        activeTab: document.querySelector('[role=tab][aria-selected=true]')?.getAttribute('data-tab') ?? null,
        busy: document.body.getAttribute('aria-busy'),
        trace: window.__mapTrace ?? [],
      };
    }).catch((err: unknown) => ({ error: String(err) }));
    await writeFile(join(dir, `${name}-state.json`), `${JSON.stringify({ test: testName, url: page.url(), ...map, lastRequests: requests }, null, 1)}\n`);
    await page.screenshot({ path: join(dir, `${name}.png`), timeout: 10_000 }).catch(() => undefined);
  }));
  return dir;
}

/**
 * Clicks a node where Chromium draws it (a real mouse click on the canvas, not a Cytoscape event), at its body (not its
 * label) read after two animation frames, and waits until Cytoscape has it selected. A click that selects nothing else
 * is a failure naming what is selected, not a reason to click again: a second click on a group is a double click.
 */
export async function clickNode(on: Page, id: string): Promise<void> {
  const at = await on.evaluate(async (nodeId) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const bb = window.__custody!.cy.getElementById(nodeId).renderedBoundingBox({ includeLabels: false });
    const box = document.querySelector('#graph')!.getBoundingClientRect();
    return { x: box.left + (bb.x1 + bb.x2) / 2, y: box.top + (bb.y1 + bb.y2) / 2 };
  }, id);
  await on.mouse.click(at.x, at.y);
  await on.waitForFunction((nodeId) => window.__custody!.cy.getElementById(nodeId).selected(), id).catch(async (err: unknown) => {
    const selected = await on.evaluate(() => window.__custody!.cy.$(':selected').map((e) => e.id())).catch(() => '?');
    throw new Error(`clickNode: a click at ${Math.round(at.x)},${Math.round(at.y)} did not select ${id} (selected: ${JSON.stringify(selected)}): ${String(err)}`);
  });
}
