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
    // Only citation links point outside (plain anchors); the rest are the contents' links inside the page.
    for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^(https:\/\/www\.ecfr\.gov\/|#[a-z-]+$)/);
    expect(html).toContain("default-src 'none'");
  });

  it('reads as a consultant deliverable: cover, contents, summary, law enforcement and plan up front, appendix last', () => {
    const ids = [...html.matchAll(/<(?:section|nav) id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['cover', 'contents', 'summary', 'law-enforcement', 'plan', 'graph', 'findings', 'contracts', 'appendix']);
    expect(html).toMatch(/<section id="graph" class="major graph-page"><h2>[^<]+<\/h2><div class="graph"><svg /);
    const fleet = renderHtml(sampleFleetAuditReport());
    expect(fleet).toContain('<section id="fleet" class="major">');
    // A fleet's summary is in the contents too, and its findings read as titles, never as raw kinds.
    expect(fleet).toMatch(/<nav id="contents">[\s\S]*href="#fleet"[\s\S]*<\/nav>/);
    const fleetSection = fleet.slice(fleet.indexOf('<section id="fleet"'), fleet.indexOf('<section id="appendix"'));
    expect(fleetSection).not.toMatch(/notetaker_cannot_disable|<code>/);
    // Every contents entry points at a section that exists.
    const nav = html.slice(html.indexOf('<nav id="contents">'), html.indexOf('</nav>'));
    const links = [...nav.matchAll(/href="#([^"]+)"/g)].map((a) => a[1]);
    expect(links.length).toBe(7);
    for (const l of links) expect(ids).toContain(l);
    expect(html.match(/not legal advice/gi)!.length).toBeGreaterThanOrEqual(2);
  });

  it('shows the client, scope, date and method on the cover', () => {
    expect(html).toMatch(/<section id="cover" class="cover-page">[\s\S]*<h1>Harborview Counseling<\/h1>/);
    expect(html).toContain('<div class="score band-high"><div class="value">72</div>');
    expect(html).toMatch(/<dt>Scope<\/dt><dd>\d+ systems and \d+ data flows, from 7 documents/);
    expect(html).toMatch(/<dt>Method<\/dt><dd>Every contract was read/);
  });

  it('puts values in plain words: no raw enum values in the law-enforcement view or the contract terms', () => {
    const le = html.slice(html.indexOf('<section id="law-enforcement"'), html.indexOf('<section id="plan"'));
    const terms = html.slice(html.indexOf('<section id="contracts"'), html.indexOf('<section id="appendix"'));
    for (const raw of ['any_legal_request', 'legal_process_with_notice', 'judicial_process_only', 'opt_out', 'unspecified']) {
      expect(le).not.toContain(raw);
      expect(terms).not.toContain(raw);
    }
    expect(le).toContain('Discloses on any legal request');
    // Holders without a contract share one line instead of a row each.
    expect(le).toMatch(/<p id="no-contract"><b>No contract on file<\/b>, so the holder decides under its own policy: [^<]*Nimbus LLM API/);
    expect(le).not.toMatch(/<td><b>Nimbus LLM API<\/b>/);
    expect(terms).toContain('Releases records to government');
  });

  it('lists at most five fixes first in the summary, and a plan per vendor with clause and effort', () => {
    const summary = html.slice(html.indexOf('<section id="summary"'), html.indexOf('<section id="law-enforcement"'));
    expect(summary).toContain('The five things to fix first');
    const fixes = summary.match(/<tr><td><b>\d<\/b><\/td>/g)!.length;
    expect(fixes).toBeGreaterThan(0);
    expect(fixes).toBeLessThanOrEqual(5);
    const plan = html.slice(html.indexOf('<section id="plan"'), html.indexOf('<section id="graph"'));
    // One table with a heading row per vendor, not a table (and a header) per vendor.
    expect(plan.match(/<table/g)).toHaveLength(1);
    expect(plan).toMatch(/<tr class="vendor"><th colspan="5">ScribeWell AI <span class="muted">· −[\d.]+ points<\/span><\/th><\/tr>/);
    expect(plan).toMatch(/Trains AI on your clients/);
    expect(plan).toMatch(/<td>weeks<\/td>/);
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
    // The contents sit on the cover rather than on a page of their own.
    expect(html).toMatch(/<section id="cover" class="cover-page">[\s\S]*<nav id="contents">[\s\S]*<\/nav>[\s\S]*<\/section>/);
    expect(html.match(/class="major/g)!.length).toBeGreaterThanOrEqual(6);
  });

  it('renders findings grouped by rule and vendor, with instances, citation, fix and a quote', () => {
    const card = html.slice(html.indexOf('id="tracking-technology:'));
    const body = card.slice(0, card.indexOf('</article>'));
    expect(body).toMatch(/<span class="pill sev-high">High<\/span> Tracking pixel on the patient portal <span class="muted">· [^·]+ · 1 instance/);
    expect(body).toContain('HHS OCR Online Tracking Guidance');
    expect(body).toContain('Remove the PixelMetrics tag');
    expect(body).toContain('<cite>portal/index.html:42');
  });
});
