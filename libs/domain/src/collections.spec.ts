import { MruMap } from './collections.js';

describe('MruMap', () => {
  it('keeps at most its bound, dropping the least recently set first', () => {
    const m = new MruMap<string, number>(3);
    for (const [i, k] of ['a', 'b', 'c', 'd', 'e'].entries()) m.set(k, i);
    expect(m.size).toBe(3);
    expect([...m.keys()]).toEqual(['c', 'd', 'e']);
    expect(m.has('a')).toBe(false);
    expect(m.get('b')).toBeUndefined();
    expect(m.get('e')).toBe(4);
  });

  it('get makes an entry the most recently used, so it outlives entries set after it', () => {
    const m = new MruMap<string, number>(2);
    m.set('a', 1).set('b', 2);
    expect(m.get('a')).toBe(1);
    m.set('c', 3);
    expect([...m.keys()]).toEqual(['a', 'c']);
    expect(m.has('b')).toBe(false);
  });

  it('peek reads without touching: the peeked entry is still the first to go', () => {
    const m = new MruMap<string, number>(2);
    m.set('a', 1).set('b', 2);
    expect(m.peek('a')).toBe(1);
    m.set('c', 3);
    expect([...m.keys()]).toEqual(['b', 'c']);
  });

  it('setting an existing key replaces its value, moves it last and evicts nothing', () => {
    const m = new MruMap<string, number>(2);
    m.set('a', 1).set('b', 2).set('a', 10);
    expect(m.size).toBe(2);
    expect([...m.keys()]).toEqual(['b', 'a']);
    expect(m.peek('a')).toBe(10);
  });

  it('keeps falsy values (a get of a stored 0 or null is a hit, and touches)', () => {
    const m = new MruMap<string, number | null>(2);
    m.set('zero', 0).set('null', null);
    expect(m.get('zero')).toBe(0);
    expect([...m.keys()]).toEqual(['null', 'zero']);
  });

  it('delete frees a place without evicting another', () => {
    const m = new MruMap<string, number>(2);
    m.set('a', 1).set('b', 2);
    expect(m.delete('a')).toBe(true);
    expect(m.delete('a')).toBe(false);
    m.set('c', 3);
    expect([...m.keys()]).toEqual(['b', 'c']);
  });

  it('refuses a bound that would keep nothing or never evict', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => new MruMap(bad)).toThrow(/positive integer/);
  });
});
