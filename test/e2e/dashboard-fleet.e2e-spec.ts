/**
 * The built dashboard in headless Chromium on a fleet of 2,000 notetaker installs, against the fake API of
 * test/support/dashboard-harness.ts: the grouped first view, per-system and per-group reads, the Fleet tab, and
 * grouped findings with paged instances — never reading the whole audit where a smaller read answers.
 */
import { groupFindings, settingLabel } from '@custody/domain';
import { groupedGraph, toCytoscapeElements } from '@custody/graph';
import type { Page } from 'playwright-core';
import { clickNode, type DashboardHarness, type FakeApi, FLEET_WS, startDashboardHarness } from '../support/dashboard-harness.js';

describe('dashboard (browser): fleet of 2,000 notetaker installs', () => {
  let h: DashboardHarness;
  let api: FakeApi;
  let errors: string[];
  let fleetPage: Page;

  beforeAll(async () => {
    h = await startDashboardHarness();
    ({ api, errors } = h);
    fleetPage = await h.open(FLEET_WS);
  }, 120_000);

  afterAll(() => h?.close());

  it('draws its first view without reading the whole audit: the grouped map, the score and one page of findings', async () => {
    const fleetReads = api.requests.filter((r) => r.path.startsWith(`/api/workspaces/${FLEET_WS}`));
    expect(fleetReads.filter((r) => r.path.endsWith('/audit'))).toEqual([]);
    await expect(fleetPage.textContent('#score b')).resolves.toBe(String(api.fleet.score.total));
    await expect(fleetPage.textContent('#findings-count')).resolves.toBe(`${api.fleet.findings.length} of ${api.fleet.findings.length}`);
    expect(await fleetPage.locator('#findings-list li.finding').count()).toBe(100);
    // The Fleet pane behind its tab is built when the tab is shown, not on the first view's path.
    expect(await fleetPage.locator('#fleet').evaluate((pane) => pane.childElementCount)).toBe(0);
    // The Fleet tab's rows come from the map: still no audit.
    await fleetPage.click('[role=tab][data-tab="fleet"]');
    await expect(fleetPage.textContent('#fleet-summary')).resolves.toBe('2,000 installs in 10 groups');
    expect(api.requests.filter((r) => r.path === `/api/workspaces/${FLEET_WS}/audit`)).toEqual([]);
    await fleetPage.click('[role=tab][data-tab="details"]');
  });

  it('shows a clicked system from its own read (its contracts and worst findings), never the whole audit', async () => {
    const reads = () => api.requests.filter((r) => r.path.startsWith(`/api/workspaces/${FLEET_WS}/`));
    const audits = reads().filter((r) => r.path.endsWith('/audit')).length;
    await clickNode(fleetPage, 'ehr');
    const details = fleetPage.locator('#details');
    await details.locator('.chip.role').waitFor();
    await expect(details.locator('.details-name').textContent()).resolves.toBe(api.fleet.systems.find((s) => s.id === 'ehr')!.name);
    expect(reads().filter((r) => r.path.endsWith('/audit'))).toHaveLength(audits);
    expect(reads().filter((r) => r.path.includes('/systems/')).map((r) => r.path)).toEqual([`/api/workspaces/${FLEET_WS}/systems/ehr`]);
    // Its contracts as the audit has them, and its findings counted in full even when only the worst are carried.
    const charged = api.fleet.findings.filter((f) => f.systems.includes('ehr') || f.subject === 'system:ehr');
    await expect(details.locator('h3', { hasText: 'Findings (' }).textContent()).resolves.toBe(`Findings (${charged.length})`);
    expect(await details.locator('.contract').count()).toBe(api.fleet.systems.find((s) => s.id === 'ehr')!.contracts.length);
    await clickNode(fleetPage, 'ehr'); // a second click reads nothing more
    expect(reads().filter((r) => r.path.includes('/systems/'))).toHaveLength(1);
    // A what-if on a group applies to each of its installs (the group's install table still reads the audit).
    const group = groupedGraph(toCytoscapeElements(api.fleet)).groups.find((g) => g.vendor === 'Murmur Notes' && g.site === 'Fresno')!;
    await clickNode(fleetPage, group.key);
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
    await expect(row.locator('.kinds li', { hasText: 'AI training' }).locator('b').textContent()).resolves.toBe(String(trainingFindings));
    // Kinds and settings are named as the report's fleet summary names them (one vocabulary, @custody/domain).
    const kindNames = await row.locator('.kinds li span').allTextContents();
    expect(kindNames).toContain('AI training');
    for (const k of kindNames) expect(k).not.toMatch(/^[a-z]|_/);
    await expect(row.locator('table.dist th').allTextContents()).resolves.toEqual(
      ['recording', 'can_disable', 'training', 'consent_capture', 'audio_retention_days', 'transcript_retention_days'].map(settingLabel));
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
    // The non-fleet ScribeWell system's finding of that kind adds more points than any install's, so it is listed first (as the
    // report ranks it); the first install finding follows it.
    const listedIds = await fleetPage.locator('#findings-list li.finding').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-finding-id')));
    const installIds = new Set(api.fleet.systems.filter((s) => s.group).map((s) => `system:${s.id}`));
    const f = listedIds.map((id) => shown.find((x) => x.id === id)!).find((x) => installIds.has(x.subject))!;
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

  it('opens a group on a double click on it, not on a click elsewhere followed quickly by a click on the group', async () => {
    // Its own page (it opens a group). Each pair of clicks is sent with input times 100 ms apart, inside Cytoscape's
    // 250 ms double-tap time however slow the machine is; pairs are 500 ms apart.
    const page = await h.open(FLEET_WS);
    const cdp = await page.context().newCDPSession(page);
    const groups = groupedGraph(toCytoscapeElements(api.fleet)).groups;
    const oakland = groups.find((g) => g.vendor === 'ScribeWell AI' && g.site === 'Oakland')!.key;
    const fresno = groups.find((g) => g.vendor === 'Murmur Notes' && g.site === 'Fresno')!.key;
    const centre = (id: string | null) => page.evaluate((nodeId) => {
      const box = document.querySelector('#graph')!.getBoundingClientRect();
      if (nodeId === null) return { x: box.left + 5, y: box.top + 5 }; // the background
      const bb = window.__custody!.cy.getElementById(nodeId).renderedBoundingBox({ includeLabels: false });
      return { x: box.left + (bb.x1 + bb.x2) / 2, y: box.top + (bb.y1 + bb.y2) / 2 };
    }, id);
    let last = 0;
    const pair = async (first: string | null, second: string) => {
      const [a, b] = [await centre(first), await centre(second)];
      const t = Math.max(Date.now() / 1000, last + 0.5);
      last = t + 0.1;
      for (const [p, at] of [[a, t], [b, t + 0.1]] as const) {
        for (const type of ['mousePressed', 'mouseReleased'] as const) await cdp.send('Input.dispatchMouseEvent', { type, x: p.x, y: p.y, button: 'left', clickCount: 1, timestamp: at });
      }
    };
    const selected = (id: string) => page.waitForFunction((k) => window.__custody!.cy.getElementById(k).selected(), id);
    const doubleTaps = () => page.evaluate(() => window.__mapTrace!.filter((l) => l.includes('cy:dbltap')).map((l) => l.split(' ').at(-1)));
    await pair('ehr', oakland);
    await selected(oakland);
    await pair(null, oakland);
    await selected(oakland);
    // Cytoscape did see both pairs as double taps on the group (so this test can tell)...
    expect(await doubleTaps()).toEqual([oakland, oakland]);
    // ...but the group opens only on two clicks on it: Fresno's installs are drawn, Oakland stays one node.
    await pair(fresno, fresno);
    await page.waitForFunction((id) => window.__custody!.cy.getElementById(id).empty(), fresno);
    const drawn = await page.evaluate(() => [...new Set(window.__custody!.cy.nodes().filter((n) => Boolean(n.data('group')) && !n.hasClass('fleet-group')).map((n) => n.data('group').site as string))]);
    expect(drawn).toEqual(['Fresno']);
    expect(await page.evaluate((id) => window.__custody!.cy.getElementById(id).hasClass('fleet-group'), oakland)).toBe(true);
    await page.close();
    expect(errors).toEqual([]);
  });
});
