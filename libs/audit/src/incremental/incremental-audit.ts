import { defaultLens, type FactCorrection, type Finding, type Graph, type GraphSystem, type Lens } from '@custody/domain';
import type { VendorEntry } from '@custody/integrations';
import { DEFAULT_RULE_SETTINGS, REGISTRY, judgingOnly, RULE_READS, runRulesUngrouped, sharingChanged, SPARSE_READS, type Rule, type RuleContext, type RuleError, type RuleReads, type RuleSettings, type ScoreMemo, type TriageMap } from '@custody/rules';
import { indexFromBase, isPracticeSide, type ProjectionChanges, type ProjectionMemo } from '@custody/graph';
import { projectDocuments, type AnalyzedDocument, type Evaluation } from '../build-audit.js';
import { compose, groupingStillValid, type Grouped, type RuleFindings } from './compose.js';
import { adjacency, affectedAnchors, changesBetween, closure, deltaOf, equalJson, isEmptyDelta, type Adjacency } from './graph-delta.js';
import { carrySubgraphKeeps, keepSubgraphReads, subgraphFor } from './subgraph.js';
import { anchorIndex, anchoredIn, notAnchoredIn } from './anchored.js';
import { carryListings, listingsOf } from './listings.js';
import { mattersOf, sparseChangeMatters } from './sparse-memo.js';

/** Everything an audit is a function of: the documents plus what config and people decided. */
export interface AuditInputs {
  documents: AnalyzedDocument[];
  /** The graph's `asOf` (time of the latest input). */
  asOf: string;
  /** The evaluation time the rules judge expiry against. */
  now: Date;
  lens?: Lens;
  settings?: RuleSettings;
  triage?: TriageMap;
  corrections?: Record<string, FactCorrection[]>;
  links?: Record<string, string>;
  vendors?: VendorEntry[];
  practiceName?: string;
  /** The rule set (default the builtin REGISTRY). */
  rules?: readonly Rule[];
}

/** How a re-audit was done, for logs and the bench. */
export interface ReauditStats {
  mode: 'full' | 'incremental' | 'rescore' | 'unchanged';
  /** Why a full audit was needed (a global change), when it was. */
  reason?: string;
  /** Rules re-run over the whole graph, and rules re-run for some systems with how many. */
  rulesFull: string[];
  rulesPartial: Record<string, number>;
  /** Milliseconds per step of this re-audit (project, diff, rules, compose), for the bench: wall clock, and CPU time (what a shared machine can compare). */
  ms?: Record<string, number>;
  cpuMs?: Record<string, number>;
}

/** An audit's result plus what the next re-audit needs to redo only what a change affects. */
export interface AuditState {
  inputs: AuditInputs;
  graph: Graph;
  lens: Lens;
  evaluation: Evaluation;
  stats: ReauditStats;
  /** Per rule, its findings before fleet grouping (or the error it raised). */
  readonly perRule: Map<string, RuleFindings | { error: RuleError }>;
  /** Per rule, its grouped findings and the findings they were grouped from (reused while those are unchanged). */
  readonly grouped: Grouped;
  /** The projection's memo of `graph` (when this audit projected it, or was handed it): the next projection reuses its unchanged records. */
  readonly memo?: ProjectionMemo;
  /** The scoring of `evaluation`: the next re-audit reuses it when nothing the score reads changed. */
  readonly scoring?: ScoreMemo;
}

/**
 * A graph projected already (the pipeline's projection job), with the projection's memo and the records that
 * changed since the memo it was projected from (`changes.base`), when it has them.
 */
export interface ProjectedGraph {
  graph: Graph;
  memo?: ProjectionMemo;
  changes?: ProjectionChanges;
}

/** Projects the inputs, reusing the unchanged records of `memo` (an earlier projection) when given. */
export function projectInputs(inputs: AuditInputs, memo?: ProjectionMemo): ProjectedGraph {
  return projectDocuments(inputs.documents, {
    asOf: inputs.asOf, corrections: inputs.corrections, links: inputs.links, vendors: inputs.vendors, practiceName: inputs.practiceName, memo,
  });
}

const asProjected = (p: Graph | ProjectedGraph | undefined): ProjectedGraph | undefined => (p === undefined || 'graph' in p ? p : { graph: p });

function contextOf(inputs: AuditInputs, graph: Graph): RuleContext {
  return { graph, lens: inputs.lens ?? defaultLens(graph.practice), settings: inputs.settings ?? DEFAULT_RULE_SETTINGS, now: inputs.now };
}

function runOne(ctx: RuleContext, rule: Rule): RuleFindings | { error: RuleError } {
  const run = runRulesUngrouped(ctx, [rule]);
  return run.errors.length ? { error: run.errors[0]! } : { findings: run.findings };
}

