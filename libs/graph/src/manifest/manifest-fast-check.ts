import { DATA_CATEGORIES, LEGAL_BASES, SYSTEM_ROLES, TRANSPORTS } from '@custody/domain';
import type { z } from 'zod';
import { HOSTS, SYSTEM_ID_PATTERN, TEXT_LENGTH } from './manifest.schema.js';
import type { ManifestInput, ManifestListCaps } from './manifest.schema.js';

/**
 * The manifest schema's verdict on an agency-sized manifest without zod copying it (issue 11). zod builds a new
 * object and list for every system and flow it accepts: at 100,000 systems and 400,000 flows that copy, and the
 * garbage it leaves for the projection's collector, cost more than reading the YAML. Most items are plain —
 * a system of id, name, role, holds and hosts, a flow of ids, categories and words — and checked here field by
 * field against the same rules (`manifest.schema.ts`); the data is kept as it is, with the schema's defaults
 * filled in. An item outside that subset (settings, an odd key) is given to the schema's own item schema, and
 * its output kept. Anything the schema would refuse returns undefined: the caller then validates the whole
 * document with zod, so every problem is reported exactly as before.
 */

type Raw = Record<string, unknown>;
type Schema = z.ZodType;

const CATEGORIES = new Set<unknown>(DATA_CATEGORIES);
const ROLES = new Set<unknown>(SYSTEM_ROLES);
const TRANSPORT_SET = new Set<unknown>(TRANSPORTS);
const BASES = new Set<unknown>(LEGAL_BASES);
/**
 * The keys a plain item may have. Written out rather than read from the schema's shape: a key the schema gains
 * is then outside the plain subset (its item goes to the item schema) until it is checked here too.
 */
const SYSTEM_KEYS = new Set(['id', 'name', 'role', 'holds', 'hosts']);
const FLOW_KEYS = new Set(['from', 'to', 'data', 'transport', 'purpose', 'legal_basis', 'endpoint']);

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const isId = (v: unknown) => typeof v === 'string' && SYSTEM_ID_PATTERN.test(v);
/** The schema's `text`. */
const isText = (v: unknown) => hasLength(v, TEXT_LENGTH);
const optionalText = (v: unknown) => v === undefined || isText(v);

function onlyKeys(item: Raw, keys: ReadonlySet<string>): boolean {
  for (const k of Object.keys(item)) if (!keys.has(k)) return false;
  return true;
}

function categories(v: unknown, min: number): boolean {
  if (!Array.isArray(v) || v.length < min) return false;
  for (const c of v) if (!CATEGORIES.has(c)) return false;
  return true;
}

function hosts(v: unknown): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v) || v.length > HOSTS.max) return false;
  for (const h of v) if (!hasLength(h, HOSTS.length)) return false;
  return true;
}

/**
 * Whether `v` is a string of `min` to `max` code points, as zod counts a string's length (a surrogate pair is
 * one). UTF-16 units settle nearly every string: code points are at most the units and at least half of them.
 */
function hasLength(v: unknown, { min, max }: { readonly min: number; readonly max: number }): boolean {
  if (typeof v !== 'string') return false;
  const units = v.length;
  if (units < min) return false;
  if (units <= max && units >= 2 * min) return true;
  let points = units;
  for (let i = 0; i < units - 1; i++) {
    if ((v.charCodeAt(i) & 0xfc00) === 0xd800 && (v.charCodeAt(i + 1) & 0xfc00) === 0xdc00) (points--, i++);
  }
  return points >= min && points <= max;
}

/** A plain system item the schema accepts, with nothing to add but the default `holds`. */
const plainSystem: Plain = {
  accepts: (item) => isRecord(item) && onlyKeys(item, SYSTEM_KEYS) && isId(item.id) && isText(item.name) && ROLES.has(item.role) && hosts(item.hosts) && (item.holds === undefined || categories(item.holds, 0)),
  defaulted: 'holds',
};

