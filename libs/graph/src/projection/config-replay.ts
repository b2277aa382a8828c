import { graphWith, PRACTICE_ID, type ConsentDecl, type Graph, type GraphFlow, type GraphSystem } from '@custody/domain';
import { indexById, sameValue, type PairEntry, type ProjectionChanges, type ProjectionMemo } from './finalise-memo.js';
import { declAgrees, mergedFlow, mergeTargets, probeConfig } from './config-merge.js';
import { finaliseFlows, pairKey } from './flow-table.js';
import { decideLegalBasis } from './legal-basis.js';
import { basename, normaliseName } from './normalise.js';
import { consentKey, consentOrder, graphConsent, identifierOrder, redactionOrder, type IncrementalProjection } from './project-graph.js';
import { OverlayMemo, sameDoc, sameFrame, type Entry, type SettingReplay } from './setting-replay.js';
import { unknownTargetWarning } from './setting-changes.js';
import { readByLaterStages } from './subprocessors.js';
import { toGraphSystem, type RegistryKeys, type SystemDraft } from './system-registry.js';
import { inputOrder, type ConfigInput, type ProjectionInput } from './types.js';

/**
 * The projection of `input` made from `prev`'s by adding one new config alone (issue 11: a new document
 * re-audits only what it can affect), or undefined when that is not sure to equal a projection from scratch:
 * the caller then projects the whole input (the reference). The new config is projected on its own, into a
 * registry holding only the practice, and its systems and flows are added to the earlier graph when all of
 * these hold (each is why a stage of the full projection would treat them apart from the rest):
 *
 * - the inputs differ only by that config (same manifest, contracts, other configs, setting changes,
 *   corrections, links, vendor catalogue, workspace name; the same decisions by `asOf`), and the manifest does
 *   not list its file under a system (its own flows would then be that system's);
 * - no id, name key or host it looks up or gives a system is one the earlier projection's registry knows, or
 *   looked up and missed (SystemRegistry.lookupKeys), but the ids of earlier systems it merges into alike
 *   whatever its place among the configs (mergeTargets, config-merge.ts: projected again into copies of those,
 *   their records change, and a flow into a pair they had merges into its one flow: mergedFlow): so it merges
 *   into no other earlier system, no earlier lookup
 *   (another config's merge or flow endpoint, a contract's name, a sub-processor's, a setting change's
 *   target, a consent's) would have found its systems, and its systems keep their ids;
 * - the practice is not merged into, and its systems draw nothing from the later stages (no recording
 *   notetaker, no named sub-processors: readByLaterStages); they hold no contract (none could find them);
 * - its flows reach only its own systems and the practice (any other endpoint is a lookup of a known id), and
 *   into the practice only when the practice names no sub-processor (whose edges read what it receives);
 * - a consent it declares goes to one of its own systems or to no system, and sorts apart from the others.
 *
 * Its systems' and flows' records are then exactly the full projection's (legal bases read the receiver, one
 * of its own systems or the practice, and the consents), and nothing else changes but the consents,
 * redactions, identifiers and warnings it adds, each put where the full projection puts them.
 */
