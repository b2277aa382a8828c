import type { Page } from 'playwright-core';
import { type DashboardHarness, startDashboardHarness, WS } from './dashboard-harness.js';

/**
 * The small practice's dashboard page the dashboard-map and dashboard-live e2e specs drive (one browser and fake
 * API per file), opened with Content-Security-Policy violations recorded from the first script on. Registers the
 * harness's start and close on the calling file's describe block; the fields are set once its beforeAll has run.
 */
export function smallPracticePage() {
  const s = { cspConsole: [] as string[] } as {
    h: DashboardHarness; api: DashboardHarness['api']; errors: string[]; page: Page;
    /** Content-Security-Policy reports from the console (Chromium logs every blocked inline style or script). */
    cspConsole: string[];
  };
  beforeAll(async () => {
    s.h = await startDashboardHarness();
    ({ api: s.api, errors: s.errors } = s.h);
    s.page = await s.h.open(WS, async (p) => {
      p.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) s.cspConsole.push(m.text()); });
      // Registered before any page script runs, so a violation during start-up (a library's <style>) is caught too.
      await p.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
      });
    });
  }, 120_000);
  afterAll(() => s.h?.close());
  return s;
}
