/**
 * Dashboard bench (issue 11): a fleet workspace of ~5,000 systems and ~20,000 flows, in headless Chromium,
 * Custody's dashboard against plain Cytoscape drawing every element of the same graph (canvas renderer,
 * preset grid positions, haystack edges, no labels) — served by the same local server in the same run, in
 * alternating rounds, so the ratio holds on a loaded machine.
 *
 * Figures per page: time from navigation to the first useful render, elements drawn, bytes fetched from the API
 * (by the first render, and by the end), reads of the whole audit by then, and pan frame times (60 animation
 * frames of panning: median and p90 of the frame intervals), and for Custody a click on the EHR (the system every
 * install writes to): time until its contracts and findings show, bytes read from the API, whole-audit reads.
 *
 * "First useful render" is one definition for both pages (READY): the map has its elements, every panel of the
 * first view the page has is filled (Custody: the score in the header and the findings list's first page; the
 * plain page has neither), and a frame has been painted after that.
 *
 * Goals: Custody's first useful render ≤ 1.5 s and ≥ 3× faster than plain; pan frames ≤ 50 ms (median and p90).
 *
 *   npx tsx test/bench/dashboard.bench.ts [--installs 5000] [--rounds 3] [--json] [--serve] [--no-build] [--base DIR]
 *
 * --base DIR: also load another build of the dashboard (e.g. main's, `CUSTODY_DASHBOARD_OUT=DIR node
 * scripts/build-dashboard.mjs` in its worktree) in each round, served from /base/ by the same server, so a change
 * to the dashboard is measured against its base in the same run (base → this build, median ms and ratio).
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditReport } from '@custody/domain';
import { groupedGraph, parseExpand, toCytoscapeElements } from '@custody/graph';
import { chromium, type Page } from 'playwright-core';
import { fleetAuditReport } from '../fixtures/reports/fleet-audit-report.js';
import { liveRead } from '../fixtures/reports/live-reads-api.js';
import { arg, flag } from './support/args.js';
import { BENCH_CHROMIUM_ARGS, FIRST_PAINT_PROBE, READY } from './support/dashboard-ready.js';

const asJson = flag('--json');
const INSTALLS = Number(arg('--installs') ?? 5000);
const ROUNDS = Number(arg('--rounds') ?? 3);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(root, 'dist/dashboard');
const BASE_DIST = arg('--base');
const CYTOSCAPE = join(root, 'node_modules/cytoscape/dist/cytoscape.esm.min.mjs');
const KEY = 'bench-key';
const WS = 'ws-fleet';
const log = (s: string) => { if (!asJson) console.error(s); };

/** The fleet fixture, with each install also writing to the EHR, the clearinghouse and the SMS service: ~4–5 flows per system. */
function workload(installs: number): AuditReport {
  const r = fleetAuditReport(installs);
  const extra = ['ehr', 'clearinghouse', 'sms'].filter((id) => r.systems.some((s) => s.id === id));
  for (const s of r.systems.filter((x) => x.group)) {
    for (const to of extra) r.flows.push({ id: `${s.id}->${to}`, from: s.id, to, data: ['session_transcript'], transport: 'https', legalBasis: 'baa', evidence: s.evidence });
  }
  return r;
}

/** The plain reference: every element, preset grid positions, haystack edges, nothing else. */
const PLAIN_HTML = `<!doctype html><html><head><meta charset="utf-8"><style>html,body,#cy{margin:0;width:100%;height:100%}</style></head>
<body><div id="cy"></div><script type="module">
import cytoscape from '/cytoscape.mjs';
const els = await (await fetch('/api/workspaces/${WS}/graph', { headers: { 'x-api-key': '${KEY}' } })).json();
const cols = Math.ceil(Math.sqrt(els.nodes.length));
const nodes = els.nodes.map((n, i) => ({ group: 'nodes', data: { id: n.data.id }, position: { x: (i % cols) * 60, y: Math.floor(i / cols) * 60 } }));
const edges = els.edges.map((e) => ({ group: 'edges', data: { id: e.data.id, source: e.data.source, target: e.data.target } }));
const cy = cytoscape({ container: document.getElementById('cy'), elements: [...nodes, ...edges], layout: { name: 'preset' },
  style: [{ selector: 'node', style: { width: 20, height: 20 } }, { selector: 'edge', style: { 'curve-style': 'haystack', width: 1 } }] });
window.__custody = { cy };
</script></body></html>`;