/** A full audit (project, every rule over the whole graph), kept with what an incremental re-audit needs. */
export function auditState(inputs: AuditInputs, projected?: Graph | ProjectedGraph, reason = 'first audit'): AuditState {
  const { graph, memo } = asProjected(projected) ?? projectInputs(inputs);
  const ctx = contextOf(inputs, graph);
  const perRule: AuditState['perRule'] = new Map();
  for (const rule of inputs.rules ?? REGISTRY) {
    const run = runOne(ctx, rule);
    perRule.set(rule.id, run);
    // Where each system's findings sit, for the next re-audit's splice (anchored.ts).
    if (!('error' in run)) anchorIndex(run.findings);
  }
  const { evaluation, lens, grouped, scoring } = compose(inputs, ctx, perRule);
  // What the next re-audit's sub-processor rules read of every system, worked out once here and carried from
  // graph to graph with the changed records (listings.ts).
  listingsOf(graph);
  // And what its sparse rules' re-runs hinge on (sparse-memo.ts), carried on from graph to graph the same way.
  for (const rule of inputs.rules ?? REGISTRY) {
    const sparse = SPARSE_READS[rule.id];
    if (sparse) mattersOf(rule.id, sparse, graph);
  }
  // And what a re-run's subgraph reads of every record, so it takes its few systems and flows without a pass over all.
  keepSubgraphReads(graph);
  const stats: ReauditStats = { mode: 'full', reason, rulesFull: (inputs.rules ?? REGISTRY).map((r) => r.id), rulesPartial: {} };
  return { inputs, graph, lens, evaluation, stats, perRule, grouped, memo, scoring };
}

/**
 * Why `next` cannot build on `prev` (a global change: the full audit is the only correct answer), or
 * undefined. A manifest replaces the graph's declared systems and the practice record; the rule set,
 * settings, lens and evaluation time are read by every rule; vendors and corrections change how documents
 * project everywhere.
 */
function globalChange(prev: AuditInputs, next: AuditInputs): string | undefined {
  if ((prev.rules ?? REGISTRY) !== (next.rules ?? REGISTRY)) return 'rule set changed';
  if (JSON.stringify(prev.settings ?? DEFAULT_RULE_SETTINGS) !== JSON.stringify(next.settings ?? DEFAULT_RULE_SETTINGS)) return 'rule settings changed';
  if (prev.lens !== next.lens) return 'lens changed';
  // Rules judge time by calendar day (the domain's hasExpired): a later moment of the same UTC day is no change.
  if (prev.now.toISOString().slice(0, 10) !== next.now.toISOString().slice(0, 10)) return 'evaluation day changed';
  if (prev.vendors !== next.vendors || prev.practiceName !== next.practiceName) return 'vendor catalogue or workspace name changed';
  const manifests = (docs: AnalyzedDocument[]) => docs.filter((d) => d.analysis?.type === 'manifest').map((d) => `${d.id}\u0000${d.sha256}\u0000${d.receivedAt}`).join('\u0001');
  if (manifests(prev.documents) !== manifests(next.documents)) return 'manifest changed';
  return undefined;
}

/** What the projection reads of the documents: a change only to documents without an analysis is no change. */
function projectionKey(inputs: AuditInputs): string {
  const docs = inputs.documents.filter((d) => d.analysis).map((d) => `${d.id}\u0000${d.sha256 ?? ''}\u0000${d.file}\u0000${d.receivedAt ?? ''}`);
  return JSON.stringify([docs, inputs.asOf, inputs.corrections ?? {}, inputs.links ?? {}]);
}

/**
 * Re-audit after a change (a new or removed document, a setting change, a triage decision), redoing only
 * what the change can affect, with the same result as `auditState(next)`:
 *
 * 1. a global change (see globalChange) → the full audit;
 * 2. only triage changed → same findings, triaged and scored again;
 * 3. otherwise project again from the previous projection's memo (unchanged records are reused and the
 *    changed ones reported), or take the caller's `projected` graph (with its reported changes when they are
 *    relative to this audit's graph, else found by comparing the two graphs); build the delta (graph-delta),
 *    and per rule: a rule with no read declaration (RULE_READS), or whose declared globals changed, runs over
 *    the whole graph; a declared one runs over the subgraph its affected systems need, and its findings
 *    anchored there replace the previous ones; only the fleet groups whose members changed are merged again
 *    (compose), then everything is sorted and scored again.
 */
