import { applyTriageAndTemplates, FINDING_VIEW, findingGroupKey, memberGrouping, nameKey, type Finding, type Graph, type GraphSystem, type Lens, type SystemsById, sortFindings } from '@custody/domain';
import { indexedSystemsById, type ProjectionChanges } from '@custody/graph';
import { activeLenses, REGISTRY, type RuleContext, type RuleError, type ScoreMemo } from '@custody/rules';
import type { Evaluation } from '../build-audit.js';
import { equalJson, fleetVendors } from './graph-delta.js';
import type { AuditInputs } from './incremental-audit.js';
import { rescoreChanged } from './score.js';

/**
 * One rule's findings before fleet grouping. A partial re-run says how they came from the previous array
 * (`spliced.from`): which of its findings it dropped and which it added, so regrouping need not compare the
 * two arrays (a fleet rule's are 10,000 findings long) to find out.
 */
export interface RuleFindings {
  findings: Finding[];
  spliced?: { from: readonly Finding[]; removed: Finding[]; added: Finding[] };
}
/** Per rule, its findings before fleet grouping (or the error it raised). */
export type PerRule = ReadonlyMap<string, RuleFindings | { error: RuleError }>;
/** Per rule, the findings it was grouped from (the very array) and the grouped ones. */
export type Grouped = ReadonlyMap<string, { source: Finding[]; out: Finding[] }>;

/**
 * Groups, sorts, triages and scores per-rule findings: the same steps as `runAudit` after its rules ran
 * (grouping rule by rule: groups never span rules), so a spliced result and a full one cannot differ in how
 * they are put together. A rule whose findings are the same array as in `reuse.grouped` keeps its grouped
 * findings when `reuse.valid` says grouping reads nothing that changed for them; a fleet rule's thousands of
 * per-install findings are otherwise merged again on every re-audit.
 */
export function compose(
  inputs: AuditInputs,
  ctx: RuleContext,
  perRule: PerRule,
  reuse?: { grouped: Grouped; valid: (findings: readonly Finding[]) => boolean; scoring?: ScoreMemo },
): { evaluation: Evaluation; lens: Lens; grouped: Grouped; scoring: ScoreMemo } {
  const graph = ctx.graph;
  // The grouping's lookups over the graph's systems (stand-ins, places), made when a rule first needs them and
  // shared by its grouping and its group keys (memberGrouping's stand-ins are fleetVendorOf's over the same
  // systems): a regroup built them twice, each a walk of a fleet's 10,000 systems and a map of its vendors.
  let lookups: ReturnType<typeof memberGrouping> | undefined;
  const lookupsOf = () => (lookups ??= memberGrouping(graph.systems, byIdOf(graph)));
  const group = (fs: readonly Finding[]) => lookupsOf().group(fs, FINDING_VIEW);
  const grouped = new Map<string, { source: Finding[]; out: Finding[] }>();
  const all: Finding[] = [];
  const ruleErrors: RuleError[] = [];
  for (const rule of inputs.rules ?? REGISTRY) {
    const r = perRule.get(rule.id)!;
    if ('error' in r) {
      ruleErrors.push(r.error);
      continue;
    }
    const old = reuse?.grouped.get(rule.id);
    let out: Finding[];
    if (!old || !reuse!.valid(r.findings)) out = group(r.findings);
    else if (old.source === r.findings) out = old.out;
    else out = regroup(old, r, group, lookupsOf().standIn);
    grouped.set(rule.id, { source: r.findings, out });
    for (const f of out) all.push(f);
  }
  // The run's order (runRules sorts the same way): by severity, then id.
  sortFindings(all);
  // Triaged and template-marked as the full audit's runAudit does (one helper).
  const findings = applyTriageAndTemplates(all, inputs.triage, graph);
  const { result: scored, memo: scoring } = rescoreChanged(findings, { lenses: activeLenses(ctx), systems: graph.systems.map((s) => s.id) }, reuse?.scoring);
  return { evaluation: { findings: scored.findings, score: scored.score, ruleErrors }, lens: ctx.lens, grouped, scoring };
}

