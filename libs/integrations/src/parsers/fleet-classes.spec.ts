import fc from 'fast-check';
import { slugify } from '@custody/domain';
import { slug } from '../safe/text.js';
import { installSettings, parseFleetText } from './fleet.parser.js';

// Cells as exports spell them: in and out of the vocabulary, other spellings, blanks, lists with blanks.
const cell = {
  recording: fc.constantFrom('always', 'per_session', 'Per-Session', 'sometimes', '', 'never'),
  can_disable: fc.constantFrom('true', 'false', 'Yes', 'no', 'maybe', ''),
  audio_retention_days: fc.constantFrom('0', '30', ' 90 ', 'forever', 'indefinite', '-1', 'lots', ''),
  transcript_retention_days: fc.constantFrom('30', '365', 'unlimited', 'x', ''),
  training: fc.constantFrom('opt_out', 'opt-in', 'prohibited', 'allowed', 'sometimes', ''),
  consent_capture: fc.constantFrom('none', 'written', 'Verbal', 'shouted', ''),
  subprocessors: fc.constantFrom('OpenAI;Deepgram', 'OpenAI; Deepgram', 'Anthropic', '', ';', 'Azure OpenAI;;AssemblyAI', 'Acme Labs'),
  storage_region: fc.constantFrom('US', 'EU', 'PH', ''),
};
const own = {
  install_id: fc.constantFrom('INST-001', 'inst-002', 'INST 003', 'É-4', 'a--b', `${'X'.repeat(61)}`, 'INST-001'),
  clinician: fc.constantFrom('Rosa Delgado LMFT', ''),
  site: fc.constantFrom('Oakland - Clinic 01', 'Fresno - Clinic 02', ''),
  vendor: fc.constantFrom('Scribewell AI', 'Notely Health', ''),
  version: fc.constantFrom('4.8.2', ''),
};
const row = fc.record({ ...cell, ...own });
const COLUMNS = [...Object.keys(own), ...Object.keys(cell)];

describe('fleet install classes', () => {
  it("gives every install its own row's typed settings, warnings and sub-processor flows, however many rows share a class", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const csv = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => (r as Record<string, string>)[c]).join(','))].join('\n');
        const result = parseFleetText(csv, 'fleet-csv', { fileName: 'fleet.csv' });
        const installs = result.systems.filter((s) => s.role === 'ai_notetaker');
        expect(installs).toHaveLength(rows.length);
        const expectedWarnings: string[] = [];
        rows.forEach((r, i) => {
          // The reference: each row's cells parsed on their own (trimmed as the CSV reader trims them).
          const trimmed = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.trim()]));
          const { settings, problems } = installSettings(trimmed);
          expect(installs[i]!.settings).toEqual(settings);
          if (problems.length) expectedWarnings.push(`row[${i + 1}]: unrecognised setting values ${problems.join(', ')}`);
          const targets = result.flows.filter((f) => f.from === installs[i]!.id).map((f) => f.to);
          expect(targets).toEqual((settings.subprocessors as string[]).map((n) => `subprocessor-${slugify(n)}`));
        });
        expect(result.warnings ?? []).toEqual(expectedWarnings.slice(0, 200));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a JSON export whose cells are not strings row by row, as before', () => {
    const installs = [
      { install_id: 'a', vendor: 'Scribewell AI', recording: 'always', can_disable: false, audio_retention_days: 90, subprocessors: ['OpenAI', 'Deepgram'] },
      { install_id: 'b', vendor: 'Scribewell AI', recording: 'always', can_disable: 'no', audio_retention_days: '90', subprocessors: 'OpenAI;Deepgram' },
      { install_id: 'c', vendor: 'Scribewell AI', recording: 'always', can_disable: true, audio_retention_days: -3, subprocessors: ['OpenAI'] },
    ];
    const result = parseFleetText(JSON.stringify(installs), 'fleet-json');
    const settings = result.systems.filter((s) => s.role === 'ai_notetaker').map((s) => s.settings);
    expect(settings).toEqual(installs.map((r) => installSettings(r).settings));
    expect(result.warnings).toEqual(['[2]: unrecognised setting values audio_retention_days=\'-3\'']);
  });
});

describe('slug', () => {
  it('gives what slugify gives, for ids already shaped as slugs and for any other text', () => {
    const text = fc.string({ unit: fc.constantFrom('A', 'b', 'Z', '0', '9', '-', '_', ' ', 'é', '$', '{', '}', '.'), maxLength: 70 });
    const slugShaped = fc.array(fc.string({ unit: fc.constantFrom('A', 'b', 'z', 'Q', '0', '7'), minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('-'));
    fc.assert(
      fc.property(fc.oneof(text, slugShaped), (s) => {
        expect(slug(s)).toBe(slugify(s.slice(0, 1024).replace(/\$\{([^}]*)\}/g, '$1')));
      }),
      { numRuns: 3000 },
    );
  });
});