export function reaudit(prev: AuditState, next: AuditInputs, projected?: Graph | ProjectedGraph): AuditState {
  const reason = globalChange(prev.inputs, next);
  if (reason) return auditState(next, projected, reason);
  const ms: Record<string, number> = {};
  const cpuMs: Record<string, number> = {};
  // Wall time from process.hrtime, not the `performance` global: that one loads perf_hooks on first use, which
  // the first re-audit of a process (the one issue 11 times) paid inside its own project step, with the deopt of
  // an event-target helper that loading brings.
  let t = process.hrtime.bigint();
  let c = process.cpuUsage();
  const lap = (name: string) => {
    const now = process.hrtime.bigint();
    const used = process.cpuUsage(c);
    ms[name] = Number((now - t) / 100_000n) / 10;
    cpuMs[name] = Math.round((used.user + used.system) / 100) / 10;
    t = now;
    c = process.cpuUsage();
  };
  // A caller that projected already (the pipeline stores the graph) passes it; otherwise project again from
  // the previous memo, so only the records the change touched are rebuilt.
  const given = asProjected(projected);
  const sameGraph = given ? given.graph === prev.graph : projectionKey(prev.inputs) === projectionKey(next);
  const { graph, memo, changes } = given ?? (sameGraph ? { graph: prev.graph, memo: prev.memo } : projectInputs(next, prev.memo));
  lap('project');
  // The changed records as the projection reported them when they are relative to this audit's graph; else
  // found by comparing the graphs (a graph from the store, or a memo another audit moved on from).
  const compared = !sameGraph && changes?.base !== prev.graph;
  // Comparing by id needs unique ids: with two records under one id, removing the first leaves the id's last
  // record equal and the removal unseen (a graph from the store can hold such records). Audit those in full.
  if (compared && (hasDuplicateIds(prev.graph) || hasDuplicateIds(graph))) return auditState(next, { graph, memo }, 'records share an id: the graphs cannot be compared record by record');
  const changed = sameGraph ? { base: prev.graph, systems: new Map(), flows: new Map() } : compared ? changesBetween(prev.graph, graph) : changes!;
  // Carried first: the delta reads the fleet vendors' counts of the new graph (fleetVendors).
  carrySubgraphKeeps(prev.graph, graph, changed);
  const delta = deltaOf(prev.graph, graph, changed);
  carryListings(prev.graph, graph, changed);
  lap('diff');
  const stats: ReauditStats = { mode: 'incremental', rulesFull: [], rulesPartial: {}, ms, cpuMs };
  if (delta.global) return auditState(next, { graph, memo }, 'practice record changed');
  // Finding text tells same-named systems apart (displayName): any finding may name a system of such a name, so a
  // name that comes to be shared, or stops being (rare: a second "Acme Drive" declared), is audited in full.
  if (delta.names && sharingChanged(prev.graph, graph, changed.systems.values())) return auditState(next, { graph, memo }, 'a system name came to be shared or stopped being');
  if (isEmptyDelta(delta)) {
    // Nothing any rule reads changed (e.g. an unreadable document, or only triage): same findings, scored again.
    const { evaluation, lens, grouped, scoring } = compose(next, contextOf(next, graph), prev.perRule, { grouped: prev.grouped, valid: () => true, scoring: prev.scoring });
    stats.mode = prev.inputs.triage === next.triage ? 'unchanged' : 'rescore';
    return { inputs: next, graph, lens, evaluation, stats, perRule: prev.perRule, grouped, memo, scoring };
  }
  const perRule: AuditState['perRule'] = new Map();
  const ctx = contextOf(next, graph);
  // The rules' index of the new graph, patched from the previous graph's with the changed records.
  indexFromBase(graph, changed);
  const adj = adjacency(graph);
  const subgraphs = new Map<string, { graph: Graph; anchors: Set<string>; whole: boolean }>();
  for (const rule of next.rules ?? REGISTRY) {
    const before = prev.perRule.get(rule.id)!;
    const sparse = SPARSE_READS[rule.id];
    if (sparse && !('error' in before)) {
      if (sparseChangeMatters(rule.id, sparse, delta, changed, prev.graph, graph)) {
        perRule.set(rule.id, runOne(ctx, rule));
        stats.rulesFull.push(rule.id);
      } else perRule.set(rule.id, before);
      continue;
    }
    const reads = RULE_READS[rule.id];
    const namesChanged = reads?.names === true ? delta.names : reads?.names === 'fleet-vendors' && delta.standIns;
    if (!reads || 'error' in before || (reads.consents && delta.consents) || namesChanged) {
      perRule.set(rule.id, runOne(ctx, rule));
      stats.rulesFull.push(rule.id);
      continue;
    }
    const key = `${reads.around}|${reads.vendorsOnly ?? false}|${reads.names ?? false}`;
    let sub = subgraphs.get(key);
    if (!sub) {
      const anchors = affectedAnchors(reads, delta, adj, graph);
      // A rule that judges only the anchors and their senders runs over the whole graph when its subgraph would
      // be a large part of it (see RuleReads.judges and judgeWhole).
      const whole = anchors.size > 0 && judgeWhole(reads, anchors, adj, graph);
      subgraphs.set(key, (sub = { anchors, whole, graph: anchors.size && !whole ? subgraphFor(graph, reads, anchors, adj) : graph }));
    }
    if (sub.anchors.size === 0) {
      perRule.set(rule.id, before);
      continue;
    }
    const rerun = sub.whole ? judgingOnly(graph, judgedFor(graph, sub.anchors, adj), () => runOne(ctx, rule)) : runOne({ ...ctx, graph: sub.graph }, rule);
    // A rule that fails on the subgraph, or drafts a finding with no system to anchor it, gets a full run.
    if ('error' in rerun || rerun.findings.some((f) => f.systems.length === 0) || anchorIndex(before.findings).unanchored) {
      perRule.set(rule.id, runOne(ctx, rule));
      stats.rulesFull.push(rule.id);
      continue;
    }
    const anchored = (f: Finding) => sub!.anchors.has(f.systems[0]!);
    stats.rulesPartial[rule.id] = sub.anchors.size;
    // A re-run finding equal to the one the rule had for that subject (a rule has one per subject) is that
    // previous object, so compose merges again only the groups of findings that really changed; when none
    // did, the previous array itself stands, and the rule's grouped findings are kept as they were. Otherwise
    // the new array says which previous findings it dropped and which it added (compose regroups from those).
    const anchoredBefore = anchoredIn(before.findings, sub.anchors);
    const was = new Map(anchoredBefore.map((f) => [f.subject, f]));
    const kept = new Set<Finding>();
    const added: Finding[] = [];
    const fresh = rerun.findings.filter(anchored).map((f) => {
      const w = was.get(f.subject);
      if (w && !kept.has(w) && equalJson(w, f)) return kept.add(w), w;
      added.push(f);
      return f;
    });
    const removed = anchoredBefore.filter((f) => !kept.has(f));
    if (!added.length && !removed.length) perRule.set(rule.id, before);
    else perRule.set(rule.id, { findings: notAnchoredIn(before.findings, sub.anchors).concat(fresh), spliced: { from: before.findings, removed, added } });
  }
  lap('rules');
  const { evaluation, lens, grouped, scoring } = compose(next, ctx, perRule, { grouped: prev.grouped, valid: groupingStillValid(prev.graph, graph, changed), scoring: prev.scoring });
  lap('compose');
  return { inputs: next, graph, lens, evaluation, stats, perRule, grouped, memo, scoring };
}