/**
 * The graph index's systems by id, when the graph is indexed and ids are unique (then it answers as grouping's own map would): a re-audit
 * patched it from the previous graph's, where grouping would build two more over a fleet's 10,000 systems.
 */
function byIdOf(graph: Graph): SystemsById | undefined {
  const byId = indexedSystemsById(graph);
  return byId?.size === graph.systems.length ? byId : undefined;
}

/**
 * One rule's grouped findings after some of its findings were replaced (a partial re-run): only the groups
 * (by {@link findingGroupKey}) that lost or gained a member are merged again; the others are the previous
 * merged findings. Every grouped finding's id is its key, and lists its members' subjects as instances (a
 * rule has one finding per subject), so a previous finding's key is read off the previous grouping; a new
 * finding's is computed. The caller checked that grouping reads nothing that changed for these findings, so
 * a kept finding's key is still what it was.
 */
function regroup(old: { source: Finding[]; out: Finding[] }, r: RuleFindings, group: (fs: readonly Finding[]) => Finding[], standIn: (id: string) => string | undefined): Finding[] {
  const findings = r.findings;
  if (r.spliced?.from === old.source) return regroupSpliced(old, findings, r.spliced, group, standIn) ?? regroupCompared(old, findings, group, standIn);
  return regroupCompared(old, findings, group, standIn);
}

function regroupCompared(old: { source: Finding[]; out: Finding[] }, findings: Finding[], group: (fs: readonly Finding[]) => Finding[], standIn: (id: string) => string | undefined): Finding[] {
  const before = new Set(old.source);
  const added = findings.filter((f) => !before.has(f));
  const now = new Set(findings);
  const removed = old.source.filter((f) => !now.has(f));
  if (!added.length && !removed.length) return old.out;
  const keyBySubject = new Map<string, string>();
  for (const g of old.out) {
    if (g.instances) for (const i of g.instances) keyBySubject.set(i.subject, g.id);
    else keyBySubject.set(g.subject, g.id);
  }
  const keyOf = (f: Finding) => (before.has(f) ? keyBySubject.get(f.subject) : undefined) ?? findingGroupKey(f, standIn);
  const patched = patchEvidence(old.out, removed, added, keyOf);
  if (patched) return patched;
  const touched = new Set([...removed, ...added].map(keyOf));
  const regrouped = group(findings.filter((f) => touched.has(keyOf(f))));
  return [...old.out.filter((f) => !touched.has(f.id)), ...regrouped];
}

/**
 * {@link regroupCompared} for findings a partial re-run spliced from the previous ones, told which it removed
 * and added: a removed finding's group is the one its key names, checked to list its subject (else undefined:
 * compare the arrays); a touched group's members are the findings whose subject it listed, plus the added
 * ones (a rule has one finding per subject, and a kept finding keeps its group). One pass over the findings,
 * for the touched groups only, instead of two sets and a key per finding.
 */
function regroupSpliced(old: { source: Finding[]; out: Finding[] }, findings: Finding[], spliced: NonNullable<RuleFindings['spliced']>, group: (fs: readonly Finding[]) => Finding[], standIn: (id: string) => string | undefined): Finding[] | undefined {
  const { removed, added } = spliced;
  if (!added.length && !removed.length) return old.out;
  const outById = new Map(old.out.map((g) => [g.id, g]));
  const lists = (g: Finding | undefined, subject: string) => !!g && (g.instances ? g.instances.some((i) => i.subject === subject) : g.subject === subject);
  const keys = new Map<Finding, string>();
  for (const f of removed) {
    const k = findingGroupKey(f, standIn);
    if (!lists(outById.get(k), f.subject)) return undefined;
    keys.set(f, k);
  }
  for (const f of added) keys.set(f, findingGroupKey(f, standIn));
  const keyOf = (f: Finding) => keys.get(f)!;
  const patched = patchEvidence(old.out, removed, added, keyOf);
  if (patched) return patched;
  const touched = new Set(keys.values());
  const subjects = new Set(added.map((f) => f.subject));
  for (const k of touched) {
    const g = outById.get(k);
    if (!g) continue;
    subjects.add(g.subject);
    for (const i of g.instances ?? []) subjects.add(i.subject);
  }
  const regrouped = group(findings.filter((f) => subjects.has(f.subject)));
  return [...old.out.filter((f) => !touched.has(f.id)), ...regrouped];
}

