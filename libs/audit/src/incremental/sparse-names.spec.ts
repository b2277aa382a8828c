import { PRACTICE_ID } from '@custody/domain';
import type { AnalyzedDocument } from '../build-audit.js';
import { AS_OF, config, ev, NOW } from './config-documents.testing.js';
import { auditState, reaudit, type AuditInputs } from './incremental-audit.js';

/**
 * Rules read by SPARSE_READS name, in their finding text, systems their records only point at (the ends of the
 * flow a credential authenticates, each system on a claims path): a rename of one of those, by a document that
 * changes nothing else the rule reads, must re-run the rule, as the full audit shows.
 */
// An earlier config calling a system by another name names it (the first name received stands): removing it renames the system.
const naming = (n: number, id: string, name: string, role: 'ehr' | 'clearinghouse') => config(n, { systems: [{ id, name, role, evidence: ev(`${id} ${name}`) }], flows: [] });
const detailOf = (s: ReturnType<typeof auditState>, ruleId: string) => s.evaluation.findings.find((f) => f.ruleId === ruleId)?.detail;

function expectRenamed(main: AnalyzedDocument, earlier: AnalyzedDocument, ruleId: string, before: string, after: string) {
  const base: AuditInputs = { documents: [earlier, main], asOf: AS_OF, now: NOW };
  const first = auditState(base);
  expect(detailOf(first, ruleId)).toContain(before);
  const next = reaudit(first, { ...base, documents: [main] });
  expect(detailOf(auditState(next.inputs), ruleId)).toContain(after);
  expect(next.stats.mode).toBe('incremental');
  expect(next.evaluation.findings).toEqual(auditState(next.inputs).evaluation.findings);
}

describe('a sparse rule naming systems its records point at', () => {
  it("re-runs secret-in-config when the authenticated flow's end is renamed", () => {
    const secret = config(1, {
      systems: [{ id: 'ehr', name: 'Echo Notes', role: 'ehr', evidence: ev('ehr') }],
      flows: [{ from: PRACTICE_ID, to: 'ehr', data: ['diagnosis'], transport: 'https', evidence: ev('practice -> ehr') }],
      redactions: [{ kind: 'password', path: 'db.password', line: 3, replacement: '***' }],
    });
    expectRenamed(secret, naming(0, 'ehr', 'Kinroom Health', 'ehr'), 'secret-in-config', '→ Kinroom Health.', '→ Echo Notes.');
  });

  it('re-runs claims-aggregation when a system in the middle of a claims path is renamed', () => {
    const claims = config(1, {
      systems: [
        { id: 'ch', name: 'Claimsway', role: 'clearinghouse', evidence: ev('ch') },
        { id: 'payer', name: 'Blue Payer', role: 'payer', evidence: ev('payer') },
        { id: 'broker', name: 'DataHarbor', role: 'data_broker', evidence: ev('broker') },
      ],
      flows: [
        { from: PRACTICE_ID, to: 'ch', data: ['claims'], transport: 'https', evidence: ev('practice -> ch') },
        { from: 'ch', to: 'payer', data: ['claims'], transport: 'https', evidence: ev('ch -> payer') },
        { from: 'payer', to: 'broker', data: ['claims'], transport: 'https', evidence: ev('payer -> broker') },
      ],
    });
    expectRenamed(claims, naming(0, 'ch', 'Claimsway Exchange', 'clearinghouse'), 'claims-aggregation', '→ Claimsway Exchange →', '→ Claimsway →');
  });
});
