import type { Evidence } from './evidence.js';
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

/**
 * Marks the findings that land on a template's system ({@link Finding.template}): the same array when the graph has
 * no template (an audit of declared systems, a named vendor's assessment), so those are untouched.
 */
export function markTemplateFindings<F extends Pick<Finding, 'systems' | 'template'>>(findings: F[], systems: readonly { id: string; template?: true }[]): F[] {
  let templates: Set<string> | undefined;
  for (const s of systems) if (s.template) (templates ??= new Set()).add(s.id);
  if (!templates) return findings;
  const t = templates;
  return findings.map((f) => (f.template || !f.systems.some((id) => t.has(id)) ? f : { ...f, template: true as const }));
}

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
