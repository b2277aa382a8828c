import { counted } from './counted.js';
import type { Citation, Finding, FindingInstance } from './finding.js';
import type { GraphSystem } from './graph.js';
import type { MemberView } from './group-findings.js';
import type { Evidence } from './evidence.js';
import { addSystem, foldSystems, type FoldSystems, type SystemPlaces } from './fold-systems.js';
import { SEVERITIES, type DataCategory, type Severity } from './taxonomy.js';

/**
 * One group's merged finding, built member by member in instance order (by subject): what grouping's merge
 * computes over a group's sorted members, kept as running state so a caller whose members arrive in that order
 * (the rule runner streaming a rule's drafts) can fold each as it comes and let it go. Holds the worst member
 * only; every other member leaves just its instance behind.
 */
export interface GroupFold<M> {
  subject: string;
  instances: FindingInstance[];
  systems: FoldSystems;
  categories: Set<DataCategory>;
  citations: Map<string, Citation>;
  lastCitations: Iterable<Citation> | undefined;
  worst: M | undefined;
  worstRank: number;
  worstHazard: number;
  worstSubject: string;
  /** An instance counts as an install when the first member of its subject named one. */
  installCount: number;
  runSubject: string | undefined;
  runIsInstall: boolean;
  /** The subject of the last member folded: a streaming caller checks the next one sorts after it. */
  lastSubject: string | undefined;
  /** The class draft whose lists foldInstall folded last: its next member adds no category or citation. */
  lastLike: M | undefined;
}

export function newFold<M>(subject: string, places: SystemPlaces): GroupFold<M> {
  return {
    subject, instances: [], systems: foldSystems(places), categories: new Set(), citations: new Map(), lastCitations: undefined,
    worst: undefined, worstRank: -1, worstHazard: 0, worstSubject: '', installCount: 0, runSubject: undefined, runIsInstall: false, lastSubject: undefined, lastLike: undefined,
  };
}

/**
 * Folds the next member (in instance order) into `g`: `install` is the install its subject named (undefined
 * for the vendor's own finding), `site` that install's site, `place` its place among the grouping's systems.
 */
export function foldMember<M>(g: GroupFold<M>, m: M, subject: string, install: string | undefined, site: string | undefined, view: MemberView<M>, byId: ReadonlyMap<string, Pick<GraphSystem, 'group'>>, place?: number): void {
  const severity = view.severity(m);
  const rank = SEVERITY_RANK[severity]!;
  // A member of lower severity cannot be the worst: its hazard is not asked for.
  if (g.worst === undefined || rank >= g.worstRank) {
    const hazard = view.hazard(m);
    if (isWorst(g, rank, hazard, subject)) takeWorst(g, m, rank, hazard, subject);
  }
  noteSubject(g, subject, install !== undefined);
  let firstSystem: string | undefined;
  // Unions in member order, without a flattened copy of every member's lists.
  for (const s of view.systems(m)) {
    firstSystem ??= s;
    addSystem(g.systems, s, s === install ? place : undefined);
  }
  const system = install ?? firstSystem ?? g.subject;
  // An install's site came with its rewrite; only a member naming no install looks its system up.
  const at = install !== undefined ? site : byId.get(system)?.group?.site;
  const evidence = view.evidence(m);
  g.instances.push(at ? { subject, system, site: at, severity, evidence } : { subject, system, severity, evidence });
  foldLists(g, m, view);
}

/**
 * Whether a member would come first in a (stable) sort by worse severity, then larger likelihood × impact,
 * then id; members of a group share their rule, so ids (`ruleId@subject`) compare as their subjects do.
 */
function isWorst<M>(g: GroupFold<M>, rank: number, hazard: number, subject: string): boolean {
  return g.worst === undefined || rank > g.worstRank || (rank === g.worstRank && (hazard > g.worstHazard || (hazard === g.worstHazard && cmp(subject, g.worstSubject) < 0)));
}

