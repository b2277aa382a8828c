import { graphWith, hasExpired, PRACTICE_ID, type Evidence, type Graph, type GraphSystem } from '@custody/domain';
import { indexById, sameValue, type PairEntry, type ProjectionChanges, type ProjectionMemo } from './finalise-memo.js';
import type { IncrementalProjection } from './project-graph.js';
import { stamp } from './normalise.js';
import { applySettingChange, settingChangesInForce, settingTargetIds, unknownTargetWarning, type AppliedSettingChange } from './setting-changes.js';
import { impliedFlowCitesAllEvidence, SETTINGS_READ_AFTER_CHANGES } from './subprocessors.js';
import { toGraphSystem, type RegistryKeys, type SystemDraft } from './system-registry.js';
import type { ProjectionInput, SettingChangeInput } from './types.js';

/**
 * What one projection leaves for a later one to replay its setting changes alone (issue 11: a setting change
 * re-audits only what it can affect). Setting changes apply after the manifest and the configs, over a
 * registry they do not change, and a change to a key no later stage reads (SETTINGS_READ_AFTER_CHANGES)
 * reaches only its own system's record: so when two inputs differ only in such changes, the later projection
 * is the earlier one with those systems' setting layers folded again. Replaying walks the changes, not the
 * workspace: a fleet's other 10,000 installs, their flows and the contract rounds are not visited.
 */
export interface SettingReplay {
  /** The input projected. */
  input: ProjectionInput;
  /** The changes in force, in the order they applied, with the system each reached and the evidence it stamped there. */
  applied: readonly AppliedSettingChange[];
  /** Warnings the stages before setting changes gave, and those after (the setting stage's own are made from `applied`). */
  warningsBefore: readonly string[];
  warningsAfter: readonly string[];
  /** Systems added after the setting stage (named sub-processors): a change could not have reached them. */
  late: ReadonlySet<string>;
  unattached: readonly string[];
  /** Where each config's warnings end in `warningsBefore`, configs in input order (config-replay.ts). */
  configEnds: readonly number[];
  /** What the projection's lookups depended on (SystemRegistry.lookupKeys): a new config's systems must avoid them (config-replay.ts). */
  keys: RegistryKeys;
  /** Per system a config made (no fleet install), that config's document id: a new config may merge into it (config-merge.ts). */
  createdIn: ReadonlyMap<string, string>;
  /**
   * Whether the projection assessed vendors from their contracts (assessed-vendors.ts): a decision taken on the
   * whole input (no system but the practice), which neither replay can keep — a new config's systems end the
   * assessment, and a setting change could reach an assessed vendor the full projection makes only afterwards.
   */
  assessed?: boolean;
}

export type Entry = { draft: SystemDraft; out: GraphSystem };

/**
 * The projection of `input` made from `prev`'s by replaying setting changes, or undefined when that is not
 * sure to equal a projection from scratch (anything else differs, a change names its system only by name, or
 * touches a key a later stage reads): the caller then projects the whole input. The earlier projection and
 * its memo are left as they were (a memo may be projected from again).
 */
