import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NotetakerSettings, ParseResult } from '@custody/domain';
import { parseManifest } from '../manifest/index.js';
import { projectGraphWithReport } from './index.js';
import { config, contract, factSet, vendors } from './testing/fixtures.js';

/**
 * The demo practice the first run loads must stay valid and must keep exercising the projection: these
 * checks fail if the manifest drifts from the schema, a listed file goes missing, or a vendor document
 * stops naming the vendor the manifest knows it by.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../examples/harborview-counseling');
const read = (f: string) => readFileSync(join(root, f), 'utf8');

/** The vendor name each document speaks for, as an extractor should find it; checked against the text. */
const VENDOR_OF: Record<string, string> = {
  'scribewell-ai-baa.md': 'Scribewell AI, Inc.',
  'carepath-ehr-baa.md': 'CarePath EHR, Inc.',
  'kinroom-terms-of-service.md': 'Kinroom, Inc.',
  'claimbridge-dpa.md': 'ClaimBridge LLC',
  'remindly-baa-2022.md': 'Remindly, Inc.',
};

/** Fleet rows as a parser would declare them (one ai_notetaker system per install); just enough for this check. */
function fleetResult(csv: string): ParseResult {
  const [header, ...rows] = csv.trim().split('\n').map((l) => l.split(','));
  const systems = rows.map((cells, i) => {
    const row = Object.fromEntries(header.map((h, j) => [h, cells[j]]));
    return {
      id: row.install_id.toLowerCase(),
      name: `${row.vendor} (${row.install_id})`,
      role: 'ai_notetaker' as const,
      group: { vendor: row.vendor, site: row.site },
      settings: { recording: row.recording as NotetakerSettings['recording'], subprocessors: row.subprocessors.split(';') },
      evidence: [{ quote: cells.join(','), line: i + 2 }],
    };
  });
  return { format: 'fleet-csv', systems, flows: [], redactions: [] };
}

describe('examples/harborview-counseling', () => {
  const manifest = { ...parseManifest(read('custody.yaml')), documentId: 'sha-manifest', file: 'custody.yaml' };

  it('has a valid manifest whose listed documents exist', () => {
    expect(manifest.practice).toMatchObject({ name: 'Harborview Counseling', jurisdiction: 'US-CA', lenses: ['immigrant-clients'] });
    expect(manifest.systems.length).toBeGreaterThanOrEqual(9);
    for (const d of manifest.documents) expect(existsSync(join(root, d.file))).toBe(true);
  });

  it('names each vendor in its own document, and keeps the fake API key obviously fake', () => {
    expect(readdirSync(join(root, 'docs')).sort()).toEqual(Object.keys(VENDOR_OF).sort());
    for (const [file, vendor] of Object.entries(VENDOR_OF)) expect(read(`docs/${file}`)).toContain(vendor);
    expect(read('configs/intake-n8n.json')).toMatch(/Bearer sk-test-FAKE[0-9A-Z]+/);
    expect(read('configs/scribewell-fleet.csv').trim().split('\n')).toHaveLength(13);
  });

  it('projects into a graph where every document attaches and the designed exposures are present', () => {
    const contracts = Object.entries(VENDOR_OF).map(([file, vendor], i) =>
      contract(`sha-doc-${i}`, `docs/${file}`, vendor, factSet({ baa_offered: file.includes('terms') ? 'unspecified' : 'yes' }), file.includes('2022') ? { expires: '2024-12-31' } : {}),
    );
    const fleet = config('sha-fleet', 'configs/scribewell-fleet.csv', fleetResult(read('configs/scribewell-fleet.csv')));
    const { graph, unattached } = projectGraphWithReport({ manifest, contracts, configs: [fleet], asOf: '2026-03-01', resolveVendor: vendors });
    expect(unattached).toEqual([]);
    const basis = Object.fromEntries(graph.flows.map((f) => [f.id, f.legalBasis]));
    expect(basis).toMatchObject({
      'ehr->employer': 'none_known', // the return-to-work authorization expired 2025-12-31
      'ehr->reminders': 'none_known', // Remindly's BAA expired 2024-12-31
      'practice->telehealth': 'none_known', // Kinroom's terms never offer a BAA
      'practice->scribe': 'baa',
      'clearinghouse->payer': 'tpo',
      'scribe->openai': 'none_known',
    });
    expect(graph.flows.find((f) => f.id === 'ehr->reminders')?.transport).toBe('smtp');
    const installs = graph.systems.filter((s) => s.group?.vendor === 'Scribewell AI');
    expect(installs).toHaveLength(12);
    // Listed for `scribe` in the manifest, the Scribewell BAA also governs every install of the fleet.
    for (const s of installs) expect(s.contracts.map((c) => c.file)).toEqual(['docs/scribewell-ai-baa.md']);
    expect(graph.flows.filter((f) => f.to === 'openai').length).toBeGreaterThanOrEqual(12);
  });
});
