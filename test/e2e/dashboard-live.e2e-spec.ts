/**
 * The built dashboard in headless Chromium on a small practice, against the fake API of
 * test/support/dashboard-harness.ts, as it changes: server events, lens, uploads, linking a contract, what-if,
 * report export, the time slider and the stale-map notice. The tests run in order on one page (the lens chosen
 * early is the one later requests carry). The first view and the map are in dashboard-map.e2e-spec.ts.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { clickNode, CSV_BODY, type FakeApi, KEY, WS } from '../support/dashboard-harness.js';
import { smallPracticePage } from '../support/dashboard-page.js';
import { PAST_SCORE, sampleAuditLog } from '../fixtures/reports/dashboard-api-fixtures.js';
import { waitUntil } from '../support/processes.js';

describe('dashboard: live changes (browser)', () => {
  const s = smallPracticePage();
  let api: FakeApi;
  let page: Page;
  beforeAll(() => ({ api, page } = s));

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
    // Banner, header and slider write the moment one way, ISO 8601 in UTC (as reports and the CLI write dates), whatever the browser's locale.
    const moment = `${log[0].at.slice(0, 10)} ${log[0].at.slice(11, 19)} UTC`;
    await expect(page.textContent('#asof-banner')).resolves.toContain(`as of ${moment}`);
    // The header names the moment shown (not when it was computed) and keeps the practice's jurisdiction.
    const header = await page.textContent('#workspace-name');
    expect(header).toContain(`as of ${moment} (past)`);
    expect(await page.getAttribute('#timeline-range', 'aria-valuetext')).toBe(moment);
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
