import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../index.js';

const fx = (n: string) => readFileSync(join(process.cwd(), 'test/fixtures/configs', n));

describe('GTM container parser', () => {
  const r = parseConfig(fx('gtm-container.json'));

  it('sends web identifiers from the patient portal to each tracker; hostname triggers move the source', () => {
    expect(r.flows).toEqual([
      expect.objectContaining({ from: 'patient-portal', to: 'google-analytics', data: ['web_identifiers'] }),
      expect.objectContaining({ from: 'portal-portal-practice-test', to: 'google-analytics', data: ['web_identifiers', 'scheduling'] }),
      expect.objectContaining({ from: 'patient-portal', to: 'meta-pixel' }),
    ]);
    expect(r.systems.find((s) => s.id === 'meta-pixel')?.role).toBe('analytics_tracker');
  });
});

describe('patient-portal HTML parser', () => {
  const r = parseConfig(fx('patient-portal.html'));

  it('finds script tags and inline tracker calls, with their lines', () => {
    const to = Object.fromEntries(r.flows.map((f) => [f.to, f.evidence[0].line]));
    expect(to).toEqual({ 'google-tag-manager': 5, 'google-analytics': 8, 'meta-pixel': 12, hotjar: 15 });
  });

  it('adds what the page collects (form fields) to web identifiers', () => {
    for (const f of r.flows) expect(f.data).toEqual(expect.arrayContaining(['web_identifiers', 'contact', 'demographics']));
    expect(r.flows.every((f) => f.from === 'patient-portal')).toBe(true);
  });
});
