import {
  BUSINESS_ASSOCIATE_ROLES,
  contractRoutes,
  fleetVendorOf,
  partyName,
  senderRoute,
  hasExpired,
  stampEvidence,
  PRACTICE_ID,
  type AttachedContract,
  type ConsentDecl,
  type ContractRoute,
  type DataCategory,
  type Evidence,
  type Graph,
  type GraphFlow,
  type GraphSystem,
} from '@custody/domain';
import { isPracticeSide, systemById } from '@custody/graph/graph-index';
import { addInboundPhi, carriesPhi, inboundOf, inboundPhiCategories } from '@custody/graph/queries';
import { baasInForce, cmp, expiredBaas, parseDaysValue, systemNameMatcher, unique } from './contracts.js';
import { judgedVendors } from './install-classes.js';
export { carrySharedNames, displayName, namesSharedAsIn, sharingChanged } from './display-name.js';
import { displayName } from './display-name.js';
import { memoByGraph, memoBySystem } from './run-memo.js';

// Flow, reach and path queries live with the graph (libs/graph/src: graph-index.ts, queries.ts, paths.ts); the rules
// import them from here too. Only those modules, not the whole graph library: its manifest schema loads zod and
// yaml, which `custody rules` needs not.
export { flowTargets, isPracticeSide, systemById } from '@custody/graph/graph-index';
export { carriesPhi, inboundFlows, inboundOf, outboundFlows, outboundOf, phiOf, phiSources } from '@custody/graph/queries';
export { origins, pathsTo, pathSubject, reach, shortestPathTo } from '@custody/graph/paths';

// Below: queries with rule meaning (holding, BAA and consent coverage, settings). A system "holds" what it is
// declared to hold plus every category that flows into it.

/** Roles that need a BAA when they receive PHI (BUSINESS_ASSOCIATE_ROLES). */
export function isBusinessAssociateRole(system: GraphSystem): boolean {
  return BUSINESS_ASSOCIATE_ROLES.includes(system.role);
}

/** Categories carried into a system by PHI-carrying flows. */
export function inboundCategories(graph: Graph, id: string): DataCategory[] {
  return inboundPhiCategories(graph, id);
}

/**
 * Categories a system holds: its `holds` ∪ inbound categories. For the practice also the sensitive
 * details it documents (`practice.records.documents_sensitive`).
 */
export function heldCategories(graph: Graph, id: string): DataCategory[] {
  return memoBySystem('held', graph, id, undefined, readHeldCategories);
}

function readHeldCategories(graph: Graph, id: string): DataCategory[] {
  const declared = systemById(graph, id)?.holds ?? [];
  const practiceDocs = isPracticeSide(graph, id) ? graph.practice.records.documents_sensitive ?? [] : [];
  // unique([...phiOf(declared), ...inbound, ...practiceDocs]) in one list: no copies, asked for every system.
  const held = HELD;
  held.length = 0;
  for (const c of declared) if (c !== 'deidentified' && !held.includes(c)) held.push(c);
  // Inbound PHI categories gathered straight into this list, not through inboundPhiOf: its per-system list and map
  // entry would be a second copy of what this memo keeps, 100,000 of each.
  addInboundPhi(graph, id, held);
  for (const c of practiceDocs) if (!held.includes(c)) held.push(c);
  // An exact-size copy is what the memo keeps (one per system): a list grown by push keeps room for 17.
  return held.slice();
}

const NO_CATEGORIES: readonly DataCategory[] = [];
const isPhiCategory = (c: DataCategory): boolean => c !== 'deidentified';

/** Reused by readHeldCategories while collecting (never returned, never kept). */
const HELD: DataCategory[] = [];

/** Whether a system holds any PHI category. */
export function holdsPhi(graph: Graph, id: string): boolean {
  return heldCategories(graph, id).length > 0;
}

/**
 * A system is a direct business associate when the practice side hands it PHI, or it is declared to hold
 * PHI (the manifest says the practice's records live there: an EHR that a notetaker also writes into is
 * still the practice's own vendor). Otherwise it is a sub-processor of whoever sends it PHI.
 */
export function isDirectAssociate(graph: Graph, id: string): boolean {
  return memoBySystem('direct', graph, id, undefined, readIsDirectAssociate);
}

function readIsDirectAssociate(graph: Graph, id: string): boolean {
  // phiOf(holds).length > 0 without the filtered list (asked once per system of the graph).
  if ((systemById(graph, id)?.holds ?? NO_CATEGORIES).some(isPhiCategory)) return true;
  return inboundOf(graph, id).some((f) => carriesPhi(f) && isPracticeSide(graph, f.from));
}

