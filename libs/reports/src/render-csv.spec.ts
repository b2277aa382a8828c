import { parse } from 'csv-parse/sync';
import { sampleAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { CSV_COLUMNS, csvField, neutraliseFormula, renderCsv } from './render-csv.js';

describe('renderCsv', () => {
  it('writes a header and one row per finding, round-tripping through an RFC 4180 parser', () => {
    const report = sampleAuditReport();
    const rows: string[][] = parse(renderCsv(report), { relax_column_count: false });
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(report.findings.length + 1);
    const chain = rows.find((r) => r[0] === 'baa-chain-break@path:practice>scribe>nimbus')!;
    expect(chain).toEqual([
      'baa-chain-break@path:practice>scribe>nimbus', 'baa-chain-break', 'baa_chain_break', 'critical',
      'Session transcripts reach an LLM provider outside BAA coverage', 'path:practice>scribe>nimbus', 'session_transcript',
      '45 CFR 164.504(e)(2)(ii)(D);45 CFR 164.502(e)', report.findings[0].remediation, '14',
      'ScribeWell may engage subprocessors, including large language model providers, to provide the Services.',
    ]);
  });

  it('uses CRLF line endings and quotes fields with commas, quotes and line breaks', () => {
    const report = sampleAuditReport();
    report.findings = [report.findings[0]];
    report.findings[0].title = 'He said "no", then\nleft';
    const out = renderCsv(report);
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out.split('\r\n')).toHaveLength(3);
    expect(out).toContain('"He said ""no"", then\nleft"');
    expect(parse(out)[1][4]).toBe('He said "no", then\nleft');
  });

  it('neutralises spreadsheet formulas in any cell', () => {
    const report = sampleAuditReport();
    report.findings = [report.findings[0]];
    const f = report.findings[0];
    f.title = '=cmd|\' /C calc\'!A0';
    f.remediation = '+SUM(1,2)';
    f.subject = '@evil';
    f.evidence[0].quote = '-2+3';
    const row = parse(renderCsv(report))[1] as string[];
    expect(row[4]).toBe('\'=cmd|\' /C calc\'!A0');
    expect(row[5]).toBe('\'@evil');
    expect(row[8]).toBe('\'+SUM(1,2)');
    expect(row[10]).toBe('\'-2+3');
    for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('leaves ordinary text alone and quotes only when needed', () => {
    expect(neutraliseFormula('claims')).toBe('claims');
    expect(neutraliseFormula('\t=1')).toBe('\'\t=1');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(12)).toBe('12');
  });
});
