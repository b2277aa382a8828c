import type { Evidence, GraphSystem } from '@custody/domain';
import { systemById, vendorSystems } from './graph-queries.js';
import { judgingOnly, ruleClasses, type RuleClasses } from './install-classes.js';
import { installSlots, slotAt } from './install-slots.js';
import { subjectAround, subjectIds } from './class-subjects.js';
import { PAIRWISE } from './dedupe-evidence.js';
import { denseArray, type MemberLists } from './member-lists.js';
import { memoByGraph } from './run-memo.js';
import type { FindingDraft, Rule, RuleContext } from './rule.js';

/** Why a class run gave up (the runner then runs the rule per install, which gives the same drafts or error). */
class NotClassable extends Error {}

/** Where a class run's drafts go: as drafts, or (a class's members) folded into grouping without being built. */
export interface ClassSink {
  /** A draft as the rule drafted it: a class representative's, or a judged system's that is not an install. */
  push(d: FindingDraft): void;
  /**
   * The list a member's instance keeps for these evidence items: without repeats, and the list met before
   * with the same items when there is one. `scratch`: `items` is a list the caller fills again (copied if kept).
   */
  keep(items: Evidence[], scratch: boolean): Evidence[];
  /** Members' lists as {@link keep} gave them, per way of mapping, shared with the run's other rules. */
  lists: MemberLists;
  /**
   * A class member's draft: it would read as `like` except for its subject, its systems (read at once, not kept)
   * and its evidence (a list {@link keep} gave); `build` makes that draft, asked only if grouping keeps it whole. `at` is the install's
   * place among the run's vendors (vendorSystems), the same for every rule of the run. `subject` is the
   * member's subject when `like`'s is a path through the representative; undefined when it is `system:<install>`.
   */
  install(like: FindingDraft, install: string, systems: readonly string[], evidence: Evidence[], build: (install: string) => FindingDraft, at: number, subject?: string): void;
}

/**
 * A rule with {@link Rule.classReads} run once per class of fleet installs (install-classes.ts). Each install
 * gets its class representative's drafts, each with its own subject (the representative's id replaced by its
 * own: `system:<install>`, or a path through it), systems and evidence (the items in the same slots of its own
 * record and flows), and a text built by judging that install alone, asked only if the text is (grouping keeps
 * one per vendor). A member's draft is not built: the sink folds what differs from its class's draft into
 * grouping. Drafts naming no install come first, in the order drafted; then per vendor, in vendor order, the
 * drafts of its class in the order the representative's were drafted: each group of findings (one vendor's
 * installs on one rewritten subject) and the drafts grouping keeps whole come in the order a run over every
 * vendor gives them (the sink checks each group's subjects ascend, as grouping sorts them).
 *
 * False, with nothing given or with what was given to be discarded, when the rule cannot be run so: no
 * declaration, too few installs sharing a class to gain, or the rule did something a per-class run cannot
 * stand for — read what it did not declare (UndeclaredRead), drafted one subject twice, named in a
 * representative's draft an install it was not shown, or two installs, or none, or a representative twice in a path, or cited evidence of the
 * representative's own that has no slot. Throws only what the sink throws.
 */
export function classDrafts(ctx: RuleContext, rule: Rule, sink: ClassSink): boolean {
  if (!rule.classReads) return false;
  const { graph } = ctx;
  const vendors = vendorSystems(graph);
  const classes = ruleClasses(graph, vendors, rule.classReads);
  // Worth it only when classes are shared: otherwise the per-install run costs less than keys and mapping.
  if (classes.installs === 0 || classes.classes * 2 > classes.installs) return false;
  const judged = judgedDrafts(ctx, rule, classes);
  if (!judged) return false;
  for (const d of judged.loose) sink.push(d);
  // Per representative's position, the plan of each of its drafts (in draft order): made at its first member.
  const plansOf = denseArray<Plan[]>(vendors.length);
  for (let p = 0; p < vendors.length; p++) {
    const rp = classes.repOf[p]!;
    const drafts = judged.byRep[rp];
    if (!drafts) continue;
    if (rp === p) {
      for (const d of drafts) sink.push(d);
      continue;
    }
    const member = vendors[p]!;
    let plans = plansOf[rp];
    if (!plans) {
      plans = [];
      for (const d of drafts) {
        const plan = planFor(ctx, rule, d, vendors[rp]!, sink);
        if (!plan) return false;
        plans.push(plan);
      }
      plansOf[rp] = plans;
    }
    for (let k = 0; k < drafts.length; k++) {
      const d = drafts[k]!;
      const plan = plans[k]!;
      const systems = plan.systems;
      for (const i of plan.repAt) systems[i] = member.id;
      // A list another rule (or member) mapped the same way for this install is the one keep gave it then.
      const evidence = plan.table ? (plan.table[p] ??= mappedEvidence(ctx, plan, member)) : (plan.last ??= sink.keep(d.evidence, false));
      sink.install(d, member.id, systems, evidence, plan.build, p, plan.before === undefined ? undefined : `${plan.before}${member.id}${plan.after}`);
    }
  }
  return true;
}

