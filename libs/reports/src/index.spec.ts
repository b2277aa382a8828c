import { sampleAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { renderCsv, renderHtml, renderJson, renderMarkdown, renderReport, renderSarif, REPORT_FORMATS } from './index.js';

describe('renderReport', () => {
  const report = sampleAuditReport();

  it('dispatches each text format to its renderer', () => {
    expect(renderReport(report, 'md')).toBe(renderMarkdown(report));
    expect(renderReport(report, 'json')).toBe(renderJson(report));
    expect(renderReport(report, 'html')).toBe(renderHtml(report));
    expect(renderReport(report, 'csv')).toBe(renderCsv(report));
    expect(renderReport(report, 'sarif')).toBe(renderSarif(report));
  });

  it('knows the six formats of product.md', () => {
    expect([...REPORT_FORMATS].sort()).toEqual(['csv', 'html', 'json', 'md', 'pdf', 'sarif']);
  });

  it('rejects an unknown format', () => {
    expect(() => renderReport(report, 'docx' as never)).toThrow('Unknown report format: docx');
  });
});
