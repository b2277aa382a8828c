import { z } from 'zod';
import { CONSENT_CAPTURE_MODES, DATA_CATEGORIES, LEGAL_BASES, LENSES, RECORDING_MODES, SYSTEM_ROLES, TRAINING_SETTINGS, TRANSPORTS } from '@custody/domain';

/**
 * The `custody.yaml` schema: product.md's core shape, extended with `hosts`, typed notetaker settings,
 * `legal_basis`/`endpoint` on flows and `type` on consents. Objects are strict so a typo (`rol:`) is an
 * error with a line number rather than a silently ignored key; only `settings` stays open, because
 * non-notetaker systems carry their own settings (a portal's tag id, a bucket's region).
 */

/** An enum whose error names the offending value and every accepted one, as the CLI prints it. */
function namedEnum<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? `is required; expected one of ${values.join(', ')}`
        : `${JSON.stringify(iss.input)} is not a ${what}; expected one of ${values.join(', ')}`,
  });
}

const asTuple = <T extends string>(list: readonly T[]) => list as unknown as readonly [T, ...T[]];

const category = namedEnum(asTuple(DATA_CATEGORIES), 'data category');
const role = namedEnum(SYSTEM_ROLES, 'role');
const transport = namedEnum(TRANSPORTS, 'transport');
const lens = namedEnum(LENSES, 'lens');
const legalBasis = namedEnum(LEGAL_BASES, 'legal basis');

/*
 * The bounds below are exported for manifest-fast-check.ts, which checks plain items without zod: both read
 * them here, so a change to a rule reaches both. Lengths are zod's (Unicode code points).
 */
/** System ids end up in flow ids (`from->to#2`) and finding subjects, so they stay plain. */
export const SYSTEM_ID_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
/** A free-text field (a name, a purpose): its length in code points. */
export const TEXT_LENGTH = { min: 1, max: 500 } as const;
/** A system's hosts: how many, and each one's length (a DNS name's). */
export const HOSTS = { max: 50, length: { min: 1, max: 253 } } as const;

const systemId = z
  .string()
  .regex(SYSTEM_ID_PATTERN, 'must be 1–64 lowercase letters, digits, "_", "." or "-", starting with a letter or digit');
const text = z.string().min(TEXT_LENGTH.min).max(TEXT_LENGTH.max);
const days = z.number().int().min(0).max(36500);
/** Core YAML leaves `2026-06-30` a string; we still insist on a real calendar date. */
const isoDate = z.iso.date({ error: (iss) => `${JSON.stringify(iss.input)} is not a date; expected YYYY-MM-DD` });

export const notetakerSettingsSchema = z.looseObject({
  recording: namedEnum(RECORDING_MODES, 'recording mode').optional(),
  can_disable: z.boolean().optional(),
  // Retention as the domain's vocabulary has it: days, or `indefinite`.
  audio_retention_days: z.union([days, z.literal('indefinite')]).optional(),
  transcript_retention_days: z.union([days, z.literal('indefinite')]).optional(),
  training: namedEnum(TRAINING_SETTINGS, 'training setting').optional(),
  consent_capture: namedEnum(CONSENT_CAPTURE_MODES, 'consent capture mode').optional(),
  subprocessors: z.array(text).max(200).optional(),
  storage_region: text.optional(),
});

/** How many entries each manifest list may have: a bound against hostile uploads, sized for one practice. */
export interface ManifestListCaps {
  systems: number;
  flows: number;
  consents: number;
  documents: number;
}

export const DEFAULT_MANIFEST_CAPS: ManifestListCaps = { systems: 1000, flows: 5000, consents: 1000, documents: 1000 };

/** The manifest schema with the given list caps (the byte bound still applies before it). */
export const manifestSchemaWith = (caps: ManifestListCaps) => z.strictObject({
  version: z.literal(1).optional(),
  practice: z.strictObject({
    name: text,
    jurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must look like US or US-CA').optional(),
    lenses: z.array(lens).max(LENSES.length).default(['default']),
    records: z
      .strictObject({
        psychotherapy_notes_kept_separately: z.boolean().optional(),
        documents_sensitive: z.array(category).optional(),
        keeps_own_copy: z.boolean().optional(),
      })
      .default({}),
  }),
  systems: z
    .array(
      z.strictObject({
        id: systemId,
        name: text,
        role,
        holds: z.array(category).default([]),
        settings: notetakerSettingsSchema.optional(),
        hosts: z.array(z.string().min(HOSTS.length.min).max(HOSTS.length.max)).max(HOSTS.max).optional(),
      }),
    )
    .max(caps.systems)
    .default([]),
  flows: z
    .array(
      z.strictObject({
        from: systemId,
        to: systemId,
        data: z.array(category).min(1),
        transport: transport.default('unknown'),
        purpose: text.optional(),
        legal_basis: legalBasis.optional(),
        endpoint: text.optional(),
      }),
    )
    .max(caps.flows)
    .default([]),
  consents: z
    .array(
      z.strictObject({
        to: systemId,
        data: z.array(category).min(1),
        purpose: text.optional(),
        expires: isoDate.optional(),
        type: namedEnum(['authorization', 'part2', 'recording'], 'consent type').optional(),
      }),
    )
    .max(caps.consents)
    .default([]),
  documents: z.array(z.strictObject({ file: text, system: systemId })).max(caps.documents).default([]),
});

export const manifestSchema = manifestSchemaWith(DEFAULT_MANIFEST_CAPS);

/** The manifest as validated, before line numbers are attached. */
export type ManifestInput = z.output<typeof manifestSchema>;

/** The JSON Schema of `custody.yaml` (draft 2020-12), for editors and CI; `config/custody.schema.json`. */
export function manifestJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(manifestSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://custody.dev/schema/custody.schema.json',
    title: 'Custody stack manifest (custody.yaml)',
    description: "Where a practice's PHI goes: its systems, the flows between them, consents and vendor documents.",
  };
}
