import type { AuditReport } from '@custody/domain';
import { sampleAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { sortedCopy } from '../../../test/fixtures/reports/sorted-copy.js';
import { CHUNK_BYTES, jsonChunks, renderJson } from './render-json.js';

/** The definition the streamed JSON must equal byte for byte: one JSON.stringify of a key-sorted deep copy. */
function oracle(value: unknown, indent = 2): string {
  return `${JSON.stringify(sortedCopy(value), null, indent)}\n`;
}

/** The chunks joined: they are UTF-8 bytes. */
const joined = (chunks: Iterable<Uint8Array>) => Buffer.concat([...chunks]).toString('utf8');

/** Random JSON-ish trees, deep enough to cross the hand-walked / stringified boundary, with awkward values. */
function randomTree(seed: number): Record<string, unknown> {
  const rnd = (n: number) => Math.floor(((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296) * n);
  const leaf = (): unknown => [null, undefined, 0, -1.5, true, false, '', 'a\nb "q" \u2028', 'ünï', new Date(0), () => 1][rnd(11)];
  const node = (depth: number): unknown => {
    if (depth > 6 || rnd(4) === 0) return leaf();
    if (rnd(2)) return Array.from({ length: rnd(4) }, () => node(depth + 1));
    return Object.fromEntries(Array.from({ length: rnd(4) }, (_, i) => [['z', 'a', 'ß', 'key with "quotes"', '10', '2'][rnd(6)]! + i, node(depth + 1)]));
  };
  return Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${rnd(9)}${i}`, node(1)]));
}

describe('jsonChunks', () => {
  it('joins to JSON.stringify of the key-sorted report (sample report, indents 2, 4 and 0)', () => {
    const report = sampleAuditReport();
    for (const indent of [2, 4, 0]) expect(joined(jsonChunks(report, { indent }))).toBe(oracle(report, indent));
    expect(renderJson(report)).toBe(oracle(report));
  });

  it('indents as JSON.stringify does for any indent (at most 10 spaces, fractions truncated, none below 0)', () => {
    const report = sampleAuditReport();
    for (const indent of [12, 10.7, -3]) expect(joined(jsonChunks(report, { indent }))).toBe(oracle(report, indent));
  });

  it('joins to the same text for 300 random trees (undefined, functions, dates, empty containers, escapes)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const tree = randomTree(seed);
      expect(joined(jsonChunks(tree as unknown as AuditReport))).toBe(oracle(tree));
    }
  });

  it('writes an object held in many places (at different depths) as JSON.stringify does in each', () => {
    // Shared objects' text is kept and reused (a fleet's evidence): it must be the text for the indent it lands at.
    const evidence = { quote: 'q "x"\n', file: 'baa.md', start: 1, end: undefined, when: new Date(0) };
    const list = [evidence, evidence];
    const report = sampleAuditReport();
    const tree = {
      ...report,
      findings: report.findings.map((f) => ({ ...f, instances: [{ subject: 's', evidence: list }, { subject: 't', evidence: [evidence, { nested: evidence }] }] })),
      extra: { deep: { deeper: { deepest: [evidence, list, { again: list }] } } },
      top: evidence,
    };
    for (const indent of [2, 3]) expect(joined(jsonChunks(tree as unknown as AuditReport, { indent }))).toBe(oracle(tree, indent));
  });

  it('writes a large object held in many places (a fleet vendor\'s contract on every install) as JSON.stringify does in each', () => {
    // Past the size where its text is kept and reused: met at two depths, three times at each, and nested in itself.
    const clauses = Array.from({ length: 60 }, (_, i) => ({ quote: `clause ${i} "quoted"\n`, start: i * 10, end: undefined }));
    const contract = { documentId: 'baa', facts: { flowdown: { value: 'yes', evidence: clauses } } };
    const holder = { contracts: [contract, contract] };
    const report = sampleAuditReport();
    const tree = { ...report, systems: [holder, holder, { contracts: [contract] }], deep: { deeper: [contract, { again: contract }, { again: { inside: [contract, contract] } }] } };
    expect(JSON.stringify(contract).length).toBeGreaterThan(2048);
    for (const indent of [2, 3]) expect(joined(jsonChunks(tree as unknown as AuditReport, { indent }))).toBe(oracle(tree, indent));
  });

  it('hands out bounded chunks for a large report instead of one string', () => {
    const report = sampleAuditReport();
    const big = { ...report, findings: Array.from({ length: 2000 }, (_, i) => ({ ...report.findings[0]!, id: `f${i}` })) };
    const chunks = [...jsonChunks(big)];
    expect(chunks.length).toBeGreaterThan(10);
    // A chunk closes once it passes CHUNK_BYTES; one instance or evidence item is far smaller than that.
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(CHUNK_BYTES + 16_000);
    expect(joined(chunks)).toBe(oracle(big));
  });
});