/** How a system is (or is not) under a BAA of its own. */
export interface BaaCoverage {
  covered: boolean;
  /** `contract`: a BAA in force is attached; `flow_legal_basis`: a flow into it is declared under a BAA. */
  via: 'contract' | 'flow_legal_basis' | 'none';
  inForce: readonly AttachedContract[];
  expired: readonly AttachedContract[];
  /** Read only: the answer for a system with no BAA is one frozen object (writing to it would throw). */
  evidence: readonly Evidence[];
}

/** Whether a system has a BAA of its own in force (or a flow into it declared under one) at `now`. */
export function baaCoverage(graph: Graph, id: string, now: Date): BaaCoverage {
  return memoBySystem('baa', graph, id, now, readBaaCoverage);
}

function readBaaCoverage(graph: Graph, id: string, now: Date): BaaCoverage {
  const system = systemById(graph, id);
  // A declared `legal_basis: baa` is the practice's own statement; an expired BAA on file contradicts it.
  return partCoverage(system?.contracts ?? [], inboundOf(graph, id), now);
}

const declaredUnderBaa = (f: GraphFlow): boolean => f.legalBasis === 'baa';

/** Frozen: answers are shared, and a caller writing to one would change every system's. */
const NOT_COVERED: BaaCoverage = Object.freeze({ covered: false, via: 'none', inForce: Object.freeze([]), expired: Object.freeze([]), evidence: Object.freeze([]) });

function baaEvidence(c: AttachedContract): Evidence[] {
  return stampEvidence(c.facts?.baa_offered?.evidence, c);
}

/** Evidence for a system setting: the system's evidence lines that mention the key, else all of them. */
export function settingEvidence(system: GraphSystem, key: string): Evidence[] {
  const hits = system.evidence.filter((e) => e.path?.includes(key) || e.quote.includes(key));
  return hits.length > 0 ? hits : [...system.evidence];
}

/** Read a boolean setting written as true/false, "yes"/"no", "true"/"false". */
export function boolSetting(system: GraphSystem, key: string): boolean | undefined {
  const v = system.settings?.[key];
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (['true', 'yes', 'y', '1', 'on'].includes(s)) return true;
    if (['false', 'no', 'n', '0', 'off'].includes(s)) return false;
  }
  return undefined;
}

/** Read a day-count setting; "indefinite"/"forever"/"unlimited" mean Infinity. */
export function daysSetting(system: GraphSystem, key: string): number | undefined {
  return parseDaysValue(system.settings?.[key]);
}


/** A string setting, trimmed and lower-cased (settings come from YAML, CSV and JSON alike). */
export function stringSetting(system: GraphSystem, key: string): string | undefined {
  const v = system.settings?.[key];
  return typeof v === 'string' ? v.trim().toLowerCase() : undefined;
}

/** Two-letter state of a jurisdiction like `US-CA` (or plain `CA`). */
export function stateOf(jurisdiction: string | undefined): string | undefined {
  if (!jurisdiction) return undefined;
  const m = /^(?:US[-_ ])?([A-Z]{2})$/i.exec(jurisdiction.trim());
  return m ? m[1]!.toUpperCase() : undefined;
}

/**
 * Systems outside the practice itself, in graph order (shared within a run: callers must not mutate it). While
 * a rule runs once per class of installs (class-run.ts), the non-install vendors and one representative per class.
 */
export function vendorSystems(graph: Graph): readonly GraphSystem[] {
  // A dozen rules walk the vendors; a fleet has 100,000 of them.
  return judgedVendors(graph) ?? memoByGraph('vendors', graph, () => graph.systems.filter((s) => !isPracticeSide(graph, s.id)));
}

/**
 * Each fleet install's party (its vendor's stand-in; undefined for a system that is no install): fleetVendorOf
 * over the graph's systems once per run. The runner primes it with its grouping's own, so a fleet's 100,000
 * systems are indexed once, not again by each rule counting parties.
 */
export function fleetParty(graph: Graph): (id: string) => string | undefined {
  return memoByGraph('fleet-party', graph, () => fleetVendorOf(graph.systems));
}

/**
 * Whether a name matches a system of the graph (name or id, as nameMatches), built once per run: a class run
 * asks the rule for its loose vendors, its representatives and each group's text in turn, and each of those
 * runs keyed all of a fleet's 100,000 names and ids again (a tenth of a fleet 100k profile's evaluate).
 */