export function replaySettingChanges(input: ProjectionInput, prev: ProjectionMemo): IncrementalProjection | undefined {
  const r = prev.replay;
  if (!r || !prev.graph || r.assessed || !sameBesideSettingChanges(r.input, input)) return undefined;
  const before = byDocument(r.input.settingChanges ?? []);
  const after = byDocument(input.settingChanges ?? []);
  if (!before || !after) return undefined;
  const was = new Map(r.applied.map((a) => [a.change.documentId, a]));
  const lookup = (id: string): Entry | undefined => (prev.system ? prev.system(id) : prev.systems.get(id));

  // The systems whose setting layer is folded again: those a retracted, corrected or new change reaches.
  const touched = new Set<string>();
  const inForce = (c: SettingChangeInput) => c.at <= input.asOf;
  for (const [id, c] of before) {
    if (after.has(id) && sameValue(after.get(id), c)) continue;
    if (!inForce(c)) continue;
    const a = was.get(id);
    if (!a || !settlesLocally(c)) return undefined;
    if (a.target !== undefined) touched.add(a.target);
  }
  const resolved = new Map<string, string>();
  const missed = new Set<string>();
  for (const [id, c] of after) {
    if (before.has(id) && sameValue(before.get(id), c)) continue;
    if (!inForce(c)) continue;
    if (!settlesLocally(c)) return undefined;
    // The ids a change may name its system by, as the setting stage tries them, among the systems that stage
    // saw; a change that would fall through to a name lookup is left to the full projection.
    const ids = settingTargetIds(c);
    const at = ids.findIndex((t) => !r.late.has(t) && lookup(t) !== undefined);
    if (at < 0) return undefined;
    const target = ids[at]!;
    // The ids tried first that no system has: a system a later config adds under one would be this change's target.
    for (const t of ids.slice(0, at)) if (lookup(t) === undefined) missed.add(t);
    resolved.set(id, target);
    touched.add(target);
  }

  const applied: AppliedSettingChange[] = settingChangesInForce(input.settingChanges ?? [], input.asOf).map((c) => {
    const old = was.get(c.documentId);
    if (!resolved.has(c.documentId) && old && sameValue(old.change, c)) return old.target === undefined ? { change: c } : { change: c, target: old.target, evidence: old.evidence };
    return { change: c, target: resolved.get(c.documentId)!, evidence: stamp(c.evidence, c.documentId, c.file) };
  });

  const overrides = new Map<string, Entry>();
  const changes: ProjectionChanges = { base: prev.graph, systems: new Map(), flows: new Map() };
  const systems = [...prev.graph.systems];
  // Per system, once: a batch can reach every install of a fleet (a vendor-wide push), and filtering every
  // change, or scanning every record, per system reached made such a batch quadratic.
  const earlier = byTarget(r.applied, touched);
  const now = byTarget(applied, touched);
  for (const id of touched) {
    const old = lookup(id)!;
    if (impliedFlowCitesAllEvidence(old.draft)) return undefined;
    const draft = refold(old.draft, earlier.get(id) ?? [], now.get(id) ?? []);
    let out = toGraphSystem(draft);
    if (sameValue(old.out, out)) out = old.out;
    else {
      const at = recordIndex(systems, old.out);
      if (at < 0) return undefined;
      changes.systems.set(id, { before: old.out, after: out });
      systems[at] = out;
    }
    overrides.set(id, { draft, out });
  }

  // Arrays of its own, as a projection from scratch gives (a caller may edit its graph): the records are shared.
  const g = prev.graph;
  const graph = graphWith(g, { systems, flows: [...g.flows], consents: [...g.consents], redactions: [...g.redactions], identifiers: [...g.identifiers], asOf: input.asOf });
  const keys = missed.size ? { ...r.keys, missedIds: new Set([...r.keys.missedIds, ...missed]) } : r.keys;
  const replay: SettingReplay = { ...r, input, applied, keys };
  const warnings = [...r.warningsBefore, ...applied.filter((a) => a.target === undefined).map((a) => unknownTargetWarning(a.change)), ...r.warningsAfter];
  return { graph, unattached: [...r.unattached], warnings, memo: new OverlayMemo(prev, overrides, graph, replay), changes };
}

/** The changes that reached each of `ids`, in the order they applied. */
function byTarget(list: readonly AppliedSettingChange[], ids: ReadonlySet<string>): Map<string, AppliedSettingChange[]> {
  const out = new Map<string, AppliedSettingChange[]>();
  for (const a of list) {
    if (a.target === undefined || !ids.has(a.target)) continue;
    const of = out.get(a.target);
    if (of) of.push(a);
    else out.set(a.target, [a]);
  }
  return out;
}

/**
 * Where `record` is in `systems` (a graph's: the practice first, then by id, as finaliseWithMemo orders them),
 * found by its id in O(log n); -1 when it is not there. A graph a caller reordered is searched through.
 */
