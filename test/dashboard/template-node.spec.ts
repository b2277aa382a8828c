import { readFileSync } from 'node:fs';
import { unnamedVendor } from '../../libs/graph/src/projection/assessed-vendors.js';
import { LABEL_MAX, nodeLabel, shortLabel, TEMPLATE_LABEL_WIDTH, TEMPLATE_LINE_MAX } from '../../apps/dashboard/src/map-labels.js';
import { graphStylesheet } from '../../apps/dashboard/src/styles.js';

const DASHBOARD = new URL('../../apps/dashboard/src/', import.meta.url);

// A template's node (GraphSystem.template: a vendor's name left blank) is drawn as a dashed ring with no exposure colour:
// the legend names it, and its label is two short lines, not its whole name broken a word per line.
describe('dashboard: a template\'s node', () => {
  it('is labelled by its party and its file, each line whole within the template label box', () => {
    // The name the projection gives a template (libs/graph assessed-vendors.ts), so a change of its wording shows here.
    const name = unnamedVendor('docs/template-baa.md', 'business_associate');
    expect(name).toBe('Business Associate (name left blank in template-baa.md)');
    expect(nodeLabel({ label: name, template: true })).toBe('Business Associate\nblank in template-baa.md');
    // A long file name is shortened in its middle: its extension still shows, each line fits.
    const long = nodeLabel({ label: unnamedVendor('HHS-sample-business-associate-agreement-provisions.docx', 'business_associate'), template: true });
    expect(long).toMatch(/^Business Associate\nblank in hhs-samp…ons\.docx$/);
    for (const line of long.split('\n')) expect(line.length).toBeLessThanOrEqual(TEMPLATE_LINE_MAX);
    expect(nodeLabel({ label: unnamedVendor('t.md', 'vendor'), template: true })).toBe('Vendor\nblank in t.md');
    // Not a template: the name as any other node's.
    expect(nodeLabel({ label: 'Corvale Notes, Inc.' })).toBe('Corvale Notes, Inc.');
  });

  it('has its label box widened in the map stylesheet, and its dashed ring and the grey of a template-only review in the legend', () => {
    const template = graphStylesheet().find((r) => 'selector' in r && r.selector === 'node.template');
    expect(template && 'style' in template ? template.style : undefined).toMatchObject({ 'border-style': 'dashed', 'text-max-width': TEMPLATE_LABEL_WIDTH });
    const html = readFileSync(new URL('index.html', DASHBOARD), 'utf8');
    const legend = html.slice(html.indexOf('<ul class="legend">'), html.indexOf('</ul>', html.indexOf('<ul class="legend">')));
    expect(legend).toContain('<li><span class="swatch template"></span>Template, no vendor named: not scored</li>');
    expect(legend).toContain('<li><span class="swatch findings-unscored"></span>Findings, none scored (a template\'s review)</li>');
    const css = readFileSync(new URL('styles.css', DASHBOARD), 'utf8');
    expect(css).toMatch(/\.legend \.swatch\.template \{[^}]*border: 2px dashed/);
    expect(css).toMatch(/\.legend \.swatch\.findings-unscored \{[^}]*background: #94a3b8/);
  });
});

describe('dashboard: map labels', () => {
  it('keeps a name that fits whole, and a trailing count on its own line, with no ellipsis where nothing was cut', () => {
    expect(shortLabel('Scribewell AI (12 installs)')).toBe('Scribewell AI (12 installs)');
    expect(shortLabel('Harborline Behavioral EHR Cloud Suite (120 installs)')).toBe('Harborline Behavioral EHR Clo…\n(120 installs)');
    expect(shortLabel('Scribewell Behavioral AI Notes (12 installs)')).toBe('Scribewell Behavioral AI Notes\n(12 installs)');
  });

  it('cuts a long parenthesis with the name rather than setting it alone on a line it would overflow', () => {
    const label = shortLabel('Unnamed vendor (no name found in notes-policy.md)');
    expect(label).toBe('Unnamed vendor (no name found…');
    expect(label.length).toBe(LABEL_MAX);
  });
});
