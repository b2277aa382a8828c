import type { AuditReport } from '@custody/domain';
import { escapeHtml as esc } from './escape.js';
import { renderHtml } from './render-html.js';

/** Options for {@link renderPdf}. */
export interface PdfRenderOptions {
  /** Paper size (default A4). */
  format?: 'A4' | 'Letter';
  /** Chromium binary (config `chromiumPath`); defaults to `/usr/bin/chromium`. */
  executablePath?: string;
  /** Give up after this long (default 60 s). */
  timeoutMs?: number;
}

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a headless Chromium that makes no network calls of its own (no updates, sync or QUIC probes). */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

/**
 * The HTML report printed to PDF by headless Chromium, with the practice name and "Page n of m" in the
 * footer. Every request the page would make is aborted: the report is self-contained, so none is needed.
 */
export async function renderPdf(report: AuditReport, opts: PdfRenderOptions = {}): Promise<Uint8Array> {
  const timeout = opts.timeoutMs ?? 60_000;
  // Loaded here, not at import: only a PDF needs a browser, and the driver is slow to load.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    // Callers pass config's chromiumPath: only libs/config reads the environment.
    executablePath: opts.executablePath ?? DEFAULT_CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    timeout,
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(timeout);
    await page.route('**/*', (route) => route.abort());
    const format = opts.format ?? 'A4';
    // Laid out at the printed page's width, so the cover's height measured here is its height on paper.
    const { width, height } = PAPER_MM[format];
    await page.setViewportSize({ width: mmToPx(width - MARGIN_MM.left - MARGIN_MM.right), height: mmToPx(height) });
    await page.setContent(renderHtml(report), { waitUntil: 'load', timeout });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(fitCover, mmToPx(height - MARGIN_MM.top - MARGIN_MM.bottom));
    const footer = `<div style="width:100%;font:9px Helvetica,Arial,sans-serif;color:#64748b;padding:0 14mm;display:flex;justify-content:space-between">` +
      `<span>${esc(report.practice.name)} · ${report.template ? 'Template review' : report.systems.some((s) => s.assessed) ? 'Vendor assessment' : 'PHI custody audit'} · ${esc(report.generatedAt.slice(0, 10))}</span>` +
      `<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
    const pdf = await page.pdf({
      format,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      margin: { top: `${MARGIN_MM.top}mm`, bottom: `${MARGIN_MM.bottom}mm`, left: `${MARGIN_MM.left}mm`, right: `${MARGIN_MM.right}mm` },
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    await browser.close();
  }
}

/** The paper sizes {@link renderPdf} prints on, and its margins, in millimetres. */
const PAPER_MM = { A4: { width: 210, height: 297 }, Letter: { width: 215.9, height: 279.4 } } as const;
const MARGIN_MM = { top: 16, bottom: 18, left: 14, right: 14 } as const;
/** CSS pixels (1/96 inch, as Chromium prints them) in `mm` millimetres, rounded down. */
const mmToPx = (mm: number): number => Math.floor((mm * 96) / 25.4);

/**
 * Runs in the page: a cover taller than the page's printable height (`pagePx`) is set `tight` (html-style.ts), so its
 * last lines (the not-legal-advice notice) do not spill onto a second page that holds nothing else.
 */
function fitCover(pagePx: number): void {
  const cover = document.getElementById('cover');
  if (cover && cover.getBoundingClientRect().height > pagePx) cover.classList.add('tight');
}
