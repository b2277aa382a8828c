import { PRACTICE_ID } from '@custody/domain';
import type { Graph, GraphFlow, GraphSystem, LegalBasis } from '@custody/domain';
import { sameCategories } from './categories.js';
import { finaliseFlows, pairKey, type FlowDraft, type FlowTable } from './flow-table.js';
import type { SettingReplay } from './setting-replay.js';
import { toGraphSystem, type SystemDraft } from './system-registry.js';

/**
 * What one projection leaves for the next (issue 11, incremental re-audit): its finished drafts with the
 * records made from them, per system id and per `from → to` pair. The next projection replays the cheap merge
 * steps, compares each new draft with the old one (by value, short-cutting on shared references) and reuses
 * the old record when the draft is unchanged. Finishing a record (sorting and deduplicating evidence,
 * ordering flows, giving them ids) is most of a projection's time, and a fleet's vendor and sub-processor
 * records cite tens of thousands of rows. Reuse is decided by comparing the very inputs the finishing
 * function reads, so any earlier memo (even of another workspace) is a correct base: it can only be slower.
 */
/** One flow pair's entry: its drafts, their legal bases and the records finalised from them. */
export type PairEntry = { drafts: readonly FlowDraft[]; bases: readonly LegalBasis[]; out: readonly GraphFlow[] };

export interface ProjectionMemo {
  /** The graph these records are of: {@link ProjectionChanges} are relative to it. */
  readonly graph?: Graph;
  readonly systems: ReadonlyMap<string, { draft: SystemDraft; out: GraphSystem }>;
  readonly pairs: ReadonlyMap<string, PairEntry>;
  /** The keys of `pairs`, sorted: the next projection sorts only the pairs it adds (see pairOrder). */
  readonly pairOrder?: readonly string[];
  /** One system's entry of `systems`, found without building that map (a fleet's 100,000 entries for the one a change reaches). */
  system?(id: string): { draft: SystemDraft; out: GraphSystem } | undefined;
  /** One pair's entry of `pairs`, found without building that map (a new config merging a flow into it: config-replay.ts). */
  pair(key: string): PairEntry | undefined;
  /** What a later projection needs to replay only its setting changes (setting-replay.ts). */
  readonly replay?: SettingReplay;
}

/**
 * The systems and flows whose record differs from the memo's (added, changed or removed: `before`/`after`
 * missing for an added/removed one). A record that did not change is the very object the previous graph
 * held, so this is exact, and derived without comparing the two graphs record by record.
 */
export interface ProjectionChanges {
  /** The graph the changes are relative to (the previous memo's), so a caller can tell whether they apply to its own. */
  base?: Graph;
  systems: Map<string, { before?: GraphSystem; after?: GraphSystem }>;
  flows: Map<string, { before?: GraphFlow; after?: GraphFlow }>;
}

