import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '@custody/domain';
import { analyzeDocument } from '../analyze-document.js';
import { evaluateGraph, type AnalyzedDocument } from '../build-audit.js';
import { auditState, reaudit, type AuditInputs, type AuditState } from './incremental-audit.js';

/**
 * An audit scores findings it owns (runAudit writes `contribution` onto its run's findings; the re-audit's
 * scoring copies): no later audit, re-audit or re-scoring of the same findings may change an earlier
 * result or the memo the next re-audit starts from (review of merge 4c4da79).
 */
const AS_OF = '2026-06-01T00:00:00.000Z';
const NOW = new Date(AS_OF);
const EXAMPLE = join(process.cwd(), 'examples/harborview-counseling');

describe('scored findings are not shared between audits', () => {
  let documents: AnalyzedDocument[] = [];
  beforeAll(async () => {
    const files = ['configs', 'docs'].flatMap((d) => readdirSync(join(EXAMPLE, d)).sort().map((f) => join(d, f)));
    documents = await Promise.all(files.map(async (f, n) => {
      const r = await analyzeDocument(readFileSync(join(EXAMPLE, f)), f.split('/').pop()!);
      return { id: `doc-${n}`, file: f.split('/').pop()!, sha256: `sha-${n}`, receivedAt: AS_OF, ...r } as AnalyzedDocument;
    }));
  }, 120_000);

  const outcome = (s: AuditState) => structuredClone({ findings: s.evaluation.findings, score: s.evaluation.score, scoring: s.scoring?.result });

  it('re-auditing (triage, unchanged, a document removed) and full audits of the same graph leave earlier states as they were', () => {
    const inputs: AuditInputs = { documents, asOf: AS_OF, now: NOW };
    const first = auditState(inputs);
    const kept = outcome(first);
    expect(first.evaluation.findings.length).toBeGreaterThan(5);
    const target = first.evaluation.findings.find((f) => f.contribution > 0)!;
    const triage = new Map([[target.id, { status: 'mitigated' as const, reason: 'r', by: 't', at: AS_OF }]]);
    const triaged = reaudit(first, { ...inputs, triage });
    expect(triaged.stats.mode).toBe('rescore');
    const keptTriaged = outcome(triaged);
    const again = reaudit(triaged, { ...inputs, triage });
    expect(again.stats.mode).toBe('unchanged');
    const back = reaudit(again, inputs);
    const fewer = reaudit(back, { ...inputs, documents: documents.slice(1) });
    // Full audits of the same graph, with and without the triage, twice each.
    const full = [0, 1].flatMap(() => [evaluateGraph(first.graph, { now: NOW }), evaluateGraph(first.graph, { now: NOW, triage })]);
    expect(outcome(first)).toEqual(kept);
    expect(outcome(triaged)).toEqual(keptTriaged);
    expect(outcome(back)).toEqual(kept);
    expect(full[0]!.findings).toEqual(kept.findings);
    expect(full[2]!.findings).toEqual(kept.findings);
    expect(full[1]!.findings).toEqual(keptTriaged.findings);
    expect(full[3]!.score).toEqual(keptTriaged.score);
    // runAudit scores its run's findings in place: a full audit's findings are no other result's.
    const others = new Set<Finding>([first, triaged, again, back, fewer].flatMap((s) => s.evaluation.findings));
    for (const e of full) {
      for (const f of e.findings) expect({ id: f.id, shared: others.has(f) }).toEqual({ id: f.id, shared: false });
      for (const f of e.findings) others.add(f);
    }
  });
});
