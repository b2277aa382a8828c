/**
 * Report renderers: pure functions of an AuditReport (PDF aside, which drives a headless browser).
 */
import type { AuditReport } from '@custody/domain';
import { renderCsv } from './render-csv.js';
import { renderHtml } from './render-html.js';
import { jsonChunks, renderJson } from './render-json.js';
import { ndjsonChunks } from './render-ndjson.js';
import { renderMarkdown } from './render-markdown.js';
import { type PdfRenderOptions, renderPdf } from './render-pdf.js';
import { renderSarif } from './sarif/render-sarif.js';

export * from './escape.js';
export * from './graph-svg.js';
export * from './law-enforcement.js';
export * from './plain-language.js';
export * from './render-csv.js';
export * from './render-html.js';
export * from './render-json.js';
export * from './render-ndjson.js';
export * from './read-ndjson.js';
export * from './render-markdown.js';
export * from './render-pdf.js';
export * from './sarif/index.js';
export { buildReportModel, type ReportModel } from './report-model.js';

export const REPORT_FORMATS = ['md', 'json', 'html', 'pdf', 'csv', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type TextReportFormat = Exclude<ReportFormat, 'pdf'>;

/** File extension and media type per format, for `--out` and HTTP downloads. */
export const REPORT_MEDIA_TYPES: Record<ReportFormat, { ext: string; mediaType: string }> = {
  md: { ext: 'md', mediaType: 'text/markdown; charset=utf-8' },
  json: { ext: 'json', mediaType: 'application/json' },
  html: { ext: 'html', mediaType: 'text/html; charset=utf-8' },
  pdf: { ext: 'pdf', mediaType: 'application/pdf' },
  csv: { ext: 'csv', mediaType: 'text/csv; charset=utf-8' },
  sarif: { ext: 'sarif', mediaType: 'application/sarif+json' },
};

/**
 * The formats written as a stream of UTF-8 chunks, never one string (a fleet's JSON passes the ~512 MB a string
 * may hold): the JSON (the same bytes as renderJson) and the NDJSON, which only exists as a stream.
 */
export const STREAMED_REPORTS = {
  json: { ...REPORT_MEDIA_TYPES.json, chunks: (report: AuditReport): Iterable<Buffer> => jsonChunks(report) },
  ndjson: { ext: 'ndjson', mediaType: 'application/x-ndjson', chunks: (report: AuditReport): Iterable<Buffer> => ndjsonChunks(report) },
} as const;
export type StreamedReportFormat = keyof typeof STREAMED_REPORTS;

/** Render a report in one format: text for every format but PDF, which resolves to bytes. */
export function renderReport(report: AuditReport, format: TextReportFormat): string;
export function renderReport(report: AuditReport, format: 'pdf', opts?: PdfRenderOptions): Promise<Uint8Array>;
export function renderReport(report: AuditReport, format: ReportFormat, opts?: PdfRenderOptions): string | Promise<Uint8Array>;
export function renderReport(report: AuditReport, format: ReportFormat, opts?: PdfRenderOptions): string | Promise<Uint8Array> {
  switch (format) {
    case 'md': return renderMarkdown(report);
    case 'json': return renderJson(report);
    case 'html': return renderHtml(report);
    case 'pdf': return renderPdf(report, opts);
    case 'csv': return renderCsv(report);
    case 'sarif': return renderSarif(report);
    default: {
      const unknown: never = format;
      throw new TypeError(`Unknown report format: ${String(unknown)}`);
    }
  }
}
