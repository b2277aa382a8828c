import fc from 'fast-check';
import { DATA_CATEGORIES, LEGAL_BASES, SYSTEM_ROLES, TRANSPORTS } from '@custody/domain';
import { fastManifest } from './manifest-fast-check.js';
import { DEFAULT_MANIFEST_CAPS, manifestSchema, manifestSchemaWith } from './manifest.schema.js';
import type { ManifestListCaps } from './manifest.schema.js';

/**
 * fastManifest against zod on generated documents, valid and near-invalid. Its contract: whatever it returns is
 * what `schema.safeParse` gives (same values, defaults included); whenever zod refuses, it returns undefined.
 * Documents are described as key/value entries and built twice with `Object.fromEntries` (own `__proto__` keys,
 * as JSON.parse makes them), because fastManifest completes its input in place.
 */

type Desc = { entries: [string, Desc][] } | { list: Desc[] } | { value: unknown };
const obj = (entries: [string, Desc][]): Desc => ({ entries });
const val = (value: unknown): Desc => ({ value });
const build = (d: Desc): unknown =>
  'entries' in d ? Object.fromEntries(d.entries.map(([k, v]) => [k, build(v)])) : 'list' in d ? d.list.map(build) : d.value;

const emoji = '\u{1F642}';
const text = fc.oneof(
  fc.constantFrom('', 'a', 'System 1', 'n'.repeat(499), 'n'.repeat(500), 'n'.repeat(501), emoji, emoji.repeat(250), emoji.repeat(251), `${'n'.repeat(499)}${emoji}`, `${emoji.repeat(250)}\ud83d`, '\udc00', `\ud83d${'n'.repeat(499)}`, 'café', ' ', '\u0000', 'a\nb'),
  fc.string({ maxLength: 8 }),
);
const id = fc.oneof(
  fc.constantFrom('s1', 'a', 'a'.repeat(64), 'a'.repeat(65), '0', '_a', '.a', 'A', 'S_1', 'a b', 'a\n', 'é', 'practice', 'a.b-c_d', ''),
  fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,6}$/),
);
const host = fc.constantFrom('', 'h', 'h1.example', 'H1.EXAMPLE', 'h'.repeat(253), 'h'.repeat(254), emoji.repeat(127), emoji.repeat(130));
const enumOf = (values: readonly string[]) => fc.oneof(fc.constantFrom(...values), fc.constantFrom('warehouse', 'EHR', 'gossip', ''));
const odd = fc.oneof(fc.constantFrom<unknown>(null, 0, 1, -1, 1.5, true, false, [], {}, ['ehr'], { id: 's1' }, 'x'), fc.string({ maxLength: 3 }));
/** A field's value: mostly the generator's, sometimes a value of the wrong shape. */
const field = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: good.map(val) }, { weight: 1, arbitrary: odd.map(val) });
const list = <T>(item: fc.Arbitrary<T>, maxLength: number) =>
  fc.oneof({ weight: 5, arbitrary: fc.array(item, { maxLength }).map((l) => ({ list: l.map(val) }) as Desc) }, { weight: 1, arbitrary: odd.map(val) });
const categories = list(enumOf(DATA_CATEGORIES), 4);
const extraKey = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'rol', 'holds ', '', 'settings');

/** Entries from `fields`, each kept or dropped, plus sometimes an extra key. */
function item(fields: Record<string, fc.Arbitrary<Desc>>, extras: fc.Arbitrary<[string, Desc]>): fc.Arbitrary<Desc> {
  const keys = Object.keys(fields);
  return fc
    .tuple(fc.tuple(...keys.map((k) => fc.option(fields[k]!, { freq: 4, nil: undefined }))), fc.option(extras, { freq: 4, nil: undefined }))
    .map(([values, extra]) => {
      const entries = keys.flatMap((k, i) => (values[i] === undefined ? [] : [[k, values[i]!] as [string, Desc]]));
      if (extra && !entries.some(([k]) => k === extra[0])) entries.push(extra);
      return obj(entries);
    });
}

const settings = fc.oneof(
  fc.constantFrom(obj([]), obj([['recording', val('always')]]), obj([['recording', val('sometimes')]]), obj([['vendor_tag', val('x1')]]), obj([['audio_retention_days', val(-1)]])),
  odd.map(val),
);
const system = fc.oneof(
  { weight: 8, arbitrary: item({ id: field(id), name: field(text), role: field(enumOf(SYSTEM_ROLES)), holds: categories, hosts: list(host, 3) }, fc.tuple(extraKey, odd.map(val))) },
  { weight: 1, arbitrary: item({ id: field(id), name: field(text), role: field(enumOf(SYSTEM_ROLES)), settings }, fc.tuple(extraKey, odd.map(val))) },
  { weight: 1, arbitrary: fc.oneof(odd.map(val), fc.constant<Desc>({ list: [] })) },
);
const flow = fc.oneof(
  {
    weight: 8,
    arbitrary: item(
      { from: field(id), to: field(id), data: categories, transport: field(enumOf(TRANSPORTS)), purpose: field(text), legal_basis: field(enumOf(LEGAL_BASES)), endpoint: field(text) },
      fc.tuple(extraKey, odd.map(val)),
    ),
  },
  { weight: 1, arbitrary: odd.map(val) },
);
/** Hosts past the schema's count: one plain system with 50 or 51 of them. */
const manyHosts = fc.constantFrom(50, 51).map((n) => obj([['id', val('s9')], ['name', val('S')], ['role', val('ehr')], ['hosts', { list: Array.from({ length: n }, (_, i) => val(`h${i}.example`)) }]]));