export function modelledNameMatcher(graph: Graph): (name: string) => boolean {
  // The systems that are no fleet installs first: a fleet's installs are keyed only for a name none of them matches.
  return memoByGraph('system-name-matcher', graph, () => systemNameMatcher(graph.systems, (s) => s.group?.vendor === undefined));
}

/** Does a consent name this system (by id or name)? */
export function consentNames(graph: Graph, to: string, systemId: string): boolean {
  const s = systemById(graph, systemId);
  const t = to.trim().toLowerCase();
  return t === systemId.toLowerCase() || (s !== undefined && t === s.name.trim().toLowerCase());
}

/**
 * Split categories sent to a system into those an unexpired consent (of the given types) covers and those
 * none does; also return the expired consents that would have covered them, for the finding's detail.
 */
export function consentCoverage(
  graph: Graph,
  systemId: string,
  categories: readonly DataCategory[],
  now: Date,
  types: ReadonlyArray<'authorization' | 'part2' | 'recording' | undefined>,
): { covered: DataCategory[]; uncovered: DataCategory[]; expired: ConsentDecl[]; evidence: Evidence[] } {
  const relevant = graph.consents.filter((c) => consentNames(graph, c.to, systemId) && types.includes(c.type));
  const isLive = (c: ConsentDecl): boolean => !hasExpired(c.expires, now);
  const live = relevant.filter(isLive);
  const covered = categories.filter((cat) => live.some((c) => c.data.includes(cat)));
  const uncovered = categories.filter((cat) => !covered.includes(cat));
  const expired = relevant.filter((c) => !isLive(c) && c.data.some((d) => uncovered.includes(d)));
  const evidence = [...live, ...expired].flatMap((c) => c.evidence ?? []);
  return { covered, uncovered, expired, evidence };
}

/**
 * The evidence that a system holds some categories: its own declaration and the flows that carry them in.
 * Findings about what a holder might do with data (e.g. silence on law enforcement) cite this when no
 * contract clause exists to quote, so every finding still points at its proof.
 */
export function holdingEvidence(graph: Graph, id: string, categories: readonly DataCategory[], maxFlows = 3): Evidence[] {
  // The first `maxFlows` matching flows, found without filtering all of a hub's (a fleet LLM's ~60,000) inbound flows.
  return [...(systemById(graph, id)?.evidence ?? []), ...flowsEvidence(inboundOf(graph, id), categories, maxFlows)];
}

/**
 * A holder's data split by the contracts that govern it (domain contractRoutes), or undefined when it holds no
 * contract through another system's flow-down: rules reading a holder's terms judge each route by its contracts.
 */
export function holderRoutes(graph: Graph, id: string): ContractRoute[] | undefined {
  const system = systemById(graph, id);
  if (!system || !system.contracts.some((c) => c.via)) return undefined;
  return memoBySystem('routes', graph, id, undefined, readHolderRoutes) ?? undefined;
}

function readHolderRoutes(graph: Graph, id: string): ContractRoute[] | null {
  return contractRoutes(systemById(graph, id)!, inboundOf(graph, id), (x) => systemById(graph, x)) ?? null;
}

/** The evidence that a route (or any list of flows) brings some categories: the first `maxFlows` of its flows that carry them. */
export function routeEvidence(route: { readonly flows: readonly GraphFlow[] }, categories: readonly DataCategory[], maxFlows = 3): Evidence[] {
  return flowsEvidence(route.flows, categories, maxFlows);
}

function flowsEvidence(flows: readonly GraphFlow[], categories: readonly DataCategory[], maxFlows: number): Evidence[] {
  const out: Evidence[] = [];
  let taken = 0;
  for (const f of flows) {
    if (taken >= maxFlows) break;
    if (!f.data.some((c) => categories.includes(c))) continue;
    taken++;
    for (const e of f.evidence) out.push(e);
  }
  return out;
}

/**
 * A part of a holder's data and the contracts that govern it: a route of {@link holderRoutes}, or, for a holder bound
 * through no one's flow-down, all it holds under all its contracts. The one unit every rule reading a holder's terms
 * judges: a contract held through a sender's flow-down speaks for that sender's data only.
 */
export interface TermsPart {
  contracts: AttachedContract[];
  categories: DataCategory[];
  /** The sender whose flow-down binds the holder for this part (ContractRoute.via). */
  via?: string;
  /** The PHI-carrying flows that bring this part (the whole part: all flows into the holder), for its evidence. */
  flows: readonly GraphFlow[];
}

/**
 * The parts of `categories` (held by system `s`, in that order) by the contracts that govern them: one part, every
 * contract, when it holds no contract through another's flow-down; else one per route that brings any.
 */
