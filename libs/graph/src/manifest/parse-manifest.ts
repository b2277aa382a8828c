import type { z } from 'zod';
import { counted, InvalidInputError, PRACTICE_ID } from '@custody/domain';
import type { Evidence } from '@custody/domain';
import type { Manifest, ManifestFlow, ManifestSystem } from './manifest.js';
import { fastManifest } from './manifest-fast-check.js';
import { DEFAULT_MANIFEST_CAPS, manifestSchema, manifestSchemaWith } from './manifest.schema.js';
import type { ManifestInput, ManifestListCaps } from './manifest.schema.js';
import { formatPath, loadYaml, MAX_MANIFEST_BYTES } from '@custody/domain/safe-yaml';
import type { LoadedYaml, LocatedProblem } from '@custody/domain/safe-yaml';

/**
 * Parse and validate a stack manifest (`custody.yaml`).
 *
 * Every problem — YAML syntax, hostile constructs, schema violations, dangling ids — is collected and
 * thrown together as one {@link InvalidInputError} whose message has one `file:line: path: reason` line
 * per problem, so a user fixes the whole file in one pass. `details.problems` carries the same list.
 */
export function parseManifest(source: string, file = 'custody.yaml', opts: { maxBytes?: number } = {}): Manifest {
  // A UTF-8 byte-order mark is not part of the text a user sees in an editor, and documents and integration
  // configs are decoded without it: evidence offsets count from the first visible character in all three.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const yaml = loadYaml(text, opts);
  if (yaml.problems.length) fail(file, yaml.problems);

  const { schema, caps } = schemaFor(opts.maxBytes);
  // What the schema accepts is read without zod's copy of it (manifest-fast-check.ts); anything else, and every
  // problem, goes through zod as before.
  const fast = fastManifest(yaml.data ?? {}, schema, caps);
  const parsed = fast ? undefined : schema.safeParse(yaml.data ?? {}, { reportInput: true });
  // References are checked on the raw data too, so a dangling flow is reported alongside a bad role.
  const schemaProblems = !parsed || parsed.success ? [] : parsed.error.issues.flatMap((issue) => describeIssue(issue, yaml));
  const seen = new Set(schemaProblems.map((p) => p.path));
  const problems = [...schemaProblems, ...checkReferences(yaml.data, yaml).filter((p) => !seen.has(p.path))];
  if ((parsed && !parsed.success) || problems.length) fail(file, problems);

  const m = fast ?? parsed!.data!;
  return toManifest(m, yaml, file);
}

function fail(file: string, problems: LocatedProblem[]): never {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.path.localeCompare(b.path));
  const lines = sorted.map((p) => `${file}:${p.line}: ${p.path}: ${p.reason}`);
  const head = `${file}: ${counted(sorted.length, 'problem')} in the stack manifest`;
  throw new InvalidInputError([head, ...lines].join('\n'), { file, problems: sorted });
}

function describeIssue(issue: z.core.$ZodIssue, yaml: LoadedYaml): LocatedProblem[] {
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    const expected = keysAt(path);
    return issue.keys.map((k) => ({
      line: yaml.lineOf([...path, k], true),
      path: formatPath([...path, k]),
      reason: `unknown key "${k}"${expected.length ? `; expected one of ${expected.join(', ')}` : ''}`,
    }));
  }
  const line = yaml.lineOf(path);
  let reason = issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)) reason = 'is required';
  else if (issue.code === 'too_small' && issue.origin === 'array') reason = `must have at least ${counted(Number(issue.minimum), 'item')}`;
  else if (issue.code === 'invalid_format' && typeof issue.input === 'string' && !reason.includes(JSON.stringify(issue.input))) reason = `${JSON.stringify(issue.input)} ${reason}`;
  return [{ line, path: formatPath(path), reason }];
}

let uncapped: ReturnType<typeof manifestSchemaWith> | undefined;

/**
 * The upload bound (the default) keeps the list caps. A caller that reads a larger manifest from its own
 * disk (`custody audit --max-manifest-mb`) is bounded by those bytes instead: an agency's manifest of
 * 100,000 systems is within them but far over caps sized for one practice.
 */
function schemaFor(maxBytes: number | undefined): { schema: typeof manifestSchema; caps: ManifestListCaps } {
  if (maxBytes === undefined || maxBytes <= MAX_MANIFEST_BYTES) return { schema: manifestSchema, caps: DEFAULT_MANIFEST_CAPS };
  return { schema: (uncapped ??= manifestSchemaWith(UNCAPPED)), caps: UNCAPPED };
}

