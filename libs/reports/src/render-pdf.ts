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
    await page.setContent(renderHtml(report), { waitUntil: 'load', timeout });
    await page.emulateMedia({ media: 'print' });
    const footer = `<div style="width:100%;font:9px Helvetica,Arial,sans-serif;color:#64748b;padding:0 14mm;display:flex;justify-content:space-between">` +
      `<span>${esc(report.practice.name)} · ${report.template ? 'Template review' : report.systems.some((s) => s.assessed) ? 'Vendor assessment' : 'PHI custody audit'} · ${esc(report.generatedAt.slice(0, 10))}</span>` +
      `<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
    const pdf = await page.pdf({
      format: opts.format ?? 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    await browser.close();
  }
}
