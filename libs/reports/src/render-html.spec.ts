import { sampleAuditReport, sampleFleetAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { renderHtml } from './render-html.js';

describe('renderHtml', () => {
  const html = renderHtml(sampleAuditReport());

  it('is one self-contained document: inline CSS, no scripts, no external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import/i);
    // SVG markers reference their own <defs> (url(#…)); nothing else may be fetched.
    expect(html).not.toMatch(/url\((?!#)/i);
    expect(html).not.toMatch(/<[a-z][^>]*\ssrc=/i);
    // Only citation links point outside, and they are plain anchors.
    for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^https:\/\/www\.ecfr\.gov\//);
    expect(html).toContain("default-src 'none'");
  });

  it('has the same sections as the Markdown report, plus the graph picture', () => {
    const ids = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['summary', 'graph', 'findings', 'law-enforcement', 'documents', 'evidence']);
    expect(html).toMatch(/<section id="graph" class="major"><h2>[^<]+<\/h2><div class="graph"><svg /);
    expect(renderHtml(sampleFleetAuditReport())).toContain('<section id="fleet" class="major">');
  });

  it('shows the practice name, score and lens in the header', () => {
    expect(html).toMatch(/<header class="cover"><div><h1>Harborview Counseling<\/h1>/);
    expect(html).toContain('<div class="score band-high"><div class="value">72</div>');
    expect(html).toContain('lens <code>immigrant-clients</code>');
  });

  it('escapes every user-provided string, including a <script> system name and evidence quotes', () => {
    const r = sampleAuditReport();
    r.systems[2].name = '<script>alert("pwned")</script>';
    r.findings[0].remediation = '<img src=x onerror=alert(1)>';
    r.documents[6].reason = '"><svg onload=alert(2)>';
    r.findings[0].citations = [{ ref: 'x', url: 'javascript:alert(3)' }];
    const out = renderHtml(r);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<svg onload');
    expect(out).not.toContain('javascript:');
    expect(out).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The tracking tag quoted as evidence prints as text too.
    expect(out).toContain('&lt;script src=&quot;https://px.pixelmetrics.io/t.js?id=HV-2231&quot;&gt;&lt;/script&gt;');
  });

  it('breaks pages before major sections when printed', () => {
    expect(html).toMatch(/@media print \{[\s\S]*section\.major \{ break-before: page; \}/);
    expect(html.match(/class="major"/g)!.length).toBeGreaterThanOrEqual(5);
  });

  it('renders findings as cards with severity, citations, remediation and evidence', () => {
    const card = html.slice(html.indexOf('id="tracking-technology@system:pixel"'));
    const end = card.indexOf('</article>');
    const body = card.slice(0, end);
    expect(body).toContain('<span class="pill sev-high">High</span> Tracking pixel on the patient portal');
    expect(body).toContain('HHS OCR Online Tracking Guidance (2024)');
    expect(body).toContain('Remove the PixelMetrics tag');
    expect(body).toContain('<cite>portal/index.html:42');
  });
});