export function termsParts(graph: Graph, s: GraphSystem, categories: DataCategory[]): TermsPart[] {
  const routes = holderRoutes(graph, s.id);
  if (!routes) return [{ contracts: s.contracts, categories, flows: inboundOf(graph, s.id) }];
  const parts: TermsPart[] = [];
  for (const r of routes) {
    const mine = categories.filter((c) => r.categories.includes(c));
    if (mine.length > 0) parts.push({ contracts: r.contracts, categories: mine, flows: r.flows, ...(r.via ? { via: r.via } : {}) });
  }
  return parts;
}

/**
 * The contracts that govern one kind of data a holder may hold even when no flow brings it (a notetaker's settings
 * speak of recordings): the parts that bring it, else, for a holder bound through a flow-down, its own contracts
 * alone (a flow-down binds it only for what its sender sends, and that brings none).
 */
export function termsPartsFor(graph: Graph, s: GraphSystem, category: DataCategory): TermsPart[] {
  const parts = termsParts(graph, s, [category]);
  if (parts.length > 0 || !holderRoutes(graph, s.id)) return parts;
  return [{ contracts: s.contracts.filter((c) => !c.via), categories: [category], flows: [] }];
}

/**
 * Whose terms a part is read from, as the subject of a sentence: `own` (e.g. "X's terms") for the holder's own, or
 * "The contract binding X through U's flow-down" (`noun`: e.g. "BAA") for a part bound through U's flow-down.
 */
export function partTerms(graph: Graph, s: GraphSystem, part: Pick<TermsPart, 'via'>, own: string, noun = 'contract'): string {
  return part.via ? `The ${noun} binding ${displayName(graph, s.id)} through ${flowdownSender(graph, part.via)}'s flow-down` : own;
}

/**
 * A sender (of flows, or the one a flow-down contract came through) by name: domain partyName, so a fleet install is
 * named by its vendor (the vendor's one contract binds every install); an id no system has stands for itself.
 */
export function flowdownSender(graph: Graph, via: string): string {
  const u = systemById(graph, via);
  return u ? partyName(u) : via;
}

/** "the contract binding it through U's flow-down": the object-position twin of {@link partTerms}. */
export function flowdownContract(graph: Graph, via: string): string {
  return `the contract binding it through ${flowdownSender(graph, via)}'s flow-down`;
}

/**
 * Whether what `from` sends system `to` is under a BAA: baaCoverage of the holder, or, for a holder bound through a
 * sender's flow-down, of the route that sender's data is on (its own contracts plus those through that sender, and
 * that route's flows declared under a BAA).
 */
export function hopCoverage(graph: Graph, from: string, to: string, now: Date): BaaCoverage {
  const routes = holderRoutes(graph, to);
  if (!routes) return baaCoverage(graph, to, now);
  const route = senderRoute(routes, systemById(graph, from), (x) => systemById(graph, x));
  return route ? routeCoverage(route, now) : partCoverage(systemById(graph, to)!.contracts.filter((c) => !c.via), [], now);
}

/** baaCoverage of one part of a holder's data (its contracts, and its flows declared under a BAA). */
export function routeCoverage(part: Pick<TermsPart, 'contracts' | 'flows'>, now: Date): BaaCoverage {
  let byNow = ROUTE_COVERAGE.get(part);
  if (!byNow || byNow.now !== now.getTime()) ROUTE_COVERAGE.set(part, (byNow = { now: now.getTime(), coverage: partCoverage(part.contracts, part.flows, now) }));
  return byNow.coverage;
}

/** Per route (kept by the run memo's routes) and clock: a fleet's installs all ask of the one sub-processor's route. */
const ROUTE_COVERAGE = new WeakMap<object, { now: number; coverage: BaaCoverage }>();

function partCoverage(contracts: AttachedContract[], flows: readonly GraphFlow[], now: Date): BaaCoverage {
  const inForce = baasInForce({ contracts }, now);
  const expired = expiredBaas({ contracts }, now);
  if (inForce.length > 0) return { covered: true, via: 'contract', inForce, expired, evidence: inForce.flatMap(baaEvidence) };
  if (expired.length === 0 && flows.some(declaredUnderBaa)) {
    return { covered: true, via: 'flow_legal_basis', inForce, expired, evidence: flows.filter(declaredUnderBaa).flatMap((f) => f.evidence) };
  }
  if (expired.length === 0) return NOT_COVERED;
  return { covered: false, via: 'none', inForce, expired, evidence: [] };
}
