import { compareFindings } from './finding.js';
import { groupFindings } from './group-findings.js';
import { fleetGroupOf } from './picture.js';
import { subjectSystems, SYSTEM_VIEW_INSTANCES, SYSTEM_VIEW_LIMIT, systemIndex } from './system-view.js';
import { fleetAuditReport } from '../../../test/fixtures/reports/fleet-audit-report.js';
import { sampleAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';

describe('a system view (GET /systems/:id)', () => {
  it('has the system, its flows and the findings charged to it worst first, with the names they mention', () => {
    const r = sampleAuditReport();
    const v = systemIndex(r).view('scribe')!;
    expect(v.system).toBe(r.systems.find((s) => s.id === 'scribe'));
    expect(v.group).toBeUndefined();
    const flows = r.flows.filter((f) => f.from === 'scribe' || f.to === 'scribe');
    expect(v.flows.map((f) => f.id).sort()).toEqual(flows.map((f) => f.id).sort());
    expect(v.flowTotal).toBe(flows.length);
    const charged = r.findings.filter((f) => f.systems.includes('scribe') || f.subject === 'system:scribe').sort(compareFindings);
    expect(charged.length).toBeGreaterThan(1);
    expect(v.findings.map((f) => f.id)).toEqual(charged.map((f) => f.id));
    expect(v.findingTotal).toBe(charged.length);
    // A path finding's hops are named (practice → scribe → nimbus), as are both ends of every flow.
    expect(v.names).toMatchObject({ scribe: 'ScribeWell AI', practice: 'Harborview Counseling', nimbus: 'Nimbus LLM API' });
    for (const f of flows) expect(v.names[f.from === 'scribe' ? f.to : f.from]).toBeDefined();
  });

  it('is undefined for a system the audit does not have', () => {
    expect(systemIndex(sampleAuditReport()).view('nowhere')).toBeUndefined();
  });

  it('cuts a shared system of a fleet to its worst findings and first flows, counting them all, and names an install\'s group', () => {
    const r = fleetAuditReport(300);
    // The practice: every install is fed from it.
    const hub = systemIndex(r).view('practice')!;
    const flows = r.flows.filter((f) => f.from === 'practice' || f.to === 'practice');
    expect(flows.length).toBeGreaterThan(SYSTEM_VIEW_LIMIT);
    expect(hub.flows).toHaveLength(SYSTEM_VIEW_LIMIT);
    expect(hub.flowTotal).toBe(flows.length);
    expect(hub.flows.map((f) => f.id)).toEqual(flows.map((f) => f.id).sort().slice(0, SYSTEM_VIEW_LIMIT));
    // Findings likewise: the worst SYSTEM_VIEW_LIMIT, and how many in all.
    const base = r.findings[0]!;
    const many = Array.from({ length: 150 }, (_, i) => ({ ...base, id: `x${String(i).padStart(3, '0')}`, severity: i % 3 ? 'low' as const : 'high' as const, subject: 'system:ehr', systems: ['ehr'] }));
    const ehr = systemIndex({ ...r, findings: many }).view('ehr')!;
    expect(ehr.findingTotal).toBe(150);
    expect(ehr.findings.map((f) => f.id)).toEqual([...many].sort(compareFindings).slice(0, SYSTEM_VIEW_LIMIT).map((f) => f.id));
    expect(ehr.findings.slice(0, 50).every((f) => f.severity === 'high')).toBe(true);
    const install = r.systems.find((s) => s.group)!;
    expect(systemIndex(r).view(install.id)!.group).toBe(fleetGroupOf(install.group!, install.name).key);
    // Grouped findings carry their first instances and how many they have, as the findings list's pages do.
    const grouped = { ...r, findings: groupFindings(r.findings, r.systems) };
    const wide = grouped.findings.find((f) => (f.instances?.length ?? 0) > SYSTEM_VIEW_INSTANCES)!;
    const member = wide.instances![0]!.system;
    const shown = systemIndex(grouped).view(member)!.findings.find((f) => f.id === wide.id)!;
    expect(shown.instances).toHaveLength(SYSTEM_VIEW_INSTANCES);
    expect(shown.instanceCount).toBe(wide.instances!.length);
  });

  it('reads the systems a subject names', () => {
    expect(subjectSystems('system:scribe')).toEqual(['scribe']);
    expect(subjectSystems('flow:ehr->sms')).toEqual(['ehr', 'sms']);
    // A second flow between the same two systems has its own id (`#2`): its ends are still the systems.
    expect(subjectSystems('flow:ehr->sms#2')).toEqual(['ehr', 'sms']);
    expect(subjectSystems('path:practice>scribe>subprocessor-deepgram')).toEqual(['practice', 'scribe', 'subprocessor-deepgram']);
    expect(subjectSystems('workspace')).toEqual([]);
  });
});
