import type { AttachedContract, AuditReport, Evidence, Finding } from '@custody/domain';
import { sampleAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { renderJson } from './render-json.js';
import { ndjsonChunks, NDJSON_FORMAT, NDJSON_VERSION } from './render-ndjson.js';
import { readNdjson } from './read-ndjson.js';

type Row = { record: string; id?: string; evidence?: string[] } & Record<string, unknown>;
const rowsOf = (text: string) => text.trimEnd().split('\n').map((l) => JSON.parse(l) as Row);

/** A fleet-like report: one finding grouped over many installs whose evidence is shared (the same object, or equal copies). */
function fleetReport(installs: number): AuditReport {
  const report = sampleAuditReport();
  const baa: Evidence = { quote: 'Vendor shall not use PHI to train "models".\n', documentId: 'd1', file: 'baa.md', start: 10, end: 52 };
  const first = report.findings[0]!;
  const grouped: Finding = {
    ...first,
    evidence: [baa],
    instances: Array.from({ length: installs }, (_, i) => ({
      subject: `system:install-${i}`, system: `install-${i}`, ...(i % 3 ? { site: `site-${i % 7}` } : {}), severity: first.severity,
      // Every install quotes the BAA (the same object on even installs, an equal copy on odd ones) and its own row.
      evidence: [i % 2 ? { ...baa } : baa, { quote: `install-${i},scribewell,allowed`, file: 'fleet.csv', line: i + 2, path: `rows[${i}]` }],
    })),
  };
  // The vendor's BAA attached to every install system (the same object, or an equal copy), with its facts' evidence.
  const contract = { documentId: 'd1', facts: { baa_offered: { value: 'yes', confidence: 0.9, extractor: 'rules@1', evidence: [baa] } } } as unknown as AttachedContract;
  const installs_ = Array.from({ length: installs }, (_, i) => ({ ...report.systems[0]!, id: `install-${i}`, contracts: [i % 2 ? structuredClone(contract) : contract], evidence: [baa] }));
  return { ...report, systems: [...report.systems, ...installs_], findings: [grouped, ...report.findings.slice(1)] };
}

const ndjson = (report: AuditReport) => Buffer.concat([...ndjsonChunks(report)]).toString('utf8');

describe('ndjsonChunks / readNdjson', () => {
  it('reads back to exactly what the JSON holds (sample report, and a fleet with shared evidence)', () => {
    for (const report of [sampleAuditReport(), fleetReport(50)]) {
      expect(readNdjson(ndjson(report))).toEqual(JSON.parse(renderJson(report)));
    }
  });

  it('writes each distinct evidence item once, with an id defined before its first use', () => {
    const rows = rowsOf(ndjson(fleetReport(50)));
    const evidence = rows.filter((r) => r.record === 'evidence');
    const texts = evidence.map(({ id: _id, record: _r, ...item }) => JSON.stringify(item));
    expect(new Set(texts).size).toBe(texts.length);
    const defined = new Set<string>();
    for (const r of rows) {
      if (r.record === 'evidence') defined.add(r.id!);
      else for (const id of r.evidence ?? []) expect(defined.has(id)).toBe(true);
    }
    // 50 installs: one shared BAA quote plus 50 rows, however many times the BAA is repeated.
    const instances = rows.filter((r) => r.record === 'instance');
    expect(instances).toHaveLength(50);
    expect(new Set(instances.map((r) => r.evidence![0])).size).toBe(1);
    expect(evidence.filter((r) => (r.file as string) === 'fleet.csv')).toHaveLength(50);
    // The BAA attached to all 50 install systems: one contract record.
    const baa = rows.filter((r) => r.record === 'contract' && r.documentId === 'd1');
    expect(baa).toHaveLength(1);
    expect(rows.filter((r) => r.record === 'system' && (r.id as string).startsWith('install-')).map((r) => r.contracts)).toEqual(Array(50).fill([baa[0]!.id]));
  });

  it('puts the header first and the score last, keys sorted on every line', () => {
    const report = fleetReport(3);
    const rows = rowsOf(ndjson(report));
    expect(rows[0]).toMatchObject({ record: 'report', format: NDJSON_FORMAT, version: NDJSON_VERSION, counts: { systems: report.systems.length, flows: report.flows.length, findings: report.findings.length, documents: report.documents.length } });
    expect(rows[0]).not.toHaveProperty('score');
    const { record, ...score } = rows.at(-1)!;
    expect(record).toBe('score');
    expect(score).toEqual(JSON.parse(JSON.stringify(report.score)));
    for (const r of rows) expect(Object.keys(r)).toEqual(Object.keys(r).sort());
    expect(rows.find((r) => r.record === 'finding' && r.id === report.findings[0]!.id)).toMatchObject({ instanceCount: 3 });
  });

  it('hands out bounded chunks for a large fleet', () => {
    const chunks = [...ndjsonChunks(fleetReport(3000))];
    expect(chunks.length).toBeGreaterThan(3);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(80_000);
  });

  it('refuses a malformed file with the line and the reason', () => {
    const lines = ndjson(fleetReport(4)).trimEnd().split('\n');
    const firstUse = lines.findIndex((l) => l.includes('"record":"instance"'));
    const cases: [string[], RegExp][] = [
      [lines.slice(0, -1), /no "score" record/],
      [[], /no "report" header/],
      [[lines[0]!, '{not json'], /line 2: not JSON/],
      [lines.slice(1), /line 1: the first record must be "report"/],
      [[lines[0]!.replace(`"version":${NDJSON_VERSION}`, '"version":99'), ...lines.slice(1)], /line 1: .*version 99/],
      [lines.filter((l) => !l.includes('"record":"evidence"')), /evidence id "e\d+" is not defined/],
      [lines.filter((l) => !l.includes('"record":"contract"')), /contract id "c1" is not defined/],
      [[...lines.slice(0, firstUse), ...lines.slice(firstUse + 1)], /counts 4 instances, the file has 3/],
      [[...lines, lines.at(-1)!], /a record after the score/],
      [[lines[0]!, '{"record":"mystery"}', ...lines.slice(1)], /line 2: unknown record "mystery"/],
    ];
    for (const [input, message] of cases) expect(() => readNdjson(input)).toThrow(message);
  });
});
