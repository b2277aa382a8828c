import { auditFiles } from '@custody/audit';
import type { AuditReport } from '@custody/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFleetCorpus } from '../../../test/bench/support/fleet-corpus.js';
import { sortedCopy } from '../../../test/fixtures/reports/sorted-copy.js';
import { stableJson } from './json-text.js';
import { jsonChunks } from './render-json.js';
import { ndjsonChunks, NDJSON_FORMAT, NDJSON_VERSION } from './render-ndjson.js';

/**
 * The streamed renders of a generated fleet workspace against the whole-string renders they replaced: the JSON as
 * one JSON.stringify of the key-sorted report, the NDJSON as lines of stableJson strings with shared items told
 * apart by their text. Byte for byte, so a chunk boundary that drops or repeats a byte fails (checked below).
 */
function ndjsonWhole(report: AuditReport): string {
  const { systems, flows, findings, documents, score, ...header } = report;
  const lines: string[] = [];
  const shared = (record: string, prefix: string) => {
    const ids = new Map<string, string>();
    return (items: readonly object[] | undefined) => items?.map((item) => {
      const text = stableJson(item)!;
      let id = ids.get(text);
      if (id === undefined) {
        ids.set(text, (id = `${prefix}${ids.size + 1}`));
        lines.push(stableJson(item, { record, id })!);
      }
      return id;
    });
  };
  const evidence = shared('evidence', 'e');
  const contracts = shared('contract', 'c');
  const line = (value: object, extra: Record<string, unknown>) => lines.push(stableJson(value, extra)!);
  line(header, { record: 'report', format: NDJSON_FORMAT, version: NDJSON_VERSION, counts: { systems: systems.length, flows: flows.length, findings: findings.length, documents: documents.length } });
  for (const s of systems) line(s, { record: 'system', contracts: contracts(s.contracts), evidence: evidence(s.evidence) });
  for (const f of flows) line(f, { record: 'flow', evidence: evidence(f.evidence) });
  for (const finding of findings) {
    line(finding, { record: 'finding', evidence: evidence(finding.evidence), instances: undefined, instanceCount: finding.instances?.length });
    for (const i of finding.instances ?? []) line(i, { record: 'instance', finding: finding.id, evidence: evidence(i.evidence) });
  }
  for (const d of documents) line(d, { record: 'document' });
  line(score, { record: 'score' });
  return `${lines.join('\n')}\n`;
}

/** Where two byte strings first differ, or -1 when they are equal. */
function firstDifference(a: Buffer, b: Buffer): number {
  if (a.equals(b)) return -1;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

describe('streamed JSON and NDJSON of a generated fleet workspace', () => {
  let report: AuditReport;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'custody-stream-'));
    writeFleetCorpus(dir, 400);
    report = await auditFiles([dir], { now: new Date('2026-06-01T00:00:00Z') });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases = [
    { name: 'JSON', chunks: () => [...jsonChunks(report)], whole: () => `${JSON.stringify(sortedCopy(report), null, 2)}\n` },
    { name: 'NDJSON', chunks: () => [...ndjsonChunks(report)], whole: () => ndjsonWhole(report) },
  ];

  it.each(cases)('$name: the chunks join to the whole-string render, byte for byte, across many chunk boundaries', ({ chunks, whole }) => {
    const parts = chunks();
    expect(parts.length).toBeGreaterThan(8);
    expect(firstDifference(Buffer.concat(parts), Buffer.from(whole(), 'utf8'))).toBe(-1);
  });

  it.each(cases)('$name: a byte dropped or repeated at a chunk boundary is told apart', ({ chunks, whole }) => {
    // The comparison above must see a boundary fault: the first byte of a middle chunk dropped, or its last repeated.
    const parts = chunks();
    const expected = Buffer.from(whole(), 'utf8');
    const at = parts.length >> 1;
    const dropped = parts.map((p, i) => (i === at ? p.subarray(1) : p));
    const repeated = parts.map((p, i) => (i === at ? Buffer.concat([p, p.subarray(p.length - 1)]) : p));
    const boundary = parts.slice(0, at).reduce((n, p) => n + p.length, 0);
    expect(firstDifference(Buffer.concat(dropped), expected)).toBeGreaterThanOrEqual(boundary - 1);
    expect(firstDifference(Buffer.concat(dropped), expected)).not.toBe(-1);
    expect(firstDifference(Buffer.concat(repeated), expected)).not.toBe(-1);
  });
});