/** The judged run's drafts: those naming no install, and per representative's position its own, in order. */
interface Judged {
  loose: FindingDraft[];
  byRep: (FindingDraft[] | undefined)[];
}

/**
 * The rule's drafts over the judged systems, sorted out by the install each names; undefined if unusable per
 * class. The vendors that are no installs are judged apart from the representatives: a draft is a class's only
 * when judging its representative drafted it. A vendor fed only by installs has its paths run through the first
 * of them (a representative, often): its drafts name that install but are the vendor's, drafted once per run.
 */
function judgedDrafts(ctx: RuleContext, rule: Rule, classes: RuleClasses): Judged | undefined {
  const loose = judgedRun(ctx, rule, classes.loose);
  const ofReps = loose && judgedRun(ctx, rule, classes.reps);
  if (!ofReps) return undefined;
  const at = vendorPositions(ctx.graph, classes.vendors);
  // A system's place among the vendors when it is an install (-1: a judged one that is not, or no vendor), or
  // undefined for an install that was not judged (a class member): no representative's draft may name one.
  const installAt = (id: string): number | undefined => {
    const p = at.get(id);
    if (p === undefined) return -1;
    if (classes.isRep[p]) return p;
    return classes.repOf[p] === p ? -1 : undefined;
  };
  const judged: Judged = { loose, byRep: denseArray(classes.vendors.length) };
  const subjects = new Set<string>();
  // Kept as drafted: what a run over every vendor gives these vendors, whatever installs their subjects name.
  for (const d of loose) {
    if (typeof d?.subject !== 'string' || subjects.has(d.subject)) return undefined;
    subjects.add(d.subject);
  }
  for (const d of ofReps) {
    if (typeof d?.subject !== 'string' || !Array.isArray(d.systems) || subjects.has(d.subject)) return undefined;
    subjects.add(d.subject);
    let rep = -1;
    for (const id of subjectIds(d.subject)) {
      const p = installAt(id);
      if (p === undefined || (p >= 0 && rep >= 0)) return undefined;
      if (p >= 0) rep = p;
    }
    // A representative's draft naming no install would be drafted again by each member (merged per subject).
    if (rep < 0) return undefined;
    // Charged to no install but the one its subject names: each member's draft is charged to the member instead.
    for (const id of d.systems) {
      const p = installAt(id);
      if (p === undefined || (p >= 0 && p !== rep)) return undefined;
    }
    (judged.byRep[rep] ??= []).push(d);
  }
  return judged;
}

/** The rule's drafts with `systems` standing for the vendors; undefined if it throws or gives no list. */
function judgedRun(ctx: RuleContext, rule: Rule, systems: readonly GraphSystem[]): FindingDraft[] | undefined {
  let drafts: FindingDraft[];
  try {
    drafts = judgingOnly(ctx.graph, systems, () => rule.evaluate(ctx));
  } catch {
    return undefined;
  }
  return Array.isArray(drafts) ? drafts : undefined;
}

/** Each vendor's place in the run's vendor list, by id (once per run). */
function vendorPositions(graph: RuleContext['graph'], vendors: readonly GraphSystem[]): Map<string, number> {
  return memoByGraph('vendor-positions', graph, () => new Map(vendors.map((s, p) => [s.id, p])));
}

/**
 * How a representative's draft maps onto a member: the slot of each evidence item (-1: shared, kept), but for
 * an item the same object as one before it (the same slot, or the same shared item) in a list short enough for
 * dedupeEvidence to compare pairwise, which drops it from every member's list alike: mapped once, not dropped
 * per member.
 */
interface Plan {
  slots: number[];
  /** The draft's item at each place of `slots` (what a -1 place holds on every member). */
  shared: Evidence[];
  /** Whether any item is the representative's own (else the draft's list is every member's). */
  mapped: boolean;
  /** Mapped: each member's kept list for these slots and shared items, by its place among the vendors. */
  table: (Evidence[] | undefined)[] | undefined;
  rep: GraphSystem;
  /** The draft's systems, refilled per member at `repAt` (where the representative's id stands). */
  systems: string[];
  repAt: number[];
  /** A member's subject is `${before}${member id}${after}`; before undefined for `system:<install>`. */
  before: string | undefined;
  after: string;
  /** A member's whole draft, by its id. */
  build: (install: string) => FindingDraft;
  /** The list kept for the items mapped last (or, unmapped, every member's), and those items (see mappedEvidence). */
  last?: Evidence[];
  lastItems: Evidence[];
  /** The list the next member's items are mapped into. */
  scratch: Evidence[];
  keep: ClassSink['keep'];
}

