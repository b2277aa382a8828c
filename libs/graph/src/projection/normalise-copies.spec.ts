import type { Evidence } from '@custody/domain';
import { sortCategories, sortKeys, stamp } from './normalise.js';

/**
 * The projection's copying helpers, written for speed (issue 11): each must give what its plain form gave —
 * the report is compared byte for byte, and a graph record shared between projections must not change.
 */
describe('projection copies', () => {
  it('sortKeys: keys in order, values kept, and an own "__proto__" key stays a key, not a prototype', () => {
    expect(JSON.stringify(sortKeys({ b: 1, a: [2], c: { d: 3 } }))).toBe('{"a":[2],"b":1,"c":{"d":3}}');
    const parsed = JSON.parse('{"z":1,"__proto__":{"polluted":true},"a":2}') as Record<string, unknown>;
    const sorted = sortKeys(parsed);
    expect(Object.keys(sorted)).toEqual(['__proto__', 'a', 'z']);
    expect(Object.getPrototypeOf(sorted)).toBe(Object.prototype);
    expect((sorted as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('sortCategories: a Set and a list with repeats give the same categories in taxonomy order, as a new array', () => {
    const set = new Set(['demographics', 'psychotherapy_notes', 'claims'] as const);
    const fromSet = sortCategories(set);
    expect(fromSet).toEqual(sortCategories(['claims', 'demographics', 'claims', 'psychotherapy_notes', 'demographics']));
    expect(fromSet[0]).toBe('psychotherapy_notes');
    expect(set.size).toBe(3);
    const one = ['claims'] as const;
    expect(sortCategories(one)).not.toBe(one);
  });

  it('stamp: the same item stamped for the same document is one object; for another document, its own copy', () => {
    const bare: Evidence = { quote: 'row 1', line: 2 };
    const a = stamp([bare, bare], 'doc-a', 'a.csv');
    expect(a[0]).toBe(a[1]);
    expect(a[0]).toEqual({ quote: 'row 1', line: 2, documentId: 'doc-a', file: 'a.csv' });
    expect(stamp([bare], 'doc-a', 'a.csv')[0]).toBe(a[0]);
    const b = stamp([bare], 'doc-b', 'b.csv')[0];
    expect(b).toEqual({ quote: 'row 1', line: 2, documentId: 'doc-b', file: 'b.csv' });
    expect(bare).toEqual({ quote: 'row 1', line: 2 });
    // An item that names its own document keeps it, whichever document carries it.
    const own: Evidence = { quote: 'clause', documentId: 'baa', file: 'baa.md' };
    expect(stamp([own], 'doc-a', 'a.csv')[0]).toEqual(own);
    expect(stamp([own], 'doc-b', 'b.csv')[0]).toEqual(own);
  });
});
