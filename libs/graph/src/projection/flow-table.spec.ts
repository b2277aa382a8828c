import { FlowTable, pairKey, type FlowDraft } from './flow-table.js';

const flow = (from: string, to: string, source: string): FlowDraft => ({ from, to, data: 0, transport: 'https', evidence: [], origin: 'config', source });

/**
 * The table keeps its pairs by sender, then receiver (no `from → to` key per add), and finishing reads them
 * in the order of the memo's keys (`from`, NUL, `to`, sorted as strings): the graph's flow order and the memo
 * the next projection reads both rest on the two agreeing, for any ids.
 */
describe('FlowTable pairs', () => {
  // Ids that prefix each other, differ by case or a character below '-', and hold a NUL (the key's separator).
  const ids = ['a', 'a-b', 'ab', 'a\u0000b', 'A', 'practice', 'install-1', 'install-10', 'install-1-2', 'subprocessor-openai', '', 'é'];
  let seed = 11;
  const next = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), Math.floor((seed / 2 ** 31) * n));

  it('orders the pairs as their keys sort, and keeps each pair’s flows in insertion order', () => {
    for (let t = 0; t < 500; t++) {
      const table = new FlowTable();
      // Without the NUL id in half the runs: the fast path (senders, then receivers) and the fallback both run.
      const pool = t % 2 ? ids : ids.filter((id) => !id.includes('\u0000'));
      const added: FlowDraft[] = [];
      for (let k = 0, n = 1 + next(40); k < n; k++) {
        const f = flow(pool[next(pool.length)]!, pool[next(pool.length)]!, `doc-${k}`);
        if (table.add(f) === f) added.push(f);
      }
      // Some flows removed again: an emptied pair leaves the order.
      for (const f of added) if (next(4) === 0) table.remove(f);
      const pairs = table.pairs();
      const expected = [...pairs.keys()].sort();
      const got = table.sortedPairs();
      expect(got.map((list) => pairKey(list[0]!.from, list[0]!.to))).toEqual(expected);
      got.forEach((list, i) => expect(list).toBe(pairs.get(expected[i]!)));
      for (const list of got) expect(list).toEqual(table.all().filter((f) => f.from === list[0]!.from && f.to === list[0]!.to));
    }
  });

  it('orders a sender holding a NUL by the keys, not by sender first', () => {
    const table = new FlowTable();
    table.add(flow('a', 'practice', 'x'));
    table.add(flow('a\u0000b', 'x', 'x'));
    // `a`, NUL, `practice` sorts after `a`, NUL, `b`, NUL, `x`, though the sender `a` sorts before `a`, NUL, `b`.
    expect(table.sortedPairs().map((list) => list[0]!.from)).toEqual(['a\u0000b', 'a']);
  });

  it('finds a pair’s first flow and merges a second document’s flow of the same channel into it', () => {
    const table = new FlowTable();
    const first = table.add(flow('practice', 'ehr', 'manifest'));
    table.add(flow('practice', 'ehr', 'manifest'));
    const merged = table.add({ ...flow('practice', 'ehr', 'config'), evidence: [{ quote: 'seen' }] });
    expect(merged).toBe(first);
    expect(first.evidence).toEqual([{ quote: 'seen' }]);
    expect(table.find('practice', 'ehr')).toBe(first);
    expect(table.find('practice', 'crm')).toBeUndefined();
    expect(table.sortedPairs()).toEqual([[first, expect.objectContaining({ source: 'manifest' })]]);
  });
});