const practice = fc.constantFrom(obj([['name', val('Agency')]]), obj([['name', val('')]]), obj([['name', val('A')], ['jurisdiction', val('US-CA')]]), val(null));
const doc = fc
  .record({
    practice: fc.option(practice, { freq: 10, nil: undefined }),
    version: fc.option(fc.constantFrom(val(1), val(2)), { freq: 3, nil: undefined }),
    systems: fc.oneof({ weight: 8, arbitrary: fc.array(fc.oneof({ weight: 20, arbitrary: system }, { weight: 1, arbitrary: manyHosts }), { maxLength: 5 }).map((l) => ({ list: l }) as Desc) }, { weight: 1, arbitrary: odd.map(val) }),
    flows: fc.oneof({ weight: 8, arbitrary: fc.array(flow, { maxLength: 5 }).map((l) => ({ list: l }) as Desc) }, { weight: 1, arbitrary: odd.map(val) }),
    extra: fc.option(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'consents', 'documents', 'systemz'), fc.constantFrom(obj([]), obj([['practice', val(1)]]), { list: [] } as Desc, val(null))), { freq: 4, nil: undefined }),
    drop: fc.boolean(),
  })
  .map(({ practice: p, version, systems, flows, extra, drop }) => {
    const entries: [string, Desc][] = [];
    if (version) entries.push(['version', version]);
    if (p) entries.push(['practice', p]);
    if (!drop) entries.push(['systems', systems], ['flows', flows]);
    if (extra) entries.push(extra);
    return obj(entries);
  });


/*
 * Mostly valid documents, each with at most one near-invalid change: a document refused for several reasons at
 * once would let a wrongly copied rule hide behind another.
 */
const goodText = fc.oneof(fc.constantFrom('a', 'n'.repeat(500), emoji, emoji.repeat(500), `${'n'.repeat(499)}${emoji}`, 'café', ' ', 'a\nb'), fc.string({ minLength: 1, maxLength: 8 }));
const badText = fc.constantFrom<unknown>('', 'n'.repeat(501), emoji.repeat(501), `${'n'.repeat(500)}${emoji}`, null, 1, [], ['a'], {});
const goodId = fc.oneof(fc.constantFrom('a', 'a'.repeat(64), '0', 'a.b-c_d', 's1'), fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,6}$/));
const badId = fc.constantFrom<unknown>('', 'a'.repeat(65), '_a', '.a', 'A', 'a b', 'a\n', 'é', 1, null, ['a']);
const goodHosts = fc.oneof(fc.array(fc.constantFrom('h', 'h1.example', 'H1.EXAMPLE', 'h'.repeat(253), emoji.repeat(253)), { maxLength: 3 }), fc.constant(Array.from({ length: 50 }, (_, i) => `h${i}`)));
const badHosts = fc.constantFrom<unknown>([''], ['h'.repeat(254)], [emoji.repeat(254)], [1], [null], Array.from({ length: 51 }, (_, i) => `h${i}`), 'h1', null, {});
const goodCats = (min: number) => fc.array(fc.constantFrom(...DATA_CATEGORIES), { minLength: min, maxLength: 4 });
const badCats = fc.constantFrom<unknown>(['gossip'], [null], ['diagnosis', 'gossip'], 'diagnosis', null, {}, [['diagnosis']]);
const badEnum = fc.constantFrom<unknown>('warehouse', 'EHR', '', null, 1, ['ehr']);

type Fields = Record<string, { good: fc.Arbitrary<unknown>; bad: fc.Arbitrary<unknown>; required?: boolean }>;
const SYSTEM: Fields = {
  id: { good: goodId, bad: badId, required: true },
  name: { good: goodText, bad: badText, required: true },
  role: { good: fc.constantFrom(...SYSTEM_ROLES), bad: badEnum, required: true },
  holds: { good: goodCats(0), bad: badCats },
  hosts: { good: goodHosts, bad: badHosts },
  settings: { good: fc.constantFrom({}, { recording: 'always' }, { vendor_tag: 'x1' }), bad: fc.constantFrom<unknown>({ recording: 'sometimes' }, null, []) },
};
const FLOW: Fields = {
  from: { good: goodId, bad: badId, required: true },
  to: { good: goodId, bad: badId, required: true },
  data: { good: goodCats(1), bad: fc.oneof(badCats, fc.constant([])), required: true },
  transport: { good: fc.constantFrom(...TRANSPORTS), bad: badEnum },
  purpose: { good: goodText, bad: badText },
  legal_basis: { good: fc.constantFrom(...LEGAL_BASES), bad: badEnum },
  endpoint: { good: goodText, bad: badText },
};

