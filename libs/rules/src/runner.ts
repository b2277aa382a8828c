import { DATA_CATEGORIES, applyTriageAndTemplates, sortFindings, memberGrouping, type Citation, type MemberView, type MemberStream, type DataCategory, type Evidence, type Finding, type Lens, type Score, type TriageMap } from '@custody/domain';
import { classDrafts, type ClassSink } from './class-run.js';
import { declareClassSettings } from './install-keys.js';
import { unique } from './contracts.js';
import { memberLists, type MemberLists } from './member-lists.js';
import { REGISTRY } from './registry.js';
import { dedupeEvidence, hasRepeats } from './dedupe-evidence.js';
import { evidenceInterner } from './shared-evidence.js';
import type { FindingDraft, Rule, RuleContext } from './rule.js';
import { inRun, memoByGraph } from './run-memo.js';
import type { FindingPoints } from './finding-points.js';
import { scoreOwnFindings } from './score.js';
import { severityOf } from './severity.js';
import { sortedCategories } from './finding-parts.js';
import { dedupeCitations, mergeDetails, round3, toFinding } from './draft-finding.js';
import { clamp01 } from './sensitivity.js';

export { dedupeEvidence };

/** A rule that threw or returned something unusable: reported, and the audit goes on. */
export interface RuleError {
  ruleId: string;
  message: string;
}

/** Findings (contribution 0) and the rules that failed. */
export interface RunResult {
  findings: Finding[];
  errors: RuleError[];
}

/**
 * Run rules over a context. Each rule runs in isolation: if it throws, its error is reported and no
 * finding of it is kept. Drafts of one rule with the same subject merge into one finding (`ruleId@subject`
 * must be unique); findings on fleet installs are grouped per rule and vendor (`groupFindings`). Findings come back sorted by severity (worst first), then id. `contribution` is 0 until
 * {@link runAudit} (or `computeScore`) sets it.
 */
export function runRules(ctx: RuleContext, rules: readonly Rule[] = REGISTRY): RunResult {
  // Per-system answers (holdings, BAA coverage, governing facts) are shared by the rules of this run.
  return inRun(ctx.graph, ctx.now, () => {
    const { group, stream, standIn } = memberGrouping(ctx.graph.systems);
    // The same stand-ins fleetParty gives (fleetVendorOf over the same systems): primed, not built again.
    memoByGraph('fleet-party', ctx.graph, () => standIn);
    declareClassSettings(ctx.graph, rules);
    const findings: Finding[] = [];
    const errors: RuleError[] = [];
    // Instances citing the same items share one list, across the rules of this run (shared-evidence.ts).
    const intern = evidenceInterner();
    // And a fleet install's list per way its class runs map it, found again by the next rule (member-lists.ts).
    const lists = memberLists();
    for (const rule of rules) {
      // One finding per problem: the same finding on many installs of one vendor becomes one, with instances.
      // Grouped rule by rule, so a fleet's per-install drafts never all live at once; and grouped as drafts, so
      // only the findings that stay alone (and each group's worst member) are ever built as findings. A
      // streaming rule's drafts are grouped as it drafts them, so they do not even live until the rule ends.
      const built = streamDrafts(ctx, rule, stream, intern, lists)
        // A draft's detail text is built lazily (only for the findings kept), so a rule can still throw here:
        // isolated like its evaluate(), the rule's findings dropped whole and its error reported.
        ?? isolated(rule, errors, () => group(runDrafts(ctx, rule, errors), draftView(rule, intern)));
      for (const f of built) findings.push(f);
    }
    sortFindings(findings);
    return { findings, errors };
  });
}

/**
 * {@link runRules} before fleet grouping and sorting: each rule's findings in the order it drafted them. The
 * incremental audit keeps these per rule, so it can replace one rule's findings on some systems and regroup.
 */
export function runRulesUngrouped(ctx: RuleContext, rules: readonly Rule[] = REGISTRY): RunResult {
  return inRun(ctx.graph, ctx.now, () => {
    const findings: Finding[] = [];
    const errors: RuleError[] = [];
    for (const rule of rules) {
      const view = draftView(rule);
      const drafts = runDrafts(ctx, rule, errors);
      for (const f of isolated(rule, errors, () => drafts.map((d) => view.finding(d)))) findings.push(f);
    }
    return { findings, errors };
  });
}

/** The findings `build` makes of one rule's drafts; none, and the rule's error, if it throws. */
function isolated(rule: Rule, errors: RuleError[], build: () => Finding[]): Finding[] {
  try {
    return build();
  } catch (err) {
    errors.push({ ruleId: rule.id, message: err instanceof Error ? err.message : String(err) });
    return [];
  }
}