/** Finished systems (practice first, then by id) and flows (by content), reusing unchanged records of `prev`. */
export function finaliseWithMemo(
  drafts: readonly SystemDraft[],
  table: Pick<FlowTable, 'pairs' | 'sortedPairs'>,
  basisOf: (f: FlowDraft) => LegalBasis,
  prev: ProjectionMemo | undefined,
): { systems: GraphSystem[]; flows: GraphFlow[]; memo: LazyMemo; changes: ProjectionChanges } {
  const changes: ProjectionChanges = { base: prev?.graph, systems: new Map(), flows: new Map() };
  const known = new Map<object, object>();
  const systems: GraphSystem[] = [];
  for (const draft of drafts) {
    const old = prev?.systems.get(draft.id);
    let out: GraphSystem;
    if (old && sameSystemDraft(old.draft, draft, known)) out = old.out;
    else {
      out = toGraphSystem(draft);
      // Drafts can differ where the record does not (evidence order, a merge in another order): keep the old object.
      if (old && sameValue(old.out, out, known)) out = old.out;
      else if (prev) changes.systems.set(draft.id, { before: old?.out, after: out });
    }
    systems.push(out);
  }
  if (prev) {
    const ids = new Set(drafts.map((d) => d.id));
    for (const [id, old] of prev.systems) if (!ids.has(id)) changes.systems.set(id, { before: old.out });
  }
  const practiceFirst = [...systems.filter((s) => s.id === PRACTICE_ID), ...systems.filter((s) => s.id !== PRACTICE_ID)];

  const flows: GraphFlow[] = [];
  // Every pair's bases and records lie in `bases` and `flows` from its offset on (one record per draft):
  // the memo's per-pair entries are cut from them only when a next projection reads them.
  const bases: LegalBasis[] = [];
  const offsets: number[] = [];
  // Flow ids (`from->to#n`) depend only on the flows of one pair, and the full order (by content, which starts
  // with `from`, then `to`) is the pairs' order: so each pair is finished, or reused, on its own. From scratch
  // the pairs come in that order without their keys (made only if a next projection reads the memo).
  const pairs = prev ? table.pairs() : undefined;
  const order = pairs ? pairOrder(pairs, prev) : undefined;
  const lists = order ? order.map((key) => pairs!.get(key)!) : table.sortedPairs();
  for (let k = 0; k < lists.length; k++) {
    const list = lists[k]!;
    const key = order?.[k];
    const at = bases.length;
    offsets.push(at);
    for (const f of list) bases.push(basisOf(f));
    const old = key === undefined ? undefined : prev?.pairs.get(key);
    let out: readonly GraphFlow[];
    if (old && old.drafts.length === list.length && list.every((f, i) => old.bases[i] === bases[at + i] && sameFlowDraft(old.drafts[i]!, f, known))) out = old.out;
    else if (!prev) {
      // A projection from scratch has nothing to reuse or report as changed: one record per flow, nothing more
      // (a fleet has tens of thousands of pairs, nearly all of one flow).
      out = finaliseFlows(list, (_, i) => bases[at + i]!);
    } else {
      const before = new Map((old?.out ?? []).map((f) => [f.id, f]));
      out = finaliseFlows(list, (_, i) => bases[at + i]!).map((f) => {
        const was = before.get(f.id);
        if (was && sameValue(was, f, known)) return was;
        changes.flows.set(f.id, { before: was, after: f });
        return f;
      });
      const now = new Set(out.map((f) => f.id));
      for (const [id, was] of before) if (!now.has(id)) changes.flows.set(id, { before: was });
    }
    for (const f of out) flows.push(f);
  }
  offsets.push(bases.length);
  if (prev) for (const [key, old] of prev.pairs) if (!pairs!.has(key)) for (const f of old.out) changes.flows.set(f.id, { before: f });
  return { systems: practiceFirst, flows, memo: new LazyMemo(drafts, systems, lists, order, offsets, bases, [...flows]), changes };
}

/**
 * A memo whose maps are built when first read: an audit from scratch (the CLI, the bench) never reads them, and
 * a fleet's 100,000 systems and 270,000 pairs made a map entry, an entry object and two small arrays each.
 */
export class LazyMemo implements ProjectionMemo {
  /** Set by the projection once its graph is assembled. */
  graph?: Graph;
  replay?: SettingReplay;
  private systemsMap?: Map<string, { draft: SystemDraft; out: GraphSystem }>;
  private pairsMap?: Map<string, PairEntry>;

  constructor(
    private readonly drafts: readonly SystemDraft[],
    private readonly records: readonly GraphSystem[],
    /** Each pair's drafts, in the pairs' order. */
    private readonly draftPairs: readonly (readonly FlowDraft[])[],
    /** The pairs' keys in that order, when known (else made from the drafts when first read). */
    private keys: readonly string[] | undefined,
    private readonly offsets: readonly number[],
    private readonly bases: readonly LegalBasis[],
    /** A copy of the graph's flows, so nothing done to the graph moves a pair's records. */
    private readonly flows: readonly GraphFlow[],
  ) {}

  get systems(): ReadonlyMap<string, { draft: SystemDraft; out: GraphSystem }> {
    return (this.systemsMap ??= new Map(this.drafts.map((draft, i) => [draft.id, { draft, out: this.records[i]! }])));
  }

  system(id: string): { draft: SystemDraft; out: GraphSystem } | undefined {
    if (this.systemsMap) return this.systemsMap.get(id);
    // The drafts are the registry's, sorted by id (SystemRegistry.all).
    const at = indexById(this.drafts, id);
    return at < 0 ? undefined : { draft: this.drafts[at]!, out: this.records[at]! };
  }

