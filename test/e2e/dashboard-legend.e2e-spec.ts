/**
 * The sidebar legend as drawn in headless Chromium: its keys keep their shape when an entry's words wrap onto a
 * second line (a flex item shrinks by default, which drew the critical dot as a thin oval and shortened the lines).
 */
import type { Page } from 'playwright-core';
import { type DashboardHarness, startDashboardHarness, WS } from '../support/dashboard-harness.js';

describe('dashboard legend (browser)', () => {
  let h: DashboardHarness;
  let page: Page;

  beforeAll(async () => {
    h = await startDashboardHarness();
    page = await h.open(WS);
  }, 120_000);

  afterAll(() => h?.close());

  it('draws every colour key as a circle and every flow key at full length, wrapped or not', async () => {
    const keys = await page.$$eval('.legend li', (items) => items.map((li) => {
      const key = li.firstElementChild as HTMLElement;
      const box = key.getBoundingClientRect();
      return { text: li.textContent, kind: key.classList.contains('swatch') ? 'swatch' : 'line', width: box.width, height: box.height, lines: Math.round(li.getBoundingClientRect().height / 16) };
    }));
    // The sidebar's width makes the first entry wrap; the spec means nothing without a wrapped entry.
    expect(keys.some((k) => k.lines > 1)).toBe(true);
    for (const k of keys.filter((x) => x.kind === 'swatch')) expect({ text: k.text, width: Math.round(k.width) }).toEqual({ text: k.text, width: Math.round(k.height) });
    for (const k of keys.filter((x) => x.kind === 'line')) expect({ text: k.text, width: Math.round(k.width) }).toEqual({ text: k.text, width: 24 });
    expect(h.errors).toEqual([]);
  });
});