/** Thrown into a streaming rule to stop it: its drafts cannot be streamed (see {@link streamDrafts}). */
const NOT_STREAMABLE = new Error('drafts not in ascending subject order');

/**
 * A streaming rule's findings, its drafts grouped as it pushes them (each validated, then folded and let go);
 * undefined when they cannot be: the rule has no `evaluateInto`, its subjects do not come strictly ascending
 * (a repeated subject needs merging first), a vendor's own finding sorts before its installs, or anything
 * throws. The caller then runs the rule the usual way: rules are pure, so that gives what streaming would
 * have, and reports any error exactly as for any rule. Streaming gives the same findings as grouping the
 * whole list because strictly ascending subjects are what runDrafts passes on unmerged and merge leaves unsorted.
 */
function streamDrafts(ctx: RuleContext, rule: Rule, stream: <M>(view: MemberView<M>) => MemberStream<M>, intern: (list: Evidence[], scratch?: boolean) => Evidence[], lists: MemberLists): Finding[] | undefined {
  if (!rule.evaluateInto) return undefined;
  const view = draftView(rule, intern);
  if (rule.classReads) {
    // Once per class of fleet installs when the rule allows it; a class run that gives up is discarded whole.
    const byClass = stream(view);
    try {
      const sink: ClassSink = {
        push: (d) => byClass.add(validDraft(d)),
        // A member's evidence as its instance keeps it (view.evidence), asked by the class run once per list it
        // has not kept already (dedupeEvidence copies: a scratch list is never kept).
        keep: (items, scratch) => (hasRepeats(items) ? intern(dedupeEvidence(items)) : intern(items, scratch)),
        lists,
        install(like, install, systems, evidence, build, at, subject) {
          // What validateDraft checks of a member's draft that its class's draft (validated) does not vouch for.
          if (subject === undefined ? !install || LINE_BREAKS.has(install.charCodeAt(0)) : !validSubject(subject)) throw new Error(`draft has an invalid subject: ${JSON.stringify(subject ?? `system:${install}`)}`);
          byClass.addInstall(like, install, systems, evidence, build, at, subject);
        },
      };
      if (classDrafts(ctx, rule, sink)) return byClass.finish();
    } catch {
      // As below: the rule runs per install, which reports any error of its own.
    }
  }
  const members = stream(view);
  let last: string | undefined;
  try {
    rule.evaluateInto(ctx, {
      push(d) {
        validateDraft(d);
        if (last !== undefined && !(last < d.subject)) throw NOT_STREAMABLE;
        last = d.subject;
        members.add(d);
      },
    });
    return members.finish();
  } catch {
    return undefined;
  }
}

/** One rule's drafts, those of one subject merged; a rule that throws adds an error and no draft. */
function runDrafts(ctx: RuleContext, rule: Rule, errors: RuleError[]): FindingDraft[] {
  let drafts: FindingDraft[];
  try {
    drafts = rule.evaluate(ctx);
    if (!Array.isArray(drafts)) throw new Error('evaluate() did not return an array');
    for (const d of drafts) validateDraft(d);
  } catch (err) {
    errors.push({ ruleId: rule.id, message: err instanceof Error ? err.message : String(err) });
    return [];
  }
  // Rules walk systems and flows in id order, so a rule's subjects mostly come strictly ascending: then none
  // repeats, and the per-subject map (a fleet's ~10,000 entries per rule) is not needed.
  let ascending = true;
  for (let i = 1; i < drafts.length && ascending; i++) ascending = drafts[i - 1]!.subject < drafts[i]!.subject;
  if (ascending) return drafts;
  const bySubject = new Map<string, FindingDraft>();
  for (const d of drafts) {
    const prev = bySubject.get(d.subject);
    bySubject.set(d.subject, prev ? mergeDrafts(prev, d) : d);
  }
  return bySubject.size === drafts.length ? drafts : [...bySubject.values()];
}

/**
 * A rule's drafts as grouping reads them: what `toFinding` would make of each, computed only as far as
 * grouping asks (the rule's citations deduplicated once: most drafts add none).
 */
