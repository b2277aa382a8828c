import type { Evidence, Graph, GraphFlow, GraphSystem } from '@custody/domain';
import { flowAdjacency, inboundOf, outboundOf } from '@custody/graph/queries';
import { memoByGraph } from './run-memo.js';

/**
 * Classes of fleet installs (issue 11): a 100,000-install fleet has a few dozen distinct configurations, so a
 * rule that judges each install by what it shares with its class is run once per class (see class-run.ts).
 *
 * What a rule declares, to be run once per class: the install settings it reads. The rest of what it may read
 * of an install is in every class key: role, holds, fleet vendor, contracts (by identity: a vendor's contract
 * is one object on all its installs), its flows in and out (peer, data, transport, purpose, legal basis,
 * endpoint) and the shape of its evidence (where each item sits among its own and its flows' evidence, and
 * which declared setting an item of its own mentions, as settingEvidence picks them). Not in the key, so read
 * only as identity: its id and name (a finding's subject, systems and text, rebuilt per install), and the
 * evidence items themselves (re-attached per install by their place). An install a consent or an exposed
 * identifier names (by id or name) is a class of its own. A rule that reads an undeclared setting, the name
 * or the site of a class's representative is stopped (see {@link guardedSystem}) and runs per install.
 */
export interface ClassReads {
  /** Install settings the rule reads (and the keys it asks settingEvidence for). */
  settings: readonly string[];
}

/** Thrown when a rule run per class reads what its class key does not hold: the runner then runs it per install. */
export class UndeclaredRead extends Error {
  constructor(what: string) {
    super(`read of ${what}, not in the rule's class reads`);
  }
}

/** Per install (position in the vendor list): the structural class and the evidence slots it maps by. */
interface InstallIndex {
  vendors: readonly GraphSystem[];
  /** Structural key id per vendor position; -1 for a system that is not a fleet install (or is named). */
  base: Int32Array;
  installs: number;
}

/** One rule's classes: each vendor position's representative position (itself for non-installs and reps). */
export interface RuleClasses {
  vendors: readonly GraphSystem[];
  repOf: Int32Array;
  /** 1 at each class representative's position (an install judged for its class), 0 elsewhere. */
  isRep: Uint8Array;
  /** The systems the rule is run on: every non-install vendor (`loose`) and one guarded representative per class (`reps`). */
  loose: GraphSystem[];
  reps: GraphSystem[];
  classes: number;
  installs: number;
}

/** The run's classes of installs for rules reading `reads` (memoised per run and set of settings). */
export function ruleClasses(graph: Graph, vendors: readonly GraphSystem[], reads: ClassReads): RuleClasses {
  const keys = [...new Set(reads.settings)].sort();
  return memoByGraph(`classes:${JSON.stringify(keys)}`, graph, () => {
    const index = installIndex(graph, vendors);
    const columns = keys.map((k) => settingColumn(graph, index, k));
    const repOf = new Int32Array(vendors.length);
    const isRep = new Uint8Array(vendors.length);
    // An install's class key, its structure's id and per declared setting its value-and-mentions id, as one
    // number: each column's pair (key so far, column id) is numbered in turn, without a key text per install.
    const pairs = columns.map(() => new Map<number, Map<number, number>>());
    const pairCount = columns.map(() => 0);
    const reps = new Map<number, number>();
    const loose: GraphSystem[] = [];
    const judgedReps: GraphSystem[] = [];
    const allowed = new Set(keys);
    let classes = 0;
    for (let p = 0; p < vendors.length; p++) {
      const s = vendors[p]!;
      const base = index.base[p]!;
      if (base < 0) {
        repOf[p] = p;
        loose.push(s);
        continue;
      }
      let key = base;
      for (let c = 0; c < columns.length; c++) {
        const byKey = pairs[c]!;
        let byValue = byKey.get(key);
        if (!byValue) byKey.set(key, (byValue = new Map()));
        const value = columns[c]![p]!;
        let id = byValue.get(value);
        if (id === undefined) byValue.set(value, (id = pairCount[c]!++));
        key = id;
      }
      const rep = reps.get(key);
      if (rep !== undefined) {
        repOf[p] = rep;
        continue;
      }
      reps.set(key, p);
      repOf[p] = p;
      isRep[p] = 1;
      classes++;
      judgedReps.push(guardedSystem(s, allowed));
    }
    return { vendors, repOf, isRep, loose, reps: judgedReps, classes, installs: index.installs };
  });
}

/**
 * The settings every class-run rule of this run declares, told by the runner before its rules run: an install's
 * evidence is then scanned once for a mention of any of them, not once per setting (see mentionFilter).
 */
export function declareClassSettings(graph: Graph, rules: readonly { classReads?: ClassReads }[]): void {
  const keys = [...new Set(rules.flatMap((r) => r.classReads?.settings ?? []))];
  memoByGraph('class-settings', graph, () => keys);
}

/**
 * Per vendor position, 1 when an own evidence item of the install may mention `key` (it mentions one of the
 * run's declared settings), 0 when none can; undefined when the run declared no settings including `key`
 * (then every install is checked). A fleet row rarely names a setting: most installs skip the per-setting check.
 */
