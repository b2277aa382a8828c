import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { renderPdf } from './render-pdf.js';

describe('renderPdf', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'custody-pdf-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a multi-page PDF with page numbers in the footer', async () => {
    const bytes = await renderPdf(sampleAuditReport());
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const file = join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    execFileSync('/usr/bin/pdftoppm', ['-r', '20', '-png', file, join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(pages.length).toBeGreaterThan(1);
    // -raw keeps the content-stream order, so a quote in a table cell is not interleaved with its neighbours.
    const text = execFileSync('/usr/bin/pdftotext', ['-raw', file, '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain(`Page 1 of ${pages.length}`);
    expect(text).toContain('Law-enforcement view');
    expect(text).toContain('in response to a subpoena, court order, or other lawful request');
  }, 90_000);

  it('honours the paper size', async () => {
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, await renderPdf(sampleAuditReport(), { format: 'Letter' }));
    // US Letter is 612 x 792 points; A4 would be 595 x 842.
    expect(execFileSync('/usr/bin/pdfinfo', [file]).toString()).toMatch(/Page size:\s+612 x 792 pts/);
  }, 90_000);

  it('fails clearly when Chromium is missing', async () => {
    await expect(renderPdf(sampleAuditReport(), { executablePath: join(dir, 'no-such-chromium') })).rejects.toThrow(/no-such-chromium/);
  });
});
