/**
 * The dashboard bench's "first useful render" (READY, and the first frame painted after it), shared by the bench
 * (test/bench/dashboard.bench.ts) and its trace (dashboard-trace.ts) so both time the same moment.
 */

/**
 * Usable, the same test on both pages: the map has its elements, and each first-view panel the page has is
 * filled — the header's score (a number in #score) and the findings list's first page (#findings-list has
 * rows and is not busy). The plain page has neither panel, so for it this is "the map has its elements".
 */
export const READY = `(() => {
  if ((window.__custody?.cy.nodes().length ?? 0) === 0) return false;
  const score = document.querySelector('#score');
  const list = document.querySelector('#findings-list');
  return (!score || score.querySelector('b') !== null) && (!list || (list.children.length > 0 && list.getAttribute('aria-busy') !== 'true'));
})()`;

/**
 * The same moment seen from inside the page (ms since navigation start): the first animation frame after the
 * one in which READY held. The bench's own wait goes through two DevTools round trips, which on a loaded
 * machine take long enough for work the page does after its first view to land inside it.
 */
export const FIRST_PAINT_PROBE = `window.__firstPaint = null;
  const poll = () => {
    if (${READY}) requestAnimationFrame(() => { window.__firstPaint = performance.now(); });
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);`;

/**
 * Chromium's flags for the bench and its trace. Each new page of a fresh context opens a browser window, and
 * Chromium 156 loads that window's omnibox popup (a WebUI page: chrome://omnibox-popup.top-chrome) beside it:
 * ~280 ms of a renderer's main-thread CPU (traced) during the very load being measured, on a 2-core machine,
 * for a window UI no user reloads per page. The features turned off here are that popup's; the page measured
 * is unchanged.
 */
export const BENCH_CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup'];