export function replayNewConfig(input: ProjectionInput, prev: ProjectionMemo): IncrementalProjection | undefined {
  const r = prev.replay;
  if (!r || !prev.graph || r.assessed) return undefined;
  const cfg = addedConfig(r.input, input);
  if (!cfg || !sameFrame(r.input, input) || !sameValue(r.input.settingChanges ?? [], input.settingChanges ?? [])) return undefined;
  if (input.manifest?.documents.some((d) => basename(d.file) === basename(cfg.file))) return undefined;
  const lookup = (id: string): Entry | undefined => (prev.system ? prev.system(id) : prev.systems.get(id));
  const practice = lookup(PRACTICE_ID);
  if (!practice) return undefined;

  // Projected alone first; when it looks up earlier systems by id, again into copies of those it can merge into.
  const alone = probeConfig(cfg, input, practice.draft);
  const merging = [...alone.asked.ids].filter((id) => id !== PRACTICE_ID && lookup(id) !== undefined);
  const merge = merging.length ? mergeTargets(merging, cfg, r, lookup, alone) : { targets: [], made: [] };
  if (!merge) return undefined;
  const { probe, asked, flows, sinks, seeded } = merge.targets.length ? probeConfig(cfg, input, practice.draft, merge.targets) : alone;

  const keys = r.keys;
  const knownId = (id: string) => lookup(id) !== undefined || keys.missedIds.has(id);
  const knownName = (k: string) => k !== '' && (keys.names.has(k) || keys.missedNames.has(k));
  for (const id of asked.ids) if (id !== PRACTICE_ID && !seeded.has(id) && knownId(id)) return undefined;
  for (const k of asked.names) if (knownName(k)) return undefined;
  for (const h of asked.hosts) if (keys.hosts.has(h)) return undefined;
  const own = probe.all().filter((d) => d.id !== PRACTICE_ID && !seeded.has(d.id));
  for (const d of own) {
    if (knownId(d.id) || knownName(normaliseName(d.name)) || (d.group?.vendor !== undefined && knownName(normaliseName(d.group.vendor)))) return undefined;
    if (readByLaterStages(d)) return undefined;
  }
  // A system merged into keeps its role and reads nothing new in the later stages (mergeTargets has the rest).
  for (const [id, x] of seeded) if (x.role !== lookup(id)!.draft.role || x.group || typeof x.holds !== 'number' || readByLaterStages(x)) return undefined;
  // Every declaration that landed in one, by id, host or name: its role or settings would win over a later config's
  // in the full projection (the property spec's seed 1769352383: a second id's declaration merged in by host).
  for (const [id, decls] of probe.mergedIntoSeeds) if (decls.some((d) => !declAgrees(d, lookup(id)!.draft))) return undefined;
  const p = probe.get(PRACTICE_ID)!;
  if (p.evidence.length || p.holds || p.settingsEvidence.length || Object.keys(p.settings).length || p.group) return undefined;
  const pairs = flows.pairs();
  const intoPractice = [...pairs.values()].some((list) => list[0]!.to === PRACTICE_ID);
  if (intoPractice && (practice.draft.contracts.length || practice.draft.settings.subprocessors !== undefined)) return undefined;
  // Between earlier systems: the practice naming the receiver as a sub-processor would cite the flow, and a
  // sender's flow-down agreement can pass to a new receiver (inheritFlowdown).
  for (const list of pairs.values()) {
    const { from, to } = list[0]!;
    if (from === PRACTICE_ID && seeded.has(to) && readByLaterStages(practice.draft)) return undefined;
    if (seeded.get(from)?.contracts.some((c) => c.facts.subcontractor_flowdown?.value === 'yes')) return undefined;
  }
  const ownIds = new Set(own.map((d) => d.id));
  const earlierConsents = new Set(prev.graph.consents.map(consentKey));
  const added = sinks.consents.map(graphConsent);
  if (added.some((c) => c.to === PRACTICE_ID || earlierConsents.has(consentKey(c)) || (!ownIds.has(c.to) && lookup(c.to)))) return undefined;
  if (r.input.configs.some((c) => c.documentId === cfg.documentId)) return undefined;

  // The records: its systems, and its pairs' flows with their legal bases as the full projection decides them.
  const g = prev.graph;
  const consents = [...g.consents, ...added];
  const changes: ProjectionChanges = { base: g, systems: new Map(), flows: new Map() };
  const overrides = new Map<string, Entry>();
  const newSystems: GraphSystem[] = [];
  for (const draft of own) {
    const out = toGraphSystem(draft);
    overrides.set(draft.id, { draft, out });
    newSystems.push(out);
    changes.systems.set(draft.id, { after: out });
  }
  const mergedSystems = new Map<string, { before: GraphSystem; out: GraphSystem }>();
  for (const [id, draft] of seeded) {
    const before = lookup(id)!.out;
    const fresh = toGraphSystem(draft);
    const out = sameValue(before, fresh) ? before : fresh;
    overrides.set(id, { draft, out });
    if (out !== before) (mergedSystems.set(id, { before, out }), changes.systems.set(id, { before, after: out }));
  }
  const receiver = (id: string): SystemDraft | undefined => (id === PRACTICE_ID ? practice.draft : probe.get(id));
  // A sender a flow-down contract came through may be an earlier system this config does not touch.
  const party = (id: string): SystemDraft | undefined => receiver(id) ?? lookup(id)?.draft;
  const newPairs = new Map<string, PairEntry>();
  const mergedPairs = new Map<string, PairEntry & { before: readonly GraphFlow[] }>();
  for (const key of [...pairs.keys()].sort()) {
    let drafts = pairs.get(key)!;
    const { from, to } = drafts[0]!;
    // A pair between earlier systems may have flows already: the new one merges into the pair's only one.
    const old = (from === PRACTICE_ID || seeded.has(from)) && (to === PRACTICE_ID || seeded.has(to)) ? prev.pair(key) : undefined;
    const merged = old && old.drafts.length === 1 && drafts.length === 1 ? mergedFlow(old.drafts[0]!, drafts[0]!) : undefined;
    if (old && !merged) return undefined;
    if (merged) drafts = [merged];
    const bases = drafts.map((f) => decideLegalBasis(f, receiver(f.to), consents, input.asOf, party));
    const out = finaliseFlows(drafts, (_, i) => bases[i]!).map((f, i) => (old && sameValue(old.out[i], f) ? old.out[i]! : f));
    if (old) mergedPairs.set(key, { drafts, bases, out, before: old.out });
    else newPairs.set(key, { drafts, bases, out });
    for (const [i, f] of out.entries()) if (f !== old?.out[i]) changes.flows.set(f.id, { before: old?.out[i], after: f });
  }
  const systems = insertSystems(g.systems, newSystems);
  const flowList = insertFlows(g.flows, newPairs);
  if (!systems || !flowList || !replaceSystems(systems, mergedSystems) || !replacePairs(flowList, mergedPairs)) return undefined;
  const graph = graphWith(g, {
    systems,
    flows: flowList,
    consents: added.length ? consents.sort(consentOrder) : [...g.consents],
    redactions: [...g.redactions, ...sinks.redactions].sort(redactionOrder),
    identifiers: [...g.identifiers, ...sinks.identifiers].sort(identifierOrder),
    asOf: input.asOf,
  });

  // Its warnings go where its place among the configs puts them; the config stage's are all before the setting stage's.
  const order = [...r.input.configs].sort(inputOrder);
  const place = order.filter((c) => inputOrder(c, cfg) < 0).length;
  const at = place ? r.configEnds[place - 1]! : 0;
  const n = sinks.warnings.length;
  const warningsBefore = [...r.warningsBefore.slice(0, at), ...sinks.warnings, ...r.warningsBefore.slice(at)];
  const configEnds = [...r.configEnds.slice(0, place), at + n, ...r.configEnds.slice(place).map((e) => e + n)];
  // Its own systems, and those it now makes before the config that made them (mergeTargets), are its.
  const made = [...own.map((d) => d.id), ...merge.made];
  const createdIn = made.length ? new Map([...r.createdIn, ...made.map((id) => [id, cfg.documentId] as const)]) : r.createdIn;
  const replay: SettingReplay = { ...r, input, warningsBefore, configEnds, keys: withKeys(keys, probe.lookupKeys(), own, asked.hosts), createdIn };
  const warnings = [...warningsBefore, ...r.applied.filter((a) => a.target === undefined).map((a) => unknownTargetWarning(a.change)), ...r.warningsAfter];
  const memo = new OverlayMemo(prev, overrides, graph, replay, new Map([...newPairs, ...mergedPairs]), new Set(mergedPairs.keys()));
  return { graph, unattached: [...r.unattached], warnings, memo, changes };
}