function mentionFilter(graph: Graph, index: InstallIndex, key: string): Uint8Array | undefined {
  const keys = memoByGraph<readonly string[] | undefined>('class-settings', graph, () => undefined);
  if (!keys?.includes(key)) return undefined;
  return memoByGraph('class-mentions', graph, () => {
    // Contains any of the keys iff some alternative matches somewhere: the same test as `includes` per key.
    const any = new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
    const out = new Uint8Array(index.vendors.length);
    for (let p = 0; p < index.vendors.length; p++) {
      if (index.base[p]! < 0) continue;
      const evidence = index.vendors[p]!.evidence;
      if (evidence.length > MAX_MENTIONED) continue;
      for (let i = 0; i < evidence.length; i++) {
        const e = evidence[i]!;
        if ((typeof e.path === 'string' && any.test(e.path)) || (typeof e.quote === 'string' && any.test(e.quote))) {
          out[p] = 1;
          break;
        }
      }
    }
    return out;
  });
}

/** Own evidence items of an install whose mentions of a setting fit in a column id; more make it a class of its own. */
const MAX_MENTIONED = 20;

/**
 * Per vendor position, an id of (the install's value of setting `key`, which of its own evidence items mention
 * `key` as settingEvidence looks for it): equal ids, equal value and equal picks. Shared by every rule reading `key`.
 */
function settingColumn(graph: Graph, index: InstallIndex, key: string): Float64Array {
  return memoByGraph(`class-column:${key}`, graph, () => {
    const mentionable = mentionFilter(graph, index, key);
    const primitives = new Map<unknown, number>();
    const objects = new Map<string, number>();
    const column = new Float64Array(index.vendors.length);
    for (let p = 0; p < index.vendors.length; p++) {
      if (index.base[p]! < 0) continue;
      const s = index.vendors[p]!;
      const settings = (s.settings ?? {}) as Record<string, unknown>;
      let value = 0;
      if (key in settings) {
        const v = settings[key];
        // Written out, not as a [table, key] pair: asked once per install and declared setting.
        if (typeof v === 'object' && v !== null) {
          const k = JSON.stringify(v);
          value = objects.get(k) ?? 0;
          if (value === 0) objects.set(k, (value = primitives.size + objects.size + 1));
        } else {
          value = primitives.get(v) ?? 0;
          if (value === 0) primitives.set(v, (value = primitives.size + objects.size + 1));
        }
      }
      if (s.evidence.length > MAX_MENTIONED) {
        column[p] = -(p + 1);
        continue;
      }
      let mask = 0;
      if (mentionable === undefined || mentionable[p] === 1) for (let i = 0; i < s.evidence.length; i++) {
        const e = s.evidence[i]!;
        if (e.path?.includes(key) || (typeof e.quote === 'string' && e.quote.includes(key))) mask |= 1 << i;
      }
      column[p] = value * 2 ** MAX_MENTIONED + mask;
    }
    return column;
  });
}

function installIndex(graph: Graph, vendors: readonly GraphSystem[]): InstallIndex {
  return memoByGraph('install-index', graph, () => {
    const named = namedIds(graph);
    // An install's structural key as a sequence of values numbered by a trie (no key text per install, nor a
    // text per flow): role, holds, vendor, contracts by identity, the evidence shape, the flows in and out by
    // their fixed parts. Lists go in with their length first, so two keys are equal iff every part is.
    const keys = new SequenceIds();
    const flows = new SequenceIds();
    const seq: unknown[] = [];
    const flowSeq: unknown[] = [];
    const flowId = (f: GraphFlow, peer: string) => {
      flowSeq.length = 0;
      flowSeq.push(peer, f.data.length);
      for (let i = 0; i < f.data.length; i++) flowSeq.push(f.data[i]);
      flowSeq.push(f.transport, f.purpose ?? null, f.legalBasis, f.endpoint ?? null, f.evidence.length);
      return flows.id(flowSeq);
    };
    const base = new Int32Array(vendors.length);
    let installs = 0;
    for (let p = 0; p < vendors.length; p++) {
      const s = vendors[p]!;
      // Most fleets name no install in a consent or identifier: then no id or name is folded per install.
      if (s.group?.vendor === undefined || (named.size > 0 && (named.has(s.id.trim().toLowerCase()) || named.has(s.name.trim().toLowerCase())))) {
        base[p] = -1;
        continue;
      }
      installs++;
      // The index's own lists (read only): no copy per install.
      const inbound = inboundOf(graph, s.id);
      const outbound = outboundOf(graph, s.id);
      seq.length = 0;
      seq.push(s.role, s.holds.length);
      for (let i = 0; i < s.holds.length; i++) seq.push(s.holds[i]);
      seq.push(s.group.vendor, s.contracts.length);
      for (let i = 0; i < s.contracts.length; i++) seq.push(s.contracts[i]);
      const slots = evidenceSlots(s, inbound, outbound);
      // Each slot's first slot holding the same item: equal patterns map one install's items onto another's.
      seq.push(slots.length);
      for (let i = 0; i < slots.length; i++) seq.push(slots.indexOf(slots[i]!));
      seq.push(inbound.length);
      for (let i = 0; i < inbound.length; i++) seq.push(flowId(inbound[i]!, inbound[i]!.from));
      seq.push(outbound.length);
      for (let i = 0; i < outbound.length; i++) seq.push(flowId(outbound[i]!, outbound[i]!.to));
      base[p] = keys.id(seq);
    }
    return { vendors, base, installs };
  });
}