function recordIndex(systems: readonly GraphSystem[], record: GraphSystem): number {
  if (record.id === PRACTICE_ID) return systems[0] === record ? 0 : systems.indexOf(record);
  const at = indexById(systems, record.id, systems[0]?.id === PRACTICE_ID ? 1 : 0);
  return systems[at] === record ? at : systems.indexOf(record);
}

/** A change whose keys no stage after the setting stage reads: it reaches only its own system's record. */
const settlesLocally = (c: SettingChangeInput) => !Object.keys(c.settings).some((k) => SETTINGS_READ_AFTER_CHANGES.includes(k));

/** The changes by document id, or undefined when two share one (then which is which is not clear: project afresh). */
function byDocument(list: readonly SettingChangeInput[]): Map<string, SettingChangeInput> | undefined {
  const out = new Map(list.map((c) => [c.documentId, c]));
  return out.size === list.length ? out : undefined;
}

/**
 * `draft` (a finished draft of an earlier projection) with its setting layer folded again: the settings and
 * settings evidence as declared, then the changes now applied to it, in order; its evidence less what the
 * earlier changes stamped there (once per stamp: a config may cite the same object), plus what the changes now
 * stamp. A fresh object: the earlier projection's draft is its memo's.
 */
function refold(draft: SystemDraft, earlier: readonly AppliedSettingChange[], now: readonly AppliedSettingChange[]): SystemDraft {
  const stamped = new Map<Evidence, number>();
  for (const a of earlier) for (const e of a.evidence ?? []) stamped.set(e, (stamped.get(e) ?? 0) + 1);
  const evidence = draft.evidence.filter((e) => {
    const n = stamped.get(e);
    if (!n) return true;
    stamped.set(e, n - 1);
    return false;
  });
  const sources = draft.settingSources;
  const out: SystemDraft = { ...draft, settings: sources?.declaredSettings ?? draft.settings, settingsEvidence: sources?.declared ?? draft.settingsEvidence, evidence };
  delete out.settingSources;
  for (const a of now) applySettingChange(out, a.change, a.evidence!);
  return out;
}

/** Equal in everything but the setting changes (compared by reference where the audit keeps its objects). */
function sameBesideSettingChanges(a: ProjectionInput, b: ProjectionInput): boolean {
  return sameFrame(a, b) && sameDocs(a.configs, b.configs);
}

const sameDocs = (x: readonly { documentId: string; file: string; sha256?: string; result: unknown }[], y: typeof x) =>
  x.length === y.length && x.every((d, i) => sameDoc(d, y[i]!));
/** The same document: id, file, hash and the very analysis object the audit keeps. */
export const sameDoc = (d: { documentId: string; file: string; sha256?: string; result: unknown }, e: typeof d) =>
  d.documentId === e.documentId && d.file === e.file && d.sha256 === e.sha256 && d.result === e.result;

/**
 * Equal in everything but the configs and the setting changes, with the same decisions by `asOf`: the frame a
 * replay (of setting changes, or of a new config: config-replay.ts) builds on.
 */
export function sameFrame(a: ProjectionInput, b: ProjectionInput): boolean {
  if (a.practiceName !== b.practiceName || !sameDecisionsAt(a, b)) return false;
  if (a.resolveVendor !== b.resolveVendor && (a.resolverKey === undefined || a.resolverKey !== b.resolverKey)) return false;
  if (a.manifest !== b.manifest && !(a.manifest && b.manifest && shallowSame(a.manifest, b.manifest))) return false;
  return sameDocs(a.contracts, b.contracts) && sameValue(a.corrections ?? {}, b.corrections ?? {}) && sameValue(a.links ?? {}, b.links ?? {});
}

/**
 * Whether every decision the projection takes by its `asOf` (a setting change in force, an agreement or a
 * consent expired) comes out alike at `a`'s and at `b`'s (the pipeline's graph is "as of" its latest input,
 * so each new input moves it): then the later graph differs from the earlier only in its stamp. Asked of `b`'s
 * dates, which are `a`'s but for the setting changes (compared beside them).
 */
