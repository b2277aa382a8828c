import { sampleAuditReport } from '../../../../test/fixtures/reports/sample-audit-report.js';
import { unlinkedContracts } from './audit-input.js';

describe('contracts linked to no system, as custody audit names them on stderr', () => {
  it('names its vendor when the contract names one, and otherwise says no party it names matches, in one clause each', () => {
    const r = sampleAuditReport();
    expect(unlinkedContracts(r)).toEqual([]);
    const [named, unnamed] = r.documents.filter((d) => d.type === 'contract');
    delete named!.system;
    delete unnamed!.system;
    unnamed!.info = { ...unnamed!.info!, vendor: undefined };
    const [a, b] = unlinkedContracts(r);
    expect(a).toBe(`not linked: ${named!.file}: its vendor (${named!.info!.vendor}) matches no system, so its terms raise no finding; list it under documents: in custody.yaml with the system it covers`);
    expect(b).toBe(`not linked: ${unnamed!.file}: it names no vendor and none of its parties matches a system, so its terms raise no finding; list it under documents: in custody.yaml with the system it covers`);
  });
});
