import type { AuditReport } from './audit-report.js';
import type { Finding, TriageStatus } from './finding.js';

/** A finding present in both audits whose triage status differs: accepted, mitigated, reopened… */
export interface TriageChange {
  /** The finding as the later audit has it (its `triage` says who decided, when and why). */
  finding: Finding;
  before: TriageStatus;
  after: TriageStatus;
}

export interface AuditDiff {
  score: { before: number; after: number; delta: number };
  appeared: Finding[];
  disappeared: Finding[];
  /** Same finding id, different severity or categories. */
  changed: { before: Finding; after: Finding }[];
  /** Same finding id, different triage status: a decision taken between the two audits moves the score too. */
  triaged: TriageChange[];
}

const triageStatus = (f: Finding): TriageStatus => f.triage?.status ?? 'open';

/** What changed between two audits (two moments, or two runs): by stable finding id. */
export function diffAudits(before: Pick<AuditReport, 'score' | 'findings'>, after: Pick<AuditReport, 'score' | 'findings'>): AuditDiff {
  const a = new Map(before.findings.map((f) => [f.id, f]));
  const b = new Map(after.findings.map((f) => [f.id, f]));
  const changed = [...b.values()].flatMap((f) => {
    const prev = a.get(f.id);
    return prev && (prev.severity !== f.severity || prev.categories.join() !== f.categories.join()) ? [{ before: prev, after: f }] : [];
  });
  const triaged = [...b.values()].flatMap((f) => {
    const prev = a.get(f.id);
    return prev && triageStatus(prev) !== triageStatus(f) ? [{ finding: f, before: triageStatus(prev), after: triageStatus(f) }] : [];
  });
  return {
    score: { before: before.score.total, after: after.score.total, delta: Math.round((after.score.total - before.score.total) * 100) / 100 },
    appeared: [...b.values()].filter((f) => !a.has(f.id)),
    disappeared: [...a.values()].filter((f) => !b.has(f.id)),
    changed,
    triaged,
  };
}