const UNCAPPED: ManifestListCaps = { systems: Number.MAX_SAFE_INTEGER, flows: Number.MAX_SAFE_INTEGER, consents: Number.MAX_SAFE_INTEGER, documents: Number.MAX_SAFE_INTEGER };

/** The keys the schema accepts at `path`, for "did you mean" hints on unknown keys. */
function keysAt(path: readonly PropertyKey[]): string[] {
  type Def = { type: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown };
  let schema: unknown = manifestSchema;
  const def = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
  const unwrap = (s: unknown): unknown => {
    while (['default', 'optional'].includes(def(s).type)) s = def(s).innerType;
    return s;
  };
  for (const seg of path) {
    const d = def((schema = unwrap(schema)));
    if (d.type === 'array' && typeof seg === 'number') schema = d.element;
    else if (d.type === 'object' && d.shape && typeof seg === 'string' && seg in d.shape) schema = d.shape[seg];
    else return [];
  }
  const d = def(unwrap(schema));
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

type Raw = Record<string, unknown>;
const records = (v: unknown, key: string): Raw[] => {
  const list = v && typeof v === 'object' ? (v as Raw)[key] : undefined;
  return Array.isArray(list) ? list.map((x) => (x && typeof x === 'object' ? (x as Raw) : {})) : [];
};
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Cross-references the schema cannot see: unique ids, and flows/consents/documents naming real systems.
 * Works on the raw YAML data (shapes unchecked) so it can run even when the schema found problems.
 */
function checkReferences(data: unknown, yaml: LoadedYaml): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  const at = (path: PropertyKey[], reason: string) => problems.push({ line: yaml.lineOf(path), path: formatPath(path), reason });
  const ids = new Set<string>();
  let practiceEntry: number | undefined;
  records(data, 'systems').forEach((s, i) => {
    const id = str(s.id);
    if (id === undefined) return;
    // The practice listed among its own systems (`role: practice`) is the practice itself, under any id.
    if (s.role === 'practice') {
      if (practiceEntry !== undefined) at(['systems', i, 'role'], `only one system can be the practice; systems[${practiceEntry}] already is`);
      practiceEntry ??= i;
    } else if (id === PRACTICE_ID) at(['systems', i, 'id'], `"${PRACTICE_ID}" is reserved for the practice itself; give it role: practice or describe it under practice:`);
    if (ids.has(id)) at(['systems', i, 'id'], `duplicate system id "${id}"`);
    ids.add(id);
  });
  // Looked up in the set (a list search per flow was quadratic in an agency's manifest); the sorted list is only for messages.
  ids.add(PRACTICE_ID);
  let knownList: string[] | undefined;
  const known = () => (knownList ??= [PRACTICE_ID, ...[...ids].filter((id) => id !== PRACTICE_ID).sort()]);
  const ref = (path: PropertyKey[], id: unknown) => {
    if (typeof id === 'string' && !ids.has(id)) at(path, `"${id}" is not a system id; expected one of ${known().join(', ')}`);
  };
  records(data, 'flows').forEach((f, i) => {
    ref(['flows', i, 'from'], f.from);
    ref(['flows', i, 'to'], f.to);
    if (typeof f.from === 'string' && f.from === f.to) at(['flows', i], `a flow cannot go from "${f.from}" to itself`);
  });
  records(data, 'consents').forEach((c, i) => ref(['consents', i, 'to'], c.to));
  const files = new Set<string>();
  records(data, 'documents').forEach((d, i) => {
    ref(['documents', i, 'system'], d.system);
    const f = str(d.file);
    if (f !== undefined && files.has(f)) at(['documents', i, 'file'], `"${f}" is listed twice`);
    if (f !== undefined) files.add(f);
  });
  return problems;
}

/**
 * The list without repeats, first occurrence kept (as `[...new Set(list)]`), as a fresh list: a short list
 * (a flow's categories) is compared item by item rather than through a Set per item.
 */
function distinct<T>(list: readonly T[], as: (x: T) => T = (x) => x): T[] {
  if (list.length > 8) return [...new Set(list.map(as))];
  // Mapped to a list of its own length: one grown by push from empty keeps 17 slots (~150 bytes), and the
  // parse of an agency's manifest keeps 500,000 of these lists (flow categories, system hosts) through the
  // projection. Repeats are rare: only then a second list.
  const out = list.map(as);
  for (let i = 1; i < out.length; i++) if (out.lastIndexOf(out[i]!, i - 1) >= 0) return out.filter((x, j) => out.indexOf(x) === j);
  return out;
}

