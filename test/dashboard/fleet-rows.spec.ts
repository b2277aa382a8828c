import { groupedGraph, toCytoscapeElements } from '@custody/graph';
import { fleetAuditReport } from '../fixtures/reports/fleet-audit-report.js';
import { fleetRows } from '../../apps/dashboard/src/fleet-panel.js';

describe('Fleet tab rows', () => {
  it('lists the most exposed groups first, then those reaching the most installs, as the agency triages them', () => {
    // Groups of different sizes: every group but the last by name loses half its installs.
    const report = fleetAuditReport(600);
    const last = [...new Set(report.systems.filter((s) => s.group).map((s) => `${s.group!.vendor}@${s.group!.site}`))].sort().at(-1)!;
    const seen = new Map<string, number>();
    const dropped = new Set(report.systems.filter((s) => {
      const key = s.group ? `${s.group.vendor}@${s.group.site}` : '';
      if (!s.group || key === last) return false;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      return seen.get(key)! % 2 === 0;
    }).map((s) => s.id));
    report.systems = report.systems.filter((s) => !dropped.has(s.id));
    report.flows = report.flows.filter((f) => !dropped.has(f.from) && !dropped.has(f.to));
    report.findings = report.findings.map((f) => ({ ...f, systems: f.systems.filter((id) => !dropped.has(id)) }));
    const rows = fleetRows(groupedGraph(toCytoscapeElements(report)));
    expect(rows.length).toBeGreaterThan(2);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      expect(a.worst.score > b.worst.score || (a.worst.score === b.worst.score && (a.installs > b.installs || (a.installs === b.installs && a.label.localeCompare(b.label) <= 0)))).toBe(true);
    }
    // Name order is not it: the largest group is last by name.
    const byName = [...rows].sort((a, b) => a.label.localeCompare(b.label));
    expect(rows.map((r) => r.key)).not.toEqual(byName.map((r) => r.key));
  });
});