interface Served { server: Server; base: string; apiBytes: () => number; auditReads: () => number; reset: () => void }

function serve(report: AuditReport): Promise<Served> {
  const audit = JSON.stringify(report);
  const { flows: _flows, ...withoutFlows } = report;
  const auditWithoutFlows = JSON.stringify(withoutFlows);
  const elements = toCytoscapeElements(report);
  const graph = JSON.stringify(elements);
  const views = new Map<string, ReturnType<typeof groupedGraph>>();
  const groupedView = (expanded: Set<string>) => {
    const key = [...expanded].sort().join(',');
    let view = views.get(key);
    if (!view) views.set(key, (view = groupedGraph(elements, expanded)));
    return view;
  };
  // The stored view: the scoring run wrote it before anyone opened the dashboard.
  groupedView(new Set());
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css' };
  let bytes = 0;
  let audits = 0;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string | Buffer) => {
      if (url.pathname.startsWith('/api/')) bytes += Buffer.byteLength(body);
      res.writeHead(status, { 'content-type': type }).end(body);
    };
    if (url.pathname === '/plain.html') return send(200, 'text/html', PLAIN_HTML);
    if (url.pathname === '/cytoscape.mjs') return send(200, 'text/javascript', await readFile(CYTOSCAPE));
    if (!url.pathname.startsWith('/api/')) {
      // /base/…: the other build (--base); its pages ask the same /api/ as this one.
      const [dir, path] = BASE_DIST && url.pathname.startsWith('/base/') ? [BASE_DIST, url.pathname.slice('/base'.length)] : [DIST, url.pathname];
      const file = path === '/' ? 'index.html' : path.slice(1);
      try { return send(200, types[extname(file)] ?? 'application/octet-stream', await readFile(join(dir, file))); } catch { return send(404, 'text/plain', ''); }
    }
    if (req.headers['x-api-key'] !== KEY) return send(401, 'application/json', '{}');
    const path = url.pathname.replace(`/api/workspaces/${WS}`, '');
    if (path === '/audit') audits++;
    if (path === '/audit') return send(200, 'application/json', url.searchParams.get('omit') === 'flows' ? auditWithoutFlows : audit);
    // The API's grouped view (what the dashboard draws first), served as the API serves it: with nothing
    // expanded, the view the scoring run stored (StoredGroupedViews), else composed once per expansion and
    // kept (AuditService.grouped); serialised per request. Composing it per request (as this bench did) put
    // 50-100 ms of server CPU on the first view's path that the API does not spend there.
    if (path === '/graph' && url.searchParams.get('view') === 'grouped') return send(200, 'application/json', JSON.stringify(groupedView(parseExpand(url.searchParams.getAll('expand')))));
    if (path === '/graph') return send(200, 'application/json', graph);
    if (path === '/documents' || path === '/audit-log') return send(200, 'application/json', '[]');
    // The live view's small reads (name, score, findings pages, a finding's instances), paged as the API pages them.
    const live = liveRead(report, path, url.searchParams);
    if (live) return send(live.status, 'application/json', JSON.stringify(live.body));
    if (path === '/events') { res.writeHead(200, { 'content-type': 'text/event-stream' }); res.write(': hello\n\n'); return; }
    return send(404, 'application/json', '{}');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiBytes: () => bytes, auditReads: () => audits, reset: () => { bytes = 0; audits = 0; },
  })));
}