  get pairOrder(): readonly string[] {
    // Every pair's list holds at least one flow (the table drops a pair with its last flow).
    return (this.keys ??= this.draftPairs.map((list) => pairKey(list[0]!.from, list[0]!.to)));
  }

  pair(key: string): PairEntry | undefined {
    if (this.pairsMap) return this.pairsMap.get(key);
    // The keys are sorted as `<` orders strings (pairOrder): a binary search.
    const order = this.pairOrder;
    let lo = 0;
    let hi = order.length - 1;
    while (lo <= hi) {
      const k = (lo + hi) >>> 1;
      if (order[k] === key) return { drafts: this.draftPairs[k]!, bases: this.bases.slice(this.offsets[k], this.offsets[k + 1]), out: this.flows.slice(this.offsets[k], this.offsets[k + 1]) };
      if (order[k]! < key) lo = k + 1;
      else hi = k - 1;
    }
    return undefined;
  }

  get pairs(): ReadonlyMap<string, PairEntry> {
    if (!this.pairsMap) {
      this.pairsMap = new Map();
      this.pairOrder.forEach((key, k) => {
        const [from, to] = [this.offsets[k]!, this.offsets[k + 1]!];
        this.pairsMap!.set(key, { drafts: this.draftPairs[k]!, bases: this.bases.slice(from, to), out: this.flows.slice(from, to) });
      });
    }
    return this.pairsMap;
  }
}

/**
 * The keys of `pairs` sorted: the previous projection's order less the pairs that went, merged with the new
 * pairs sorted. The same order as sorting them all, without sorting a fleet's tens of thousands of
 * unchanged pairs again.
 */
function pairOrder(pairs: ReadonlyMap<string, unknown>, prev: ProjectionMemo | undefined): string[] {
  // The default sort orders strings by UTF-16 code units, as `cmp` does, in native code: a comparator called
  // from it per comparison was most of sorting a fleet's 345,000 pairs.
  if (!prev?.pairOrder) return [...pairs.keys()].sort();
  const kept = prev.pairOrder.filter((k) => pairs.has(k));
  const added = [...pairs.keys()].filter((k) => !prev.pairs.has(k)).sort();
  if (!added.length) return kept;
  const out: string[] = [];
  let i = 0;
  for (const k of kept) {
    while (i < added.length && cmp(added[i]!, k) < 0) out.push(added[i++]!);
    out.push(k);
  }
  while (i < added.length) out.push(added[i++]!);
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Equal in everything {@link toGraphSystem} reads (hosts, settings evidence and origin are not in the record). */
function sameSystemDraft(a: SystemDraft, b: SystemDraft, known: Map<object, object>): boolean {
  return a.id === b.id && a.name === b.name && a.role === b.role && sameValue(a.group, b.group) && sameCategories(a.holds, b.holds) &&
    sameValue(a.settings, b.settings, known) && sameValue(a.contracts, b.contracts, known) && sameValue(a.evidence, b.evidence, known) &&
    !a.assessed === !b.assessed;
}

/** Equal in everything {@link finaliseFlows} reads of one flow (its legal basis is compared apart). */
function sameFlowDraft(a: FlowDraft, b: FlowDraft, known: Map<object, object>): boolean {
  return a.from === b.from && a.to === b.to && a.transport === b.transport && a.purpose === b.purpose && a.endpoint === b.endpoint &&
    sameCategories(a.data, b.data) && sameValue(a.evidence, b.evidence, known) && (a.origin === 'assessed') === (b.origin === 'assessed');
}

/**
 * Deep equality of JSON-like values, sets included, short-cutting on shared references. Object keys must come
 * in the same order: a reused record has to print to the same JSON as a fresh one. `known` remembers pairs of
 * objects found equal: one vendor contract is attached to every install of a fleet, and is compared once.
 */
export function sameValue(a: unknown, b: unknown, known?: Map<object, object>): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i], known)) return false;
    return true;
  }
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
    // Sets of primitives here (categories): order matters only where it reaches the output, which sorts them.
    for (const x of a) if (!b.has(x)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  if (known?.get(a) === b) return true;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], known)) return false;
  }
  known?.set(a, b);
  return true;
}

/** Where the item with `id` is in `list[from..]`, sorted by id as `<` orders strings (binary search), or -1. */
export function indexById(list: readonly { id: string }[], id: string, from = 0): number {
  let lo = from;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = list[mid]!.id;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
