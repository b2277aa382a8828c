import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidInputError } from '@custody/domain';
import { manifestJsonSchema, MAX_ALIAS_COUNT, parseManifest } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));

const VALID = `# custody.yaml
practice: { name: Harborview Counseling, jurisdiction: US-CA, lenses: [immigrant-clients],
            records: { psychotherapy_notes_kept_separately: true, documents_sensitive: [immigration_status] } }
systems:
  - { id: ehr, name: SimplePractice, role: ehr, holds: [progress_notes, psychotherapy_notes, diagnosis, claims] }
  - id: scribe
    name: Upheal
    role: ai_notetaker
    settings: { recording: always, can_disable: false, audio_retention_days: 90, transcript_retention_days: 365,
                training: opt_out, consent_capture: none, subprocessors: [OpenAI, Deepgram], storage_region: US }
  - { id: clearinghouse, name: ClaimBridge, role: clearinghouse, hosts: [SFTP.ClaimBridge.example] }
  - { id: employer, name: Acme Corp, role: employer }
flows:
  - { from: practice, to: scribe, data: [session_recording, session_transcript], transport: https, purpose: documentation }
  - { from: ehr, to: clearinghouse, data: [claims, diagnosis], transport: sftp, purpose: payment, legal_basis: baa }
  - { from: ehr, to: employer, data: [progress_notes] }
consents:
  - { to: employer, data: [progress_notes], purpose: return-to-work, expires: 2026-06-30 }
documents:
  - { file: docs/upheal-baa.pdf, system: scribe }
`;

/** Parse text expected to fail and return the error, so tests can assert on every reported line. */
function problemsOf(text: string): { error: InvalidInputError; lines: string[] } {
  try {
    parseManifest(text);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return { error, lines: error.message.split('\n').slice(1) };
  }
  throw new Error('expected parseManifest to throw');
}