function sameDecisionsAt(a: ProjectionInput, b: ProjectionInput): boolean {
  if (a.asOf === b.asOf) return true;
  const [x, y] = [Date.parse(a.asOf), Date.parse(b.asOf)];
  const alike = (d: string | undefined) =>
    d === undefined || ((d <= a.asOf) === (d <= b.asOf) && (Date.parse(d) < x) === (Date.parse(d) < y) && hasExpired(d, a.asOf) === hasExpired(d, b.asOf));
  return (
    [...(a.settingChanges ?? []), ...(b.settingChanges ?? [])].every((c) => alike(c.at)) &&
    b.contracts.every((c) => alike(c.result.document.expires)) &&
    (b.manifest?.consents ?? []).every((c) => alike(c.expires)) &&
    b.configs.every((c) => (c.result.consents ?? []).every((k) => alike(k.expires)))
  );
}

/** The same own keys holding the very same values (a manifest's fields are its parse's, kept between projections). */
function shallowSame(a: object, b: object): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

/**
 * A memo that is an earlier one with some systems' entries replaced or added (a setting replay's, a new config's)
 * and some flow pairs added (a new config's): chained replays keep one base and the maps of what they changed,
 * and the full maps are built only when a full projection reads them.
 */
export class OverlayMemo implements ProjectionMemo {
  private readonly base: ProjectionMemo;
  private readonly overrides: Map<string, Entry>;
  private readonly added: Map<string, PairEntry>;
  /** The keys of `added` the base has not (a pair a new config merged a flow into replaces the base's entry). */
  private readonly fresh: readonly string[];
  private systemsMap?: Map<string, Entry>;
  private pairsMap?: Map<string, PairEntry>;
  private order?: readonly string[];

  /** `replaced`: the keys of `pairs` the previous memo had already. */
  constructor(prev: ProjectionMemo, overrides: Map<string, Entry>, readonly graph: Graph, readonly replay: SettingReplay, pairs: Map<string, PairEntry> = new Map(), replaced: ReadonlySet<string> = new Set()) {
    this.base = prev instanceof OverlayMemo ? prev.base : prev;
    this.overrides = prev instanceof OverlayMemo ? new Map([...prev.overrides, ...overrides]) : overrides;
    this.added = prev instanceof OverlayMemo && prev.added.size ? new Map([...prev.added, ...pairs]) : pairs;
    const fresh = [...pairs.keys()].filter((k) => !replaced.has(k));
    this.fresh = prev instanceof OverlayMemo && prev.fresh.length ? [...prev.fresh, ...fresh] : fresh;
  }

  get systems(): ReadonlyMap<string, Entry> {
    if (!this.systemsMap) {
      this.systemsMap = new Map(this.base.systems);
      for (const [id, e] of this.overrides) this.systemsMap.set(id, e);
    }
    return this.systemsMap;
  }

  get pairs(): ReadonlyMap<string, PairEntry> {
    if (!this.added.size) return this.base.pairs;
    if (!this.pairsMap) {
      this.pairsMap = new Map(this.base.pairs);
      for (const [key, e] of this.added) this.pairsMap.set(key, e);
    }
    return this.pairsMap;
  }

  get pairOrder(): readonly string[] | undefined {
    const base = this.base.pairOrder;
    if (!this.fresh.length || !base) return base;
    return (this.order ??= mergeSorted(base, [...this.fresh].sort()));
  }

  pair(key: string): PairEntry | undefined {
    return this.added.get(key) ?? this.base.pair(key);
  }

  system(id: string): Entry | undefined {
    return this.overrides.get(id) ?? (this.base.system ? this.base.system(id) : this.base.systems.get(id));
  }
}

/** Two sorted lists of distinct strings merged, sorted (as `<` orders strings, and Array.prototype.sort). */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j]! < x) out.push(b[j++]!);
    out.push(x);
  }
  while (j < b.length) out.push(b[j++]!);
  return out;
}
