/**
 * The built dashboard in headless Chromium on a small practice (the sample audit, with a hostile system name),
 * against the fake API of test/support/dashboard-harness.ts: the first view, the map, a node's and a finding's
 * details, image exports and the strict content policy. What changes the page afterwards (live events, lens,
 * uploads, links, what-if, export, time) is in dashboard-live.e2e-spec.ts; the fleet's views in
 * dashboard-fleet.e2e-spec.ts.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { clickNode, type DashboardHarness, type FakeApi, KEY, WS, XSS_NAME } from '../support/dashboard-harness.js';
import { smallPracticePage } from '../support/dashboard-page.js';
import { buildReportModel } from '@custody/reports';

describe('dashboard (browser)', () => {
  const s = smallPracticePage();
  const { cspConsole } = s;
  let h: DashboardHarness;
  let api: FakeApi;
  let errors: string[];
  let page: Page;
  beforeAll(() => ({ h, api, errors, page } = s));

  it('renders every system and flow, with the practice, score and lens in the header', async () => {
    // The first view comes from the small reads alone: the map, the stored score, the first findings page.
    const read = new Set(api.requests.map((r) => r.path.replace(`/api/workspaces/${WS}`, '') || '/'));
    expect([...read].filter((p) => !['/', '/graph', '/score', '/findings', '/documents', '/events', '/audit-log'].includes(p))).toEqual([]);
    expect(['/', '/graph', '/score', '/findings'].every((p) => read.has(p))).toBe(true);
    expect(api.requests.find((r) => r.path.endsWith('/findings'))).toMatchObject({ key: KEY });
    await expect(page.locator('#findings-list li.finding').count()).resolves.toBe(api.report.findings.length);
    // Ranked as the report ranks them (worst severity, then most points), not by id within a severity.
    const listed = await page.locator('#findings-list li.finding').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-finding-id')));
    expect(listed).toEqual(buildReportModel(api.report).bySeverity.flatMap((g) => g.findings.map((v) => v.finding.id)));
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

  it('draws no map canvas until the map has arrived (no empty map painted and committed first), then draws it', async () => {
    const other = await h.browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      // Hold the grouped map's read: the page's code runs and the other first-view reads answer meanwhile.
      let release!: () => void;
      const held = new Promise<void>((r) => { release = r; });
      let asked!: () => void;
      const mapAsked = new Promise<void>((r) => { asked = r; });
      await other.route((u) => u.pathname.endsWith('/graph') && u.searchParams.get('view') === 'grouped', async (route) => {
        asked();
        await held;
        await route.continue();
      });
      await other.goto(`${h.base}/#key=${KEY}&ws=${WS}`);
      await mapAsked;
      // The dashboard has started (its map view exists) and a few frames have passed.
      await other.waitForFunction(() => window.__custody !== undefined);
      await other.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await other.evaluate(() => document.querySelectorAll('#graph canvas').length)).toBe(0);
      release();
      await other.waitForFunction(() => (window.__custody?.cy.nodes().length ?? 0) > 0);
      expect(await other.evaluate(() => document.querySelectorAll('#graph canvas').length)).toBeGreaterThan(0);
      expect(await other.evaluate(() => window.__custody!.cy.nodes().length)).toBe(api.report.systems.length);
    } finally {
      await other.close();
    }
  });

  it('takes credentials from the fragment, keeps them for the tab and clears the address bar', async () => {
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => sessionStorage.getItem('custody.apiKey'))).toBe(KEY);
    const apiCalls = api.requests.filter((r) => r.path.startsWith('/api/') && !r.path.endsWith('/events'));
    expect(apiCalls.length).toBeGreaterThanOrEqual(4);
    for (const r of apiCalls) expect(r.key).toBe(KEY);
  });

  it('shows a clicked node\'s role, holdings, contract facts and findings with evidence quotes, and the path to it', async () => {
    await clickNode(page, 'scribe');
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
      await clickNode(page, 'ehr');
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
    await clickNode(page, 'pixel');
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
    // The SVG exporter is its own chunk, neither preloaded nor fetched before the first SVG download.
    const chunks = () => page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((n) => /^\/chunk-[^/]+\.js$/.test(n)));
    const preloaded = await page.locator('link[rel="modulepreload"]').evaluateAll((ls) => ls.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    const before = await chunks();
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-image="png"]')]);
    expect(png.suggestedFilename()).toBe('custody-map.png');
    const bytes = await readFile((await png.path())!);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(5_000);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-image="svg"]')]);
    expect(svg.suggestedFilename()).toBe('custody-map.svg');
    const text = await readFile((await svg.path())!, 'utf8');
    expect(text).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
    const fetched = (await chunks()).filter((c) => !before.includes(c));
    expect(fetched).toHaveLength(1);
    expect(preloaded).not.toContain(fetched[0]);
    expect(preloaded.length).toBeGreaterThan(0);
  });

  it('says when the SVG exporter could not be loaded, and loads it on the next click', async () => {
    const fresh = await h.open(WS);
    try {
      // Every chunk the first view needs is in; the next one asked for is the SVG exporter: its first fetch fails.
      let refused = 0;
      await fresh.route(/\/chunk-[^/]+\.js$/, (r) => (refused++ === 0 ? r.abort('connectionreset') : r.continue()));
      await fresh.click('[data-image="svg"]');
      await fresh.waitForFunction(() => document.querySelector('#notice')?.textContent?.startsWith('Could not save the map'));
      const [svg] = await Promise.all([fresh.waitForEvent('download'), fresh.click('[data-image="svg"]')]);
      expect(svg.suggestedFilename()).toBe('custody-map.svg');
      expect(refused).toBe(2);
    } finally {
      await fresh.close();
    }
  });

  it('runs under the strict policy the API serves (style-src \'self\'): no inline style or script is blocked', async () => {
    // Runs after load, node and finding clicks and both image exports (the tests above): the code paths that build DOM or styles.
    await clickNode(page, 'scribe');
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
});
