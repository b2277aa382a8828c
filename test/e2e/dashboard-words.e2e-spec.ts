/**
 * What the dashboard's own words say, as drawn in headless Chromium: the lens switch names client populations, not
 * lens ids, and the Documents tab tells a file it read as no evidence (the example practice's README) from a
 * failure, as the CLI does (an unparsed file never fails an audit), without a stored type such as `unknown`.
 */
import { POINTS_MEANING } from '@custody/domain';
import type { Page } from 'playwright-core';
import { type DashboardHarness, startDashboardHarness, WS } from '../support/dashboard-harness.js';

describe('dashboard words (browser)', () => {
  let h: DashboardHarness;
  let page: Page;

  beforeAll(async () => {
    h = await startDashboardHarness();
    const at = new Date().toISOString();
    h.api.documents.push(
      { id: 'doc-readme', fileName: 'README.md', size: 10, type: 'unknown', status: 'unparsed', reason: 'README.md: documentation (README or notes), not a contract or config; not read', createdAt: at },
      { id: 'doc-broken', fileName: 'broken.yaml', size: 10, type: 'unknown', status: 'failed', reason: 'broken.yaml:1: unexpected end of the flow sequence', createdAt: at },
      { id: 'doc-baa', fileName: 'scribe-baa.md', size: 10, type: 'contract', status: 'processed', createdAt: at },
    );
    page = await h.open(WS);
  }, 120_000);

  afterAll(() => h?.close());

  it('names each lens by its client population', async () => {
    const options = await page.locator('#lens option').allTextContents();
    expect(options).toEqual(['Default', 'Immigrant clients', 'High-profile client', 'Substance use (42 CFR Part 2)', 'Minors']);
    expect(h.errors).toEqual([]);
  });

  it('says a file it did not read is not read, apart from a failure, and never shows the type `unknown`', async () => {
    await page.click('[data-tab="documents"]');
    const row = (file: string) => page.locator(`#documents li.doc[data-file="${file}"]`);
    await row('README.md').waitFor();
    await expect(page.locator('#documents .docs-head .muted').textContent()).resolves.toBe('3 · 0 in progress · 1 failed · 1 not read');
    await expect(row('README.md').locator('.doc-status').textContent()).resolves.toBe('not read');
    await expect(row('README.md').locator('.doc-meta').textContent()).resolves.toBe('');
    await expect(row('broken.yaml').locator('.doc-status').textContent()).resolves.toBe('failed');
    // Only the failure is drawn as one (red); the unread file is a notice.
    const colour = (file: string) => row(file).evaluate((li) => getComputedStyle(li).backgroundColor);
    expect(await colour('README.md')).not.toBe(await colour('broken.yaml'));
    // With no failure, the head does not count one (it fits on one line beside the title).
    h.api.documents.splice(h.api.documents.findIndex((d) => d.id === 'doc-broken'), 1);
    const fresh = await h.open(WS);
    await fresh.click('[data-tab="documents"]');
    await fresh.locator('#documents li.doc[data-file="README.md"]').waitFor();
    await expect(fresh.locator('#documents .docs-head .muted').textContent()).resolves.toBe('2 · 0 in progress · 1 not read');
    await fresh.close();
    expect(h.errors).toEqual([]);
  });
  it('names a finding\'s kind as the report does (`Missing BAA`), in the list and its filter, never the stored enum in lower case', async () => {
    const f = h.api.report.findings.find((x) => x.kind === 'missing_baa')!;
    const meta = page.locator(`#findings-list li[data-finding-id="${f.id}"] .finding-meta`);
    await meta.waitFor();
    await expect(meta.textContent()).resolves.toContain(' · Missing BAA · ');
    const kinds = await page.locator('#kind-filter option').allTextContents();
    expect(kinds).toContain('Weak law-enforcement posture');
    for (const k of kinds) expect(k).toMatch(/^[A-Z]/);
    expect(h.errors).toEqual([]);
  });

  it('says what a finding\'s points are, and why they add up to less than the score, beside the list and on each "+N pts"', async () => {
    const f = h.api.report.findings[0]!;
    const points = page.locator(`#findings-list li[data-finding-id="${f.id}"] .finding-meta .points`);
    await points.waitFor();
    await expect(points.textContent()).resolves.toBe(`+${f.contribution} pts`);
    await expect(points.getAttribute('title')).resolves.toBe(POINTS_MEANING);
    // With nothing selected, the details pane says it in full.
    await page.click('[data-tab="details"]');
    await expect(page.locator('#details .placeholder .points-meaning').textContent()).resolves.toBe(POINTS_MEANING);
    expect(POINTS_MEANING).toContain('add up to less than the score');
    expect(h.errors).toEqual([]);
  });
});
