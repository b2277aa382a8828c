import { loadYaml } from '@custody/domain/safe-yaml';
import { fastManifest } from './manifest-fast-check.js';
import { DEFAULT_MANIFEST_CAPS, manifestSchema } from './manifest.schema.js';

const load = (text: string) => loadYaml(text).data;

const HEAD = `version: 1
practice: { name: Bench Agency, jurisdiction: US-CA }
`;

/** What zod gives for the document, and what the fast check gives for a fresh load of it. */
function both(text: string) {
  const zod = manifestSchema.safeParse(load(text));
  return { zod, fast: fastManifest(load(text), manifestSchema, DEFAULT_MANIFEST_CAPS) };
}

describe('fastManifest (the schema without zod copying every item)', () => {
  it.each([
    ['plain systems and flows, defaults left out', `${HEAD}systems:
  - { id: s1, name: System 1, role: ehr, holds: [progress_notes, diagnosis, progress_notes], hosts: [h1.example] }
  - { id: s2, name: System 2, role: llm_provider }
flows:
  - { from: practice, to: s1, data: [progress_notes, contact], transport: https, purpose: care }
  - { from: s1, to: s2, data: [diagnosis], legal_basis: baa, endpoint: "https://s2.example/api" }
`],
    ['a system with settings (read by the item schema), consents and documents', `${HEAD}systems:
  - id: scribe
    name: Upheal
    role: ai_notetaker
    settings: { recording: always, can_disable: false, audio_retention_days: 90, subprocessors: [OpenAI], vendor_tag: x1 }
  - { id: ehr, name: EHR, role: ehr }
flows:
  - { from: ehr, to: scribe, data: [progress_notes] }
consents:
  - { to: scribe, data: [session_recording], type: recording }
documents:
  - { file: docs/baa.pdf, system: scribe }
`],
    ['no lists at all', HEAD],
  ])('gives what zod gives: %s', (_, text) => {
    const { zod, fast } = both(text);
    expect(zod.success).toBe(true);
    // Equal values (a defaulted key may come last: toManifest reads fields by name, never the order).
    expect(fast).toEqual(zod.data);
  });

  it.each([
    ['an unknown role', `${HEAD}systems:\n  - { id: s1, name: S, role: warehouse }\n`],
    ['an unknown key on a system', `${HEAD}systems:\n  - { id: s1, name: S, role: ehr, rol: ehr }\n`],
    ['an id the schema refuses', `${HEAD}systems:\n  - { id: S_1, name: S, role: ehr }\n`],
    ['a name past 500 characters', `${HEAD}systems:\n  - { id: s1, name: ${'n'.repeat(501)}, role: ehr }\n`],
    ['a flow without data', `${HEAD}systems:\n  - { id: s1, name: S, role: ehr }\nflows:\n  - { from: practice, to: s1, data: [] }\n`],
    ['a flow with an unknown category', `${HEAD}systems:\n  - { id: s1, name: S, role: ehr }\nflows:\n  - { from: practice, to: s1, data: [gossip] }\n`],
    ['an empty purpose', `${HEAD}systems:\n  - { id: s1, name: S, role: ehr }\nflows:\n  - { from: practice, to: s1, data: [contact], purpose: "" }\n`],
    ['a null transport', `${HEAD}systems:\n  - { id: s1, name: S, role: ehr }\nflows:\n  - { from: practice, to: s1, data: [contact], transport: null }\n`],
    ['bad settings', `${HEAD}systems:\n  - { id: s1, name: S, role: ai_notetaker, settings: { recording: sometimes } }\n`],
    ['a bad practice', `version: 1\npractice: { name: "" }\n`],
    ['systems that are not a list', `${HEAD}systems: { id: s1 }\n`],
  ])('leaves %s to zod, with the loaded data untouched', (_, text) => {
    const data = load(text);
    const before = JSON.stringify(data);
    expect(manifestSchema.safeParse(load(text)).success).toBe(false);
    expect(fastManifest(data, manifestSchema, DEFAULT_MANIFEST_CAPS)).toBeUndefined();
    expect(JSON.stringify(data)).toBe(before);
  });

  it('leaves a top-level __proto__ key (as JSON.parse makes it) to zod, which refuses it', () => {
    const json = () => JSON.parse('{"practice":{"name":"A"},"__proto__":{}}') as unknown;
    expect(manifestSchema.safeParse(json()).success).toBe(false);
    expect(fastManifest(json(), manifestSchema, DEFAULT_MANIFEST_CAPS)).toBeUndefined();
  });

  it('leaves a list over its cap to zod', () => {
    const systems = Array.from({ length: 3 }, (_, i) => `  - { id: s${i}, name: S ${i}, role: ehr }`).join('\n');
    const text = `${HEAD}systems:\n${systems}\n`;
    expect(fastManifest(load(text), manifestSchema, { ...DEFAULT_MANIFEST_CAPS, systems: 2 })).toBeUndefined();
    expect(fastManifest(load(text), manifestSchema, { ...DEFAULT_MANIFEST_CAPS, systems: 3 })?.systems).toHaveLength(3);
  });
});
