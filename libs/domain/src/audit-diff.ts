import type { AuditReport } from './audit-report.js';
import type { Finding } from './finding.js';

export interface AuditDiff {
  score: { before: number; after: number; delta: number };
  appeared: Finding[];
  disappeared: Finding[];
  /** Same finding id, different severity or categories. */
  changed: { before: Finding; after: Finding }[];
}

/** What changed between two audits (two moments, or two runs): by stable finding id. */
export function diffAudits(before: Pick<AuditReport, 'score' | 'findings'>, after: Pick<AuditReport, 'score' | 'findings'>): AuditDiff {
  const a = new Map(before.findings.map((f) => [f.id, f]));
  const b = new Map(after.findings.map((f) => [f.id, f]));
  const changed = [...b.values()].flatMap((f) => {
    const prev = a.get(f.id);
    return prev && (prev.severity !== f.severity || prev.categories.join() !== f.categories.join()) ? [{ before: prev, after: f }] : [];
  });
  return {
    score: { before: before.score.total, after: after.score.total, delta: Math.round((after.score.total - before.score.total) * 100) / 100 },
    appeared: [...b.values()].filter((f) => !a.has(f.id)),
    disappeared: [...a.values()].filter((f) => !b.has(f.id)),
    changed,
  };
}