/** The one config `b` has that `a` has not, when every other config is the same in both; else undefined. */
function addedConfig(a: ProjectionInput, b: ProjectionInput): ConfigInput | undefined {
  if (b.configs.length !== a.configs.length + 1) return undefined;
  const before = new Map(a.configs.map((c) => [c.documentId, c]));
  if (before.size !== a.configs.length) return undefined;
  let added: ConfigInput | undefined;
  for (const c of b.configs) {
    const old = before.get(c.documentId);
    if (old) {
      if (!sameDoc(old, c)) return undefined;
    } else if (added) return undefined;
    else added = c;
  }
  return added;
}

/** The earlier keys plus the new config's: its systems' keys and the lookups it missed. */
function withKeys(keys: RegistryKeys, probe: RegistryKeys, own: readonly SystemDraft[], hosts: ReadonlySet<string>): RegistryKeys {
  const names = new Set<string>();
  for (const d of own) {
    names.add(normaliseName(d.name));
    if (d.group?.vendor !== undefined) names.add(normaliseName(d.group.vendor));
  }
  return {
    names: KeyUnion.of(keys.names, names),
    hosts: KeyUnion.of(keys.hosts, hosts),
    missedIds: probe.missedIds.size ? new Set([...keys.missedIds, ...probe.missedIds]) : keys.missedIds,
    missedNames: probe.missedNames.size ? new Set([...keys.missedNames, ...probe.missedNames]) : keys.missedNames,
  };
}

