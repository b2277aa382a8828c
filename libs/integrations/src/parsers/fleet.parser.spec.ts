import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError, PRACTICE_ID } from '@custody/domain';
import { parseConfig, parseFleet } from '../index.js';

const fx = (n: string) => readFileSync(join(process.cwd(), 'test/fixtures/configs', n));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('fleet parser', () => {
  const r = parseFleet(fx('fleet.csv'), 'fleet.csv');

  it('makes one ai_notetaker system per install, grouped by vendor and site, with typed settings', () => {
    const installs = r.systems.filter((s) => s.role === 'ai_notetaker');
    expect(installs.map((s) => s.id)).toEqual(['install-a-001', 'install-a-002', 'install-b-001']);
    expect(installs[0].group).toEqual({ vendor: 'Upheal', site: 'Oakland' });
    expect(installs[0].settings).toMatchObject({ recording: 'always', can_disable: false, audio_retention_days: 90, transcript_retention_days: 365, training: 'opt_out', consent_capture: 'none', subprocessors: ['OpenAI', 'Deepgram'], storage_region: 'US' });
    expect(installs[2].settings).toMatchObject({ can_disable: true, training: 'allowed' });
    expect(installs[0].evidence?.[0]).toMatchObject({ line: 2, file: 'fleet.csv' });
  });

  it('adds practice → install and install → subprocessor flows, classifying subprocessors', () => {
    expect(r.flows.filter((f) => f.from === PRACTICE_ID)).toHaveLength(3);
    expect(r.flows.find((f) => f.to === 'subprocessor-deepgram')).toMatchObject({ from: 'install-a-001', data: ['session_recording'] });
    expect(r.flows.find((f) => f.to === 'subprocessor-openai')?.data).toEqual(['session_transcript']);
    expect(r.systems.find((s) => s.id === 'subprocessor-anthropic')?.role).toBe('llm_provider');
  });

  it('reads JSON exports too, through parseConfig', () => {
    const j = parseConfig(fx('fleet.json'));
    expect(j.format).toBe('fleet-json');
    expect(j.systems.find((s) => s.id === 'install-j-1')?.settings).toMatchObject({ can_disable: false, subprocessors: ['Azure OpenAI'] });
  });

  it('types settings once: values outside the vocabulary are left out and flagged; rows without install_id reported', () => {
    const x = parseFleet(bytes('install_id,vendor,recording,audio_retention_days,can_disable\n,Freed,always,1,no\nz-1,Freed,sometimes,indefinitely,no\nz-2,Freed,Per-Session,30,maybe\n'));
    expect(x.unparsed).toEqual([{ reason: 'row without install_id', path: 'row[1]' }]);
    expect(x.warnings?.[0]).toMatch(/recording='sometimes'/);
    expect(x.warnings?.[1]).toMatch(/can_disable='maybe'/);
    const z1 = x.systems.find((s) => s.id === 'install-z-1')?.settings;
    expect(z1).toMatchObject({ audio_retention_days: 'indefinite', can_disable: false });
    expect(z1?.recording).toBeUndefined();
    expect(x.systems.find((s) => s.id === 'install-z-2')?.settings).toMatchObject({ recording: 'per_session', audio_retention_days: 30 });
  });

  it('rejects malformed CSV', () => {
    expect(() => parseFleet(bytes('install_id,vendor\n"a-1,Upheal\n'))).toThrow(InvalidInputError);
  });

  // csv-parse names the line where it gave up: for a quote never closed, the end of the file.
  it.each([
    ['a quote never closed, by the line it opened on', 'install_id,vendor\na-1,"He said ""hi"""\n"a-2,Upheal\na-3,Upheal\n', /quoted field opened on line 3 is never closed/],
    ['a quote in the middle of a field, by its line', 'install_id,vendor\na-1,Upheal\na-2,Up"heal"x\n', /line 3: a quote in the middle of a field/],
  ])('says where a malformed CSV goes wrong: %s', (_why, text, message) => {
    expect(() => parseFleet(bytes(text))).toThrow(message);
  });

  // How fast is measured in `npm run bench:integrations` (rows/s), not asserted here: a timed unit test
  // flakes on a loaded machine.
  it('parses 10,000 installs into 10,000 systems and their flows', () => {
    const rows = ['install_id,clinician,site,vendor,version,recording,can_disable,audio_retention_days,transcript_retention_days,training,consent_capture,subprocessors,storage_region'];
    for (let i = 0; i < 10_000; i++) rows.push(`i-${i},C ${i},S ${i % 9},Upheal,1.0,always,false,90,365,opt_out,none,OpenAI;Deepgram,US`);
    const big = parseFleet(bytes(rows.join('\n')));
    expect(big.systems.filter((s) => s.role === 'ai_notetaker')).toHaveLength(10_000);
    expect(big.flows).toHaveLength(30_000);
  });
});
