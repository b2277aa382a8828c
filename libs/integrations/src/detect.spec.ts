import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat } from './detect.js';

const fx = (n: string) => readFileSync(join(process.cwd(), 'test/fixtures/configs', n));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it.each([
    ['mirth-3x-adt-router.xml', 'mirth-channel'],
    ['mirth-2x-script-db.xml', 'mirth-channel'],
    ['fhir-subscription.json', 'fhir'],
    ['fhir-consent.xml', 'fhir'],
    ['openhim-export.json', 'openhim'],
    ['mediator.properties', 'properties'],
    ['n8n-intake.json', 'n8n'],
    ['node-red-flows.json', 'node-red'],
    ['healthcare.tf', 'terraform'],
    ['gtm-container.json', 'gtm'],
    ['patient-portal.html', 'html-tracking'],
    ['fleet.csv', 'fleet-csv'],
    ['fleet.json', 'fleet-json'],
    ['deid-export.yaml', 'generic-yaml'],
    ['billing.ini', 'generic-ini'],
  ])('%s is %s', (file, format) => {
    expect(detectFormat(fx(file))).toBe(format);
  });

  it('ignores the file name', () => {
    expect(detectFormat(fx('n8n-intake.json'), 'channel.xml')).toBe('n8n');
    expect(detectFormat(bytes('{"a": {"url": "https://x.test"}}'), 'workflow.n8n.json')).toBe('generic-json');
  });

  it('reports binary and empty content as unknown', () => {
    expect(detectFormat(new Uint8Array([0, 1, 2, 0, 255]))).toBe('unknown');
    expect(detectFormat(bytes('   '))).toBe('unknown');
    expect(detectFormat(bytes('just some prose without structure.'))).toBe('unknown');
  });
});
