import { projectGraphWithReport } from './index.js';
import { contract, factSet, manifest, STACK } from './testing/fixtures.js';

const ASOF = '2026-03-01T00:00:00Z';

/** A person's link (DocumentLinked) decides which system a contract speaks for, over names and the manifest. */
describe('projectGraph: contracts people linked to systems', () => {
  const baa = contract('sha-mystery', 'scanned-agreement.pdf', 'Acme Transcription LLC', factSet({ baa_offered: 'yes' }));
  const contractsOf = (r: ReturnType<typeof projectGraphWithReport>, id: string) => r.graph.systems.find((s) => s.id === id)!.contracts.map((c) => c.documentId);

  it('attaches a contract that matched no system to the system it was linked to', () => {
    const before = projectGraphWithReport({ manifest: manifest(STACK), contracts: [baa], configs: [], asOf: ASOF });
    expect(before.unattached).toEqual(['sha-mystery']);
    expect(before.warnings).toContain('scanned-agreement.pdf: not attached to any system (names: Acme Transcription LLC)');
    const after = projectGraphWithReport({ manifest: manifest(STACK), contracts: [baa], configs: [], asOf: ASOF, links: { 'sha-mystery': 'scribe' } });
    expect(after.unattached).toEqual([]);
    expect(contractsOf(after, 'scribe')).toEqual(['sha-mystery']);
  });

  it('wins over the manifest\'s documents list and over party names', () => {
    const listed = contract('sha-upheal', 'docs/upheal-baa.pdf', 'CarePath EHR', factSet({ baa_offered: 'yes' }));
    const r = projectGraphWithReport({ manifest: manifest(STACK), contracts: [listed], configs: [], asOf: ASOF, links: { 'sha-upheal': 'clearinghouse' } });
    expect(contractsOf(r, 'clearinghouse')).toEqual(['sha-upheal']);
    expect(contractsOf(r, 'scribe')).toEqual([]);
    expect(contractsOf(r, 'ehr')).toEqual([]);
  });

  it('a link to a system that is gone leaves the contract unattached, with a warning that says so (no guess)', () => {
    const r = projectGraphWithReport({ manifest: manifest(STACK), contracts: [baa], configs: [], asOf: ASOF, links: { 'sha-mystery': 'retired-vendor' } });
    expect(r.unattached).toEqual(['sha-mystery']);
    expect(r.warnings).toContain('scanned-agreement.pdf: linked to retired-vendor, which is not a system of this workspace');
  });
});
