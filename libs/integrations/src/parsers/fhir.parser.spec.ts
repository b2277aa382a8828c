import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../index.js';

const fx = (n: string) => readFileSync(join(process.cwd(), 'test/fixtures/configs', n));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('FHIR parser', () => {
  it('turns a rest-hook Subscription into a flow to its endpoint and redacts the header token', () => {
    const r = parseConfig(fx('fhir-subscription.json'));
    expect(r.flows).toEqual([expect.objectContaining({ from: 'fhir-server-subscriptions', to: 'hooks-labpartner-test', transport: 'https', data: ['diagnosis'] })]);
    expect(r.redactions[0]).toMatchObject({ kind: 'token', line: 10 });
    expect(JSON.stringify(r)).not.toContain('abcDEF1234567890xyzTOKEN');
  });

  it('reads FHIR XML Consent into a consent and a permitted flow', () => {
    const r = parseConfig(fx('fhir-consent.xml'));
    expect(r.consents).toEqual([expect.objectContaining({ to: 'org-acme-employer-health', data: ['progress_notes'], expires: '2026-06-30', purpose: 'HRESCH' })]);
    expect(r.flows[0]).toMatchObject({ from: 'org-harborview-counseling', to: 'org-acme-employer-health' });
    expect(r.flows[0].purpose).toMatch(/consent/);
  });

  it('derives observed flows from AuditEvents: read pulls from the server, create pushes to it', () => {
    const r = parseConfig(fx('fhir-audit-bundle.json'));
    expect(r.flows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'records-example-test', to: 'agent-dr-example-clinic' }),
        expect.objectContaining({ from: 'agent-intake-kiosk', to: 'records-example-test' }),
        expect.objectContaining({ from: 'records-example-test', purpose: 'search result' }),
      ]),
    );
    const kiosk = r.flows.find((f) => f.from === 'agent-intake-kiosk');
    expect(kiosk?.evidence.map((e) => e.line)).toEqual([18, 19]);
    expect(kiosk?.evidence[0].quote).toBe('"action": "C",');
  });

  it('maps an Endpoint to a flow from the practice to its address', () => {
    const r = parseConfig(bytes(JSON.stringify({ resourceType: 'Endpoint', name: 'Referral inbox', address: 'https://api.openai.com/v1/x', payloadType: [{ text: 'Patient' }] })));
    expect(r.flows[0]).toMatchObject({ from: 'practice', to: 'openai', data: ['demographics'] });
    expect(r.systems.find((s) => s.id === 'openai')?.role).toBe('llm_provider');
  });

  it('reports resources it does not read', () => {
    const r = parseConfig(bytes('{"resourceType": "Patient", "id": "1"}'));
    expect(r.flows).toEqual([]);
    expect(r.unparsed?.[0].reason).toMatch(/Patient/);
  });
});