/** A valid item of `fields`: required keys always, optional ones sometimes. */
const validItem = (fields: Fields) =>
  fc.tuple(...Object.entries(fields).map(([k, f]) => (f.required ? f.good.map((v) => [k, v] as const) : fc.option(f.good.map((v) => [k, v] as const), { nil: undefined }))))
    .map((pairs) => pairs.filter((p) => p !== undefined).map(([k, v]) => [k, val(v)] as [string, Desc]));

/** One near-invalid change to an item's entries: a bad value, a required key dropped, or an extra key. */
const change = (fields: Fields) =>
  fc.oneof(
    fc.constantFrom(...Object.keys(fields)).chain((k) => fields[k]!.bad.map((v) => (e: [string, Desc][]) => [...e.filter(([x]) => x !== k), [k, val(v)] as [string, Desc]])),
    fc.constantFrom(...Object.keys(fields).filter((k) => fields[k]!.required)).map((k) => (e: [string, Desc][]) => e.filter(([x]) => x !== k)),
    fc.tuple(extraKey, odd).map(([k, v]) => (e: [string, Desc][]) => [...e.filter(([x]) => x !== k), [k, val(v)] as [string, Desc]]),
    odd.map((v) => () => v),
  );

const oneChange = fc
  .record({
    systems: fc.array(validItem(SYSTEM), { maxLength: 3 }),
    flows: fc.array(validItem(FLOW), { maxLength: 3 }),
    which: fc.constantFrom('none', 'systems', 'flows'),
    at: fc.nat(),
    systemChange: change(SYSTEM),
    flowChange: change(FLOW),
  })
  .map(({ systems, flows, which, at, systemChange, flowChange }) => {
    const items = { systems: systems as unknown[], flows: flows as unknown[] };
    if (which !== 'none' && items[which].length) {
      const i = at % items[which].length;
      items[which][i] = (which === 'systems' ? systemChange : flowChange)(items[which][i] as [string, Desc][]);
    }
    const asDesc = (x: unknown): Desc => (Array.isArray(x) && x.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string') ? obj(x as [string, Desc][]) : val(x));
    return obj([['practice', obj([['name', val('Agency')]])], ['systems', { list: items.systems.map(asDesc) }], ['flows', { list: items.flows.map(asDesc) }]]);
  });

/** fastManifest's contract against zod, for one document and one set of caps. */
function agree(d: Desc, caps: ManifestListCaps) {
  const schema = caps === DEFAULT_MANIFEST_CAPS ? manifestSchema : manifestSchemaWith(caps);
  const zod = schema.safeParse(build(d));
  const fast = fastManifest(build(d), schema, caps);
  if (!zod.success) expect(fast).toBeUndefined();
  if (fast !== undefined) expect(fast).toStrictEqual(zod.data);
}

describe('fastManifest agrees with the schema (generated documents)', () => {
  it('returns what zod returns, and nothing when zod refuses', () => {
    fc.assert(fc.property(doc, (d) => agree(d, DEFAULT_MANIFEST_CAPS)), { numRuns: 3000 });
  });

  it('returns what zod returns for valid documents with at most one near-invalid change', () => {
    fc.assert(fc.property(oneChange, (d) => agree(d, DEFAULT_MANIFEST_CAPS)), { numRuns: 3000 });
  });

  it('keeps to the list caps at their boundary', () => {
    fc.assert(fc.property(fc.oneof(doc, oneChange), fc.integer({ min: 0, max: 4 }), (d, n) => agree(d, { ...DEFAULT_MANIFEST_CAPS, systems: n, flows: n })), { numRuns: 500 });
  });

  it('takes the fast path for every plain valid document (it is not zod in disguise)', () => {
    const plainSystem = fc.record({ id: fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,63}$/), name: fc.string({ minLength: 1, maxLength: 500 }), role: fc.constantFrom(...SYSTEM_ROLES), holds: fc.option(fc.array(fc.constantFrom(...DATA_CATEGORIES)), { nil: undefined }) }, { requiredKeys: ['id', 'name', 'role'] });
    const plainFlow = fc.record({ from: fc.constantFrom('s1', 'practice'), to: fc.constantFrom('s2', 'a.b'), data: fc.array(fc.constantFrom(...DATA_CATEGORIES), { minLength: 1 }), transport: fc.constantFrom(...TRANSPORTS), purpose: fc.string({ minLength: 1, maxLength: 20 }) }, { requiredKeys: ['from', 'to', 'data'] });
    fc.assert(
      fc.property(fc.array(plainSystem, { maxLength: 4 }), fc.array(plainFlow, { maxLength: 4 }), (systems, flows) => {
        const make = () => JSON.parse(JSON.stringify({ practice: { name: 'A' }, systems, flows })) as unknown;
        const fast = fastManifest(make(), manifestSchema, DEFAULT_MANIFEST_CAPS);
        expect(fast).toStrictEqual(manifestSchema.parse(make()));
      }),
      { numRuns: 300 },
    );
  });
});
