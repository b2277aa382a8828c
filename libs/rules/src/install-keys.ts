/**
 * The class keys of fleet installs (issue 11), as numbers per vendor position: an install's structural key (role,
 * holds, vendor, contracts, evidence shape, flows in and out, numbered by a trie) and, per declared setting, a
 * column of (value, which own evidence items mention it). install-classes.ts combines them into a rule's classes.
 * All memoised per run, so rules reading the same settings share them.
 */
import type { Graph, GraphFlow, GraphSystem } from '@custody/domain';
import { inboundOf, outboundOf } from '@custody/graph/queries';
import { evidenceSlots } from './install-slots.js';
import type { ClassReads } from './install-classes.js';
import { memoByGraph } from './run-memo.js';

/** Per install (position in the vendor list): the structural class and the evidence slots it maps by. */
export interface InstallIndex {
  vendors: readonly GraphSystem[];
  /** Structural key id per vendor position; -1 for a system that is not a fleet install (or is named). */
  base: Int32Array;
  installs: number;
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
export function settingColumn(graph: Graph, index: InstallIndex, key: string): Float64Array {
  return memoByGraph(`class-column:${key}`, graph, () => {
    const mentionable = mentionFilter(graph, index, key);
    const primitives = new Map<unknown, number>();
    const objects = new Map<string, number>();
    // An object value's id by identity first: a fleet export's installs of one class share their lists.
    const byObject = new Map<object, number>();
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
          value = byObject.get(v) ?? 0;
          if (value === 0) {
            const k = JSON.stringify(v);
            value = objects.get(k) ?? 0;
            if (value === 0) objects.set(k, (value = primitives.size + objects.size + 1));
            byObject.set(v, value);
          }
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

/** Per vendor position, the install's structural key id (-1: not a fleet install, or named), memoised per run. */
export function installIndex(graph: Graph, vendors: readonly GraphSystem[]): InstallIndex {
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
