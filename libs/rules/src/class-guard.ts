/**
 * The guard on a class's representative (issue 11): a rule run once per class may read only what the class key
 * holds, so reading anything its members may differ in throws, and the runner runs that rule per install instead.
 */
import type { GraphSystem } from '@custody/domain';

/** Thrown when a rule run per class reads what its class key does not hold: the runner then runs it per install. */
export class UndeclaredRead extends Error {
  constructor(what: string) {
    super(`read of ${what}, not in the rule's class reads`);
  }
}

/**
 * A class's representative as its rule sees it: reading a setting the rule did not declare, its name or its
 * site throws {@link UndeclaredRead}, since members differ there. Everything else reads through.
 */
export function guardedSystem(s: GraphSystem, allowed: ReadonlySet<string>): GraphSystem {
  const settings = guardedObject(s.settings ?? {}, (k) => allowed.has(k), 'setting');
  const group = s.group && guardedObject(s.group, (k) => k === 'vendor', 'group field');
  return new Proxy(s, {
    get(target, prop, receiver) {
      if (prop === 'settings') return settings;
      if (prop === 'group') return group;
      if (prop === 'name') throw new UndeclaredRead('the install name');
      return Reflect.get(target, prop, receiver);
    },
  });
}

function guardedObject<T extends object>(obj: T, ok: (key: string) => boolean, what: string): T {
  const check = (k: string | symbol) => {
    if (typeof k === 'string' && !ok(k)) throw new UndeclaredRead(`${what} ${k}`);
  };
  return new Proxy(obj, {
    get(target, prop, receiver) {
      check(prop);
      return Reflect.get(target, prop, receiver);
    },
    has(target, prop) {
      check(prop);
      return Reflect.has(target, prop);
    },
    ownKeys() {
      throw new UndeclaredRead(`every ${what}`);
    },
    getOwnPropertyDescriptor(target, prop) {
      check(prop);
      return Reflect.getOwnPropertyDescriptor(target, prop);
    },
  });
}
