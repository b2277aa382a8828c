import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRACTICE_ID, type GraphFlow, type GraphSystem } from '@custody/domain';
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

  // A vendor assessment of several vendors: a two-line title and a long scope make the cover taller than its page.
  function severalVendors() {
    const base = sampleAuditReport();
    const names = ['Brightwell Messaging GmbH', 'Corvale Notes, Inc.', 'Ferrowick Transcription LLC', 'Kestrel Storage Ltd.', 'Tidyform Intake Forms Co.'];
    const vendors: GraphSystem[] = names.map((name, i) => ({ id: `vendor-${i}`, name, role: 'other', holds: [], settings: {}, contracts: [], evidence: [], assessed: true }));
    const flows: GraphFlow[] = vendors.map((v) => ({ id: `practice->${v.id}`, from: PRACTICE_ID, to: v.id, data: ['session_recording', 'demographics', 'contact'], transport: 'unknown', legalBasis: 'baa', evidence: [], assessed: true }));
    return { ...base, systems: [base.systems.find((s) => s.id === PRACTICE_ID)!, ...vendors], flows, findings: [], documents: [] };
  }

  for (const format of ['A4', 'Letter'] as const) {
    it(`fits a tall cover on its page (${format}): the not-legal-advice notice ends page 1, no page holds it alone`, async () => {
      const file = join(dir, `cover-${format}.pdf`);
      writeFileSync(file, await renderPdf(severalVendors(), { format }));
      const page = (n: number) => execFileSync('/usr/bin/pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-']).toString();
      expect(page(1)).toContain('Brightwell Messaging GmbH');
      expect(page(1).replace(/\s+/g, ' ')).toContain('not legal advice: have counsel review');
      expect(page(2)).toMatch(/^\s*Executive summary/);
    }, 90_000);
  }

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
