import { compareFindings, DATA_CATEGORIES, findingGrouper, type Citation, type Evidence, type Finding, type Lens, type Score } from '@custody/domain';
import { unique } from './contracts.js';
import { REGISTRY } from './registry.js';
import type { FindingDraft, Rule, RuleContext } from './rule.js';
import { inRun } from './run-memo.js';
import { computeScore, type FindingPoints } from './score.js';
import { severityOf } from './severity.js';
import { clamp01 } from './sensitivity.js';

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
    const group = findingGrouper(ctx.graph.systems);
    const findings: Finding[] = [];
    const errors: RuleError[] = [];
    for (const rule of rules) {
      // One finding per problem: the same finding on many installs of one vendor becomes one, with instances.
      // Grouped rule by rule, so a fleet's per-install findings never all live at once.
      for (const f of group(runOne(ctx, rule, errors))) findings.push(f);
    }
    findings.sort(compareFindings);
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
    for (const rule of rules) for (const f of runOne(ctx, rule, errors)) findings.push(f);
    return { findings, errors };
  });
}

/** One rule's findings, drafts of one subject merged; a rule that throws adds an error and no finding. */
function runOne(ctx: RuleContext, rule: Rule, errors: RuleError[]): Finding[] {
  let drafts: FindingDraft[];
  try {
    drafts = rule.evaluate(ctx);
    if (!Array.isArray(drafts)) throw new Error('evaluate() did not return an array');
    drafts.forEach(validateDraft);
  } catch (err) {
    errors.push({ ruleId: rule.id, message: err instanceof Error ? err.message : String(err) });
    return [];
  }
  const bySubject = new Map<string, FindingDraft>();
  for (const d of drafts) {
    const prev = bySubject.get(d.subject);
    bySubject.set(d.subject, prev ? mergeDrafts(prev, d) : d);
  }
  const own: Finding[] = [];
  for (const d of bySubject.values()) own.push(toFinding(rule, d));
  return own;
}

function validateDraft(d: FindingDraft): void {
  if (typeof d.subject !== 'string' || !/^(system|flow|path|document):.+/.test(d.subject)) {
    throw new Error(`draft has an invalid subject: ${JSON.stringify(d.subject)}`);
  }
  if (!Number.isFinite(d.likelihood) || !Number.isFinite(d.impact)) throw new Error(`draft ${d.subject} has a non-numeric likelihood or impact`);
  const bad = d.categories.filter((c) => !DATA_CATEGORIES.includes(c));
  if (bad.length > 0) throw new Error(`draft ${d.subject} has unknown categories: ${bad.join(', ')}`);
}

function mergeDrafts(a: FindingDraft, b: FindingDraft): FindingDraft {
  return {
    subject: a.subject,
    systems: unique([...a.systems, ...b.systems]),
    categories: unique([...a.categories, ...b.categories]),
    likelihood: Math.max(a.likelihood, b.likelihood),
    impact: Math.max(a.impact, b.impact),
    evidence: dedupeEvidence([...a.evidence, ...b.evidence]),
    detail: a.detail === b.detail ? a.detail : `${a.detail} ${b.detail}`,
    citations: [...(a.citations ?? []), ...(b.citations ?? [])],
  };
}

/** Evidence without repeats (same document, place and quote), first kept. */
export function dedupeEvidence(evidence: Evidence[]): Evidence[] {
  // Most drafts cite one or two places, and a fleet makes ~100,000 of them: compare those field by field
  // instead of serialising each to a key (the same equality: JSON treats undefined and non-finite as null).
  if (evidence.length <= 1) return [...evidence];
  if (evidence.length <= 8) {
    return evidence.filter((e, i) => {
      for (let j = 0; j < i; j++) if (sameEvidence(evidence[j]!, e)) return false;
      return true;
    });
  }
  // A hub's finding cites the same clause object once per install: repeats of one object are dropped by
  // identity before a key is built for the rest.
  const objects = new Set<Evidence>();
  const seen = new Set<string>();
  return evidence.filter((e) => {
    if (objects.has(e)) return false;
    objects.add(e);
    const key = JSON.stringify([e.documentId, e.file, e.start, e.end, e.line, e.path, e.quote]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const jsonish = (v: unknown) => (v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v);
const sameField = (a: unknown, b: unknown) => jsonish(a) === jsonish(b);
function sameEvidence(a: Evidence, b: Evidence): boolean {
  return sameField(a.quote, b.quote) && sameField(a.line, b.line) && sameField(a.path, b.path) && sameField(a.start, b.start)
    && sameField(a.end, b.end) && sameField(a.documentId, b.documentId) && sameField(a.file, b.file);
}

function dedupeCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => (seen.has(c.ref) ? false : (seen.add(c.ref), true)));
}

function toFinding(rule: Rule, d: FindingDraft): Finding {
  const likelihood = round3(clamp01(d.likelihood));
  const impact = round3(clamp01(d.impact));
  return {
    id: `${rule.id}@${d.subject}`,
    ruleId: rule.id,
    kind: rule.kind,
    title: rule.title,
    severity: severityOf(likelihood, impact),
    likelihood,
    impact,
    subject: d.subject,
    systems: unique(d.systems),
    categories: [...unique(d.categories)].sort((x, y) => DATA_CATEGORIES.indexOf(x) - DATA_CATEGORIES.indexOf(y)),
    citations: dedupeCitations([...rule.citations, ...(d.citations ?? [])]),
    remediation: rule.remediation,
    evidence: dedupeEvidence(d.evidence),
    detail: d.detail,
    contribution: 0,
  };
}

// Three decimals: enough to rank, few enough that JSON output is stable and readable.
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Lenses in effect for a context: the requested one plus any the practice declares. */
export function activeLenses(ctx: Pick<RuleContext, 'lens' | 'graph'>): Lens[] {
  return unique<Lens>([ctx.lens, ...ctx.graph.practice.lenses]);
}

/** A run plus its score; findings carry their contribution; `points` explains each. */
export interface AuditResult extends RunResult {
  score: Score;
  points: FindingPoints[];
}

/** Triage decisions by stable finding id: mitigated and false-positive findings leave the score. */
export type TriageMap = ReadonlyMap<string, NonNullable<Finding['triage']>>;

/** Run the rules and score the findings: findings carry their `contribution` (and their triage, if any). */
export function runAudit(ctx: RuleContext, rules: readonly Rule[] = REGISTRY, triage?: TriageMap): AuditResult {
  const run = runRules(ctx, rules);
  const findings = triage?.size ? run.findings.map((f) => (triage.has(f.id) ? { ...f, triage: triage.get(f.id) } : f)) : run.findings;
  // Same inputs as scoreFindings(), without mutating: what-if compares two of these side by side.
  const scored = computeScore(findings, { lenses: activeLenses(ctx), systems: ctx.graph.systems.map((s) => s.id) });
  return { findings: scored.findings, errors: run.errors, score: scored.score, points: scored.points };
}
