import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../index.js';

const fx = (n: string) => readFileSync(join(process.cwd(), 'test/fixtures/configs', n));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('OpenHIM parser', () => {
  const r = parseConfig(fx('openhim-export.json'));

  it('turns each channel route into a flow with the route transport', () => {
    expect(r.flows).toEqual([
      expect.objectContaining({ from: 'openhim-channel-lab-results-passthrough', to: 'lab-svc-internal-8443', transport: 'https', data: ['diagnosis'] }),
      expect.objectContaining({ from: 'openhim-channel-public-registry', to: 'registry-internal-8080', transport: 'http' }),
    ]);
    expect(r.warnings).toContain("OpenHIM channel 'Public registry' is public: reachable without client authentication");
  });

  it('redacts password hashes and salts of users', () => {
    expect(r.redactions.map((x) => x.kind)).toEqual(['password_hash', 'password_hash']);
    expect(JSON.stringify(r)).not.toContain('9f8e7d6c5b4a39281706');
  });

  it('reads a mediator config: listeners, upstream URLs, brokers; control-plane URLs are not flows', () => {
    const cfg = { app: { port: 3000, mllpPort: 3001 }, mediator: { api: { urn: 'urn:mediator:referrals', apiURL: 'https://core:8080', password: 'pw-mediator-1' } }, fhirServer: { baseURL: 'http://fhir:8080/fhir' }, queue: { brokers: ['kafka:9092'] } };
    const m = parseConfig(bytes(JSON.stringify(cfg, null, 2)));
    expect(m.format).toBe('openhim');
    const ends = m.flows.map((f) => `${f.from}>${f.to}:${f.transport}`);
    expect(ends).toEqual(expect.arrayContaining(['clients-app-port>app-referrals:http', 'clients-app-mllpport>app-referrals:mllp', 'app-referrals>fhir-8080:http', 'app-referrals>kafka-9092:queue']));
    expect(m.flows.some((f) => f.endpoint === 'https://core:8080')).toBe(false);
    expect(JSON.stringify(m)).not.toContain('pw-mediator-1');
  });
});

describe('properties parser', () => {
  const r = parseConfig(fx('mediator.properties'));

  it('groups dotted keys into endpoints and names the app from mediator.name', () => {
    expect(r.flows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'clients-mediator-port', to: 'app-referral-mediator', endpoint: '0.0.0.0:8600' }),
        expect.objectContaining({ from: 'app-referral-mediator', to: 'cr-internal-3447', transport: 'https', endpoint: 'cr.internal:3447/fhir/Patient' }),
        expect.objectContaining({ from: 'app-referral-mediator', transport: 'database', endpoint: 'jdbc:mysql://${DB_HOST:referral-db}:3306/referrals' }),
      ]),
    );
  });

  it('uses section comments: the terminology service and the core API are not PHI flows', () => {
    expect(r.flows.some((f) => /ts\.internal|8080/.test(f.endpoint ?? ''))).toBe(false);
    expect(r.warnings?.join(' ')).toMatch(/ts\.port.*control-plane/);
  });

  it('ignores commented-out alternatives and ${ENV} placeholders as secrets', () => {
    expect(r.flows.some((f) => f.endpoint?.includes('old-host'))).toBe(false);
    expect(r.redactions).toEqual([expect.objectContaining({ path: 'core.api.password', line: 8 })]);
  });

  it('gives every flow a 1-based line in the original file', () => {
    for (const f of r.flows) expect(f.evidence[0].line).toBeGreaterThan(0);
    expect(r.flows.find((f) => f.to === 'cr-internal-3447')?.evidence[0]).toMatchObject({ line: 12, quote: 'cr.port=3447' });
  });
});