interface Sample {
  readyMs: number; paintedMs: number; nodes: number; edges: number; apiBytes: number; readyBytes: number; readyAudits: number; panMedianMs: number; panP90Ms: number;
  /** A click on the EHR (the system every install writes to): bytes and whole-audit reads until its details show. */
  click?: { ms: number; bytes: number; audits: number };
  /** Where the first view's time went, ms since navigation (STEPS_SCRIPT): code and reads arrived, map drawn, list shown. */
  steps: Record<string, number>;
}

/**
 * The page's own timeline: when the dashboard's code chunk and the last API read of the first view arrived
 * (resource timing), and the dashboard's `custody:*` marks (map read and drawn, live reads, list shown).
 */
const STEPS_SCRIPT = `(() => {
  const out = {};
  const res = performance.getEntriesByType('resource');
  const code = res.filter((r) => /\\/chunk-.*\\.js$|cytoscape\\.mjs$/.test(r.name)).sort((a, b) => b.transferSize - a.transferSize)[0];
  if (code) out['code-fetched'] = code.responseEnd;
  const api = res.filter((r) => r.name.includes('/api/') && !r.name.includes('/events') && r.responseEnd <= window.__firstPaint);
  if (api.length) out['api-read'] = Math.max(...api.map((r) => r.responseEnd));
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('custody:')) out[m.name.slice(8)] = m.startTime;
  for (const k of Object.keys(out)) out[k] = Math.round(out[k]);
  return out;
})()`;

const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

async function measure(page: Page, url: string, srv: Served): Promise<Sample> {
  srv.reset();
  await page.addInitScript(FIRST_PAINT_PROBE);
  const t0 = Date.now();
  await page.goto(url);
  // Ready: usable (READY) and a frame has been painted after it.
  await page.waitForFunction(READY, null, { timeout: 300_000, polling: 20 });
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  const readyMs = Date.now() - t0;
  const readyBytes = srv.apiBytes();
  const readyAudits = srv.auditReads();
  const paintedMs = Math.round(await page.evaluate('window.__firstPaint') as number);
  const steps = await page.evaluate(STEPS_SCRIPT) as Record<string, number>;
  // A string, not a function: tsx would wrap a function's inner helpers in `__name`, which the page lacks.
  const pan = await page.evaluate(PAN_SCRIPT) as { frames: number[]; nodes: number; edges: number };
  const apiBytes = srv.apiBytes();
  const sample: Sample = { readyMs, paintedMs, steps, readyBytes, readyAudits, nodes: pan.nodes, edges: pan.edges, apiBytes, panMedianMs: quantile(pan.frames, 0.5), panP90Ms: quantile(pan.frames, 0.9) };
  if (await page.evaluate('document.querySelector("#details") !== null')) {
    // What a click on a system costs the page: from the tap to its contracts and findings in the details panel.
    const audits = srv.auditReads();
    const c0 = Date.now();
    // void: the node collection emit() returns would be serialised back (Cytoscape's whole object graph).
    await page.evaluate(`void window.__custody.cy.getElementById(${JSON.stringify(CLICKED)}).emit('tap')`);
    await page.waitForFunction(`document.querySelector('#details .chip.role') !== null && !document.querySelector('#details [aria-busy="true"]')`, null, { timeout: 300_000, polling: 20 });
    sample.click = { ms: Date.now() - c0, bytes: srv.apiBytes() - apiBytes, audits: srv.auditReads() - audits };
  }
  return sample;
}

/** The system clicked: the EHR, which every install writes to (the most charged system of the fleet). */
const CLICKED = 'ehr';

