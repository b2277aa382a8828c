import type { Evidence } from '@custody/domain';
import { sortEvidence } from './normalise.js';

/**
 * A short array of evidence takes a field-by-field path (no keys, maps or sort); anything else (here: the
 * same items as an iterator) takes the keyed sort. Both must give the very same items in the same order:
 * the graph's evidence, and through it the report, must not change.
 */
describe('sortEvidence on short lists', () => {
  const row = (line: number, quote = `row ${line}`): Evidence => ({ quote, path: `row[${line - 1}]`, line, file: 'fleet.csv', documentId: 'fleet.csv' });
  const clause = (start: number, quote: string): Evidence => ({ quote, start, end: start + quote.length, documentId: 'baa.md', file: 'baa.md' });

  // Equal keys with the same JSON, equal keys with other JSON (an extra field, another key order), quotes that
  // prefix each other, fields missing, numbers of other widths.
  const pool: Evidence[] = [
    row(449), row(449), row(12), row(12, 'row 12 again'), row(1_234_567_890),
    clause(3224, '5.1 Customer authorizes'), clause(3224, '5.1 Customer authorizes'), clause(3224, '5.1 Customer'),
    clause(98, 'This Business Associate Agreement'), { ...clause(98, 'This Business Associate Agreement'), page: 2 },
    { file: 'baa.md', documentId: 'baa.md', quote: 'This Business Associate Agreement', start: 98, end: 131 },
    { quote: 'no document' }, { quote: 'no document', line: 0 }, { quote: 'a\u0000b', documentId: 'x' }, { quote: 'a', documentId: 'x' },
  ];

  // A small deterministic generator: the same cases on every run.
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);

  it('gives the keyed sort’s items and order for random short lists', () => {
    for (let t = 0; t < 2000; t++) {
      const list = Array.from({ length: 2 + next(15) }, () => pool[next(pool.length)]!);
      const fast = sortEvidence(list);
      const keyed = sortEvidence(list.values());
      expect(fast.length).toBe(keyed.length);
      fast.forEach((e, i) => expect(e).toBe(keyed[i]));
    }
  });

  it('keeps the later of two items with the same key and JSON, and both when their JSON differs', () => {
    const a = row(5);
    const b = row(5);
    expect(sortEvidence([a, b])[0]).toBe(b);
    const c = { ...row(5), page: 1 };
    expect(sortEvidence([a, c])).toHaveLength(2);
  });
});
