import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../index.js';

const fx = (n: string) => readFileSync(join(process.cwd(), 'test/fixtures/configs', n));

describe('Node-RED parser', () => {
  const r = parseConfig(fx('node-red-flows.json'));

  it('resolves config-node references and reads direction from the command', () => {
    expect(r.flows).toEqual([
      expect.objectContaining({ from: 'http-api-clients', to: 'node-red-patient-api', transport: 'http', endpoint: '/patient/:id/notes' }),
      expect.objectContaining({ from: '10-0-0-5-6379', to: 'node-red-patient-api', transport: 'database' }),
      expect.objectContaining({ from: 'node-red-patient-api', to: 'http-api-clients', purpose: 'HTTP response' }),
      expect.objectContaining({ from: 'node-red-patient-api', to: '10-0-0-5-6379', transport: 'database' }),
    ]);
    expect(r.flows[0].data).toContain('progress_notes');
  });

  it('redacts an inline config-node password', () => {
    expect(r.redactions).toEqual([expect.objectContaining({ kind: 'password', path: 'pass', line: 7 })]);
    expect(JSON.stringify(r)).not.toContain('r3dis-Pa55word');
  });
});
