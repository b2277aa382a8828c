import fc from 'fast-check';
import { CountedKeys } from './key-counts.js';

/**
 * CountedKeys.carry patches a list's key counts into the next list's from the records that changed. Property:
 * for random lists and random replacements, additions and removals, the carried counts (and the keys counted
 * twice or more) are those of counting the new list. Seed: FC_SEED, else random.
 */
const SEED = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };

interface Rec { id: number; key: string }
const keyArb = fc.constantFrom('a', 'b', 'c', 'd', '__proto__', '');

describe('CountedKeys', () => {
  it('carries counts that equal a count of the new list (2,000 random changes)', () => {
    fc.assert(fc.property(
      fc.array(keyArb, { maxLength: 12 }),
      fc.array(fc.record({ op: fc.constantFrom('replace', 'remove', 'add'), at: fc.nat(), key: keyArb }), { maxLength: 6 }),
      fc.nat(3),
      (keys, ops, steps) => {
        const counted = new CountedKeys<Rec>((r) => r.key);
        let list: Rec[] = keys.map((key, id) => ({ id, key }));
        let next = 1000;
        counted.of(list);
        // Several carries in a row: a patched count is patched again (PatchedMap layers).
        for (let step = 0; step <= steps; step++) {
          const b = [...list];
          const changed = new Map<number, { before?: Rec; after?: Rec }>();
          for (const { op, at, key } of ops) {
            if (op === 'add') {
              const r = { id: next++, key };
              b.splice(at % (b.length + 1), 0, r);
              changed.set(r.id, { after: r });
            } else if (b.length) {
              const i = at % b.length;
              const old = b[i]!;
              const was = changed.get(old.id);
              if (op === 'remove') b.splice(i, 1);
              else b[i] = { id: old.id, key };
              changed.set(old.id, { before: was ? was.before : old, after: op === 'remove' ? undefined : b[i] });
            }
          }
          counted.carry(list, b, changed.values());
          const carried = counted.known(b)!;
          const fresh = new CountedKeys<Rec>((r) => r.key).of(b);
          expect(carried).toBeDefined();
          expect(new Map([...carried.counts].sort())).toEqual(new Map([...fresh.counts].sort()));
          expect([...carried.repeated].sort()).toEqual([...fresh.repeated].sort());
          list = b;
        }
      },
    ), { numRuns: 2000, ...SEED });
  });

  it('carries nothing when the changes do not add up to the new list (a record the changes missed)', () => {
    const counted = new CountedKeys<Rec>((r) => r.key);
    const a = [{ id: 1, key: 'a' }, { id: 2, key: 'a' }];
    counted.of(a);
    const b = [a[0]!];
    counted.carry(a, b, []);
    expect(counted.known(b)).toBeUndefined();
    expect(counted.of(b).repeated.size).toBe(0);
  });

  it('carries id counts only from a list whose ids are unique (changes by id hide a record sharing one)', () => {
    const ids = new CountedKeys<Rec>((r) => r.key, true);
    const a = [{ id: 1, key: 'f1' }, { id: 2, key: 'f1' }];
    ids.of(a);
    // Two flows added under one id and one of a's replaced: changes by id keep one entry per id, and add up.
    const b = [...a, { id: 3, key: 'f0' }, { id: 4, key: 'f0' }];
    ids.carry(a, b, [{ after: b[3]! }, { before: a[0], after: a[0] }]);
    expect(ids.known(b)).toBeUndefined();
    const unique = [{ id: 1, key: 'f1' }];
    ids.of(unique);
    const next = [...unique, { id: 2, key: 'f2' }];
    ids.carry(unique, next, [{ after: next[1]! }]);
    expect([...ids.known(next)!.counts]).toEqual([['f1', 1], ['f2', 1]]);
  });
});
