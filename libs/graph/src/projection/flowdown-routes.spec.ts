import type { Graph } from '@custody/domain';
import { projectGraph } from './index.js';
import { config, contract, factSet, manifest } from './testing/fixtures.js';

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

  // One flow-down document two senders both hold binds the sub-processor for each sender's data: it is attached once
  // per sender, except for installs of one vendor, whose one contract already speaks for every install (governsSender).
  it('attaches a flow-down document once per sender that holds it, and once for all installs of one vendor', () => {
    const text = `practice: { name: P }
systems:
  - { id: ehr, name: Ledgerline Records, role: ehr, holds: [progress_notes] }
  - { id: ehr-portal, name: Ledgerline Records, role: billing_service, holds: [diagnosis] }
  - { id: dictate, name: Quillnote, role: ai_notetaker }
  - { id: host, name: Nimbus Hosting, role: cloud_storage }
flows:
  - { from: ehr, to: host, data: [progress_notes] }
  - { from: ehr-portal, to: host, data: [diagnosis] }
  - { from: dictate, to: host, data: [session_transcript] }
`;
    const g = projectGraph({ manifest: manifest(text), contracts: [flowdownBaa], configs: [], asOf: ASOF });
    const host = g.systems.find((s) => s.id === 'host')!;
    expect(host.contracts.map((c) => [c.documentId, c.via?.system])).toEqual([['sha-ehr-baa', 'ehr'], ['sha-ehr-baa', 'ehr-portal']]);
    expect(basis(g)).toMatchObject({ 'ehr->host': 'baa', 'ehr-portal->host': 'baa', 'dictate->host': 'none_known' });

    const fleet = config('sha-fleet', 'fleet.csv', {
      systems: [
        ...['a', 'b'].map((id) => ({ id: `install-${id}`, name: 'Ledgerline Records', role: 'ehr' as const, group: { vendor: 'Ledgerline Records', site: id }, evidence: [{ quote: `row ${id}`, line: 2 }] })),
        { id: 'host', name: 'Nimbus Hosting', role: 'cloud_storage' as const, evidence: [{ quote: 'host', line: 4 }] },
      ],
      flows: ['a', 'b'].map((id) => ({ from: `install-${id}`, to: 'host', data: ['progress_notes' as const], transport: 'https' as const, evidence: [{ quote: `sync ${id}`, line: 5 }] })),
    });
    const f = projectGraph({ contracts: [flowdownBaa], configs: [fleet], asOf: ASOF });
    expect(f.systems.find((s) => s.id === 'host')!.contracts.map((c) => [c.documentId, c.via?.system])).toEqual([['sha-ehr-baa', 'install-a']]);
    expect(basis(f)).toMatchObject({ 'install-a->host': 'baa', 'install-b->host': 'baa' });
  });
});
