/**
 * The commented `custody.yaml` that `custody init` writes: what a new user said (practice, jurisdiction,
 * lenses, systems) plus comments that name every accepted value, so the file teaches its own schema.
 */
import { DATA_CATEGORIES, InvalidInputError, LENSES, PRACTICE_ID, slugify, SYSTEM_ROLES, TRANSPORTS, type Lens, type SystemRole } from '@custody/domain';
import { parseManifest } from '@custody/graph';

export interface InitAnswers {
  name: string;
  /** `US` or `US-CA` style. */
  jurisdiction?: string;
  lenses: Lens[];
  systems: { name: string; role: SystemRole; hosts?: string[] }[];
}

/** A system id from its name: what flows, documents and finding subjects refer to. */
export function systemId(name: string, taken: Set<string>): string {
  // 56, not 60: room for a `-2` suffix within the manifest's id grammar.
  const base = slugify(name, { max: 56, fallback: 'system' });
  let id = base === PRACTICE_ID ? `${base}-system` : base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** `"CarePath EHR=ehr"` or `"CarePath EHR=ehr@api.carepath.example,files.carepath.example"`. */
export function parseSystemSpec(spec: string): InitAnswers['systems'][number] {
  const m = /^(.+?)=([a-z_]+)(?:@(.+))?$/.exec(spec.trim());
  if (!m) throw new InvalidInputError(`--system "${spec}": expected NAME=ROLE or NAME=ROLE@host1,host2 (e.g. "CarePath EHR=ehr")`);
  const role = m[2] as SystemRole;
  if (!SYSTEM_ROLES.includes(role)) throw new InvalidInputError(`--system "${spec}": "${m[2]}" is not a role; expected one of ${SYSTEM_ROLES.join(', ')}`);
  return { name: m[1].trim(), role, ...(m[3] ? { hosts: m[3].split(',').map((h) => h.trim()).filter(Boolean) } : {}) };
}

/** Double-quoted YAML scalar (JSON strings are valid YAML), so any name is safe. */
const q = (s: string) => JSON.stringify(s);
const wrap = (prefix: string, words: readonly string[]) => {
  const lines: string[] = [];
  let line = prefix;
  for (const w of words) {
    if (line.length + w.length > 110) { lines.push(line.replace(/,?\s*$/, ',')); line = `${prefix.replace(/\S.*$/, '')}#   `; }
    line += `${w}, `;
  }
  lines.push(line.replace(/,\s*$/, ''));
  return lines;
};

/** The manifest text; it is validated with the same parser `custody audit` uses before it is returned. */
export function manifestYaml(a: InitAnswers, today = new Date()): string {
  if (!a.name.trim()) throw new InvalidInputError('the practice needs a name (--name)');
  const taken = new Set<string>();
  const systems = a.systems.map((s) => ({ ...s, id: systemId(s.name, taken) }));
  const out = [
    `# custody.yaml: the stack manifest of ${a.name}, written by \`custody init\` on ${today.toISOString().slice(0, 10)}.`,
    '# It says which systems hold client records and where they flow; Custody checks it against the vendor',
    '# contracts and integration configs you put beside it (run `custody audit <this folder>`).',
    '# Its JSON Schema is config/custody.schema.json in the Custody repository.',
    'version: 1',
    'practice:',
    `  name: ${q(a.name.trim())}`,
    '  # Country, optionally with state: US, US-CA. State law (e.g. California recording consent) depends on it.',
    a.jurisdiction ? `  jurisdiction: ${a.jurisdiction}` : '  # jurisdiction: US-CA',
    ...wrap('  # Client populations whose risks weigh more: ', LENSES),
    `  lenses: [${(a.lenses.length ? a.lenses : ['default']).join(', ')}]`,
    '  # How records are kept. Psychotherapy notes kept apart from the chart get HIPAA\'s stricter protection',
    '  # (45 CFR 164.501); documents_sensitive lists sensitive categories your charts record.',
    '  # records: { psychotherapy_notes_kept_separately: true, documents_sensitive: [immigration_status], keeps_own_copy: true }',
    '  records: {}',
    '',
    '# Every system client records reach. The practice itself is the system "practice".',
    ...wrap('# role: ', SYSTEM_ROLES),
    ...wrap('# holds (data categories it keeps): ', DATA_CATEGORIES),
    '# hosts: host names your configs mention, so Custody matches them to the system.',
    systems.length ? 'systems:' : 'systems: []',
    ...systems.flatMap((s) => [
      `  - id: ${s.id}`,
      `    name: ${q(s.name)}`,
      `    role: ${s.role}`,
      '    holds: []',
      s.hosts?.length ? `    hosts: [${s.hosts.map(q).join(', ')}]` : '    # hosts: [api.vendor.example]',
    ]),
    '',
    '# Who sends what to whom. Custody adds the flows it finds in configs; declare the others here.',
    ...wrap('# transport: ', TRANSPORTS),
    'flows:',
    ...(systems.length
      ? systems.map((s) => `  # - { from: practice, to: ${s.id}, data: [progress_notes], transport: https, purpose: ${s.role.replace(/_/g, ' ')} }`)
      : ['  # - { from: practice, to: ehr, data: [progress_notes, diagnosis], transport: https, purpose: documentation }']),
    '  []',
    '',
    '# Client authorisations for disclosures HIPAA does not otherwise allow (type: authorization, part2, recording).',
    'consents: []',
    '# - { to: employer, data: [diagnosis], purpose: return-to-work, expires: 2026-12-31, type: authorization }',
    '',
    '# Vendor documents (BAAs, terms, DPAs) and the system each belongs to, when the vendor name inside does not say.',
    'documents: []',
    '# - { file: docs/vendor-baa.pdf, system: ehr }',
    '',
  ].join('\n');
  parseManifest(out, 'custody.yaml');
  return out;
}