/** A plain flow item the schema accepts, with nothing to add but the default `transport`. */
const plainFlow: Plain = {
  accepts: (item) => isRecord(item) && onlyKeys(item, FLOW_KEYS) && isId(item.from) && isId(item.to) && categories(item.data, 1) && optionalText(item.purpose) &&
    optionalText(item.endpoint) && (item.legal_basis === undefined || BASES.has(item.legal_basis)) && (item.transport === undefined || TRANSPORT_SET.has(item.transport)),
  defaulted: 'transport',
};

/** Which items are plain, and the key the schema fills with its default (read from the schema) when missing. */
interface Plain {
  accepts(item: unknown): boolean;
  defaulted: string;
}

type Def = { type: string; shape?: Record<string, Schema>; innerType?: Schema; element?: Schema; defaultValue?: unknown };
const def = (s: Schema) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The element schema of a defaulted array field of the manifest schema (`systems`, `flows`). */
function elementOf(schema: Schema, key: string): Schema {
  let field = def(schema).shape![key]!;
  while (def(field).type === 'default' || def(field).type === 'optional') field = def(field).innerType!;
  return def(field).element!;
}

/**
 * One list as the schema outputs it (plain items completed in place, others replaced by the item schema's
 * output), or undefined at the first item the schema refuses. Nothing is changed before every item passed: a
 * refused document goes to zod as it was loaded.
 */
function checkList(list: unknown, cap: number, plain: Plain, element: Schema): Checked | undefined {
  // The default read from the schema; should the schema stop defaulting the key, nothing is plain.
  const field = def(def(element).shape![plain.defaulted]!);
  if (field.type !== 'default') return undefined;
  // A fresh default per item (zod's getter copies it), as zod gives one.
  const fill = () => field.defaultValue;
  if (list === undefined) return { list: [], plain, fill, parsed: new Map() };
  if (!Array.isArray(list) || list.length > cap) return undefined;
  const parsed = new Map<number, unknown>();
  for (let i = 0; i < list.length; i++) {
    if (plain.accepts(list[i])) continue;
    const one = element.safeParse(list[i]);
    if (!one.success) return undefined;
    parsed.set(i, one.data);
  }
  return { list, plain, fill, parsed };
}

interface Checked {
  list: unknown[];
  plain: Plain;
  /** The schema's default for `plain.defaulted`. */
  fill: () => unknown;
  /** The item schema's output for the items that are not plain, by index. */
  parsed: Map<number, unknown>;
}

/** {@link checkList}'s changes, made once both lists passed. */
function complete({ list, plain, fill, parsed }: Checked): unknown[] {
  const key = plain.defaulted;
  for (let i = 0; i < list.length; i++) {
    const one = parsed.size ? parsed.get(i) : undefined;
    if (one !== undefined) list[i] = one;
    else if ((list[i] as Raw)[key] === undefined) (list[i] as Raw)[key] = fill();
  }
  return list;
}

/**
 * `data` as `schema.parse` would give it (equal values; a defaulted key may come last, and toManifest reads
 * fields by name), or undefined when the schema may refuse it (then validate with zod).
 * Plain system and flow items are completed in place (defaults only): `data` is the caller's fresh YAML load.
 */
export function fastManifest(data: unknown, schema: Schema, caps: ManifestListCaps): ManifestInput | undefined {
  if (!isRecord(data)) return undefined;
  // Everything but the two long lists is small: the schema judges it as it always has.
  // Own properties, as the data has them: an assignment `rest[k] = …` would turn a `__proto__` key (JSON.parse
  // makes one) into rest's prototype, hiding it from the schema's unknown-key check.
  const rest = Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'systems' && k !== 'flows'));
  const head = schema.safeParse(rest);
  if (!head.success) return undefined;
  const systems = checkList(data.systems, caps.systems, plainSystem, elementOf(schema, 'systems'));
  const flows = systems && checkList(data.flows, caps.flows, plainFlow, elementOf(schema, 'flows'));
  if (!systems || !flows) return undefined;
  return { ...(head.data as ManifestInput), systems: complete(systems) as ManifestInput['systems'], flows: complete(flows) as ManifestInput['flows'] };
}
