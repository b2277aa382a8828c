import type { Graph } from '@custody/domain';
import { projectGraph } from './index.js';
import { config, contract, factSet, manifest, STACK } from './testing/fixtures.js';

const basis = (g: Graph) => Object.fromEntries(g.flows.map((f) => [f.id, f.legalBasis]));

describe('projectGraph: legal basis', () => {
  const stack = manifest(STACK);

  it('is baa only while the receiver has an attached BAA in force', () => {
    const ch = (expires?: string) => contract('sha-ch', 'claimbridge.md', 'ClaimBridge', factSet({ baa_offered: 'yes' }), expires ? { expires } : {});
    expect(basis(projectGraph({ manifest: stack, contracts: [ch()], configs: [], asOf: '2026-03-01' }))['ehr->clearinghouse']).toBe('baa');
    // An agreement is good through its last day, and not a day after.
    expect(basis(projectGraph({ manifest: stack, contracts: [ch('2026-03-01')], configs: [], asOf: '2026-03-01T23:00:00Z' }))['ehr->clearinghouse']).toBe('baa');
    expect(basis(projectGraph({ manifest: stack, contracts: [ch('2026-02-28')], configs: [], asOf: '2026-03-01T00:00:00Z' }))['ehr->clearinghouse']).toBe('none_known');
    // One contract object projected at two moments (a projection remembers each contract's answer for its own asOf only).
    const one = ch('2026-03-01');
    expect(basis(projectGraph({ manifest: stack, contracts: [one], configs: [], asOf: '2026-03-01' }))['ehr->clearinghouse']).toBe('baa');
    expect(basis(projectGraph({ manifest: stack, contracts: [one], configs: [], asOf: '2026-03-02' }))['ehr->clearinghouse']).toBe('none_known');
    const terms = contract('sha-ch', 'claimbridge.md', 'ClaimBridge', factSet({ baa_offered: 'unspecified' }));
    expect(basis(projectGraph({ manifest: stack, contracts: [terms], configs: [], asOf: '2026-03-01' }))['ehr->clearinghouse']).toBe('none_known');
  });

  it('honours a legal basis the manifest declares', () => {
    const declared = manifest(STACK.replace('transport: sftp, purpose: payment', 'transport: sftp, purpose: payment, legal_basis: baa'));
    expect(basis(projectGraph({ manifest: declared, contracts: [], configs: [], asOf: '2026-03-01' }))['ehr->clearinghouse']).toBe('baa');
  });

  it('is authorization only when one unexpired consent to the receiver covers every category', () => {
    const at = (asOf: string) => basis(projectGraph({ manifest: stack, contracts: [], configs: [], asOf }))['ehr->employer'];
    expect(at('2026-06-30')).toBe('authorization');
    expect(at('2026-07-01')).toBe('none_known');
    const wider = manifest(STACK.replace('to: employer, data: [progress_notes], transport', 'to: employer, data: [progress_notes, diagnosis], transport'));
    expect(basis(projectGraph({ manifest: wider, contracts: [], configs: [], asOf: '2026-03-01' }))['ehr->employer']).toBe('none_known');
  });

  it('does not count a recording consent as an authorization to disclose', () => {
    const text = STACK.replace('purpose: return-to-work, expires: 2026-06-30', 'purpose: return-to-work, expires: 2026-06-30, type: recording');
    expect(basis(projectGraph({ manifest: manifest(text), contracts: [], configs: [], asOf: '2026-03-01' }))['ehr->employer']).toBe('none_known');
  });

  it('is tpo for payment data to a payer and for flows back to the practice or a clinician, not for a BA without a BAA', () => {
    const cfg = config('sha-cfg', 'c.json', {
      systems: [{ id: 'dr-lee', name: 'Dr. Lee', role: 'clinician' }],
      flows: [
        { from: 'ehr', to: 'dr-lee', data: ['progress_notes'], transport: 'https', evidence: [] },
        { from: 'ehr', to: 'practice', data: ['psychotherapy_notes'], transport: 'https', evidence: [] },
        { from: 'ehr', to: 'payer', data: ['progress_notes'], transport: 'https', evidence: [] },
      ],
    });
    const b = basis(projectGraph({ manifest: stack, contracts: [], configs: [cfg], asOf: '2026-03-01' }));
    expect(b['clearinghouse->payer']).toBe('tpo');
    expect(b['ehr->dr-lee']).toBe('tpo');
    expect(b['ehr->practice']).toBe('tpo');
    expect(b['ehr->payer']).toBe('none_known');
    expect(b['ehr->clearinghouse']).toBe('none_known');
    expect(b['practice->ehr']).toBe('none_known');
  });

  it('is deidentified only when nothing but deidentified data moves', () => {
    const text = STACK.replace('flows:\n', 'flows:\n  - { from: ehr, to: payer, data: [deidentified] }\n  - { from: ehr, to: employer, data: [deidentified, demographics] }\n');
    const g = projectGraph({ manifest: manifest(text), contracts: [], configs: [], asOf: '2026-09-01' });
    const ehrToPayer = g.flows.filter((f) => f.from === 'ehr' && f.to === 'payer');
    expect(ehrToPayer.map((f) => f.legalBasis)).toEqual(['deidentified']);
    expect(g.flows.filter((f) => f.from === 'ehr' && f.to === 'employer').map((f) => f.legalBasis)).toEqual(['none_known', 'none_known']);
  });
});
