import type { Evidence } from './evidence.js';
import type { Citation, Finding } from './finding.js';
import { SystemPlaces } from './fold-systems.js';
import { cmp, finishFold, foldMember, newFold } from './group-fold.js';
import { streamGroups, type MemberStream, type Rewrite } from './group-stream.js';
import type { GraphSystem } from './graph.js';
import { nameKey, slugify } from './names.js';
import type { DataCategory, Severity } from './taxonomy.js';

/**
 * One finding per problem. A notetaker fleet repeats each finding once per install (thousands of copies of
 * "cannot be disabled"); an auditor reports it once, with the installs it occurs on — as Threagile lists a
 * risk's instances and SARIF results carry locations. Findings whose subject names fleet installs are merged
 * per rule and vendor: each install in the subject is replaced by the vendor's own declared system when
 * there is one (`system:install-a-17` → `system:scribe`), else by `fleet-<vendor>`, and everything with the
 * same rule and rewritten subject becomes one finding with `instances`.
 *
 * The merged finding keeps the worst instance's likelihood, impact and severity (so severity still comes
 * from one L × I), is charged to every
 * system of its instances (so each install's node score still shows it, and reach grows with breadth), and
 * gets the stable id `ruleId@<rewritten subject>`. Findings that name no install pass through unchanged.
 * Pure and deterministic; input order does not matter (instances are sorted by subject).
 */
export function groupFindings(findings: readonly Finding[], systems: readonly Pick<GraphSystem, 'id' | 'name' | 'group'>[]): Finding[] {
  return findingGrouper(systems)(findings);
}

/** `systems` by id when the caller has it (a re-audit's graph index): not built again. Unique ids only (else the last of an id wins here). */
export type SystemsById = ReadonlyMap<string, Pick<GraphSystem, 'id' | 'name' | 'group'>>;

/**
 * {@link groupFindings} for one set of systems, prepared once (the lookups over every system): the rule runner
 * groups each rule's findings as the rule finishes, so a fleet's per-install findings of one rule are dropped
 * before the next rule runs instead of all being held at once. Groups never span rules (the key starts with
 * the rule id), so grouping rule by rule gives the same findings.
 */
export function findingGrouper(systems: readonly Pick<GraphSystem, 'id' | 'name' | 'group'>[], byId?: SystemsById): (findings: readonly Finding[]) => Finding[] {
  const group = memberGrouping(systems, byId).group;
  return (findings) => group(findings, FINDING_VIEW);
}

/**
 * How grouping reads its members. Findings read themselves ({@link FINDING_VIEW}); the rule runner groups a
 * rule's drafts before they are findings, so a fleet's ~100,000 per-install findings are never built: only
 * the instances, and whole findings for the members that stay alone and each group's worst member.
 */
export interface MemberView<M> {
  ruleId(m: M): string;
  subject(m: M): string;
  severity(m: M): Severity;
  /** likelihood × impact, as the finding would carry them (rounded). */
  hazard(m: M): number;
  /** The finding's systems and citations, in its order (repeats allowed: they are unioned). */
  systems(m: M): Iterable<string>;
  citations(m: M): Iterable<Citation>;
  /** The member's categories in any order, and {@link sortCategories} puts them in the finding's order. */
  categories(m: M): readonly DataCategory[];
  sortCategories(categories: readonly DataCategory[]): Iterable<DataCategory>;
  /** The finding's evidence, for the instance (built once per member). */
  evidence(m: M): Evidence[];
  /** The whole finding: asked only of members that are not grouped and of each group's worst member. */
  finding(m: M): Finding;
}

export type { MemberStream };

export const FINDING_VIEW: MemberView<Finding> = {
  ruleId: (f) => f.ruleId,
  subject: (f) => f.subject,
  severity: (f) => f.severity,
  hazard: (f) => f.likelihood * f.impact,
  systems: (f) => f.systems,
  categories: (f) => f.categories,
  sortCategories: (categories) => categories,
  citations: (f) => f.citations,
  evidence: (f) => f.evidence,
  finding: (f) => f,
};

