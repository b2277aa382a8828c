import { sampleAuditReport, sampleFleetAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { exposureBand, toCytoscapeElements } from './cytoscape-elements.js';

describe('exposureBand', () => {
  it.each([
    [0, 'none'], [0.5, 'low'], [24.9, 'low'], [25, 'medium'], [49.99, 'medium'], [50, 'high'], [74, 'high'], [75, 'critical'], [100, 'critical'],
  ])('puts score %p in band %p', (score, band) => {
    expect(exposureBand(score)).toBe(band);
  });

  it('treats a missing (NaN) score as no exposure', () => {
    expect(exposureBand(Number.NaN)).toBe('none');
  });
});

describe('toCytoscapeElements', () => {
  const report = sampleAuditReport();
  const { nodes, edges } = toCytoscapeElements(report);
  const node = (id: string) => nodes.find((n) => n.data.id === id)!;
  const edge = (id: string) => edges.find((e) => e.data.id === id)!;

  it('has one node per system and one edge per flow, practice first', () => {
    expect(nodes.map((n) => n.data.id)).toEqual(report.systems.map((s) => s.id));
    expect(nodes[0].data.role).toBe('practice');
    expect(edges).toHaveLength(report.flows.length);
  });

  it('classes a node by role, exposure band and findings', () => {
    const scribe = node('scribe');
    expect(scribe.data.score).toBe(report.score.nodes.scribe);
    expect(scribe.data.score).toBe(100);
    expect(scribe.classes.split(' ')).toEqual(['role-ai_notetaker', 'exposure-critical', 'has-findings']);
    expect(scribe.data.findingCount).toBe(report.findings.filter((f) => f.systems.includes('scribe')).length);
    expect(scribe.data.maxSeverity).toBe('critical');
    expect(node('sms').classes).toBe('role-communications exposure-low has-findings');
    expect(node('sms').data.maxSeverity).toBe('high');
    expect(node('payer').classes).toBe('role-payer exposure-none');
    expect(node('payer').data.maxSeverity).toBeNull();
  });

  it('counts a path finding on every system it is charged to', () => {
    expect(node('nimbus').data.maxSeverity).toBe('critical');
    expect(node('nimbus').data.findingCount).toBe(1);
  });

  it('lists held categories as declared plus inbound, most sensitive first, without duplicates', () => {
    expect(node('scribe').data.holds).toEqual(['session_recording', 'session_transcript']);
    expect(node('ehr').data.holds).toEqual(['psychotherapy_notes', 'immigration_status', 'progress_notes', 'diagnosis', 'treatment_plan', 'claims']);
  });

  it('marks unencrypted and outside-BAA flows', () => {
    expect(edge('ehr->sms').classes.split(' ')).toEqual(['flow', 'legal-none_known', 'transport-http', 'unencrypted', 'outside-baa']);
    expect(edge('scribe->nimbus').classes).toContain('outside-baa');
    expect(edge('practice->ehr').classes).toBe('flow legal-baa transport-https');
    // A payer receiving claims for payment is TPO, not a business associate: not outside BAA coverage.
    expect(edge('clearinghouse->payer').classes).toBe('flow legal-tpo transport-sftp');
    expect(edge('ehr->clearinghouse').data).toMatchObject({ source: 'ehr', target: 'clearinghouse', transport: 'sftp', legalBasis: 'baa' });
    expect(edge('ehr->clearinghouse').data.label).toBe('claims, diagnosis, insurance ids +1 · sftp');
  });

  it('marks a BAA-basis flow outside BAA when an open BAA-gap finding targets it', () => {
    const r = sampleAuditReport();
    r.findings.push({ ...r.findings[0], id: 'expired-baa@flow:practice->ehr', kind: 'expired_baa', subject: 'flow:practice->ehr' });
    expect(toCytoscapeElements(r).edges.find((e) => e.data.id === 'practice->ehr')!.classes).toContain('outside-baa');
    r.findings[r.findings.length - 1].triage = { status: 'false_positive' };
    expect(toCytoscapeElements(r).edges.find((e) => e.data.id === 'practice->ehr')!.classes).not.toContain('outside-baa');
  });

  it('classes a vendor assessed from its contract, and its assumed flow, as assessed (and nothing else)', () => {
    const assessed = { ...report, systems: report.systems.map((s) => (s.id === 'scribe' ? { ...s, assessed: true as const } : s)),
      flows: report.flows.map((f) => (f.to === 'scribe' ? { ...f, assessed: true as const } : f)) };
    const els = toCytoscapeElements(assessed);
    expect(els.nodes.filter((n) => n.classes.split(' ').includes('assessed')).map((n) => n.data.id)).toEqual(['scribe']);
    expect(els.edges.filter((e) => e.classes.split(' ').includes('assessed')).map((e) => e.data.target)).toEqual(report.flows.filter((f) => f.to === 'scribe').map(() => 'scribe'));
    expect(els.edges.filter((e) => e.data.target === 'scribe').length).toBeGreaterThan(0);
    expect([...nodes, ...edges].some((x) => x.classes.split(' ').includes('assessed'))).toBe(false);
  });

  it('marks a template\'s node (its state, not a score: the dashboard shows n/a), and no other', () => {
    const tpl = { ...report, systems: report.systems.map((s) => (s.id === 'scribe' ? { ...s, assessed: true as const, template: true as const } : s)) };
    const els = toCytoscapeElements(tpl);
    expect(els.nodes.filter((n) => n.classes.split(' ').includes('template')).map((n) => [n.data.id, n.data.template])).toEqual([['scribe', true]]);
    expect(nodes.some((n) => n.classes.split(' ').includes('template') || 'template' in n.data)).toBe(false);
  });

  it('does not count findings triaged as false positive', () => {
    const r = sampleAuditReport();
    for (const f of r.findings) if (f.systems.includes('pixel')) f.triage = { status: 'false_positive' };
    const pixel = toCytoscapeElements(r).nodes.find((n) => n.data.id === 'pixel')!;
    expect(pixel.data.findingCount).toBe(0);
    expect(pixel.classes).not.toContain('has-findings');
  });

  it('adds nodes for systems that only flows mention, including an unlisted practice', () => {
    const r = sampleAuditReport();
    r.systems = r.systems.filter((s) => s.id !== 'practice');
    r.flows.push({ id: 'payer->iso', from: 'payer', to: 'iso', data: ['claims'], transport: 'api', legalBasis: 'none_known', evidence: [] });
    const els = toCytoscapeElements(r);
    expect(els.nodes[0].data).toMatchObject({ id: 'practice', label: 'Harborview Counseling', role: 'practice' });
    expect(els.nodes.find((n) => n.data.id === 'iso')!.data).toMatchObject({ role: 'other', holds: ['claims'] });
    const ids = new Set(els.nodes.map((n) => n.data.id));
    for (const e of els.edges) expect(ids.has(e.data.source) && ids.has(e.data.target)).toBe(true);
  });

  it('carries fleet groups and does not modify the report', () => {
    const r = sampleFleetAuditReport();
    const before = JSON.stringify(r);
    const install = toCytoscapeElements(r).nodes.find((n) => n.data.id === 'scribe-install-c33')!;
    expect(install.data.group).toEqual({ vendor: 'ScribeWell AI', site: 'Fresno' });
    expect(JSON.stringify(r)).toBe(before);
  });

  it('marks the worst paths: flows an open high or critical finding is about, critical winning, cleared ones not', () => {
    const risk = (els: ReturnType<typeof toCytoscapeElements>, id: string) => els.edges.find((e) => e.data.id === id)!.classes.split(' ').filter((c) => c.startsWith('risk-'));
    // A critical path finding marks each of its hops; a high flow finding its flow; a medium one nothing.
    expect(risk(toCytoscapeElements(report), 'practice->scribe')).toEqual(['risk-critical']);
    expect(risk(toCytoscapeElements(report), 'scribe->nimbus')).toEqual(['risk-critical']);
    expect(risk(toCytoscapeElements(report), 'practice->employer')).toEqual(['risk-high']);
    expect(risk(toCytoscapeElements(report), 'ehr->sms')).toEqual([]);
    const r = sampleAuditReport();
    const base = r.findings.find((f) => f.subject === 'path:practice>scribe>nimbus')!;
    r.findings.push({ ...base, id: 'high-too', severity: 'high', subject: 'flow:scribe->nimbus' });
    r.findings.find((f) => f.subject === 'flow:practice->employer')!.triage = { status: 'false_positive', reason: 'not PHI', at: '2026-01-01T00:00:00Z', actor: 'test' } as never;
    const els = toCytoscapeElements(r);
    expect(risk(els, 'scribe->nimbus')).toEqual(['risk-critical']);
    expect(risk(els, 'practice->employer')).toEqual([]);
  });
});