/** 60 animation frames of panning; resolves with the frame intervals and what is drawn. */
const PAN_SCRIPT = `new Promise((resolve) => {
  const cy = window.__custody.cy;
  const frames = [];
  let last = performance.now();
  let n = 0;
  const step = () => {
    const now = performance.now();
    if (n > 0) frames.push(now - last);
    last = now;
    cy.panBy({ x: n % 40 < 20 ? 15 : -15, y: 5 * Math.sin(n / 5) });
    if (++n <= 60) requestAnimationFrame(step);
    else resolve({ frames, nodes: cy.nodes(':visible').length, edges: cy.edges(':visible').length });
  };
  requestAnimationFrame(step);
})`;

const r1 = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  if (!flag('--no-build')) execFileSync(process.execPath, ['scripts/build-dashboard.mjs'], { cwd: root, stdio: 'pipe' });
  const report = workload(INSTALLS);
  log(`workload: ${report.systems.length} systems, ${report.flows.length} flows, ${report.findings.length} findings`);
  const srv = await serve(report);
  if (flag('--serve')) {
    // Keep serving, to look at the workload (or profile it) by hand.
    console.log(`Custody: ${srv.base}/#key=${KEY}&ws=${WS}\nplain:   ${srv.base}/plain.html`);
    return;
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: BENCH_CHROMIUM_ARGS,
  });
  const custody: Sample[] = [];
  const plain: Sample[] = [];
  const base: Sample[] = [];
  const pages = BASE_DIST ? ['custody', 'plain', 'base'] as const : ['custody', 'plain'] as const;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first, so warm-up and background load do not favour one side.
      // (With --base, the three pages take turns going first.)
      const order = BASE_DIST ? pages.map((_, i) => pages[(i + round) % pages.length]!) : round % 2 === 0 ? pages : [...pages].reverse();
      for (const which of order) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        const url = which === 'plain' ? `${srv.base}/plain.html` : `${srv.base}${which === 'base' ? '/base' : ''}/#key=${KEY}&ws=${WS}`;
        const s = await measure(page, url, srv);
        ({ custody, plain, base })[which].push(s);
        log(`round ${round + 1} ${which.padEnd(7)} ready ${s.readyMs} ms (in the page: painted at ${s.paintedMs} ms), ${s.nodes} nodes / ${s.edges} edges drawn, ${Math.round(s.readyBytes / 1024)} KiB from the API before it (${Math.round(s.apiBytes / 1024)} KiB by the end of panning), ${s.readyAudits} audit read(s) before it, pan median ${r1(s.panMedianMs)} ms p90 ${r1(s.panP90Ms)} ms${s.click ? `; a click on the EHR: details in ${s.click.ms} ms, ${Math.round(s.click.bytes / 1024)} KiB read, ${s.click.audits} audit read(s)` : ''}`);
        log(`    in the page (ms since navigation): ${Object.entries(s.steps).sort((a, b) => a[1] - b[1]).map(([k, v]) => `${k} ${v}`).join(', ')}, painted ${s.paintedMs}`);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    srv.server.closeAllConnections();
    srv.server.close();
  }
  const med = (xs: Sample[], k: Exclude<keyof Sample, 'click' | 'steps'>) => quantile(xs.map((x) => x[k]), 0.5);
  const medSteps = (xs: Sample[]) => Object.fromEntries(Object.keys(xs[0].steps).map((k) => [k, quantile(xs.map((x) => x.steps[k] ?? NaN), 0.5)]).sort((a, b) => (a[1] as number) - (b[1] as number)));
  const ratio = med(plain, 'readyMs') / med(custody, 'readyMs');
  const result = {
    workload: { systems: report.systems.length, flows: report.flows.length, findings: report.findings.length },
    custody: {
      readyMs: med(custody, 'readyMs'), paintedMs: med(custody, 'paintedMs'), panMedianMs: r1(med(custody, 'panMedianMs')), panP90Ms: r1(med(custody, 'panP90Ms')), nodes: custody[0].nodes, edges: custody[0].edges, apiKiB: Math.round(custody[0].apiBytes / 1024), firstViewKiB: Math.round(med(custody, 'readyBytes') / 1024), auditReadsBeforeReady: Math.max(...custody.map((x) => x.readyAudits)),
      steps: medSteps(custody),
      click: { ms: quantile(custody.map((x) => x.click?.ms ?? NaN), 0.5), KiB: Math.round(quantile(custody.map((x) => x.click?.bytes ?? NaN), 0.5) / 1024), audits: Math.max(...custody.map((x) => x.click?.audits ?? 0)) },
    },
    plain: { readyMs: med(plain, 'readyMs'), paintedMs: med(plain, 'paintedMs'), panMedianMs: r1(med(plain, 'panMedianMs')), panP90Ms: r1(med(plain, 'panP90Ms')), nodes: plain[0].nodes, edges: plain[0].edges, apiKiB: Math.round(plain[0].apiBytes / 1024), firstViewKiB: Math.round(med(plain, 'readyBytes') / 1024) },
    ratio: r1(ratio),
    ...(base.length ? { base: { readyMs: med(base, 'readyMs'), paintedMs: med(base, 'paintedMs'), steps: medSteps(base), panMedianMs: r1(med(base, 'panMedianMs')), panP90Ms: r1(med(base, 'panP90Ms')) } } : {}),
    paintedRatio: r1(med(plain, 'paintedMs') / med(custody, 'paintedMs')),
    rounds: ROUNDS,
    goals: { readyMs: 1500, ratio: 3, panMs: 50 },
  };
  const pass = {
    ready: result.custody.readyMs <= 1500,
    ratio: ratio >= 3,
    pan: result.custody.panMedianMs <= 50 && result.custody.panP90Ms <= 50,
  };
  if (asJson) console.log(JSON.stringify({ ...result, pass }, null, 2));
  else {
    console.log(`dashboard, ${result.workload.systems} systems / ${result.workload.flows} flows, median of ${ROUNDS} paired rounds:`);
    console.log(`  first useful render: Custody ${result.custody.readyMs} ms vs plain Cytoscape ${result.plain.readyMs} ms → ${result.ratio}× (goal ≤ 1500 ms and ≥ 3×) ${pass.ready && pass.ratio ? 'PASS' : 'FAIL'}`);
    console.log(`  seen from inside the page (first frame painted after the elements): Custody ${result.custody.paintedMs} ms vs plain ${result.plain.paintedMs} ms → ${result.paintedRatio}×`);
    console.log(`  Custody's first view in the page (median ms since navigation): ${Object.entries(result.custody.steps).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`  pan frames: Custody median ${result.custody.panMedianMs} ms, p90 ${result.custody.panP90Ms} ms; plain median ${result.plain.panMedianMs} ms, p90 ${result.plain.panP90Ms} ms (goal ≤ 50 ms) ${pass.pan ? 'PASS' : 'FAIL'}`);
    if (result.base) console.log(`  against the --base build in the same rounds: ready ${result.base.readyMs} → ${result.custody.readyMs} ms (${r1(result.base.readyMs / result.custody.readyMs)}×), painted ${result.base.paintedMs} → ${result.custody.paintedMs} ms (${r1(result.base.paintedMs / result.custody.paintedMs)}×); base's steps: ${Object.entries(result.base.steps).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`  drawn: Custody ${result.custody.nodes} nodes / ${result.custody.edges} edges; plain ${result.plain.nodes} / ${result.plain.edges}`);
    console.log(`  whole-audit reads before the first render (most in a round): Custody ${result.custody.auditReadsBeforeReady}`);
    console.log(`  from the API before the first render (median): Custody ${result.custody.firstViewKiB} KiB, plain ${result.plain.firstViewKiB} KiB; by the end of panning: Custody ${result.custody.apiKiB} KiB, plain ${result.plain.apiKiB} KiB`);
    console.log(`  a click on the EHR (median): details shown after ${result.custody.click.ms} ms, ${result.custody.click.KiB} KiB read from the API, ${result.custody.click.audits} whole-audit read(s)`);
  }
}

await main();
