import type { Graph } from '@custody/domain';
import { projectGraph } from './index.js';
import { contract, factSet, manifest } from './testing/fixtures.js';

const ASOF = '2026-03-01';
const basis = (g: Graph) => Object.fromEntries(g.flows.map((f) => [f.id, f.legalBasis]));
const flowdownBaa = contract('sha-ehr-baa', 'ehr-baa.md', 'Ledgerline Records', factSet({
  baa_offered: 'yes', subcontractor_flowdown: 'yes', subprocessors_named: ['Nimbus Hosting'], law_enforcement_disclosure: 'judicial_process_only',
}));

describe('projectGraph: a contract held through a sender\'s flow-down', () => {
  it('puts only that sender\'s flows under a BAA: another sender\'s data reaches the sub-processor under no contract', () => {
    const text = `practice: { name: P }
systems:
  - { id: ehr, name: Ledgerline Records, role: ehr, holds: [progress_notes] }
  - { id: dictate, name: Quillnote, role: ai_notetaker }
  - { id: host, name: Nimbus Hosting, role: cloud_storage }
flows:
  - { from: practice, to: ehr, data: [progress_notes] }
  - { from: ehr, to: host, data: [progress_notes] }
  - { from: dictate, to: host, data: [session_transcript] }
documents:
  - { file: docs/ehr-baa.md, system: ehr }
`;
    const g = projectGraph({ manifest: manifest(text), contracts: [flowdownBaa], configs: [], asOf: ASOF });
    expect(g.systems.find((s) => s.id === 'host')!.contracts.map((c) => c.via)).toEqual([{ system: 'ehr', relation: 'flowdown' }]);
    expect(basis(g)['ehr->host']).toBe('baa');
    // Quillnote's transcripts are not CarePath's: its flow-down does not bind the host for them.
    expect(basis(g)['dictate->host']).toBe('none_known');
  });

});