/**
 * Grouping over one set of systems, two ways sharing the lookups: `group` a whole list of members, or `stream`
 * one rule's members as they come (see {@link MemberStream}).
 */
export function memberGrouping(systems: readonly Pick<GraphSystem, 'id' | 'name' | 'group'>[], known?: SystemsById): {
  group: <M>(members: readonly M[], view: MemberView<M>) => Finding[];
  stream: <M>(view: MemberView<M>) => MemberStream<M>;
  /** {@link fleetVendorOf} over the same systems (rules counting parties share it instead of indexing them again). */
  standIn: (id: string) => string | undefined;
} {
  // No install among the systems (an agency's manifest): no subject names one, so nothing is rewritten or grouped
  // and every member stays alone, as the lookups below would find. Not indexing 100,000 systems by id and name,
  // nor hashing each rule's `system:<id>` subjects, to learn that.
  if (!systems.some(isInstall)) {
    const places = new SystemPlaces(systems);
    const byId: SystemsById = known ?? new Map();
    return {
      group: (members, view) => groupWith(members, view, byId, places, noRewrite),
      stream: (view) => streamGroups(view, byId, places, noRewrite, noRewrite),
      standIn: noRewrite,
    };
  }
  const byId = known ?? new Map(systems.map((s) => [s.id, s]));
  const places = new SystemPlaces(systems);
  const standIn = fleetVendorOf(systems, byId);
  // `system:<stand-in>` per stand-in, not per member: a fleet's installs share a handful of vendors.
  const systemSubjects = new Map<string, string>();
  // A system subject's rewrite (or null: not an install), by subject text: a dozen rules each draft
  // `system:<install>` for every install of a fleet, so each install's subject is rewritten once per run, not
  // once per rule (no slice, stand-in lookup or site lookup per draft).
  const systemRewrites = new Map<string, Rewrite | null>();
  const rewrite = (subject: string) => rewriteCached(subject, standIn, systemSubjects, systemRewrites, byId, places);
  // The same rewrite by install id, for members folded without a subject of their own (MemberStream.addInstall):
  // an id is a string the graph holds (hashed once), where `system:<id>` would be built and hashed per rule.
  const installRewrites = new Map<string, Rewrite | null>();
  // And by the caller's dense index of the install when it has one: an array read, not a lookup in a map of
  // every install, for each of a dozen rules (checked against the id, so a wrong index only costs the lookup).
  const byAt: { id: string; rewrite: Rewrite | null }[] = [];
  const rewriteInstall = (id: string, at?: number): Rewrite | undefined => {
    if (at !== undefined) {
      const e = byAt[at];
      if (e?.id === id) return e.rewrite ?? undefined;
    }
    let hit = installRewrites.get(id);
    if (hit === undefined) installRewrites.set(id, (hit = rewrite(`system:${id}`) ?? null));
    if (at !== undefined) byAt[at] = { id, rewrite: hit };
    return hit ?? undefined;
  };
  return {
    group: (members, view) => groupWith(members, view, byId, places, rewrite),
    stream: (view) => streamGroups(view, byId, places, rewrite, rewriteInstall),
    standIn,
  };
}

/** A fleet install: what {@link fleetVendorOf} gives a stand-in (a system with a vendor group). */
const isInstall = (s: Pick<GraphSystem, 'group'>): boolean => s.group?.vendor !== undefined;
/** No stand-in and no rewrite: the answer for every id and subject when no system is an install. */
const noRewrite = (): undefined => undefined;

