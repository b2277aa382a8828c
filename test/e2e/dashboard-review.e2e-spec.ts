/**
 * "Needs review" in the built dashboard (headless Chromium, the fake API of test/support/dashboard-harness.ts):
 * sub-processor names the extractor held back below its confidence threshold, beside names it kept, are shown
 * one by one with their quotes, and one click posts the correction that decides each.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Fact } from '@custody/domain';
import type { Page } from 'playwright-core';
import { clickNode, type DashboardHarness, type FakeApi, KEY, startDashboardHarness, WS } from '../support/dashboard-harness.js';

const SHOTS = join(tmpdir(), 'custody-review-shots');

describe('dashboard: review candidates (browser)', () => {
  let h: DashboardHarness;
  let api: FakeApi;
  let page: Page;

  beforeAll(async () => {
    h = await startDashboardHarness();
    api = h.api;
    mkdirSync(SHOTS, { recursive: true });
    page = await h.open(WS);
  }, 120_000);

  afterAll(() => h?.close());

  it('shows names held back beside kept ones for review, with their quotes; accept and reject post the correction', async () => {
    const contract = api.report.systems.find((s) => s.id === 'scribe')!.contracts[0];
    const subs = contract.facts.subprocessors_named as Fact<'subprocessors_named'>;
    const kept = [...subs.value];
    expect(kept.length).toBeGreaterThan(0);
    const quote = (text: string, start: number) => ({ quote: text, file: contract.file, documentId: contract.documentId, start, end: start + text.length });
    const heldBack = ['Acme Transcribe', 'Twilio'];
    const quotes = [quote('Transcripts may be processed by Acme Transcribe for quality review.', 4000), quote('Text reminders are sent through Twilio.', 4200)];
    // As calibrateNames keeps them: one candidate with every held-back name and a quote per name.
    subs.review = [
      { value: heldBack, evidence: quotes, reason: 'named, but each with a calibrated confidence below the threshold 0.5 (Acme Transcribe 0.41, Twilio 0.32)' },
      { value: ['Zoom Store'], evidence: [quote('Download us on the Zoom Store.', 4400)], reason: 'a platform where the vendor has a page', rejected: true },
    ];

    await clickNode(page, 'scribe');
    const review = page.locator('#details .fact.needs-review[data-fact="subprocessors_named"]');
    await review.waitFor();
    // The kept names are still the answer; each held-back name has its own row and its own quote.
    await expect(page.locator('#details .fact[data-fact="subprocessors_named"]:not(.needs-review) .fact-value').textContent()).resolves.toBe(kept.join(', '));
    const rows = review.locator('.review-item');
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-candidate')))).toEqual(heldBack);
    await expect(rows.nth(0).locator('blockquote').textContent()).resolves.toContain(quotes[0].quote);
    await expect(rows.nth(1).locator('blockquote').textContent()).resolves.toContain(quotes[1].quote);
    // A candidate the extractor rejected waits for nobody.
    expect(await page.locator('#details').textContent()).not.toContain('Zoom Store');
    await review.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'before.png') });

    await rows.nth(0).locator('button[data-action="accept"]').click();
    await rows.nth(0).locator('.review-sent').waitFor();
    await rows.nth(1).locator('button[data-action="reject"]').click();
    await rows.nth(1).locator('.review-sent').waitFor();
    await page.screenshot({ path: join(SHOTS, 'sent.png') });
    const path = `/api/workspaces/${WS}/documents/${contract.documentId}/facts/subprocessors_named/corrections`;
    expect(api.requests.filter((r) => r.path === path).map((r) => ({ method: r.method, key: r.key }))).toEqual([{ method: 'POST', key: KEY }, { method: 'POST', key: KEY }]);
    // Accepting adds the name to the kept ones; rejecting keeps the list as it is (with the one accepted just
    // before, which the audit does not show yet). Each names the candidate it decides.
    expect(api.corrections).toEqual([
      { documentId: contract.documentId, fact: 'subprocessors_named', value: [...kept, 'Acme Transcribe'], candidate: ['Acme Transcribe'], reason: expect.stringContaining('Accepted') },
      { documentId: contract.documentId, fact: 'subprocessors_named', value: [...kept, 'Acme Transcribe'], candidate: ['Twilio'], reason: expect.stringContaining('Rejected') },
    ]);

    // The server applies the corrections, re-projects and scores; the system shown is shown again from it.
    subs.value = [...kept, 'Acme Transcribe'];
    subs.review = subs.review.filter((r) => r.rejected);
    for (const s of api.streams) s.write('event: exposure.scored\ndata: {}\n\n');
    await page.waitForFunction((v) => document.querySelector('#details .fact[data-fact="subprocessors_named"] .fact-value')?.textContent === v, subs.value.join(', '));
    expect(await page.locator('#details .fact.needs-review[data-fact="subprocessors_named"]').count()).toBe(0);
    await page.locator('#details .fact[data-fact="subprocessors_named"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'after.png') });
  });

  it('says why a decision was refused (a viewer\'s key), and keeps the buttons to try again', async () => {
    const contract = api.report.systems.find((s) => s.id === 'scribe')!.contracts[0];
    const subs = contract.facts.subprocessors_named as Fact<'subprocessors_named'>;
    const before = api.corrections.length;
    subs.review = [{ value: ['Deepgram'], evidence: [], reason: 'below the threshold' }];
    // The API refuses a recorded change to a role below auditor, with the reason.
    await page.route('**/facts/*/corrections', (route) => route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ message: 'this needs the auditor role' }) }));
    try {
      for (const s of api.streams) s.write('event: exposure.scored\ndata: {}\n\n');
      const row = page.locator('#details .fact.needs-review[data-fact="subprocessors_named"] .review-item[data-candidate="Deepgram"]');
      await row.waitFor();
      await row.locator('button[data-action="accept"]').click();
      await row.locator('.doc-reason').waitFor();
      await expect(row.locator('.doc-reason').textContent()).resolves.toBe('Could not record it: this needs the auditor role');
      expect(await row.locator('button[data-action="accept"]').count()).toBe(1);
      expect(api.corrections.length).toBe(before);
    } finally {
      await page.unroute('**/facts/*/corrections');
      delete subs.review;
    }
  });
});