/**
 * One string per distinct value: the YAML parser makes a string per scalar, so each of an agency's 400,000 flows
 * held its own copies of `https`, `care` and its categories (~80 bytes a flow, kept by the graph for the whole
 * audit). For the fields whose values are few (roles, categories, transports, purposes), not ids, names or hosts.
 */
function interner(): <T extends string>(s: T) => T {
  const pool = new Map<string, string>();
  return <T extends string>(s: T): T => {
    const known = pool.get(s);
    if (known !== undefined) return known as T;
    pool.set(s, s);
    return s;
  };
}

function toManifest(m: ManifestInput, yaml: LoadedYaml, file: string): Manifest {
  // The item's line is found once for its evidence and its `line`.
  const evidenceOn = (line: number, path: PropertyKey[]): Evidence => {
    // Written out, not spread: V8 extends a spread copy slowly, and an agency's manifest has 500,000 of these.
    const { quote, start, end } = yaml.lineText(line);
    return { quote, start, end, file, line, path: formatPath(path) };
  };
  const evidenceAt = (path: PropertyKey[], key?: boolean): Evidence => evidenceOn(yaml.lineOf(path, key), path);
  // A `role: practice` system is an alias of the practice: its id means `practice` wherever it is used.
  const selfIndex = m.systems.findIndex((s) => s.role === 'practice');
  const selfId = selfIndex >= 0 ? m.systems[selfIndex]!.id : undefined;
  // Each flow's endpoints as the system's own id string: one string per system, not one per mention (800,000
  // in an agency's manifest), and the projection's lookups by id hash each once.
  const ids = new Map<string, string>();
  for (const s of m.systems) ids.set(s.id, s.id);
  const id = (ref: string) => (ref === selfId ? PRACTICE_ID : (ids.get(ref) ?? ref));
  // Built in loops, optional fields assigned in the spread literal's key order: V8 builds an object literal with
  // spreads in it several times slower, and an agency's manifest has 100,000 systems and 400,000 flows.
  const intern = interner();
  const systems: ManifestSystem[] = [];
  m.systems.forEach((s, i) => {
    if (i === selfIndex) return;
    const line = yaml.lineOf(['systems', i]);
    const out: ManifestSystem = {
      id: s.id, name: s.name, role: intern(s.role), holds: distinct(s.holds, intern), settings: { ...(s.settings ?? {}) },
      hosts: distinct(s.hosts ?? [], (h) => h.toLowerCase()), evidence: [evidenceOn(line, ['systems', i])], line,
    };
    if (s.settings) out.settingsEvidence = evidenceAt(['systems', i, 'settings'], true);
    systems.push(out);
  });
  const flows: ManifestFlow[] = [];
  m.flows.forEach((f, i) => {
    const line = yaml.lineOf(['flows', i]);
    const out = { from: id(f.from), to: id(f.to), data: distinct(f.data, intern), transport: intern(f.transport) } as ManifestFlow;
    if (f.purpose) out.purpose = intern(f.purpose);
    if (f.legal_basis) out.legalBasis = intern(f.legal_basis);
    if (f.endpoint) out.endpoint = f.endpoint;
    out.evidence = [evidenceOn(line, ['flows', i])];
    out.line = line;
    flows.push(out);
  });
  const r = m.practice.records;
  return {
    file,
    practice: {
      name: m.practice.name,
      ...(m.practice.jurisdiction ? { jurisdiction: m.practice.jurisdiction } : {}),
      lenses: [...new Set(m.practice.lenses)],
      records: {
        ...(r.psychotherapy_notes_kept_separately !== undefined ? { psychotherapy_notes_kept_separately: r.psychotherapy_notes_kept_separately } : {}),
        ...(r.documents_sensitive ? { documents_sensitive: [...new Set(r.documents_sensitive)] } : {}),
        ...(r.keeps_own_copy !== undefined ? { keeps_own_copy: r.keeps_own_copy } : {}),
      },
    },
    practiceEvidence: [evidenceAt(['practice']), ...(selfIndex >= 0 ? [evidenceAt(['systems', selfIndex])] : [])],
    systems,
    flows,
    consents: m.consents.map((c, i) => ({
      to: id(c.to),
      data: [...new Set(c.data)],
      ...(c.purpose ? { purpose: c.purpose } : {}),
      ...(c.expires ? { expires: c.expires } : {}),
      ...(c.type ? { type: c.type } : {}),
      evidence: [evidenceAt(['consents', i])],
      line: yaml.lineOf(['consents', i]),
    })),
    documents: m.documents.map((d, i) => ({ file: d.file, system: id(d.system), line: yaml.lineOf(['documents', i]) })),
  };
}