describe('parseManifest', () => {
  it('parses the product.md core shape with lines, defaults and typed notetaker settings', () => {
    const m = parseManifest(VALID);
    expect(m.practice).toEqual({
      name: 'Harborview Counseling',
      jurisdiction: 'US-CA',
      lenses: ['immigrant-clients'],
      records: { psychotherapy_notes_kept_separately: true, documents_sensitive: ['immigration_status'] },
    });
    expect(m.systems.map((s) => [s.id, s.role, s.line])).toEqual([
      ['ehr', 'ehr', 5],
      ['scribe', 'ai_notetaker', 6],
      ['clearinghouse', 'clearinghouse', 11],
      ['employer', 'employer', 12],
    ]);
    const scribe = m.systems[1];
    expect(scribe.settings).toMatchObject({ recording: 'always', can_disable: false, audio_retention_days: 90, subprocessors: ['OpenAI', 'Deepgram'] });
    expect(scribe.settingsEvidence).toMatchObject({ line: 9, file: 'custody.yaml', path: 'systems[1].settings' });
    expect(scribe.settingsEvidence?.quote.startsWith('settings: { recording: always')).toBe(true);
    expect(m.systems[2].hosts).toEqual(['sftp.claimbridge.example']);
    expect(m.flows.map((f) => [f.from, f.to, f.transport, f.legalBasis, f.line])).toEqual([
      ['practice', 'scribe', 'https', undefined, 14],
      ['ehr', 'clearinghouse', 'sftp', 'baa', 15],
      ['ehr', 'employer', 'unknown', undefined, 16],
    ]);
    expect(m.consents[0]).toMatchObject({ to: 'employer', expires: '2026-06-30', line: 18 });
    expect(m.documents).toEqual([{ file: 'docs/upheal-baa.pdf', system: 'scribe', line: 20 }]);
  });

  it('makes evidence quotes verbatim slices of the source', () => {
    const m = parseManifest(VALID);
    for (const ev of [...m.systems.flatMap((s) => s.evidence), ...m.flows.flatMap((f) => f.evidence)]) {
      expect(VALID.slice(ev.start, ev.end)).toBe(ev.quote);
    }
  });

  it('counts evidence offsets from the first visible character when the file starts with a UTF-8 BOM', () => {
    // An editor shows no BOM, and documents and integration configs are decoded without it; a manifest saved by
    // Windows Notepad must point at the same characters as the same manifest saved without one.
    const plain = parseManifest(VALID);
    const bom = parseManifest('\ufeff' + VALID);
    const spans = (m: typeof plain) => [...m.systems.flatMap((s) => s.evidence), ...m.flows.flatMap((f) => f.evidence)].map((e) => [e.start, e.end, e.line, e.quote]);
    expect(spans(bom)).toEqual(spans(plain));
    for (const ev of bom.flows.flatMap((f) => f.evidence)) expect(VALID.slice(ev.start, ev.end)).toBe(ev.quote);
  });

  it('defaults lenses, records and lists when a minimal manifest omits them', () => {
    const m = parseManifest('practice: { name: Solo Practice }\n', 'solo.yaml');
    expect(m).toMatchObject({ file: 'solo.yaml', practice: { lenses: ['default'], records: {} }, systems: [], flows: [] });
  });

  it('reports every problem at once, each with file, line, path and reason', () => {
    const text = VALID.replace('role: ai_notetaker', 'role: notetaker')
      .replace('recording: always', 'recording: sometimes')
      .replace('data: [progress_notes] }\nconsents', 'data: [progres_notes] }\nconsents')
      .replace('to: clearinghouse, data', 'to: clearinghose, data')
      .replace('expires: 2026-06-30', 'expires: 2026-13-45')
      .replace('  - { id: employer, name: Acme Corp, role: employer }', '  - { id: employer, nam: Acme Corp, role: employer }');
    const { error, lines } = problemsOf(text);
    expect(error.message.split('\n')[0]).toBe('custody.yaml: 7 problems in the stack manifest');
    expect(lines).toEqual([
      expect.stringMatching(/^custody\.yaml:8: systems\[1\]\.role: "notetaker" is not a role; expected one of practice, clinician, .*ai_notetaker/),
      expect.stringMatching(/^custody\.yaml:9: systems\[1\]\.settings\.recording: "sometimes" is not a recording mode; expected one of always, per_session, off$/),
      expect.stringMatching(/^custody\.yaml:12: systems\[3\]\.nam: unknown key "nam"; expected one of id, name, role, holds, settings, hosts$/),
      'custody.yaml:12: systems[3].name: is required',
      'custody.yaml:15: flows[1].to: "clearinghose" is not a system id; expected one of practice, clearinghouse, ehr, employer, scribe',
      expect.stringMatching(/^custody\.yaml:16: flows\[2\]\.data\[0\]: "progres_notes" is not a data category; expected one of psychotherapy_notes/),
      'custody.yaml:18: consents[0].expires: "2026-13-45" is not a date; expected YYYY-MM-DD',
    ]);
    expect(error.details.problems).toHaveLength(7);
  });

  it('rejects duplicate ids, the reserved practice id, self-flows and unknown document systems', () => {
    const text = `practice: { name: P }
systems:
  - { id: ehr, name: A, role: ehr }
  - { id: ehr, name: B, role: ehr }
  - { id: practice, name: C, role: clinician }
flows:
  - { from: ehr, to: ehr, data: [claims] }
documents:
  - { file: a.pdf, system: nope }
  - { file: a.pdf, system: ehr }
`;
    expect(problemsOf(text).lines).toEqual([
      'custody.yaml:4: systems[1].id: duplicate system id "ehr"',
      'custody.yaml:5: systems[2].id: "practice" is reserved for the practice itself; give it role: practice or describe it under practice:',
      'custody.yaml:7: flows[0]: a flow cannot go from "ehr" to itself',
      'custody.yaml:9: documents[0].system: "nope" is not a system id; expected one of practice, ehr',
      'custody.yaml:10: documents[1].file: "a.pdf" is listed twice',
    ]);
  });

  it('takes a system with role: practice as the practice itself, under whatever id it has', () => {
    const m = parseManifest(`practice: { name: Maple Grove }
systems:
  - { id: me, name: Maple Grove Counseling, role: practice }
  - { id: platform, name: Thriveline, role: therapy_platform }
flows:
  - { from: me, to: platform, data: [progress_notes] }
consents:
  - { to: me, data: [claims] }
documents:
  - { file: a.md, system: me }
`);
    expect(m.systems.map((s) => s.id)).toEqual(['platform']);
    expect(m.flows[0]).toMatchObject({ from: 'practice', to: 'platform' });
    expect(m.consents[0]!.to).toBe('practice');
    expect(m.documents[0]!.system).toBe('practice');
    expect(m.practiceEvidence.map((e) => e.line)).toEqual([1, 3]);
    expect(parseManifest('practice: { name: P }\nsystems:\n  - { id: practice, name: P, role: practice }\n').systems).toEqual([]);
    expect(problemsOf('practice: { name: P }\nsystems:\n  - { id: a, name: A, role: practice }\n  - { id: b, name: B, role: practice }\n').lines).toEqual([
      'custody.yaml:4: systems[1].role: only one system can be the practice; systems[0] already is',
    ]);
  });

  it('points a missing required value at its key and a YAML syntax error at its line', () => {
    expect(problemsOf('practice:\n  name:\nsystems: []\n').lines).toEqual(['custody.yaml:2: practice.name: is required']);
    expect(problemsOf('practice: { name: P }\nsystems: [\n  { id: a\n').lines[0]).toMatch(/^custody\.yaml:\d+: \(yaml\): /);
    expect(problemsOf('practice: { name: P }\npractice: { name: Q }\n').lines[0]).toMatch(/^custody\.yaml:2: \(yaml\): .*[Uu]nique/);
  });

  describe('hostile YAML', () => {
    it('stops an alias bomb before it expands', () => {
      const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]']
        .concat(['b', 'c', 'd', 'e', 'f', 'g'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`))
        .join('\n');
      const { lines } = problemsOf(bomb);
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^custody\\.yaml:2: \\(yaml\\): too many alias expansions \\(limit ${MAX_ALIAS_COUNT}\\)`))]);
    });

    it('rejects __proto__ and constructor keys without polluting Object.prototype', () => {
      const { lines } = problemsOf('practice:\n  name: P\n  __proto__: { polluted: true }\nsystems:\n  - constructor: { prototype: 1 }\n');
      expect(lines).toEqual([
        'custody.yaml:3: practice.__proto__: key "__proto__" is not allowed',
        'custody.yaml:5: systems[0].constructor: key "constructor" is not allowed',
      ]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('refuses tags outside the core schema (no !!binary, !!set or language-specific tags)', () => {
      const { lines } = problemsOf('practice: { name: !!binary UA== }\nsystems: !!set { a }\nflows: !js/function "x"\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^custody\.yaml:1: .*binary/);
      expect(lines[1]).toMatch(/^custody\.yaml:2: .*set/);
    });

    it('rejects a file over the size limit without parsing it', () => {
      expect(problemsOf(`practice: { name: P }\n#${'x'.repeat(3 * 1024 * 1024)}\n`).lines[0]).toMatch(/larger than/);
    });
  });

  describe('JSON Schema', () => {
    it('is generated from the same schema and committed as config/custody.schema.json', () => {
      const committed = JSON.parse(readFileSync(resolve(here, '../../../../config/custody.schema.json'), 'utf8'));
      expect(committed).toEqual(manifestJsonSchema());
    });

    it('describes the enums and forbids unknown keys', () => {
      const schema = manifestJsonSchema() as { properties: Record<string, any>; additionalProperties: boolean; required: string[] };
      expect(schema.additionalProperties).toBe(false);
      expect(schema.required).toEqual(['practice']);
      const system = schema.properties.systems.items;
      expect(system.properties.role.enum).toContain('ai_notetaker');
      expect(system.properties.settings.properties.training.enum).toEqual(['allowed', 'opt_out', 'opt_in', 'prohibited']);
    });
  });
});