function rewriteCached(subject: string, standIn: (id: string) => string | undefined, systemSubjects: Map<string, string>, systemRewrites: Map<string, Rewrite | null>, byId: SystemsById, places: SystemPlaces): Rewrite | undefined {
  // Only system subjects repeat across rules; a path or flow subject is one rule's, so caching it only costs.
  if (!subject.startsWith('system:')) {
    const r = rewriteSubject(subject, standIn, systemSubjects);
    // Spelled out, not spread: a fleet's path findings come through here once per install and sub-processor.
    return r && { subject: r.subject, install: r.install, site: byId.get(r.install)?.group?.site, place: places.of(r.install), source: subject };
  }
  const hit = systemRewrites.get(subject);
  if (hit !== undefined) return hit ?? undefined;
  const r = rewriteSubject(subject, standIn, systemSubjects);
  const rewrite = r ? { subject: r.subject, install: r.install, site: byId.get(r.install)?.group?.site, place: places.of(r.install), source: subject } : null;
  systemRewrites.set(subject, rewrite);
  return rewrite ?? undefined;
}

/** The members of one group with, for each, the install its subject named (undefined for the vendor's own finding). */
interface Group<M> {
  subject: string;
  members: M[];
  installs: (string | undefined)[];
  /** The site of each member's install (undefined with no install, or an install without a site). */
  sites: (string | undefined)[];
  headed: boolean;
}

function groupWith<M>(findings: readonly M[], view: MemberView<M>, byId: SystemsById, places: SystemPlaces, rewrite: (subject: string) => Rewrite | undefined): Finding[] {
  // Groups by rule, then by rewritten subject (no `rule@subject` key built per member), and in the order
  // they were first met.
  const groups = new Map<string, Map<string, Group<M>>>();
  const order: Group<M>[] = [];
  const out: M[] = [];
  for (const f of findings) {
    const rewritten = rewrite(view.subject(f));
    if (!rewritten) {
      out.push(f);
      continue;
    }
    const ruleId = view.ruleId(f);
    let ofRule = groups.get(ruleId);
    if (!ofRule) groups.set(ruleId, (ofRule = new Map()));
    let g = ofRule.get(rewritten.subject);
    if (!g) {
      ofRule.set(rewritten.subject, (g = { subject: rewritten.subject, members: [], installs: [], sites: [], headed: false }));
      order.push(g);
    }
    g.members.push(f);
    g.installs.push(rewritten.install);
    g.sites.push(rewritten.site);
  }
  if (!order.length) return out.map((f) => view.finding(f));
  // A vendor's own finding (same rule, the vendor system's subject) joins its installs' group as their head:
  // the first such finding per group, found in one pass over the ungrouped ones.
  const rest: Finding[] = [];
  for (const f of out) {
    const g = groups.get(view.ruleId(f))?.get(view.subject(f));
    if (g && !g.headed) {
      g.headed = true;
      g.members.push(f);
      g.installs.push(undefined);
      g.sites.push(undefined);
    } else rest.push(view.finding(f));
  }
  for (const g of order) rest.push(merge(g, view, byId, places));
  return rest;
}

/**
 * The id a finding ends up under: `ruleId@<subject with installs replaced by their stand-ins>`, which is its
 * own id when it names no install (a vendor's own finding then heads the group of that id). Findings with one
 * key are grouped together and with nothing else, so a re-audit can regroup only the keys whose members changed.
 */
export function findingGroupKey(f: Pick<Finding, 'ruleId' | 'subject'>, standIn: (id: string) => string | undefined): string {
  return `${f.ruleId}@${rewriteSubject(f.subject, standIn)?.subject ?? f.subject}`;
}