function takeWorst<M>(g: GroupFold<M>, m: M, rank: number, hazard: number, subject: string): void {
  g.worst = m;
  g.worstRank = rank;
  g.worstHazard = hazard;
  g.worstSubject = subject;
}

/** Counts the member's instance as an install when the first member of its subject named one. */
function noteSubject<M>(g: GroupFold<M>, subject: string, namesInstall: boolean): void {
  if (subject !== g.runSubject) {
    g.runSubject = subject;
    g.runIsInstall = namesInstall;
  }
  if (g.runIsInstall) g.installCount++;
  g.lastSubject = subject;
}

/** A member's categories and citations into the group's. */
function foldLists<M>(g: GroupFold<M>, m: M, view: MemberView<M>): void {
  // A fleet's members mostly add nothing new: the (sorted) categories are only asked for when one is new,
  // and a citation list is only walked when it is not the one the member before had.
  const memberCategories = view.categories(m);
  for (const c of memberCategories) {
    if (g.categories.has(c)) continue;
    for (const d of view.sortCategories(memberCategories)) g.categories.add(d);
    break;
  }
  const memberCitations = view.citations(m);
  if (memberCitations !== g.lastCitations) for (const c of memberCitations) if (!g.citations.has(c.ref)) g.citations.set(c.ref, c);
  g.lastCitations = memberCitations;
}

/** What grouping reads of a member that every member drafted like it shares (see {@link foldInstall}). */
export interface LikeFigures {
  severity: Severity;
  rank: number;
  hazard: number;
}

export const likeFigures = <M>(like: M, view: MemberView<M>): LikeFigures => {
  const severity = view.severity(like);
  return { severity, rank: SEVERITY_RANK[severity]!, hazard: view.hazard(like) };
};

/**
 * {@link foldMember} for a member of a class of installs (next in instance order): it reads as `like` (its
 * class representative's draft) except for its subject (`system:<install>`), its systems and its evidence, so
 * it is folded without being built — `build` makes it only if it becomes the group's worst (the one member
 * grouping keeps whole). The same state as folding the built member; `systems` is read, not kept.
 */
export function foldInstall<M>(g: GroupFold<M>, like: M, figures: LikeFigures, subject: string, install: string, site: string | undefined, place: number | undefined, systems: readonly string[], evidence: Evidence[], build: (install: string) => M, view: MemberView<M>): void {
  const { severity, rank, hazard } = figures;
  if (isWorst(g, rank, hazard, subject)) takeWorst(g, build(install), rank, hazard, subject);
  noteSubject(g, subject, true);
  for (let i = 0; i < systems.length; i++) addSystem(g.systems, systems[i]!, systems[i] === install ? place : undefined);
  g.instances.push(site ? { subject, system: install, site, severity, evidence } : { subject, system: install, severity, evidence });
  // A class's members share `like`'s categories and citations: folded once per run of them, as folding them
  // again only finds each already in the group's sets (a draft with citations of its own would even build
  // its citation list anew per member).
  if (like === g.lastLike) return;
  g.lastLike = like;
  foldLists(g, like, view);
}

/** The merged finding of a fold with at least one member; `vendorInstall` is the install of the group's first member in instance order. */
export function finishFold<M>(g: GroupFold<M>, view: MemberView<M>, byId: ReadonlyMap<string, Pick<GraphSystem, 'group'>>, vendorInstall: string | undefined): Finding {
  const head = view.finding(g.worst as M);
  const vendor = byId.get(vendorInstall ?? '')?.group?.vendor;
  const n = g.installCount;
  return {
    ...head,
    id: `${head.ruleId}@${g.subject}`,
    subject: g.subject,
    // The fold's own list: nothing adds to it once finished.
    systems: g.systems.list,
    categories: [...g.categories],
    citations: [...g.citations.values()],
    evidence: head.evidence,
    detail: `${head.detail} The same holds on ${counted(n, 'install')}${vendor ? ` of ${vendor}` : ''} (listed as instances).`,
    instances: g.instances,
  };
}

const SEVERITY_RANK: Readonly<Record<string, number>> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i]));

export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
