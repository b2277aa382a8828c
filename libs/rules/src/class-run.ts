import type { Evidence, GraphSystem } from '@custody/domain';
import { systemById, vendorSystems } from './graph-queries.js';
import { installSlots, judgingOnly, ruleClasses, slotAt, type RuleClasses } from './install-classes.js';
import type { FindingDraft, Rule, RuleContext } from './rule.js';

/** Why a class run gave up (the runner then runs the rule per install, which gives the same drafts or error). */
class NotClassable extends Error {}

/** Where a class run's drafts go: as drafts, or (a class's members) folded into grouping without being built. */
export interface ClassSink {
  /** A draft as the rule drafted it: a class representative's, or a judged system's that is not an install. */
  push(d: FindingDraft): void;
  /**
   * A class member on `system:<install>`: its draft would read as `like` except for its subject, its systems
   * (read at once, not kept) and its evidence; `build` makes that draft, asked only if grouping keeps it whole.
   * `at` is the install's place among the run's vendors (vendorSystems), the same for every rule of the run.
   */
  install(like: FindingDraft, install: string, systems: readonly string[], evidence: Evidence[], build: (install: string) => FindingDraft, at: number): void;
}

/**
 * A rule with {@link Rule.classReads} run once per class of fleet installs (install-classes.ts), its drafts
 * given in the order a run over every vendor would push them: each install gets its class representative's
 * draft with its own subject, systems and evidence (the items in the same slots of its own record and flows),
 * and a text built by judging that install alone, asked only if the text is (grouping keeps one per vendor).
 * A member's draft is not built: the sink folds what differs from its class's draft into grouping.
 *
 * False, with nothing given or with what was given to be discarded, when the rule cannot be run so: no
 * declaration, too few installs sharing a class to gain, or the rule did something a per-class run cannot
 * stand for — read what it did not declare (UndeclaredRead), drafted on anything but one judged vendor system
 * per draft, in other than ascending order, or cited evidence of the representative's own that has no slot.
 * Throws only what the sink throws.
 */
export function classDrafts(ctx: RuleContext, rule: Rule, sink: ClassSink): boolean {
  if (!rule.classReads) return false;
  const { graph } = ctx;
  const vendors = vendorSystems(graph);
  const classes = ruleClasses(graph, vendors, rule.classReads);
  // Worth it only when classes are shared: otherwise the per-install run costs less than keys and mapping.
  if (classes.installs === 0 || classes.classes * 2 > classes.installs) return false;
  const byRep = judgedDrafts(ctx, rule, classes);
  if (!byRep) return false;
  const plans = new Map<FindingDraft, Plan>();
  // Each representative's draft (or null: none) by its position, looked up once per class, not per member.
  const repDrafts: (FindingDraft | null | undefined)[] = new Array(vendors.length);
  // Every draft given is on `system:<id>` (judgedDrafts checks), so ids ascend as subjects would.
  let last = '';
  for (let p = 0; p < vendors.length; p++) {
    const rp = classes.repOf[p]!;
    let d = repDrafts[rp];
    if (d === undefined) repDrafts[rp] = d = byRep.get(vendors[rp]!.id) ?? null;
    if (!d) continue;
    const member = vendors[p]!;
    if (!(last < member.id)) return false;
    last = member.id;
    if (rp === p) {
      sink.push(d);
      continue;
    }
    let plan = plans.get(d);
    if (!plan) {
      plan = planFor(ctx, rule, d, vendors[rp]!);
      if (!plan) return false;
      plans.set(d, plan);
    }
    const systems = plan.systems;
    for (const i of plan.repAt) systems[i] = member.id;
    const evidence = plan.mapped ? mappedEvidence(ctx, d, plan, member) : d.evidence;
    sink.install(d, member.id, systems, evidence, plan.build, p);
  }
  return true;
}