function planFor(ctx: RuleContext, rule: Rule, d: FindingDraft, rep: GraphSystem, sink: ClassSink): Plan | undefined {
  // A text fixed at drafting must not name the representative: it would be wrong for every other member.
  if (typeof d.detail === 'string' && (d.detail.includes(rep.id) || d.detail.includes(rep.name))) return undefined;
  const repSlots = installSlots(ctx.graph, rep);
  const own = new Set(rep.evidence.map((e) => `${e.file}\u0000${e.line}\u0000${e.path}`));
  const slots: number[] = [];
  const shared: Evidence[] = [];
  const collapse = d.evidence.length <= PAIRWISE;
  for (const e of d.evidence) {
    const slot = repSlots.indexOf(e);
    // Evidence not in a slot is shared (a contract's clause) unless it quotes or points at the representative's own.
    if (slot < 0 && (own.has(`${e.file}\u0000${e.line}\u0000${e.path}`) || (typeof e.quote === 'string' && e.quote.includes(rep.id)))) return undefined;
    if (collapse && sameAsBefore(slots, shared, slot, e)) continue;
    slots.push(slot);
    shared.push(e);
  }
  const mapped = slots.some((x) => x >= 0);
  const repAt: number[] = [];
  d.systems.forEach((id, i) => id === rep.id && repAt.push(i));
  const around = subjectAround(d.subject, rep.id);
  if (!around) return undefined;
  const plan: Plan = {
    slots, shared, mapped, table: mapped ? sink.lists.table(slots, shared, vendorSystems(ctx.graph).length) : undefined, rep, systems: [...d.systems], repAt, before: around.before, after: around.after, lastItems: [], scratch: [], keep: sink.keep,
    build: (install) => memberDraft(ctx, rule, d, plan, systemById(ctx.graph, install)!),
  };
  return plan;
}

/** Whether the item at `slot` (or shared `e`, at -1) is the same object on every member as one already placed. */
function sameAsBefore(slots: readonly number[], shared: readonly Evidence[], slot: number, e: Evidence): boolean {
  for (let k = 0; k < slots.length; k++) if (slot >= 0 ? slots[k] === slot : slots[k]! < 0 && shared[k] === e) return true;
  return false;
}

function memberDraft(ctx: RuleContext, rule: Rule, d: FindingDraft, plan: Plan, member: GraphSystem): FindingDraft {
  const evidence = plan.mapped ? mappedEvidence(ctx, plan, member) : d.evidence;
  const subject = plan.before === undefined ? `system:${member.id}` : `${plan.before}${member.id}${plan.after}`;
  return {
    subject,
    systems: d.systems.map((id) => (id === plan.rep.id ? member.id : id)),
    categories: d.categories,
    likelihood: d.likelihood,
    impact: d.impact,
    evidence,
    detail: typeof d.detail === 'string' ? d.detail : () => memberText(ctx, rule, member, subject),
    ...(d.citations ? { citations: d.citations } : {}),
  };
}

/**
 * The representative's evidence with each of its own items replaced by the member's item in the same slot, as
 * the sink keeps it. Mapped into a scratch list: the sink copies it only when no list with the same items was
 * kept before (an install's own item is cited the same way by several rules), so a member's list is mostly
 * not allocated at all (~1,000,000 of them at fleet 100k).
 */
function mappedEvidence(ctx: RuleContext, plan: Plan, member: GraphSystem): Evidence[] {
  const own = member.evidence;
  const items = plan.scratch;
  const last = plan.lastItems;
  let same = plan.last !== undefined;
  for (let i = 0; i < plan.slots.length; i++) {
    const s = plan.slots[i]!;
    items[i] = s < 0 ? plan.shared[i]! : s < own.length ? own[s]! : slotAt(ctx.graph, member, s)!;
    same &&= items[i] === last[i];
  }
  // The list kept last when every item is the same object: a slot can hold an item every install shares (a
  // flow cites its vendor's contract clause), so the sink is not asked again.
  if (same) return plan.last!;
  plan.last = plan.keep(items, true);
  // The items just mapped are the ones the next member's are compared with; the other list is filled next.
  plan.scratch = last;
  plan.lastItems = items;
  return plan.last;
}

/** A member's text: the rule judging that install alone (rules are pure: what a run over every vendor gives it). */
function memberText(ctx: RuleContext, rule: Rule, member: GraphSystem, subject: string): string {
  const d = judgingOnly(ctx.graph, [member], () => rule.evaluate(ctx)).find((x) => x.subject === subject);
  if (!d) throw new NotClassable(`${rule.id} drafted nothing on ${member.id} alone, but did on its class`);
  return typeof d.detail === 'function' ? d.detail() : d.detail;
}