/**
 * Whether a `judges: 'self-and-senders'` rule is re-run over the whole graph, judging only the anchors and their
 * senders, rather than over the subgraph of the anchors: the subgraph's systems (an `upstream` rule's upstream
 * closure; a `'fleet-vendors'` rule's systems that are no install) cost about five times more each than a whole
 * graph's run costs per system (its name matcher and fleet parties over every system), so the subgraph pays
 * below a quarter of the graph. Measured (CPU ms, one re-audit): fleet 10k, a setting change on an install
 * (closure: the install and the practice side) baa-chain-break 16 subgraph / 67 whole, aggregation-hub 1.9 / 5.4;
 * manifest 10k, a setting change on a vendor the whole manifest sends to, 321 / 16 and 26 / 11.
 */
function judgeWhole(reads: RuleReads, anchors: ReadonlySet<string>, adj: Adjacency, graph: Graph): boolean {
  if (reads.judges !== 'self-and-senders') return false;
  const bound = graph.systems.length / 4;
  let size = 0;
  if (reads.names === 'fleet-vendors') for (const s of graph.systems) if (!s.group && ++size > bound) return true;
  if (reads.around === 'upstream' || reads.around === 'downstream') size += closure(adj, anchors, reads.around === 'upstream' ? 'up' : 'down').size;
  else for (const id of anchors) size += 1 + (adj.inbound.get(id)?.length ?? 0) + (reads.around === 'in-out' ? (adj.outbound.get(id)?.length ?? 0) : 0);
  return size > bound;
}

/** The anchors and the systems with a flow into one, in graph order, as vendorSystems lists them (practice side left out). */
function judgedFor(graph: Graph, anchors: ReadonlySet<string>, adj: Adjacency): GraphSystem[] {
  const ids = new Set(anchors);
  for (const id of anchors) for (const f of adj.inbound.get(id) ?? []) ids.add(f.from);
  return graph.systems.filter((s) => ids.has(s.id) && !isPracticeSide(graph, s.id));
}

function hasDuplicateIds(g: Graph): boolean {
  return new Set(g.systems.map((s) => s.id)).size !== g.systems.length || new Set(g.flows.map((f) => f.id)).size !== g.flows.length;
}
