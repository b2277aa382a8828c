import { sampleAuditReport, sampleFleetAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { fleetGroupOf, templateName } from '@custody/domain';
import { graphLegendHtml, renderGraphSvg } from './graph-svg.js';

/** Node id → top-left corner, read back from the SVG. */
function nodePositions(svg: string): Map<string, { x: number; y: number; cls: string; fill: string }> {
  const out = new Map<string, { x: number; y: number; cls: string; fill: string }>();
  for (const m of svg.matchAll(/<g class="node ([^"]+)" data-id="([^"]+)"><title>[^<]*<\/title><rect x="([\d.]+)" y="([\d.]+)"[^>]*fill="([^"]+)"/g)) {
    out.set(m[2], { cls: m[1], x: Number(m[3]), y: Number(m[4]), fill: m[5] });
  }
  return out;
}

describe('renderGraphSvg', () => {
  const report = sampleAuditReport();
  const svg = renderGraphSvg(report);
  const pos = nodePositions(svg);

  it('draws every system and every flow', () => {
    expect([...pos.keys()].sort()).toEqual(report.systems.map((s) => s.id).sort());
    expect(svg.match(/<g class="edge">/g)).toHaveLength(report.flows.length);
  });

  it('puts the practice on the left and each hop further right', () => {
    const x = (id: string) => pos.get(id)!.x;
    for (const id of pos.keys()) if (id !== 'practice') expect(x(id)).toBeGreaterThan(x('practice'));
    expect(x('nimbus')).toBeGreaterThan(x('scribe'));
    // Longest path: practice → scribe → ehr → clearinghouse → payer.
    expect(x('ehr')).toBeGreaterThan(x('scribe'));
    expect(x('clearinghouse')).toBeGreaterThan(x('ehr'));
    expect(x('payer')).toBeGreaterThan(x('clearinghouse'));
  });

  it('colours nodes by exposure band and marks unencrypted and outside-BAA edges', () => {
    expect(pos.get('scribe')).toMatchObject({ cls: 'exposure-critical', fill: '#fee2e2' });
    expect(pos.get('payer')).toMatchObject({ cls: 'exposure-none', fill: '#eef2f6' });
    const sms = svg.match(/<g class="edge"><path [^>]*stroke="#dc2626"[^>]*>/g)!;
    expect(sms).toHaveLength(1);
    expect(sms[0]).toContain('stroke-dasharray');
    expect(svg).toContain('>contact details +1 · http</text>');
  });

  it('is deterministic and does not overlap boxes', () => {
    expect(renderGraphSvg(sampleAuditReport())).toBe(svg);
    const boxes = [...pos.values()];
    for (const a of boxes) for (const b of boxes) {
      if (a === b) continue;
      const overlap = Math.abs(a.x - b.x) < 200 && Math.abs(a.y - b.y) < 58;
      expect(overlap).toBe(false);
    }
  });

  it('collapses fleet installs into one node per vendor and site, as the dashboard groups them', () => {
    const fleet = renderGraphSvg(sampleFleetAuditReport());
    const ids = [...nodePositions(fleet).keys()];
    expect(ids.filter((id) => id.startsWith('scribe-install'))).toEqual([]);
    const sites = ['Oakland', 'Fresno'].map((site) => fleetGroupOf({ vendor: 'ScribeWell AI', site }, ''));
    expect(ids).toEqual(expect.arrayContaining(sites.map((g) => g.key)));
    expect(fleet).toContain('<title>ScribeWell AI · Oakland (2 installs) — AI notetaker');
    expect(fleet).toContain('<title>ScribeWell AI · Fresno (2 installs) — AI notetaker');
  });

  it('escapes names', () => {
    const r = sampleAuditReport();
    r.systems[3].name = '<script>x</script>';
    const out = renderGraphSvg(r);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;x&lt;/script&gt;');
  });
});

describe('renderGraphSvg: a template (its vendor\'s name left blank)', () => {
  it('draws its box dashed and uncoloured, its party and file on two lines and "template: no vendor named" under them; the legend names it', () => {
    const base = sampleAuditReport();
    const report = { ...base, systems: base.systems.map((s) => (s.id === 'nimbus' ? { ...s, name: templateName('Business Associate', 'hhs-sample-business-associate-agreement.docx'), template: true as const } : s)) };
    const svg = renderGraphSvg(report);
    const box = /<g class="node [^"]*" data-id="nimbus">(.*?)<\/g>/.exec(svg)![1]!;
    expect(box).toMatch(/<rect [^>]*fill="#ffffff" stroke="#64748b" stroke-width="2" stroke-dasharray="5 3"\/>/);
    expect([...box.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['Business Associate', 'hhs-sample-bu…nt.docx', 'template: no vendor named · n/a', expect.stringMatching(/^\d+$/)]);
    // Every other box keeps its solid outline.
    expect(svg.match(/stroke-dasharray="5 3"/g)).toHaveLength(1);
    expect(graphLegendHtml(report)).toContain('border-style:dashed"></span>template, no vendor named: not scored</span>');
    expect(graphLegendHtml(base)).not.toContain('template');
  });
});

