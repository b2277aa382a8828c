import type { Finding, Graph, Score } from '@custody/domain';
import type { Persistence } from '@custody/persistence';

/** Shared by the encryption-at-rest specs: a marker planted in stored text, and how to look for it. */
export const MARKER = 'ZQX-MARKER-7731-Jane-Roe';

/** Every byte Custody stored for documents, as the database holds it: what a stolen disk or dump shows. */
export async function storedBytes(p: Persistence): Promise<Buffer> {
  const rows: { b: Buffer | null }[] = await p.dataSource.query(`
    SELECT content AS b FROM blob
    UNION ALL SELECT convert_to(coalesce(analysis::text, ''), 'UTF8') || coalesce(analysis_sealed, ''::bytea) || coalesce(projection_sealed, ''::bytea) FROM document
    UNION ALL SELECT convert_to(coalesce(evidence::text, ''), 'UTF8') || coalesce(evidence_sealed, ''::bytea) FROM fact
    UNION ALL SELECT convert_to(coalesce(graph::text, ''), 'UTF8') || coalesce(graph_sealed, ''::bytea) FROM graph_projection
    UNION ALL SELECT convert_to(coalesce(name, '') || coalesce(data::text, ''), 'UTF8') FROM system_node
    UNION ALL SELECT convert_to(coalesce(data::text, ''), 'UTF8') FROM flow_edge
    UNION ALL SELECT convert_to(coalesce(data::text, ''), 'UTF8') || coalesce(data_sealed, ''::bytea) FROM finding
    UNION ALL SELECT convert_to(coalesce(data::text, '') || coalesce(rule_errors::text, ''), 'UTF8') || coalesce(data_sealed, ''::bytea) FROM score`);
  return Buffer.concat(rows.map((r) => r.b ?? Buffer.alloc(0)));
}

/** A graph, findings and a score that quote `quote`, in the shapes the projection and the rules write. */
export function readModelsQuoting(quote: string, systemId = 'system:vendor') {
  const evidence = [{ quote, file: 'baa.md' }];
  const graph = {
    practice: { name: 'Sealed Practice', lenses: ['default'], records: {} },
    systems: [{ id: systemId, name: 'Vendor', role: 'ai_notetaker', holds: [], settings: {}, contracts: [], evidence }],
    flows: [{ id: `practice->${systemId}`, from: 'practice', to: systemId, data: ['diagnosis'], transport: 'https', legalBasis: 'baa', evidence }],
    consents: [], redactions: [], identifiers: [], asOf: '2026-01-01',
  } as unknown as Graph;
  const finding = (id: string) => ({
    id, ruleId: id.split('@')[0], kind: 'contract_gap', title: 'Gap', severity: 'high', likelihood: 0.5, impact: 0.5, subject: systemId, systems: [systemId],
    categories: ['diagnosis'], citations: [], remediation: 'Fix it.', evidence, detail: quote, contribution: 1,
  }) as unknown as Finding;
  const score = { total: 42, nodes: { [systemId]: 42 }, contributions: [], lens: 'default' } as Score;
  return { graph, findings: [finding(`baa-missing@${systemId}`), finding(`retention@${systemId}`)], score, ruleErrors: [{ ruleId: 'r', message: `rule read ${quote}` }] };
}
