/**
 * The Law enforcement tab on the bundled example practice as a user opens it (`custody serve --example`, the built
 * dashboard against the real API, in Debian's headless Chromium): every holder of client records with its posture,
 * the clause and document stating it or that no document says, who decides; a row highlights the holder and the paths
 * into it on the map; the map coloured by posture.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import type { LawEnforcementView } from '@custody/reports';
import { startExampleServer, type ExampleServer } from '../support/example-server.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

declare global {
  interface Window { __custody?: { cy: import('cytoscape').Core; reload: () => Promise<void> } }
}

describe('dashboard: law-enforcement view on the example practice (browser, real API)', () => {
  let server: ExampleServer;
  let browser: Browser;
  let page: Page;
  let served: LawEnforcementView;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startExampleServer();
    served = await server.client.get<LawEnforcementView>('/law-enforcement');
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.dashboard);
    await page.waitForFunction(() => (window.__custody?.cy.nodes().length ?? 0) > 0);
    await page.click('[role=tab][data-tab="law"]');
    await page.waitForSelector('#law li.le-row');
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  const rows = () => page.$$eval('#law li.le-row', (lis) => lis.map((li) => ({
    holder: li.getAttribute('data-holder'), posture: li.getAttribute('data-posture'), release: li.getAttribute('data-release'),
    name: li.querySelector('.le-name')?.textContent, quote: li.querySelector('blockquote')?.textContent?.replace(/\s+/g, ' ') ?? null,
    none: li.querySelector('.le-none')?.textContent ?? null, findings: li.querySelectorAll('.le-findings li').length,
  })));

  it('lists every holder the server reports, the practice first, each with its posture, evidence and who decides', async () => {
    const shown = await rows();
    expect(shown.map((r) => r.holder)).toEqual(served.holders.map((h) => h.id));
    expect(shown.length).toBeGreaterThan(10);
    expect(shown[0]).toMatchObject({ holder: 'practice', posture: 'practice', release: 'practice' });
    // The notetaker: its service and 12 installs in one row, the BAA clause that lets it answer any request, and its finding.
    const scribe = shown.find((r) => r.name === 'Scribewell AI (service and 12 installs)')!;
    expect(scribe).toMatchObject({ posture: 'any_legal_request', release: 'holder' });
    expect(scribe.quote).toContain('Scribewell may disclose PHI in response to any subpoena, court order or other legal or governmental request.');
    expect(scribe.quote).toContain('docs/scribewell-ai-baa.md');
    expect(scribe.findings).toBeGreaterThan(0);
    // The EHR: a judge's order only, quoted from its BAA.
    expect(shown.find((r) => r.holder === 'ehr')).toMatchObject({ posture: 'judicial_process_only', release: 'judge', quote: expect.stringContaining('docs/carepath-ehr-baa.md') });
    // The intake automation's LLM: no contract on file, so no document says.
    const openai = shown.find((r) => r.holder === 'openai')!;
    expect(openai).toMatchObject({ posture: 'no_contract', release: 'unknown', quote: null });
    expect(openai.none).toMatch(/^No document says/);
    // The clearinghouse notifies only 'where ClaimBridge considers notice appropriate': its choice, so any legal request.
    expect(shown.find((r) => r.holder === 'clearinghouse')).toMatchObject({ posture: 'any_legal_request', quote: expect.stringContaining('docs/claimbridge-dpa.md') });
    await expect(page.textContent('#law .le-tally')).resolves.toMatch(/3 could hand them over without you/);
    // Beside the findings, in a column the page keeps within the window (a fifth inspector tab once pushed it wider).
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it('highlights the picked holder and every path into it on the map, and dims the rest', async () => {
    await page.click('#law li.le-row[data-holder="telehealth"]');
    const map = await page.evaluate(() => {
      const cy = window.__custody!.cy;
      return {
        highlighted: cy.nodes('.highlighted').map((n) => n.id()),
        pathNodes: cy.nodes().filter((n) => n.connectedEdges('.on-path').nonempty()).map((n) => n.id()).sort(),
        pathEdges: cy.edges('.on-path').map((e) => `${e.source().id()}->${e.target().id()}`),
        dimmedOpenai: cy.getElementById('openai').hasClass('dimmed'),
      };
    });
    expect(map.highlighted).toEqual(['telehealth']);
    // The holder's details open beside it: its contract with the clause quoted.
    await page.waitForFunction(() => document.querySelector('#details .details-name')?.textContent === 'Kinroom');
    // Its contracts are read after the name is drawn ("Reading its contracts and findings…"): wait for them, not a race.
    await page.waitForFunction(() => document.querySelector('#details')?.textContent?.includes('docs/kinroom-terms-of-service.md') ?? false, null, { timeout: 30_000 });
    expect(map.pathEdges).toEqual(['practice->telehealth']);
    expect(map.dimmedOpenai).toBe(true);
    await expect(page.getAttribute('#law li.le-row[data-holder="telehealth"]', 'class')).resolves.toContain('active');

    // A fleet row: the notetaker's service and the groups its installs are drawn in, with the paths that feed them.
    await page.click('#law li.le-row[data-holder="scribe"]');
    const fleet = await page.evaluate(() => {
      const cy = window.__custody!.cy;
      return { highlighted: cy.nodes('.highlighted').map((n) => ({ id: n.id(), vendor: (n.data('group') as { vendor?: string } | undefined)?.vendor })), into: cy.edges('.on-path').map((e) => e.target().id()) };
    });
    expect(fleet.highlighted.map((n) => n.id)).toContain('scribe');
    expect(fleet.highlighted.filter((n) => n.id !== 'scribe').every((n) => n.vendor === 'Scribewell AI')).toBe(true);
    expect(fleet.highlighted.length).toBeGreaterThan(1);
    expect(fleet.into.length).toBeGreaterThan(0);
    // A new score reads the rows again: the row picked stays picked.
    const reread = page.waitForResponse((r) => r.url().includes('/law-enforcement'));
    await page.evaluate(() => window.__custody!.reload());
    await reread;
    await page.waitForFunction(() => document.querySelector('#law li.le-row.active')?.getAttribute('data-holder') === 'scribe');
    expect(errors).toEqual([]);
  });

  it('colours the map by posture on request, with a key, and back by exposure', async () => {
    await page.check('#le-colour');
    await page.waitForSelector('#posture-key:not([hidden])');
    const colours = await page.evaluate(() => Object.fromEntries(window.__custody!.cy.nodes().map((n) => [n.id(), n.classes().find((c) => c.startsWith('posture-'))])));
    expect(colours).toMatchObject({ practice: 'posture-practice', ehr: 'posture-judicial_process_only', telehealth: 'posture-any_legal_request', openai: 'posture-no_contract' });
    expect(Object.values(colours).every((c) => c !== undefined)).toBe(true);
    await expect(page.textContent('#posture-key')).resolves.toContain('Any legal request');
    await page.uncheck('#le-colour');
    await page.waitForSelector('#posture-key[hidden]', { state: 'attached' });
    const left = await page.evaluate(() => window.__custody!.cy.nodes().filter((n) => n.classes().some((c) => c.startsWith('posture-'))).length);
    expect(left).toBe(0);
    expect(errors).toEqual([]);
  });
});
