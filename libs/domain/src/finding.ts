import type { Evidence } from './evidence.js';
import { PRACTICE_ID, type GraphFlow, type GraphSystem } from './graph.js';
import { cmp } from './collections.js';
import { severityRank, type DataCategory, type FindingKind, type Severity } from './taxonomy.js';

export interface Citation {
  /** e.g. `45 CFR 164.502(e)` */
  ref: string;
  title?: string;
  url?: string;
}

/** A subject is a node (`system:ehr`), an edge (`flow:ehr->clearinghouse`) or a path (`path:a>b>c`). */
export type Subject = string;

export const TRIAGE_STATUSES = ['open', 'accepted', 'mitigated', 'false_positive'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

export interface Finding {
  /** Stable: `ruleId@subject`, so triage survives re-runs. */
  id: string;
  ruleId: string;
  kind: FindingKind;
  title: string;
  severity: Severity;
  likelihood: number;
  impact: number;
  subject: Subject;
  /** Systems the finding's exposure is charged to in the score. */
  systems: string[];
  categories: DataCategory[];
  citations: Citation[];
  remediation: string;
  evidence: Evidence[];
  detail: string;
  /** Points the workspace score drops by when this finding alone is fixed (mitigated, or its cause removed). */
  contribution: number;
  triage?: { status: TriageStatus; reason?: string; by?: string; at?: string };
  /**
   * Set on a finding that stands for the same problem on many fleet installs of one vendor (see
   * `groupFindings`): each install's own subject, site and evidence. The finding counts once in the score.
   */
  instances?: FindingInstance[];
  /**
   * Set on a finding about a template's clauses ({@link GraphSystem.template}: a BAA whose party's name is left blank).
   * It says what the clauses allow whoever signs them, so the report shows it as the template's review, but it rates
   * no vendor: it adds nothing to the score, as a vendor's findings beside it in the same folder are scored alone.
   */
  template?: true;
}

/** One place a grouped finding occurs: an install (its subject and system), where it sits, and the proof. */
export interface FindingInstance {
  subject: Subject;
  system: string;
  site?: string;
  severity: Severity;
  evidence: Evidence[];
}

export interface ScoreContribution {
  findingId: string;
  system: string;
  points: number;
}

export interface Score {
  /** Workspace exposure, 0–100. */
  total: number;
  /** Per-system exposure, 0–100. */
  nodes: Record<string, number>;
  contributions: ScoreContribution[];
  lens: string;
  /**
   * Points of `total` that no single fix removes: the total less every finding's `contribution` (what fixing
   * it alone takes off). Findings overlap because the total is bounded; see libs/rules/SCORE.md §4.
   */
  overlap?: number;
}

/**
 * Whether triage clears a finding: false positives and mitigated findings leave the score and the map;
 * accepted risks still count. The one definition for score, reports and the graph view.
 */
export function isTriageCleared(f: { triage?: { status: TriageStatus } }): boolean {
  return f.triage?.status === 'false_positive' || f.triage?.status === 'mitigated';
}

/** Whether a finding adds to the score: not triaged away, and not a template's review ({@link Finding.template}). */
export function isScored(f: { triage?: { status: TriageStatus }; template?: true }): boolean {
  return f.template !== true && !isTriageCleared(f);
}

/** Triage decisions by stable finding id: mitigated and false-positive findings leave the score. */
export type TriageMap = ReadonlyMap<string, NonNullable<Finding['triage']>>;

/** What {@link markTemplateFindings} reads of a graph: its systems (which are templates, whose contracts) and its flows. */
export interface TemplateGraph {
  systems: readonly Pick<GraphSystem, 'id' | 'role' | 'template' | 'contracts'>[];
  flows: readonly Pick<GraphFlow, 'from' | 'to'>[];
}

/**
 * A run's findings as every audit hands them on (the full audit's runAudit and the incremental re-audit's compose): each
 * carrying its triage decision, if any, then marked when it is a template's review ({@link markTemplateFindings}). The
 * same array when there is no decision and no template.
 */
export function applyTriageAndTemplates<F extends TemplatedFinding & Pick<Finding, 'id' | 'triage'>>(findings: F[], triage: TriageMap | undefined, graph: TemplateGraph): F[] {
  const triaged = triage?.size ? findings.map((f) => (triage.has(f.id) ? { ...f, triage: triage.get(f.id) } : f)) : findings;
  return markTemplateFindings(triaged, graph);
}

type TemplatedFinding = Pick<Finding, 'systems' | 'evidence' | 'template'> & { instances?: readonly Pick<FindingInstance, 'system' | 'evidence'>[] };

/**
 * Marks the findings that are a template's review ({@link Finding.template}): the same array when the graph has no
 * template (an audit of declared systems, a named vendor's assessment), so those are untouched.
 *
 * A finding is the template's only when nothing else stands behind it: every system it is charged to, the practice's
 * own aside, is a template or a system only templates reach ({@link templateOnlySystems}), and every clause it cites
 * is in a template's own document. So a real vendor's finding is never hidden because a template sits in the same
 * folder: one charged to a real vendor counts even when the clause it cites is the template's (its own silence may be
 * the other half of it, which cites nothing), and one citing a real vendor's document counts whoever it is charged to.
 * A sub-processor both a template and a real vendor name is the real vendor's too, so its findings count.
 */
export function markTemplateFindings<F extends TemplatedFinding>(findings: F[], graph: TemplateGraph): F[] {
  if (!graph.systems.some((s) => s.template)) return findings;
  const only = templateOnlySystems(graph);
  const documents = new Set<string>();
  for (const s of graph.systems) if (s.template) for (const c of s.contracts) if (!c.via) documents.add(c.documentId);
  const practiceSide = new Set(graph.systems.filter(isPracticeSide).map((s) => s.id)).add(PRACTICE_ID);
  const templateCharged = (ids: readonly string[]) => {
    let charged = false;
    for (const id of ids) {
      if (practiceSide.has(id)) continue;
      if (!only.has(id)) return false;
      charged = true;
    }
    return charged;
  };
  const templateCited = (evidence: readonly Evidence[]) => evidence.every((e) => e.documentId !== undefined && documents.has(e.documentId));
  const review = (f: F) =>
    templateCharged(f.systems) && templateCited(f.evidence) && (f.instances ?? []).every((i) => templateCharged([i.system]) && templateCited(i.evidence));
  return findings.map((f) => (f.template || !review(f) ? f : { ...f, template: true as const }));
}

/**
 * The templates and the systems only they reach: a system of no contract of its own (a sub-processor only a template's
 * clauses name, bound by nothing else than the template's flow-down) whose every inbound flow comes from one of these.
 * Not the practice's side, where PHI starts.
 */
export function templateOnlySystems(graph: TemplateGraph): Set<string> {
  const only = new Set<string>();
  const inbound = new Map<string, string[]>();
  for (const f of graph.flows) {
    const list = inbound.get(f.to);
    if (list) list.push(f.from);
    else inbound.set(f.to, [f.from]);
  }
  const candidates = graph.systems.filter((s) => {
    if (s.template) only.add(s.id);
    return !s.template && !isPracticeSide(s) && inbound.has(s.id) && s.contracts.every((c) => c.via);
  });
  // A chain of them (template → its sub-processor → that one's own) is reached a link per pass.
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of candidates) {
      if (only.has(s.id) || !inbound.get(s.id)!.every((from) => only.has(from))) continue;
      only.add(s.id);
      grew = true;
    }
  }
  return only;
}

