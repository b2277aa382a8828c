import { InvalidInputError } from './errors.js';

/** The notetaker settings vocabulary (product.md), defined once for the manifest, fleet exports and webhooks. */
export const RECORDING_MODES = ['always', 'per_session', 'off'] as const;
export const TRAINING_SETTINGS = ['allowed', 'opt_out', 'opt_in', 'prohibited'] as const;
export const CONSENT_CAPTURE_MODES = ['none', 'verbal', 'written'] as const;

export interface NotetakerSettings {
  recording?: (typeof RECORDING_MODES)[number];
  can_disable?: boolean;
  audio_retention_days?: number;
  transcript_retention_days?: number;
  training?: (typeof TRAINING_SETTINGS)[number];
  consent_capture?: (typeof CONSENT_CAPTURE_MODES)[number];
  subprocessors?: string[];
  storage_region?: string;
  version?: string;
}

const oneOf = (values: readonly string[]) => (v: unknown) => typeof v === 'string' && values.includes(v);
const days = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
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
