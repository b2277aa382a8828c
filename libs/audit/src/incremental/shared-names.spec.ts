import { PRACTICE_ID } from '@custody/domain';
import { AS_OF, config, ev, NOW } from './config-documents.testing.js';
import { auditState, reaudit, type AuditInputs } from './incremental-audit.js';

/**
 * Finding text names a system by its name, and keeps its id only when another system shares the name: so a
 * finding's text reads the names of systems its rule does not otherwise read (a namesake anywhere in the graph).
 * The incremental re-audit must give the full audit's text when a namesake comes or goes far from the finding,
 * and when it judges a system on a subgraph that leaves the namesake out.
 */
const drive = (n: number, id: string, data: ('progress_notes' | 'diagnosis')[] = ['progress_notes']) => config(n, {
  systems: [{ id, name: 'Acme Drive', role: 'cloud_storage', evidence: ev(id) }],
  flows: [{ from: PRACTICE_ID, to: id, data, transport: 'https', evidence: ev(`practice -> ${id} ${data.join(' ')}`) }],
});
// Documents merge systems by name, except a fleet's installs: an install called like a system is its namesake.
const install = (n: number, name = 'Acme Drive') => config(n, {
  systems: [{ id: 'i-1', name, role: 'cloud_storage', group: { vendor: 'Acme', site: 'Oakland' }, evidence: ev('i-1') }],
  flows: [{ from: PRACTICE_ID, to: 'i-1', data: ['progress_notes'], transport: 'https', evidence: ev('practice -> i-1') }],
});
const missingBaa = (s: ReturnType<typeof auditState>, id: string) => s.evaluation.findings.find((f) => f.ruleId === 'missing-baa' && f.systems[0] === id)?.detail;

describe('finding text naming a system whose name another system shares', () => {
  it('changes where a namesake comes or goes elsewhere in the graph, as in the full audit', () => {
    const base: AuditInputs = { documents: [drive(1, 'drive-a')], asOf: AS_OF, now: NOW };
    const first = auditState(base);
    expect(missingBaa(first, 'drive-a')).toMatch(/^Acme Drive receives/);
    // An install called "Acme Drive", with no flow to or from the system: the first's finding now says which one it is.
    const shared = reaudit(first, { ...base, documents: [drive(1, 'drive-a'), install(2)] });
    expect(missingBaa(auditState(shared.inputs), 'drive-a')).toMatch(/^Acme Drive \(drive-a\) receives/);
    expect(shared.evaluation.findings).toEqual(auditState(shared.inputs).evaluation.findings);
    // And drops the id again once the namesake is gone.
    const alone = reaudit(shared, base);
    expect(missingBaa(alone, 'drive-a')).toMatch(/^Acme Drive receives/);
    expect(alone.evaluation.findings).toEqual(auditState(alone.inputs).evaluation.findings);
  });

  it('keeps the id when a re-run judges the system on a subgraph without its namesake', () => {
    const base: AuditInputs = { documents: [drive(1, 'drive-a'), install(2)], asOf: AS_OF, now: NOW };
    // A new flow into drive-a only: missing-baa runs again for drive-a alone, on a subgraph holding no install.
    const next = reaudit(auditState(base), { ...base, documents: [...base.documents, drive(3, 'drive-a', ['diagnosis'])] });
    expect(next.stats.mode).toBe('incremental');
    expect(next.stats.rulesPartial['missing-baa']).toBeGreaterThan(0);
    expect(missingBaa(next, 'drive-a')).toMatch(/^Acme Drive \(drive-a\) receives progress notes and diagnoses/);
    expect(next.evaluation.findings).toEqual(auditState(next.inputs).evaluation.findings);
  });

  it("drops the id from a namesake's finding when the other system is renamed, as in the full audit", () => {
    const base: AuditInputs = { documents: [drive(1, 'drive-a'), install(2)], asOf: AS_OF, now: NOW };
    const first = auditState(base);
    expect(missingBaa(first, 'i-1')).toMatch(/^Acme Drive \(i-1\) receives/);
    const next = reaudit(first, { ...base, documents: [drive(1, 'drive-a'), { ...install(2, 'Acme Drive Oakland'), sha256: 'sha-2b' }] });
    expect(missingBaa(auditState(next.inputs), 'drive-a')).toMatch(/^Acme Drive receives/);
    expect(missingBaa(next, 'i-1')).toMatch(/^Acme Drive Oakland receives/);
    expect(next.evaluation.findings).toEqual(auditState(next.inputs).evaluation.findings);
  });
});