/** A base key set plus a few keys; a union of a union keeps one base, so a chain of replays looks up in two sets. */
class KeyUnion {
  private constructor(private readonly base: RegistryKeys['names'], private readonly extra: ReadonlySet<string>) {}

  static of(base: RegistryKeys['names'], extra: ReadonlySet<string>): RegistryKeys['names'] {
    if (!extra.size) return base;
    return base instanceof KeyUnion ? new KeyUnion(base.base, new Set([...base.extra, ...extra])) : new KeyUnion(base, extra);
  }

  has(key: string): boolean {
    return this.extra.has(key) || this.base.has(key);
  }
}

/** `systems` (a graph's: the practice first, then by id) with each merged system's record swapped in place; false if one is not where its id puts it. */
function replaceSystems(systems: GraphSystem[], merged: ReadonlyMap<string, { before: GraphSystem; out: GraphSystem }>): boolean {
  const from = systems[0]?.id === PRACTICE_ID ? 1 : 0;
  for (const [id, { before, out }] of merged) {
    const at = indexById(systems, id, from);
    if (at < 0 || systems[at] !== before) return false;
    systems[at] = out;
  }
  return true;
}

/**
 * `flows` (a graph's, by pair in key order) with the records of each pair in `replaced` swapped for its new
 * ones, in place; false when a pair's records are not where the order puts them.
 */
function replacePairs(flows: GraphFlow[], replaced: ReadonlyMap<string, { before: readonly GraphFlow[]; out: readonly GraphFlow[] }>): boolean {
  for (const [key, { before, out }] of replaced) {
    const at = lowerBound(flows, key, flowKey);
    if (before.length !== out.length || before.some((f, i) => flows[at + i] !== f)) return false;
    out.forEach((f, i) => (flows[at + i] = f));
  }
  return true;
}

const flowKey = (f: GraphFlow) => pairKey(f.from, f.to);

/** Lowest index in `list[from..]` whose key is not below `key`. */
function lowerBound<T>(list: readonly T[], key: string, keyOf: (x: T) => string, from = 0): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(list[mid]!) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `added` (sorted by id, ids none of `systems` has) put in `systems` (the practice first, then by id); undefined if that order is not there. */
function insertSystems(systems: readonly GraphSystem[], added: readonly GraphSystem[]): GraphSystem[] | undefined {
  const from = systems[0]?.id === PRACTICE_ID ? 1 : 0;
  const out: GraphSystem[] = systems.slice(0, from);
  let i = from;
  for (const s of added) {
    const at = lowerBound(systems, s.id, (x) => x.id, i);
    if (systems[at]?.id === s.id || (at > from && systems[at - 1]!.id > s.id)) return undefined;
    for (; i < at; i++) out.push(systems[i]!);
    out.push(s);
  }
  for (; i < systems.length; i++) out.push(systems[i]!);
  return out;
}

/**
 * The flows of `pairs` (new pairs, sorted by key) put in `flows`, which lie by pair in the pairs' key order
 * (`from`, NUL, `to`: finaliseWithMemo's order); undefined if a pair is there already.
 */
function insertFlows(flows: readonly GraphFlow[], pairs: ReadonlyMap<string, { out: readonly GraphFlow[] }>): GraphFlow[] | undefined {
  const out: GraphFlow[] = [];
  let i = 0;
  for (const [key, { out: records }] of pairs) {
    const at = lowerBound(flows, key, flowKey, i);
    if (flows[at] && flowKey(flows[at]!) === key) return undefined;
    for (; i < at; i++) out.push(flows[i]!);
    out.push(...records);
  }
  for (; i < flows.length; i++) out.push(flows[i]!);
  return out;
}
