import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '@custody/domain';
import { parseConfig } from '../index.js';
import { parseHcl } from './hcl.js';

const fx = (n: string) => readFileSync(join(process.cwd(), 'test/fixtures/configs', n));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('HCL reader', () => {
  it('reads blocks, attributes, lists, objects and jsonencode calls with lines', () => {
    const b = parseHcl('# c\nresource "a" "b" {\n  x = [1, "two"]\n  y = jsonencode({ K = "v", L = [aws_s3_bucket.d.arn] })\n  nested {\n    z = var.q\n  }\n}\n');
    expect(b.blocks[0]).toMatchObject({ type: 'resource', labels: ['a', 'b'], line: 2 });
    expect(b.blocks[0].body.attrs.x).toEqual({ value: [1, 'two'], line: 3 });
    expect(b.blocks[0].body.attrs.y.value).toEqual({ $call: 'jsonencode', args: [{ K: 'v', L: ['aws_s3_bucket.d.arn'] }] });
    expect(b.blocks[0].body.blocks[0].body.attrs.z.value).toBe('var.q');
  });

  it('rejects unterminated blocks with a line', () => {
    expect(() => parseHcl('resource "a" "b" {\n  x = 1\n')).toThrow(InvalidInputError);
  });
});

describe('Terraform parser', () => {
  const r = parseConfig(fx('healthcare.tf'));

  it('reads FHIR store notifications and streaming exports', () => {
    expect(r.flows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'gcp-fhir-store-records', to: 'pubsub-fhir-changes', transport: 'queue' }),
        expect.objectContaining({ from: 'gcp-fhir-store-records', to: 'bigquery-bq-practice-project-analytics', endpoint: 'bq://practice-project.analytics' }),
      ]),
    );
    expect(r.systems.find((s) => s.id === 'gcp-fhir-store-records')).toMatchObject({ role: 'cloud_storage', name: "Cloud Healthcare API FHIR store 'records'" });
  });

  it('infers a data path from IAM: the role HealthLake assumes may read the bucket', () => {
    const f = r.flows.find((x) => x.from === 's3-exports');
    expect(f).toMatchObject({ to: 'healthlake-lake', purpose: 'IAM grant s3:GetObject' });
    expect(f?.evidence[0].line).toBe(43);
    expect(r.flows.some((x) => x.to === 's3-exports')).toBe(false);
  });

  it('reads an MLLP adapter from container args', () => {
    const tf = 'module "adapter" {\n  container = {\n    args = ["--port=2575", "--hl7_v2_store_id=${var.store}", "--receiver_ip=0.0.0.0"]\n  }\n}\n';
    const m = parseConfig(bytes(tf));
    expect(m.flows.map((f) => f.transport)).toEqual(['mllp', 'https']);
    expect(m.flows[1].to).toBe('gcp-hl7v2-store-var-store');
  });
});
