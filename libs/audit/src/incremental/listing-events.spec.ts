import type { ParseResult } from '@custody/domain';
import { analyzeDocument } from '../analyze-document.js';
import type { AnalyzedDocument } from '../build-audit.js';
import { auditState, reaudit, type AuditInputs, type AuditState } from './incremental-audit.js';

/**
 * Targeted event orders for the carried sub-processor listings and the same-node rescore (review of the
 * incremental re-audit): a system renamed so it starts or stops matching a listed sub-processor, a name listed
 * by two vendors, a document removed, a system that becomes a scored node. Each state equals the full audit.
 */
const AS_OF = '2026-06-01T00:00:00.000Z';
const NOW = new Date(AS_OF);
const FLEET = [
  'install_id,clinician,site,vendor,version,recording,can_disable,audio_retention_days,transcript_retention_days,training,consent_capture,subprocessors,storage_region',
  'i-0,Dr 0,Oakland,Scribewell AI,1.0,always,true,0,30,prohibited,verbal,OpenAI;Deepgram,US',
  'i-1,Dr 1,Fresno,Echo Notes,1.0,per_session,true,0,30,prohibited,verbal,OpenAI,US',
  'i-2,Dr 2,Fresno,Echo Notes,1.0,per_session,true,0,30,allowed,none,Deepgram,EU',
].join('\n');

const config = (systems: { id: string; name: string; role: string; subprocessors?: string[] }[], flows: [string, string][]): ParseResult => ({
  format: 'json',
  systems: systems.map((s, i) => ({ id: s.id, name: s.name, role: s.role, holds: ['progress_notes'], settings: s.subprocessors ? { subprocessors: s.subprocessors } : undefined, evidence: [{ quote: `system ${s.id}`, line: i + 1 }] })),
  flows: flows.map(([from, to], i) => ({ from, to, data: ['progress_notes'], transport: 'https', evidence: [{ quote: `${from} -> ${to}`, line: 10 + i }] })),
  consents: [], redactions: [], identifiers: [],
}) as unknown as ParseResult;

function doc(n: number, parse: ParseResult, id = `doc-${n}`): AnalyzedDocument {
  return { id, sha256: `sha-${n}`, receivedAt: new Date(Date.parse(AS_OF) - 1e6 + n * 1000).toISOString(), status: 'processed', file: `${id}.json`, type: 'integration_config', analysis: { type: 'integration_config', parse } } as AnalyzedDocument;
}
const outcome = (s: AuditState) => ({ graph: s.graph, findings: s.evaluation.findings, score: s.evaluation.score, errors: s.evaluation.ruleErrors, nodes: Object.keys(s.evaluation.score.nodes) });

describe('incremental re-audit: sub-processor listings and scored nodes along targeted events', () => {
  let fleet: AnalyzedDocument;
  beforeAll(async () => {
    const r = await analyzeDocument(Buffer.from(FLEET), 'fleet.csv');
    fleet = { id: 'fleet', sha256: 'sha-fleet', receivedAt: new Date(Date.parse(AS_OF) - 2e6).toISOString(), file: 'fleet.csv', ...r } as AnalyzedDocument;
  }, 60_000);

  const vendor = (name: string, subprocessors?: string[]) => config([{ id: 'scribe', name: 'Scribewell AI', role: 'ai_notetaker', subprocessors }, { id: 'llm', name, role: 'llm_provider' }], [['practice', 'scribe'], ['scribe', 'llm']]);
  const steps: [string, (docs: AnalyzedDocument[]) => AnalyzedDocument[]][] = [
    ['a system named as a listed sub-processor arrives', (d) => [...d, doc(1, vendor('OpenAI', ['OpenAI']), 'cfg')]],
    ['renamed so it stops matching', (d) => d.map((x) => (x.id === 'cfg' ? doc(2, vendor('Granite Cloud', ['OpenAI']), 'cfg') : x))],
    ['renamed so it matches the other listed name', (d) => d.map((x) => (x.id === 'cfg' ? doc(3, vendor('Deepgram', ['OpenAI', 'Deepgram']), 'cfg') : x))],
    ['a second vendor lists the same name', (d) => [...d, doc(4, config([{ id: 'notes', name: 'Quillnote', role: 'ai_notetaker', subprocessors: ['Deepgram', 'OpenAI'] }], [['practice', 'notes']]), 'cfg2')]],
    ['a system becomes a scored node (a flow to it)', (d) => [...d, doc(5, config([{ id: 'tracker', name: 'Kestrel Analytics', role: 'analytics_tracker' }], [['practice', 'tracker'], ['notes', 'tracker']]), 'cfg3')]],
    ['the first vendor document removed', (d) => d.filter((x) => x.id !== 'cfg')],
    ['renamed back to a listed name after removal', (d) => [...d, doc(6, vendor('OpenAI, L.L.C.'), 'cfg')]],
    ['the fleet removed', (d) => d.filter((x) => x.id !== 'fleet')],
    ['the tracker document removed (a node goes)', (d) => d.filter((x) => x.id !== 'cfg3')],
  ];

  it('equals the full audit after each event, in order and in reverse order of the additions', () => {
    for (const order of [steps, [steps[3]!, steps[4]!, steps[0]!, steps[2]!, steps[1]!, steps[7]!, steps[5]!, steps[6]!, steps[8]!]]) {
      let inputs: AuditInputs = { documents: [fleet], asOf: AS_OF, now: NOW };
      let state = auditState(inputs);
      for (const [what, apply] of order) {
        inputs = { ...inputs, documents: apply(inputs.documents) };
        state = reaudit(state, inputs);
        // The path under review: the sub-processor rule re-run on the affected systems only.
        expect({ what, partial: state.stats.mode === 'incremental' && 'baa-chain-break' in state.stats.rulesPartial }).toEqual({ what, partial: true });
        expect({ what, ...outcome(state) }).toEqual({ what, ...outcome(auditState(inputs)) });
      }
    }
  });
});
