import { PRACTICE_ID, type Graph, type ParseResult } from '@custody/domain';
import type { AnalyzedDocument } from '../build-audit.js';
import { auditState, reaudit, type AuditInputs } from './incremental-audit.js';

/**
 * A graph read back from the store (or another worker's) is compared with the previous one record by record, by
 * id. Two flows under one id cannot be compared that way: removing the first of them leaves the id's last
 * record equal, so the comparison saw no change and the re-audit kept the removed flow's findings (found by the
 * review of the patched rule index). Such graphs are audited in full.
 */
const AS_OF = '2026-06-01T00:00:00.000Z';
const NOW = new Date(AS_OF);
const ev = (quote: string) => [{ quote, line: 1 }];

function config(parse: Omit<ParseResult, 'format' | 'redactions'>): AnalyzedDocument {
  return {
    id: 'doc-1', sha256: 'sha-1', file: 'config-1.json', receivedAt: new Date(Date.parse(AS_OF) - 1e6).toISOString(),
    status: 'processed', type: 'integration_config', analysis: { type: 'integration_config', parse: { format: 'json', redactions: [], ...parse } },
  };
}

describe('re-audit of a graph whose records share an id', () => {
  const doc = config({
    systems: [
      { id: 'ehr', name: 'CarePath EHR', role: 'ehr', evidence: ev('ehr') },
      { id: 'llm', name: 'OpenAI', role: 'llm_provider', evidence: ev('llm') },
    ],
    flows: [{ from: PRACTICE_ID, to: 'ehr', data: ['progress_notes'], transport: 'https', evidence: ev('practice -> ehr') }],
  });
  const inputs: AuditInputs = { documents: [doc], asOf: AS_OF, now: NOW };
  const onLlm = (g: ReturnType<typeof auditState>) => g.evaluation.findings.filter((f) => f.systems.includes('llm')).map((f) => f.ruleId);

  it('equals the full audit after the first of two flows under one id is removed', () => {
    const clean: Graph = structuredClone(auditState(inputs).graph);
    const original = clean.flows.find((f) => f.to === 'ehr')!;
    // The same id twice: a copy sending notes to the LLM provider first, the original after it.
    const doubled: Graph = { ...structuredClone(clean), flows: [{ ...structuredClone(original), to: 'llm', data: ['psychotherapy_notes'] }, ...structuredClone(clean.flows)] };
    const prev = auditState(inputs, doubled);
    expect(onLlm(prev).length).toBeGreaterThan(0); // the doubled flow does reach the LLM provider
    const next = reaudit(prev, inputs, structuredClone(clean));
    const full = auditState(inputs, structuredClone(clean));
    expect(onLlm(full)).toEqual([]);
    expect(next.evaluation.findings).toEqual(full.evaluation.findings);
    expect(next.evaluation.score).toEqual(full.evaluation.score);
    expect(next.stats).toMatchObject({ mode: 'full' });
  });

  it('still re-audits incrementally when ids are unique', () => {
    const clean: Graph = structuredClone(auditState(inputs).graph);
    const prev = auditState(inputs, clean);
    const moved: Graph = structuredClone(clean);
    moved.flows[0] = { ...moved.flows[0]!, data: ['progress_notes', 'diagnosis'] };
    const next = reaudit(prev, inputs, moved);
    expect(next.stats.mode).toBe('incremental');
    expect(next.evaluation.findings).toEqual(auditState(inputs, structuredClone(moved)).evaluation.findings);
  });
});