/**
 * What one template's review covers: the template and the systems only templates reach that it sends to, directly or
 * down a chain of them (a sub-processor its sub-contractor clause names), so its findings are counted as its own.
 */
export function templateReach(graph: TemplateGraph, template: string): Set<string> {
  const only = templateOnlySystems(graph);
  const reach = new Set<string>([template]);
  for (const at of reach) for (const f of graph.flows) if (f.from === at && only.has(f.to)) reach.add(f.to);
  return reach;
}

const isPracticeSide = (s: Pick<GraphSystem, 'id' | 'role'>): boolean => s.id === PRACTICE_ID || s.role === 'practice' || s.role === 'clinician';

/**
 * The order findings are listed in everywhere (an audit run, the stored read model): worst severity first,
 * then by id, so a report built from storage lists them as a fresh evaluation does.
 */
export function compareFindings(a: Pick<Finding, 'severity' | 'id'>, b: Pick<Finding, 'severity' | 'id'>): number {
  return severityRank(b.severity) - severityRank(a.severity) || cmp(a.id, b.id);
}

/**
 * Sorts `findings` in place by {@link compareFindings}, as `findings.sort(compareFindings)` would (stably):
 * by severity into a list each, then each list by id. A run's findings come rule by rule, each rule's in id
 * order, so a severity's list is a few ascending runs the sort merges; sorted whole, the severities interleave
 * and break those runs (a 100,000-system manifest's 236,000 findings took ~4 million comparisons).
 */
export function sortFindings<T extends Pick<Finding, 'severity' | 'id'>>(findings: T[]): T[] {
  const bySeverity = new Map<number, T[]>();
  for (const f of findings) {
    const rank = severityRank(f.severity);
    const list = bySeverity.get(rank);
    if (list) list.push(f);
    else bySeverity.set(rank, [f]);
  }
  let at = 0;
  for (const rank of [...bySeverity.keys()].sort((a, b) => b - a)) {
    for (const f of bySeverity.get(rank)!.sort(byId)) findings[at++] = f;
  }
  return findings;
}

const byId = (a: Pick<Finding, 'id'>, b: Pick<Finding, 'id'>): number => cmp(a.id, b.id);
