/**
 * The built dashboard in headless Chromium on a small practice (the sample audit, with a hostile system name),
 * against the fake API of test/support/dashboard-harness.ts. The fleet's views are in dashboard-fleet.e2e-spec.ts.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { clickNode, CSV_BODY, type DashboardHarness, type FakeApi, KEY, startDashboardHarness, WS, XSS_NAME } from '../support/dashboard-harness.js';
import { PAST_SCORE, sampleAuditLog } from '../fixtures/reports/dashboard-api-fixtures.js';
import { waitUntil } from '../support/processes.js';

describe('dashboard (browser)', () => {
  let h: DashboardHarness;
  let api: FakeApi;
  let errors: string[];
  let page: Page;
  /** Content-Security-Policy reports from the console (Chromium logs every blocked inline style or script). */
  const cspConsole: string[] = [];

  beforeAll(async () => {
    h = await startDashboardHarness();
    ({ api, errors } = h);
    page = await h.open(WS, async (p) => {
      p.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspConsole.push(m.text()); });
      // Registered before any page script runs, so a violation during start-up (a library's <style>) is caught too.
      await p.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
      });
    });
  }, 120_000);

  afterAll(() => h?.close());

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
    await clickNode(page, 'scribe');
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

});
