import { groupedGraph, toCytoscapeElements } from '@custody/graph';
import { lawEnforcementView } from '@custody/reports';
import { sampleAuditReport, sampleFleetAuditReport } from '../fixtures/reports/sample-audit-report.js';
import { holderNodeIds, postureByNode } from '../../apps/dashboard/src/law-enforcement-map.js';

const refs = (g: ReturnType<typeof groupedGraph>) => g.nodes.map((n) => ({ id: n.data.id, group: n.data.group }));

describe('law-enforcement holders on the map', () => {
  const report = sampleFleetAuditReport();
  const holders = lawEnforcementView(report).holders;
  const scribe = holders.find((h) => h.fleet?.vendor === 'ScribeWell AI')!;

  it('finds a fleet row\'s service and the groups its installs are drawn in, collapsed or opened', () => {
    const collapsed = groupedGraph(toCytoscapeElements(report));
    const groups = collapsed.groups.filter((g) => g.vendor === 'ScribeWell AI').map((g) => g.key);
    expect(groups).toHaveLength(2);
    expect(holderNodeIds(scribe, refs(collapsed)).sort()).toEqual(['scribe', ...groups].sort());
    const opened = groupedGraph(toCytoscapeElements(report), new Set(groups));
    const installs = report.systems.filter((s) => s.group).map((s) => s.id);
    expect(holderNodeIds(scribe, refs(opened)).sort()).toEqual(['scribe', ...installs].sort());
  });

  it('colours each drawn holder by its posture and leaves the systems that hold nothing plain', () => {
    const plain = sampleAuditReport();
    // A system on the map that nothing flows to and that holds nothing: not a holder.
    plain.systems.push({ id: 'idle', name: 'Idle Tool', role: 'other', holds: [], settings: {}, contracts: [], evidence: [] });
    const g = groupedGraph(toCytoscapeElements(plain));
    const by = postureByNode(lawEnforcementView(plain).holders, refs(g));
    expect(by.get('practice')).toBe('practice');
    expect(by.get('scribe')).toBe('any_legal_request');
    expect(by.get('ehr')).toBe('legal_process_with_notice');
    expect(by.get('payer')).toBe('no_contract');
    expect(g.nodes.some((n) => n.data.id === 'idle')).toBe(true);
    expect(by.has('idle')).toBe(false);
  });

  it('colours a holder whose contract has expired as having none in force', () => {
    const plain = sampleAuditReport();
    plain.systems.find((s) => s.id === 'ehr')!.contracts[0].expires = '2020-06-30';
    const by = postureByNode(lawEnforcementView(plain).holders, refs(groupedGraph(toCytoscapeElements(plain))));
    expect(by.get('ehr')).toBe('no_contract');
  });

  it('gives a node two holders meet in the weaker posture', () => {
    const g = groupedGraph(toCytoscapeElements(sampleAuditReport()));
    const base = { systems: ['ehr'], isPractice: false } as const;
    const by = postureByNode([{ ...base, posture: 'judicial_process_only' }, { ...base, posture: 'unspecified' }] as never, refs(g));
    expect(by.get('ehr')).toBe('unspecified');
  });
});
