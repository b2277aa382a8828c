import type { AuditReport, Evidence } from '@custody/domain';
import { sampleAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { sortedCopy } from '../../../test/fixtures/reports/sorted-copy.js';
import { ByteSink } from './byte-sink.js';
import { writeCompact, writeCompactPieces } from './compact-bytes.js';
import { stableJson } from './json-text.js';
import { ndjsonChunks } from './render-ndjson.js';

/** The definition every compact text must equal: JSON.stringify of a key-sorted deep copy. */
function oracle(value: unknown): string | undefined {
  return JSON.stringify(sortedCopy(value));
}

/** Text that needs escaping, or looks as if it might: what a hostile contract or fleet export can carry. */
const AWKWARD = [
  '', 'plain ascii', 'quote " and \\ backslash', '\\u0000 written out', 'nul \u0000 bell \u0007 esc \u001b del \u007f',
  'tab\tnewline\ncr\r', 'line sep \u2028 para sep \u2029', 'lone high \ud800 here', 'lone low \udfff here', 'pair \ud83d\ude00 ok',
  'reversed \udc00\ud800', 'ends high \udbff', '\ufffd replacement', 'ünïcödé § — “curly”', '\u0085 next line', '\ufeff bom',
];

/** Random trees of awkward strings and keys, undefined and functions (left out), dates, integer-like keys. */
function randomTree(seed: number): Record<string, unknown> {
  const rnd = (n: number) => Math.floor(((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296) * n);
  const keys = ['b', 'a', '10', '2', '0', '', 'key "q"', 'k\u2028', 'k\ud800', 'record', 'id'];
  const leaf = (): unknown => [null, undefined, 0, -0, 1e21, 1.5e-7, NaN, true, new Date(0), () => 1, Symbol('s'), ...AWKWARD][rnd(11 + AWKWARD.length)];
  const node = (depth: number): unknown => {
    if (depth > 4 || rnd(3) === 0) return leaf();
    if (rnd(2)) return Array.from({ length: rnd(5) }, () => node(depth + 1));
    return Object.fromEntries(Array.from({ length: rnd(5) }, () => [keys[rnd(keys.length)]!, node(depth + 1)]));
  };
  return Object.fromEntries(Array.from({ length: 4 }, (_, i) => [keys[rnd(keys.length)]! + i, node(1)]));
}

/** writeCompactPieces' chunks, and what was left in the sink after them, as text. */
const pieces = (value: object, extra: Record<string, unknown> | undefined, limit: number) => {
  const sink = new ByteSink(16);
  const chunks = [...writeCompactPieces(sink, value, extra, limit)];
  return [...chunks, sink.take()].map((c) => c.toString('utf8'));
};

/** writeCompact's bytes, as text (undefined where it writes nothing). */
const compact = (value: unknown, extra?: Record<string, unknown>) => {
  const sink = new ByteSink(16);
  return writeCompact(sink, value, extra) ? sink.take().toString('utf8') : undefined;
};

describe('json-text', () => {
  it('writes every awkward string as JSON.stringify does (escapes, lone surrogates, U+2028)', () => {
    for (const s of AWKWARD) {
      expect(stableJson(s)).toBe(JSON.stringify(s));
      expect(stableJson({ [s]: [s, { [s]: s }] })).toBe(oracle({ [s]: [s, { [s]: s }] }));
      expect(compact(s)).toBe(JSON.stringify(s));
      expect(compact({ [s]: [s, { [s]: s }] })).toBe(oracle({ [s]: [s, { [s]: s }] }));
    }
  });

  it('stableJson, writeCompact and writeCompactPieces equal the oracle on 400 random trees, with and without extra fields', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const tree = randomTree(seed);
      const extra = { record: 'evidence', id: `e${seed}`, ...(seed % 2 ? { a0: undefined } : {}) };
      const merged = { ...tree, ...extra };
      expect(stableJson(tree)).toBe(oracle(tree));
      expect(stableJson(tree, extra)).toBe(oracle(merged));
      expect(compact(tree)).toBe(oracle(tree));
      expect(compact(tree, extra)).toBe(oracle(merged));
      // Small limits hand out a piece after nearly every member; the pieces still join to the whole.
      for (const limit of [1, 7, 1 << 14]) expect(pieces(tree, extra, limit).join('')).toBe(oracle(merged));
      const list = Object.values(tree);
      expect(pieces(list, undefined, 3).join('')).toBe(oracle(list));
    }
  });

  it('hands a large record out in bounded pieces', () => {
    const score = { total: 50, contributions: Array.from({ length: 5000 }, (_, i) => ({ findingId: `f${i} "q" \u2028`, points: i / 7 })), nodes: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`n${i}`, i])) };
    const all = pieces(score, { record: 'score' }, 1000);
    expect(all.length).toBeGreaterThan(50);
    expect(Math.max(...all.map((p) => p.length))).toBeLessThan(1100);
    expect(all.join('')).toBe(oracle({ ...score, record: 'score' }));
  });
});

describe('ndjsonChunks with awkward evidence', () => {
  it('gives evidence differing only in a lone surrogate, U+FFFD or U+2028 their own ids, and equal copies one', () => {
    const report = sampleAuditReport();
    const quotes = ['x \ud800', 'x \ufffd', 'x \u2028', 'x \\u2028', 'x \u0000', 'x \\u0000'];
    const items: Evidence[] = quotes.map((quote) => ({ quote, documentId: 'd1', file: 'baa.md', start: 1, end: 2 }));
    // Each item twice: once itself, once an equal copy (another object, the same text).
    const systems = items.map((e, i) => ({ ...report.systems[0]!, id: `s${i}`, evidence: [e, { ...e }] }));
    const text = Buffer.concat([...ndjsonChunks({ ...report, systems } as AuditReport)]).toString('utf8');
    const rows = text.trimEnd().split('\n').map((l) => JSON.parse(l) as { record: string; id?: string; quote?: string; evidence?: string[] });
    const written = rows.filter((r) => r.record === 'evidence' && quotes.includes(r.quote!));
    expect(written.map((r) => r.quote)).toEqual(quotes);
    const byId = new Map(written.map((r) => [r.id, r.quote]));
    for (const [i, quote] of quotes.entries()) {
      const ids = rows.find((r) => r.record === 'system' && r.id === `s${i}`)!.evidence!;
      expect(ids).toHaveLength(2);
      expect(ids.map((id) => byId.get(id))).toEqual([quote, quote]);
    }
    // Each line is what JSON.stringify writes for what it reads back as.
    for (const line of text.trimEnd().split('\n')) expect(line).toBe(oracle(JSON.parse(line)));
  });
});