function draftView(rule: Rule, intern: (list: Evidence[]) => Evidence[] = (list) => list): MemberView<FindingDraft> {
  // Frozen: shared by every finding of the rule in this run that adds no citation of its own (toFinding).
  const ruleCitations: readonly Citation[] = Object.freeze(dedupeCitations(rule.citations));
  const severity = (d: FindingDraft) => severityOf(round3(clamp01(d.likelihood)), round3(clamp01(d.impact)));
  return {
    ruleId: () => rule.id,
    subject: (d) => d.subject,
    severity,
    hazard: (d) => round3(clamp01(d.likelihood)) * round3(clamp01(d.impact)),
    systems: (d) => d.systems,
    categories: (d) => d.categories,
    sortCategories: sortedCategories,
    citations: (d) => (d.citations?.length ? [...ruleCitations, ...d.citations] : ruleCitations),
    // An instance's evidence: the draft's own list when it has no repeats (nearly always), not a copy per
    // install. Rules build it fresh or pass one the graph holds (a contract fact's, shared by a vendor's
    // installs): either way nothing writes to a finding's evidence, and the report reads it as it would a copy.
    // Then the list met first with the same items, when `intern` shares them (runRules).
    evidence: (d) => intern(hasRepeats(d.evidence) ? dedupeEvidence(d.evidence) : d.evidence),
    finding: (d) => toFinding(rule, d, ruleCitations),
  };
}

const SUBJECT_KINDS = ['system', 'flow', 'path', 'document'];
/** The subject's kind (before `colon`) is a known one: compared in place, not sliced out for every draft. */
const knownKind = (subject: string, colon: number) => SUBJECT_KINDS.some((k) => k.length === colon && subject.startsWith(k));
/** \n, \r, U+2028, U+2029: none may start a subject's body. */
const LINE_BREAKS = new Set([0x0a, 0x0d, 0x2028, 0x2029]);
const KNOWN_CATEGORIES: ReadonlySet<string> = new Set(DATA_CATEGORIES);

const validDraft = (d: FindingDraft): FindingDraft => (validateDraft(d), d);

/** `<kind>:<something>`, checked without a regular expression: every draft of every rule passes here. */
function validSubject(subject: unknown): boolean {
  const colon = typeof subject === 'string' ? subject.indexOf(':') : -1;
  return colon >= 0 && colon !== (subject as string).length - 1 && knownKind(subject as string, colon) && !LINE_BREAKS.has((subject as string).charCodeAt(colon + 1));
}

function validateDraft(d: FindingDraft): void {
  if (!validSubject(d.subject)) throw new Error(`draft has an invalid subject: ${JSON.stringify(d.subject)}`);
  if (!Number.isFinite(d.likelihood) || !Number.isFinite(d.impact)) throw new Error(`draft ${d.subject} has a non-numeric likelihood or impact`);
  for (const c of d.categories) {
    if (KNOWN_CATEGORIES.has(c)) continue;
    const bad = d.categories.filter((x) => !KNOWN_CATEGORIES.has(x));
    throw new Error(`draft ${d.subject} has unknown categories: ${bad.join(', ')}`);
  }
}

function mergeDrafts(a: FindingDraft, b: FindingDraft): FindingDraft {
  return {
    subject: a.subject,
    systems: unique([...a.systems, ...b.systems]),
    categories: unique([...a.categories, ...b.categories]),
    likelihood: Math.max(a.likelihood, b.likelihood),
    impact: Math.max(a.impact, b.impact),
    evidence: dedupeEvidence([...a.evidence, ...b.evidence]),
    detail: mergeDetails(a.detail, b.detail),
    citations: [...(a.citations ?? []), ...(b.citations ?? [])],
  };
}

/** Lenses in effect for a context: the requested one plus any the practice declares. */
export function activeLenses(ctx: Pick<RuleContext, 'lens' | 'graph'>): Lens[] {
  return unique<Lens>([ctx.lens, ...ctx.graph.practice.lenses]);
}

/** A run plus its score; findings carry their contribution; `points` explains each. */
export interface AuditResult extends RunResult {
  score: Score;
  points: FindingPoints[];
}

/** Triage decisions by stable finding id (the domain's, named here too for the rules' callers). */
export type { TriageMap };

/** Run the rules and score the findings: findings carry their `contribution` (and their triage, if any). */
export function runAudit(ctx: RuleContext, rules: readonly Rule[] = REGISTRY, triage?: TriageMap): AuditResult {
  const run = runRules(ctx, rules);
  // Triaged, and a template's findings marked as its review, scored for no one (Finding.template): as the incremental audit does.
  const findings = applyTriageAndTemplates(run.findings, triage, ctx.graph);
  // Same inputs as scoreFindings(). The findings are this run's own (or their triaged copies): scored in place,
  // not copied. What-if compares two of these side by side, each from its own run.
  const scored = scoreOwnFindings(findings, { lenses: activeLenses(ctx), systems: ctx.graph.systems.map((s) => s.id) });
  return { findings: scored.findings, errors: run.errors, score: scored.score, points: scored.points };
}
