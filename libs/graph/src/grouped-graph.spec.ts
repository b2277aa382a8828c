import { InvalidInputError } from '@custody/domain';
import { fleetAuditReport, installGroup } from '../../../test/fixtures/reports/fleet-audit-report.js';
import { sampleAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { toCytoscapeElements } from './cytoscape-elements.js';
import { collapseFleet } from './fleet-view.js';
import { groupedGraph, MAX_EXPANDED, parseExpand } from './grouped-graph.js';

describe('groupedGraph (the map the dashboard draws first)', () => {
  const INSTALLS = 400;
  const fleet = toCytoscapeElements(fleetAuditReport(INSTALLS));
  const plain = toCytoscapeElements(sampleAuditReport());

  it('collapses installs into one node per vendor + site and lists the groups with their install counts', () => {
    const g = groupedGraph(fleet);
    // 2 vendors × 5 sites, on top of the practice's own systems.
    expect(g.groups).toHaveLength(10);
    expect(g.groups.reduce((n, x) => n + x.installs, 0)).toBe(INSTALLS);
    expect(g.nodes).toHaveLength(plain.nodes.length + 10);
    expect(g.nodes.filter((n) => n.classes.includes('fleet-group')).map((n) => n.data.id).sort()).toEqual(g.groups.map((x) => x.key).sort());
    const oakland = g.groups.find((x) => x.vendor === 'ScribeWell AI' && x.site === 'Oakland')!;
    expect(oakland).toMatchObject({ label: `ScribeWell AI · Oakland (${INSTALLS / 10} installs)`, expanded: false });
    // No install is drawn, and every edge joins drawn nodes.
    const ids = new Set(g.nodes.map((n) => n.data.id));
    expect(g.nodes.some((n) => n.data.id.startsWith('install-'))).toBe(false);
    expect(g.edges.every((e) => ids.has(e.data.source) && ids.has(e.data.target))).toBe(true);
  });

  it('positions every node, left to right from the practice, without two nodes on one spot', () => {
    const g = groupedGraph(fleet);
    const practice = g.nodes.find((n) => n.data.role === 'practice')!;
    expect(g.nodes.every((n) => Number.isFinite(n.position.x) && Number.isFinite(n.position.y))).toBe(true);
    expect(g.nodes.every((n) => n === practice || n.position.x > practice.position.x)).toBe(true);
    expect(new Set(g.nodes.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(g.nodes.length);
  });

  it('draws an expanded group as its installs (and only that group)', () => {
    const key = groupedGraph(fleet).groups.find((x) => x.vendor === 'Murmur Notes' && x.site === 'Fresno')!.key;
    const g = groupedGraph(fleet, new Set([key]));
    const members = fleet.nodes.filter((n) => n.data.group?.vendor === 'Murmur Notes' && n.data.group.site === 'Fresno');
    expect(members.length).toBe(Array.from({ length: INSTALLS }, (_, i) => installGroup(i)).filter((x) => x.vendor === 'Murmur Notes' && x.site === 'Fresno').length);
    expect(g.nodes).toHaveLength(plain.nodes.length + 9 + members.length);
    expect(g.nodes.some((n) => n.data.id === key)).toBe(false);
    expect(g.groups.find((x) => x.key === key)!.expanded).toBe(true);
    const ids = new Set(g.nodes.map((n) => n.data.id));
    expect(members.every((m) => ids.has(m.data.id))).toBe(true);
  });

  it('carries the worst flow of a group onto its aggregate edge (critical over high, unencrypted, outside BAA)', () => {
    const r = fleetAuditReport(INSTALLS);
    const [a, b] = r.flows.filter((f) => f.from.startsWith('install-'));
    const base = r.findings[0];
    // One install flow of a group is critical, another of the same group high: the aggregate is critical.
    r.findings.push({ ...base, id: 'crit', severity: 'critical', subject: `flow:${a.id}` }, { ...base, id: 'high', severity: 'high', subject: `flow:${b.id}` });
    const els = toCytoscapeElements(r);
    const { alias } = collapseFleet(els);
    const g = groupedGraph(els);
    for (const e of g.edges.filter((x) => x.classes.includes('fleet-flow'))) {
      const members = els.edges.filter((x) => alias.get(x.data.id) === e.data.id).map((x) => x.classes.split(' '));
      expect(members.length).toBeGreaterThan(0);
      const own = e.classes.split(' ');
      for (const flag of ['unencrypted', 'outside-baa', 'risk-critical']) expect(own.includes(flag)).toBe(members.some((m) => m.includes(flag)));
      expect(own.includes('risk-high')).toBe(!own.includes('risk-critical') && members.some((m) => m.includes('risk-high')));
    }
    const marked = (id: string) => g.edges.find((e) => e.data.id === alias.get(id))!.classes.split(' ').filter((c) => c.startsWith('risk-'));
    expect(marked(a.id)).toEqual(['risk-critical']);
    expect(marked(b.id)).toEqual(alias.get(a.id) === alias.get(b.id) ? ['risk-critical'] : ['risk-high']);
  });

  it('leaves a graph without a fleet as it is, positioned', () => {
    const g = groupedGraph(plain);
    expect(g.groups).toEqual([]);
    expect(g.nodes.map((n) => n.data.id)).toEqual(plain.nodes.map((n) => n.data.id));
    expect(g.edges).toEqual(plain.edges);
  });
});

describe('parseExpand', () => {
  it('takes comma-separated or repeated group keys', () => {
    expect([...parseExpand('fleet:A@x,fleet:B@')]).toEqual(['fleet:A@x', 'fleet:B@']);
    expect([...parseExpand(['fleet:A@x', 'fleet:C@y'])]).toEqual(['fleet:A@x', 'fleet:C@y']);
    expect(parseExpand(undefined).size).toBe(0);
  });

  it('refuses what is not a group key, and too many groups, with a clear error', () => {
    expect(() => parseExpand('install-1')).toThrow(InvalidInputError);
    expect(() => parseExpand('install-1')).toThrow(/fleet group keys/);
    const many = Array.from({ length: MAX_EXPANDED + 1 }, (_, i) => `fleet:v${i}@`).join(',');
    expect(() => parseExpand(many)).toThrow(/at most 50/);
  });
});
