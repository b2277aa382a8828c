import type { VendorEntry } from '@custody/integrations';
import { projectDocuments, type AnalyzedDocument } from './build-audit.js';

/**
 * The setting replay (libs/graph setting-replay.ts) builds on an earlier projection when the vendor catalogue
 * is the same: a catalogue list grown in place (which lookupVendor indexes afresh) is not the same catalogue.
 */
const AS_OF = '2026-06-01T00:00:00.000Z';
const config: AnalyzedDocument = {
  id: 'cfg', file: 'export.json', type: 'integration_config', status: 'processed',
  analysis: {
    type: 'integration_config',
    parse: {
      format: 'test', redactions: [],
      systems: [{ id: 'app', name: 'Configured application', role: 'other', evidence: [{ quote: 'app', line: 1 }] }],
      // An endpoint no system declares: its placeholder is named and given a role by the catalogue.
      flows: [{ from: 'app', to: 'api.localvendor.test', data: ['diagnosis'], transport: 'https', evidence: [{ quote: 'app -> api.localvendor.test', line: 2 }] }],
    },
  },
} as AnalyzedDocument;
const change = (n: number): AnalyzedDocument => ({
  id: `change-${n}`, file: `change-${n}.json`, type: 'setting_change', status: 'processed',
  analysis: { type: 'setting_change', change: { system: 'app', settings: { training: n % 2 ? 'allowed' : 'prohibited' }, at: AS_OF } },
}) as AnalyzedDocument;

describe('projectDocuments resolver key', () => {
  it('does not replay a setting change over a projection made with a catalogue since grown in place', () => {
    const vendors: VendorEntry[] = [{ name: 'Other Vendor', role: 'payer', hosts: ['other.test'] }];
    const first = projectDocuments([config, change(0)], { asOf: AS_OF, vendors });
    expect(first.graph.systems.find((s) => s.id === 'api.localvendor.test')?.role).toBe('other');
    vendors.push({ name: 'Local Vendor', role: 'llm_provider', hosts: ['api.localvendor.test'] });
    const docs = [config, change(0), change(1)];
    const next = projectDocuments(docs, { asOf: AS_OF, vendors, memo: first.memo });
    // Fails on a key that is the list alone: the placeholder kept the name and role the shorter list gave.
    expect(next.graph.systems.find((s) => s.id === 'api.localvendor.test')).toMatchObject({ name: 'Local Vendor', role: 'llm_provider' });
    expect(JSON.stringify(next.graph)).toBe(JSON.stringify(projectDocuments(docs, { asOf: AS_OF, vendors }).graph));
  });

  it('still replays a setting change over a projection made with the same catalogue', () => {
    const vendors: VendorEntry[] = [{ name: 'Local Vendor', role: 'llm_provider', hosts: ['api.localvendor.test'] }];
    // The config's systems, counted when read: a replay does not read the workspace's documents again.
    let reads = 0;
    const parse = { ...(config.analysis as { parse: object }).parse };
    const systems = (parse as { systems: unknown }).systems;
    Object.defineProperty(parse, 'systems', { get: () => (reads++, systems), enumerable: true });
    const counted = { ...config, analysis: { type: 'integration_config', parse } } as AnalyzedDocument;
    const first = projectDocuments([counted, change(0)], { asOf: AS_OF, vendors });
    const read = reads;
    const next = projectDocuments([counted, change(0), change(1)], { asOf: AS_OF, vendors, memo: first.memo });
    // Fails on a key that changes from call to call: the full projection reads the config again.
    expect(reads).toBe(read);
    expect([...next.changes!.systems.keys()]).toEqual(['app']);
    expect(JSON.stringify(next.graph)).toBe(JSON.stringify(projectDocuments([config, change(0), change(1)], { asOf: AS_OF, vendors }).graph));
  });
});