/** The rule's drafts over the judged systems, by the system each is on; undefined if unusable per class. */
function judgedDrafts(ctx: RuleContext, rule: Rule, classes: RuleClasses): Map<string, FindingDraft> | undefined {
  let drafts: FindingDraft[];
  try {
    drafts = judgingOnly(ctx.graph, classes.judged, () => rule.evaluate(ctx));
  } catch {
    return undefined;
  }
  if (!Array.isArray(drafts)) return undefined;
  const judged = new Set(classes.judged.map((s) => s.id));
  const byId = new Map<string, FindingDraft>();
  for (const d of drafts) {
    const id = d?.systems?.[0];
    if (typeof id !== 'string' || d.subject !== `system:${id}` || !judged.has(id) || byId.has(id)) return undefined;
    byId.set(id, d);
  }
  return byId;
}

/** How a representative's draft maps onto a member: the slot of each evidence item (-1: shared, kept). */
interface Plan {
  slots: number[];
  /** Whether any item is the representative's own (else the draft's list is every member's). */
  mapped: boolean;
  rep: GraphSystem;
  /** The draft's systems, refilled per member at `repAt` (where the representative's id stands). */
  systems: string[];
  repAt: number[];
  /** A member's whole draft, by its id. */
  build: (install: string) => FindingDraft;
}

function planFor(ctx: RuleContext, rule: Rule, d: FindingDraft, rep: GraphSystem): Plan | undefined {
  // A text fixed at drafting must not name the representative: it would be wrong for every other member.
  if (typeof d.detail === 'string' && (d.detail.includes(rep.id) || d.detail.includes(rep.name))) return undefined;
  const repSlots = installSlots(ctx.graph, rep);
  const own = new Set(rep.evidence.map((e) => `${e.file}\u0000${e.line}\u0000${e.path}`));
  const slots: number[] = [];
  for (const e of d.evidence) {
    const slot = repSlots.indexOf(e);
    // Evidence not in a slot is shared (a contract's clause) unless it quotes or points at the representative's own.
    if (slot < 0 && (own.has(`${e.file}\u0000${e.line}\u0000${e.path}`) || (typeof e.quote === 'string' && e.quote.includes(rep.id)))) return undefined;
    slots.push(slot);
  }
  const repAt: number[] = [];
  d.systems.forEach((id, i) => id === rep.id && repAt.push(i));
  const plan: Plan = {
    slots, mapped: slots.some((x) => x >= 0), rep, systems: [...d.systems], repAt,
    build: (install) => memberDraft(ctx, rule, d, plan, systemById(ctx.graph, install)!),
  };
  return plan;
}

function memberDraft(ctx: RuleContext, rule: Rule, d: FindingDraft, plan: Plan, member: GraphSystem): FindingDraft {
  const evidence = plan.mapped ? mappedEvidence(ctx, d, plan, member) : d.evidence;
  return {
    subject: `system:${member.id}`,
    systems: d.systems.map((id) => (id === plan.rep.id ? member.id : id)),
    categories: d.categories,
    likelihood: d.likelihood,
    impact: d.impact,
    evidence,
    detail: typeof d.detail === 'string' ? d.detail : () => memberText(ctx, rule, member),
    ...(d.citations ? { citations: d.citations } : {}),
  };
}

/** The representative's evidence with each of its own items replaced by the member's item in the same slot. */
function mappedEvidence(ctx: RuleContext, d: FindingDraft, plan: Plan, member: GraphSystem): Evidence[] {
  // A map (its list sized exactly: a member's list lives on in its instance, so a pushed list's spare capacity
  // would be kept for each of ~1,000,000 instances); the member's own items read directly.
  const own = member.evidence;
  return plan.slots.map((s, i) => (s < 0 ? d.evidence[i]! : s < own.length ? own[s]! : slotAt(ctx.graph, member, s)!));
}

/** A member's text: the rule judging that install alone (rules are pure: what a run over every vendor gives it). */
function memberText(ctx: RuleContext, rule: Rule, member: GraphSystem): string {
  const subject = `system:${member.id}`;
  const d = judgingOnly(ctx.graph, [member], () => rule.evaluate(ctx)).find((x) => x.subject === subject);
  if (!d) throw new NotClassable(`${rule.id} drafted nothing on ${member.id} alone, but did on its class`);
  return typeof d.detail === 'function' ? d.detail() : d.detail;
}
