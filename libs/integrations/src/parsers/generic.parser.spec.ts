import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../index.js';

const fx = (n: string) => readFileSync(join(process.cwd(), 'test/fixtures/configs', n));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('generic reader', () => {
  it('flags Safe Harbor identifiers in a "de-identified" export, each at its own line', () => {
    const r = parseConfig(fx('deid-export.yaml'));
    expect(r.identifiers?.map((i) => [i.field, i.identifier, i.evidence.line])).toEqual([
      ['zip', 'geographic_subdivisions', 8],
      ['dob', 'dates', 9],
      ['email', 'email_addresses', 11],
    ]);
    expect(r.flows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ to: 'research-university-test', transport: 'sftp' }),
        expect.objectContaining({ to: 'warehouse-internal-5432', transport: 'database' }),
      ]),
    );
    expect(JSON.stringify(r)).not.toContain('extract-Pa55!');
  });

  it('does not report identifiers when the export does not claim de-identification', () => {
    const r = parseConfig(bytes('export:\n  fields: [zip, dob, phq9]\n  url: https://x.test/in\n'));
    expect(r.identifiers).toBeUndefined();
    expect(r.warnings?.[0]).toMatch(/Safe Harbor/);
  });

  it('reads INI sections, classifies vendors and redacts keys', () => {
    const r = parseConfig(fx('billing.ini'));
    expect(r.systems.find((s) => s.id === 'office-ally')?.role).toBe('clearinghouse');
    expect(r.systems.find((s) => s.id === 'sendgrid')?.role).toBe('communications');
    expect(r.redactions.map((x) => x.line)).toEqual([4, 7]);
    const out = JSON.stringify(r);
    expect(out).not.toContain('ini-Secret-99');
    expect(out).not.toContain('SG.abcdefghijklmnopqrst');
  });

  it('reports sections it cannot interpret instead of dropping them', () => {
    const r = parseConfig(bytes('{"retry": {"count": 3}, "upstream": {"url": "https://api.anthropic.com/v1/messages"}}'));
    expect(r.unparsed).toEqual([{ reason: 'no endpoint, listener or declared field list found here', path: 'retry' }]);
    expect(r.flows[0]).toMatchObject({ from: 'anthropic', transport: 'https' });
  });
});
