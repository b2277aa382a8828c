import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../index.js';

const fx = (n: string) => readFileSync(join(process.cwd(), 'test/fixtures/configs', n));
const flow = (r: ReturnType<typeof parseConfig>, to: string) => r.flows.find((f) => f.to === to);

describe('Mirth channel parser (3.x/4.x)', () => {
  const r = parseConfig(fx('mirth-3x-adt-router.xml'), 'mirth-3x-adt-router.xml');

  it('reads the MLLP listener as an inbound flow from the HL7 sender named in the sample message', () => {
    const f = r.flows.find((x) => x.to === 'mirth-intake-adt-router');
    expect(f).toMatchObject({ from: 'hl7-sender-frontdesk-harborview', transport: 'mllp', endpoint: '0.0.0.0:6661' });
    expect(f?.data).toEqual(expect.arrayContaining(['demographics', 'contact', 'insurance_ids']));
    expect(f?.evidence[0]).toMatchObject({ file: 'mirth-3x-adt-router.xml', line: 23, quote: '<transportName>TCP Listener</transportName>' });
  });

  it('reads HTTP, database and SMTP destinations with hosts and transports', () => {
    expect(flow(r, 'fhir-examplehealth-test')).toMatchObject({ from: 'mirth-intake-adt-router', transport: 'https', endpoint: 'https://fhir.examplehealth.test/r4/Patient' });
    expect(flow(r, 'db-billing-db-5432-claims')).toMatchObject({ transport: 'database', endpoint: 'jdbc:postgresql://billing-db:5432/claims' });
    const smtp = r.flows.find((f) => f.transport === 'smtp');
    expect(smtp?.endpoint).toBe('smtp.examplehealth.test:25');
  });

  it('skips disabled connectors and reports dangling channel writers', () => {
    expect(r.flows.some((f) => f.endpoint === '/var/archive')).toBe(false);
    expect(r.warnings?.join(' ')).toMatch(/Archive \(off\).*disabled/);
    expect(r.unparsed?.[0]).toMatchObject({ path: 'channel.destinationConnectors.connector[3]' });
    expect(r.unparsed?.[0].reason).toMatch(/dangling/);
  });

  it('redacts both passwords, with their lines, and returns no secret text', () => {
    expect(r.redactions.map((x) => x.line)).toEqual([35, 48]);
    const out = JSON.stringify(r);
    expect(out).not.toContain('Sup3r-Secret-Pw!');
    expect(out).not.toContain('pg-pass-123');
  });
});

describe('Mirth channel parser (2.x)', () => {
  const r = parseConfig(fx('mirth-2x-script-db.xml'));

  it('reads the connector type from <property name="DataType"> and the directory from host', () => {
    expect(r.flows[0]).toMatchObject({ from: 'dir-srv-claims-in', to: 'mirth-nightly-claims-export', transport: 'file' });
    expect(r.flows[0].data).toEqual(['claims', 'diagnosis', 'insurance_ids']);
  });

  it('finds the database a JavaScript Writer opens, and redacts its password', () => {
    expect(r.flows[1]).toMatchObject({ to: 'db-warehouse-internal-5432-claims', transport: 'database' });
    expect(r.redactions).toEqual([expect.objectContaining({ kind: 'password', line: 28 })]);
    expect(JSON.stringify(r)).not.toContain('w4rehouse#Key');
  });

  it('does not turn a log-only writer or the anonymous default into anything', () => {
    expect(r.flows).toHaveLength(2);
    expect(r.warnings?.join(' ')).toMatch(/Log only.*engine log/);
    expect(r.redactions).toHaveLength(1);
  });
});