/** The subject with every install replaced by its stand-in, and the (first) install it named; undefined if none. */
function rewriteSubject(subject: string, standIn: (id: string) => string | undefined, systemSubjects?: Map<string, string>): { subject: string; install: string } | undefined {
  const colon = subject.indexOf(':');
  const kind = subject.slice(0, colon);
  const body = subject.slice(colon + 1);
  // A system subject is one id: asked once per draft of a fleet, so without splitting or joining, and its
  // rewritten subject built once per stand-in (the group lookup then also hashes one shared string).
  if (kind === 'system') {
    const s = standIn(body);
    if (s === undefined) return undefined;
    let rewritten = systemSubjects?.get(s);
    if (rewritten === undefined) {
      rewritten = `system:${s}`;
      systemSubjects?.set(s, rewritten);
    }
    return { subject: rewritten, install: body };
  }
  let rewritten: string;
  let install: string | undefined;
  if (kind === 'path') ({ text: rewritten, install } = swapAll(body.split('>'), '>', standIn));
  else if (kind === 'flow') {
    const [pair, suffix] = body.split('#');
    ({ text: rewritten, install } = swapAll(pair!.split('->'), '->', standIn));
    if (suffix !== undefined) rewritten += `#${suffix}`;
  } else return undefined;
  return install === undefined ? undefined : { subject: `${kind}:${rewritten}`, install };
}

/** Ids joined by `sep` with each install replaced by its stand-in, and the first install replaced. */
function swapAll(ids: string[], sep: string, standIn: (id: string) => string | undefined): { text: string; install: string | undefined } {
  let install: string | undefined;
  for (let i = 0; i < ids.length; i++) {
    const s = standIn(ids[i]!);
    if (s === undefined) continue;
    install ??= ids[i];
    ids[i] = s;
  }
  return { text: ids.join(sep), install };
}

function merge<M>(g: Group<M>, view: MemberView<M>, byId: SystemsById, places: SystemPlaces): Finding {
  const { subject, members, installs, sites } = g;
  // Member positions by subject (a stable sort: ties keep insertion order), so each keeps its install. Rules
  // walk systems in id order, so a fleet group usually arrives sorted: checked in one pass before sorting.
  const subjects = members.map((m) => view.subject(m));
  const order = members.map((_, i) => i);
  let sorted = true;
  for (let i = 1; i < subjects.length && sorted; i++) sorted = subjects[i - 1]! <= subjects[i]!;
  if (!sorted) order.sort((a, b) => cmp(subjects[a]!, subjects[b]!));
  const fold = newFold<M>(subject, places);
  for (const i of order) foldMember(fold, members[i]!, subjects[i]!, installs[i], sites[i], view, byId);
  // The vendor is named after the first member in instance order, not the first to arrive: an incremental re-audit
  // appends re-run members, and a vendor spelled two ways in a fleet ("Echo Notes", "echo notes") must read as a full audit reads it.
  return finishFold(fold, view, byId, installs[order[0]!]);
}

/** The id a fleet vendor's findings are grouped under when the graph declares no system of that name. */
export const fleetStandInId = (vendor: string): string => `fleet-${slugify(vendor, { fallback: 'unknown' })}`;

/**
 * A fleet install stands for its vendor: the vendor's declared system (matched by name), else `fleet-<vendor>`.
 * Undefined for a system that is not a fleet install. Shared by grouping and by rules that count parties.
 */
export function fleetVendorOf(
  systems: readonly Pick<GraphSystem, 'id' | 'name' | 'group'>[],
  byId: ReadonlyMap<string, Pick<GraphSystem, 'id' | 'name' | 'group'>> = new Map(systems.map((s) => [s.id, s])),
): (id: string) => string | undefined {
  const vendorSystem = new Map<string, string>();
  for (const s of systems) if (!s.group) vendorSystem.set(nameKey(s.name), s.id);
  // Per vendor name, not per install: a fleet asks this for every install of a handful of vendors.
  const standIns = new Map<string, string>();
  return (installId) => {
    const vendor = byId.get(installId)?.group?.vendor;
    if (vendor === undefined) return undefined;
    let standIn = standIns.get(vendor);
    if (standIn === undefined) standIns.set(vendor, (standIn = vendorSystem.get(nameKey(vendor)) ?? fleetStandInId(vendor)));
    return standIn;
  };
}

