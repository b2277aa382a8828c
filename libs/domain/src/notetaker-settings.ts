import { InvalidInputError } from './errors.js';

/** The notetaker settings vocabulary (product.md), defined once for the manifest, fleet exports and webhooks. */
export const RECORDING_MODES = ['always', 'per_session', 'off'] as const;
export const TRAINING_SETTINGS = ['allowed', 'opt_out', 'opt_in', 'prohibited'] as const;
export const CONSENT_CAPTURE_MODES = ['none', 'verbal', 'written'] as const;

/** Words for "kept without limit" in exports and contracts; stored as the one value `indefinite`. */
const INDEFINITE_WORDS = new Set(['indefinite', 'indefinitely', 'forever', 'unlimited', 'never', 'permanent']);

/** A retention period: whole or fractional days, or `indefinite` (JSON has no Infinity). */
export type RetentionDays = number | 'indefinite';

/**
 * A retention period as written anywhere (a number, "90", "indefinitely"), or undefined when it is none. The
 * edge parsers store what this returns; readers turn `indefinite` into Infinity with {@link retentionInDays}.
 */
export function parseRetentionDays(v: unknown): RetentionDays | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : v === Infinity ? 'indefinite' : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (INDEFINITE_WORDS.has(s)) return 'indefinite';
  const n = Number(s);
  return s !== '' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Days to compare with a limit: `indefinite` is Infinity. */
export function retentionInDays(v: unknown): number | undefined {
  const r = parseRetentionDays(v);
  return r === 'indefinite' ? Infinity : r;
}

export interface NotetakerSettings {
  recording?: (typeof RECORDING_MODES)[number];
  can_disable?: boolean;
  audio_retention_days?: RetentionDays;
  transcript_retention_days?: RetentionDays;
  training?: (typeof TRAINING_SETTINGS)[number];
  consent_capture?: (typeof CONSENT_CAPTURE_MODES)[number];
  subprocessors?: string[];
  storage_region?: string;
  version?: string;
}

const oneOf = (values: readonly string[]) => (v: unknown) => typeof v === 'string' && values.includes(v);
const days = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0) || v === 'indefinite';
const shortText = (v: unknown) => typeof v === 'string' && v.length <= 40;

/** Each setting and the test its value must pass. */
export const NOTETAKER_SETTING_CHECKS: { readonly [K in keyof NotetakerSettings]-?: (v: unknown) => boolean } = {
  recording: oneOf(RECORDING_MODES),
  can_disable: (v) => typeof v === 'boolean',
  audio_retention_days: days,
  transcript_retention_days: days,
  training: oneOf(TRAINING_SETTINGS),
  consent_capture: oneOf(CONSENT_CAPTURE_MODES),
  subprocessors: (v) => Array.isArray(v) && v.length <= 200 && v.every((x) => typeof x === 'string'),
  storage_region: shortText,
  version: shortText,
};

/**
 * A system's settings as the graph carries them: the notetaker vocabulary typed (each edge — manifest, fleet
 * export, webhook — parses it once), beside whatever else a config recorded (install id, site, engine).
 */
export type SystemSettings = NotetakerSettings & { [key: string]: unknown };

/** Parses settings at the edge (a webhook's body): unknown names and bad values are refused with the reason. */
export function parseNotetakerSettings(input: unknown): NotetakerSettings {
  if (!input || typeof input !== 'object' || Array.isArray(input) || !Object.keys(input).length) throw new InvalidInputError('a setting change needs settings');
  for (const [k, v] of Object.entries(input)) {
    const check = NOTETAKER_SETTING_CHECKS[k as keyof NotetakerSettings];
    if (!check) throw new InvalidInputError(`unknown setting "${k}"; expected one of ${Object.keys(NOTETAKER_SETTING_CHECKS).join(', ')}`);
    if (!check(v)) throw new InvalidInputError(`invalid value for ${k}: ${JSON.stringify(v)}`);
  }
  return input as NotetakerSettings;
}
