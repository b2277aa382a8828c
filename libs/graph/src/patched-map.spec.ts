import { PatchedMap } from './patched-map.js';

/** A patched map answers as a map with the same changes applied, through chains of patches and the copy they end in. */
describe('PatchedMap', () => {
  it('equals a plain map with the same changes, along random chains of patches', () => {
    let x = 7;
    const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 50; run++) {
      const plain = new Map<string, number>(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
      let patched: ReadonlyMap<string, number> = new Map(plain);
      for (let step = 0; step < 12; step++) {
        const changes = new Map<string, number | undefined>();
        for (let c = Math.floor(rnd() * 4); c >= 0; c--) changes.set(`k${Math.floor(rnd() * 60)}`, rnd() < 0.3 ? undefined : Math.floor(rnd() * 100));
        for (const [k, v] of changes) v === undefined ? plain.delete(k) : plain.set(k, v);
        patched = PatchedMap.of(patched, changes);
        expect(patched.size).toBe(plain.size);
        for (let i = 0; i < 60; i++) {
          expect(patched.get(`k${i}`)).toBe(plain.get(`k${i}`));
          expect(patched.has(`k${i}`)).toBe(plain.has(`k${i}`));
        }
        expect(new Map([...patched].sort())).toEqual(new Map([...plain].sort()));
      }
    }
  });
});
