import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseManifest } from '@custody/graph';
import { answersFromFlags, writeManifest } from './write-manifest.js';
import { askInitAnswers } from './ask.js';
import { manifestYaml, parseSystemSpec } from './manifest-template.js';

type Validate = ((d: unknown) => boolean) & { errors?: unknown[] | null };
// ajv is CommonJS; require() avoids default-export interop differences between tsc and Jest.
const Ajv2020 = (createRequire(import.meta.url)('ajv/dist/2020') as { default: new (o: object) => { compile(s: unknown): Validate } }).default;
const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../config/custody.schema.json'), 'utf8'));
const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

describe('custody init', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'custody-init-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a commented manifest from flags that validates against config/custody.schema.json', () => {
    const answers = answersFromFlags({ name: 'Harbor: "North" Clinic', jurisdiction: 'US-CA', lens: 'immigrant-clients,minors',
      system: ['CarePath EHR=ehr@api.carepath.example', 'Scribewell AI=ai_notetaker', 'Practice=other'] });
    const file = writeManifest(join(dir, 'new-practice'), { lenses: ['default'], systems: [], ...answers } as never);
    const text = readFileSync(file, 'utf8');
    const data = parse(text);
    expect(validate(data)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(data.practice).toMatchObject({ name: 'Harbor: "North" Clinic', jurisdiction: 'US-CA', lenses: ['immigrant-clients', 'minors'] });
    expect(data.systems.map((s: { id: string }) => s.id)).toEqual(['carepath-ehr', 'scribewell-ai', 'practice-system']);
    expect(data.systems[0].hosts).toEqual(['api.carepath.example']);
    // Commented: every role and every lens is named, and a flow example per system.
    expect(text).toMatch(/# role: practice, clinician, ehr,/);
    expect(text).toContain('# - { from: practice, to: scribewell-ai');
    expect(parseManifest(text).systems).toHaveLength(3);
    // The validator can fail: a wrong role is caught.
    expect(validate({ ...data, systems: [{ ...data.systems[0], role: 'ehrr' }] })).toBe(false);
  });

  it('refuses to overwrite without --force, and bad flags with the reason', () => {
    writeFileSync(join(dir, 'custody.yaml'), 'version: 1\n');
    expect(() => writeManifest(dir, { name: 'A', lenses: ['default'], systems: [] })).toThrow(/exists; pass --force/);
    expect(readFileSync(join(dir, 'custody.yaml'), 'utf8')).toBe('version: 1\n');
    writeManifest(dir, { name: 'A', lenses: ['default'], systems: [] }, true);
    expect(validate(parse(readFileSync(join(dir, 'custody.yaml'), 'utf8')))).toBe(true);
    expect(() => answersFromFlags({ lens: 'vip' })).toThrow(/unknown lens "vip"/);
    expect(() => answersFromFlags({ jurisdiction: 'California' })).toThrow(/expected US or US-CA/);
    expect(() => parseSystemSpec('EHR')).toThrow(/expected NAME=ROLE/);
    expect(() => parseSystemSpec('EHR=emr')).toThrow(/"emr" is not a role/);
    expect(() => manifestYaml({ name: ' ', lenses: [], systems: [] })).toThrow(/needs a name/);
  });

  it('asks for what the flags left out, re-asking on bad answers', async () => {
    const answers = ['', 'Lakeside Therapy', 'California', 'us-wa', 'vip', 'substance-use', 'Nimbus EHR=ehr', 'oops', 'Textly=communications', ''];
    const asked: string[] = [];
    const said: string[] = [];
    const result = await askInitAnswers(async (q) => { asked.push(q); return answers.shift()!; }, {}, (l) => said.push(l));
    expect(result).toEqual({ name: 'Lakeside Therapy', jurisdiction: 'US-WA', lenses: ['substance-use'],
      systems: [{ name: 'Nimbus EHR', role: 'ehr' }, { name: 'Textly', role: 'communications' }] });
    expect(asked.filter((q) => q.startsWith('Practice name'))).toHaveLength(2);
    expect(said.join('\n')).toMatch(/"CALIFORNIA" should look like US or US-CA[\s\S]*not a lens: vip[\s\S]*"oops": expected NAME=ROLE/);
    expect(validate(parse(manifestYaml(result)))).toBe(true);
    // Flags given are not asked again.
    const none = await askInitAnswers(async (q) => { throw new Error(`asked ${q}`); }, { name: 'X', jurisdiction: '', lenses: ['default'], systems: [{ name: 'E', role: 'ehr' }] });
    expect(none.name).toBe('X');
  });
});