/**
 * A trie step: the one value sequences go on with (`key`, to `only`) until a second one makes it a map, and the
 * number of the sequence that ends here (-1: none). A run of steps no other sequence shares costs one small
 * object each, not a map each (a fleet whose installs all differ would otherwise hold a map per value).
 */
interface SequenceNode {
  key: unknown;
  only: SequenceNode | undefined;
  next: Map<unknown, SequenceNode> | undefined;
  id: number;
}

const sequenceNode = (): SequenceNode => ({ key: undefined, only: undefined, next: undefined, id: -1 });
/** Equal as Map keys are (SameValueZero): strings by text, objects by identity, NaN equal to itself. */
const sameKey = (a: unknown, b: unknown) => a === b || (a !== a && b !== b);

/** Numbers each distinct sequence of values (compared item by item as Map keys are). */
class SequenceIds {
  private readonly root = sequenceNode();
  private count = 0;

  id(seq: readonly unknown[]): number {
    let node = this.root;
    for (let i = 0; i < seq.length; i++) {
      const v = seq[i];
      let step: SequenceNode | undefined;
      if (node.next) {
        step = node.next.get(v);
        if (step === undefined) node.next.set(v, (step = sequenceNode()));
      } else if (node.only === undefined) {
        node.key = v;
        node.only = step = sequenceNode();
      } else if (sameKey(node.key, v)) step = node.only;
      else {
        step = sequenceNode();
        node.next = new Map([[node.key, node.only], [v, step]]);
      }
      node = step;
    }
    if (node.id < 0) node.id = this.count++;
    return node.id;
  }
}

/** Ids and names (lower case) that consents and exposed identifiers name: such installs are judged alone. */
function namedIds(graph: Graph): Set<string> {
  const named = new Set<string>();
  for (const c of graph.consents) named.add(c.to.trim().toLowerCase());
  for (const i of graph.identifiers) if (i.system) named.add(i.system.trim().toLowerCase());
  return named;
}

/** An install's evidence in slot order: its own, then its inbound flows', then its outbound flows'. */
export function evidenceSlots(s: GraphSystem, inbound: readonly GraphFlow[], outbound: readonly GraphFlow[]): Evidence[] {
  const slots = [...s.evidence];
  for (const f of inbound) for (const e of f.evidence) slots.push(e);
  for (const f of outbound) for (const e of f.evidence) slots.push(e);
  return slots;
}

/** The install's slots, by its id, in this graph. */
export function installSlots(graph: Graph, s: GraphSystem): Evidence[] {
  return evidenceSlots(s, inboundOf(graph, s.id), outboundOf(graph, s.id));
}

const NO_FLOWS: readonly GraphFlow[] = [];

/** The install's evidence in slot `slot` (as installSlots(graph, s)[slot], without building the list). */
export function slotAt(graph: Graph, s: GraphSystem, slot: number): Evidence | undefined {
  if (slot < s.evidence.length) return s.evidence[slot];
  let rest = slot - s.evidence.length;
  // Inbound flows, then outbound, walked without a list of the two (nor a copy of either): asked once per
  // install and mapped item.
  const { inbound: inboundOf, outbound: outboundOf } = flowAdjacency(graph);
  const inbound = inboundOf.get(s.id) ?? NO_FLOWS;
  for (let i = 0; i < inbound.length; i++) {
    const f = inbound[i]!;
    if (rest < f.evidence.length) return f.evidence[rest];
    rest -= f.evidence.length;
  }
  const outbound = outboundOf.get(s.id) ?? NO_FLOWS;
  for (let i = 0; i < outbound.length; i++) {
    const f = outbound[i]!;
    if (rest < f.evidence.length) return f.evidence[rest];
    rest -= f.evidence.length;
  }
  return undefined;
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

// The systems rules iterate as "the vendors" while one rule runs per class (vendorSystems reads this).
let judging: { graph: Graph; systems: readonly GraphSystem[] } | undefined;

/** The systems to judge as the vendors of `graph` while a class run is on; undefined otherwise. */
export function judgedVendors(graph: Graph): readonly GraphSystem[] | undefined {
  return judging?.graph === graph ? judging.systems : undefined;
}

/** Runs `fn` with `systems` standing for the vendors of `graph` (nested runs get their own). */
export function judgingOnly<T>(graph: Graph, systems: readonly GraphSystem[], fn: () => T): T {
  const outer = judging;
  judging = { graph, systems };
  try {
    return fn();
  } finally {
    judging = outer;
  }
}