/**
 * The grouped findings after members were replaced by findings that differ from them only in evidence (a
 * setting change cites its document on the install it changed): each member's group keeps its members, its
 * worst member (chosen by severity, likelihood × impact and id, never evidence) and so every field but the
 * replaced instance's evidence; a fleet group of thousands is patched, not merged again. Undefined (merge
 * again) for any other replacement, or when a replaced member may be its group's worst (the group shows that
 * member's evidence). An instance's site comes from the graph, not the finding: the caller's validity check
 * (groupingStillValid) is what says it did not change.
 */
function patchEvidence(out: readonly Finding[], removed: Finding[], added: Finding[], keyOf: (f: Finding) => string): Finding[] | undefined {
  if (removed.length !== added.length) return undefined;
  const wasBySubject = new Map(removed.map((f) => [f.subject, f]));
  const byId = new Map<string, Finding>();
  for (const a of added) {
    const r = wasBySubject.get(a.subject);
    if (!r || !equalJson({ ...r, evidence: undefined }, { ...a, evidence: undefined })) return undefined;
    const id = keyOf(r);
    const g = byId.get(id) ?? out.find((x) => x.id === id);
    if (!g) return undefined;
    if (!g.instances) {
      if (g !== r) return undefined;
      byId.set(id, a);
      continue;
    }
    const k = g.instances.findIndex((i) => i.subject === r.subject);
    if (k < 0 || g.evidence === r.evidence) return undefined;
    const instances = [...g.instances];
    instances[k] = { ...instances[k]!, evidence: a.evidence };
    byId.set(id, { ...g, instances });
  }
  return out.map((g) => byId.get(g.id) ?? g);
}

/**
 * Whether one rule's grouped findings still hold after `changes`: grouping reads, of the graph, the fleet
 * group of the systems a finding names (its subject and systems: an install is rewritten to its vendor's
 * stand-in, an instance carries its site) and which non-fleet system stands in for a fleet vendor (by name).
 * A system's own name is read only in that second way. So: no system whose group changed is named by the
 * findings, and no system that could stand in for a vendor came, went or was renamed. Ids are matched as
 * substrings of the subject, which can only over-approximate.
 */
export function groupingStillValid(before: Graph, after: Graph, changes: ProjectionChanges): (findings: readonly Finding[]) => boolean {
  const identity = (s: GraphSystem | undefined) => (s ? JSON.stringify([s.id, s.name, s.group]) : '');
  const group = (s: GraphSystem | undefined) => JSON.stringify(s?.group ?? null);
  const changed: string[] = [];
  // The fleet vendors (a walk over both graphs' systems) only when a non-fleet system's identity changed.
  let vendorKeys: Set<string> | undefined;
  // The delta asked for the same vendors of the same two graphs (kept per systems array): not walked again.
  const vendorKeysOf = () => new Set([...fleetVendors(before, after)].map(nameKey));
  let standIns = false;
  for (const [id, c] of changes.systems) {
    if (identity(c.before) === identity(c.after)) continue;
    if (group(c.before) !== group(c.after)) changed.push(id);
    for (const s of [c.before, c.after]) if (s && !s.group && (vendorKeys ??= vendorKeysOf()).has(nameKey(s.name))) standIns = true;
  }
  if (standIns) return () => false;
  if (!changed.length) return () => true;
  return (findings) => findings.every((f) => !changed.some((id) => f.subject.includes(id) || f.systems.includes(id)));
}
