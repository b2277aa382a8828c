import { projectGraph } from './index.js';
import { config, contract, factSet, manifest, STACK, vendors } from './testing/fixtures.js';
import type { ProjectionInput } from './types.js';

function input(order: 'forward' | 'reverse'): ProjectionInput {
  const contracts = [
    contract('sha-a', 'upheal-baa.pdf', 'Upheal', factSet({ baa_offered: 'yes', subprocessors_named: ['Google Cloud'] })),
    contract('sha-b', 'claimbridge.md', 'ClaimBridge', factSet({ baa_offered: 'yes', subprocessors_named: ['Meridian Data'] })),
    contract('sha-c', 'carepath.md', 'CarePath EHR', factSet({ baa_offered: 'no' })),
  ];
  const configs = [
    config('sha-x', 'intake.json', {
      systems: [{ id: 'openai', name: 'OpenAI', role: 'llm_provider', hosts: ['api.openai.com'], settings: { storage_region: 'US' } }],
      flows: [{ from: 'practice', to: 'openai', data: ['immigration_status', 'contact'], transport: 'https', evidence: [{ quote: 'url', line: 4 }] }],
      redactions: [{ kind: 'api_key', path: 'nodes[1].headers.Authorization', line: 12, replacement: '***' }],
    }),
    config('sha-y', 'research.csv', {
      // Same host as intake.json's system, different name and settings: the merge must not depend on order.
      systems: [{ id: 'uni', name: 'State University', role: 'research' }, { id: 'llm', name: 'OpenAI API', role: 'other', hosts: ['API.openai.com'], settings: { storage_region: 'EU' } }],
      flows: [{ from: 'ehr', to: 'uni', data: ['deidentified'], transport: 'sftp', evidence: [{ quote: 'export', line: 1 }] }],
      identifiers: [{ field: 'zip', identifier: 'geographic_subdivision', evidence: { quote: 'zip', line: 1 } }],
      consents: [{ to: 'State University', data: ['deidentified'], purpose: 'study', expires: '2027-01-01' }],
    }),
    config('sha-z', 'fleet.csv', {
      systems: [{ id: 'i-1', name: 'Upheal', role: 'ai_notetaker', group: { vendor: 'Upheal', site: 'A' }, settings: { recording: 'always' }, evidence: [{ quote: 'row', line: 2 }] }],
    }),
  ];
  const flip = <T>(l: T[]) => (order === 'forward' ? l : [...l].reverse());
  return { manifest: manifest(STACK), contracts: flip(contracts), configs: flip(configs), asOf: '2026-03-01', resolveVendor: vendors };
}

describe('projectGraph: outputs', () => {
  it('gives byte-identical JSON whatever order documents arrive in', () => {
    const a = JSON.stringify(projectGraph(input('forward')));
    const b = JSON.stringify(projectGraph(input('reverse')));
    expect(b).toBe(a);
    const g = JSON.parse(a);
    expect(g.systems.length).toBeGreaterThan(8);
    expect(g.systems.filter((s: { name: string }) => s.name.startsWith('OpenAI'))).toEqual([expect.objectContaining({ id: 'openai', role: 'llm_provider', settings: { storage_region: 'US' } })]);
    expect(g.flows.map((f: { id: string }) => f.id)).toEqual([...g.flows.map((f: { id: string }) => f.id)].sort());
  });

  it('keeps a flow id when an unrelated flow is added', () => {
    const before = projectGraph(input('forward')).flows.map((f) => f.id);
    const more = input('forward');
    more.configs.push(config('sha-0', 'extra.json', { flows: [{ from: 'ehr', to: 'payer', data: ['claims'], transport: 'https', evidence: [] }] }));
    const after = projectGraph(more).flows.map((f) => f.id);
    expect(after.filter((id) => id !== 'ehr->payer')).toEqual(before);
  });

  it('carries config redactions, identifiers (with their recipient) and consents into the graph', () => {
    const g = projectGraph(input('forward'));
    expect(g.redactions).toEqual([{ documentId: 'sha-x', file: 'intake.json', kind: 'api_key', path: 'nodes[1].headers.Authorization', line: 12 }]);
    expect(g.identifiers).toEqual([
      { documentId: 'sha-y', file: 'research.csv', system: 'uni', field: 'zip', identifier: 'geographic_subdivision', evidence: { quote: 'zip', line: 1, documentId: 'sha-y', file: 'research.csv' } },
    ]);
    expect(g.consents.map((c) => [c.to, c.purpose])).toEqual([['employer', 'return-to-work'], ['uni', 'study']]);
  });

  it('sends the sub-processor edges of a clearinghouse the sensitive claims data it receives', () => {
    const g = projectGraph(input('forward'));
    expect(g.flows.find((f) => f.id === 'clearinghouse->meridian-data')?.data).toEqual(['diagnosis', 'claims']);
    expect(g.flows.find((f) => f.id === 'scribe->google-cloud')?.data).toEqual(['session_recording', 'session_transcript']);
    expect(g.systems.find((s) => s.id === 'scribe')?.contracts.map((c) => c.documentId)).toEqual(['sha-a']);
  });
});
