/**
 * The one way data categories, roles and fact values become words for people: finding text (rules) and
 * reports both read their labels here, so a reader never meets a stored enum such as `any_legal_request`.
 */
import type { SystemRole } from './taxonomy.js';
import type { DataCategory, FindingKind } from './taxonomy.js';
import { regionName } from './regions.js';
import type { NotetakerSettings } from './notetaker-settings.js';

const CATEGORY_WORDS: Partial<Record<DataCategory, string>> = {
  insurance_ids: 'insurance IDs', web_identifiers: 'web identifiers', deidentified: 'de-identified data', contact: 'contact details',
  payment: 'payment details', scheduling: 'appointments', claims: 'insurance claims', diagnosis: 'diagnoses',
  session_recording: 'session recordings', session_transcript: 'session transcripts', treatment_plan: 'treatment plans',
};

/** Human label for a data category (`session_transcript` → `session transcripts`). */
export function categoryLabel(c: DataCategory): string {
  return CATEGORY_WORDS[c] ?? c.replace(/_/g, ' ');
}

/** Words listed as a reader writes them: `a`, `a and b`, `a, b and c`. */
export function wordList(words: readonly string[]): string {
  if (words.length < 2) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * Names listed for a table cell or a value: `a, b, c`, or `a; b; c` when a name has its own comma (`OpenAI,
 * L.L.C.; Deepgram, Inc.`), where commas alone would not tell three companies from six.
 */
export function nameList(names: readonly unknown[]): string {
  const text = names.map(String);
  return text.join(text.some((n) => n.includes(',')) ? '; ' : ', ');
}

/** Data categories as one phrase (`session recordings, contact details and appointments`). */
export function categoryList(categories: readonly DataCategory[]): string {
  return wordList(categories.map(categoryLabel));
}

const ROLE_WORDS: Partial<Record<SystemRole, string>> = {
  ehr: 'EHR', ai_notetaker: 'AI notetaker', llm_provider: 'LLM provider', analytics_tracker: 'analytics / tracking',
  communications: 'email / SMS / fax',
};

/** Human label for a role (`ai_notetaker` → `AI notetaker`). */
export function roleLabel(r: SystemRole): string {
  return ROLE_WORDS[r] ?? r.replace(/_/g, ' ');
}

// A role's label reads as a noun only with a head word: "a research" is not English, "a research party" is.
const ROLE_NOUN: Partial<Record<SystemRole, string>> = {
  research: 'research party', government: 'government agency', analytics_tracker: 'analytics or tracking vendor',
  communications: 'email, SMS or fax service', cloud_storage: 'cloud storage service', other: 'third party',
};

/** A role as a noun with its article, for a sentence (`an employer`, `a research party`, `an EHR`). */
export function roleNoun(r: SystemRole): string {
  const noun = ROLE_NOUN[r] ?? roleLabel(r);
  return `${/^([aeio]|EHR|LLM)/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

const VALUE_TEXT: Record<string, string> = {
  yes: 'Yes', no: 'No', unspecified: 'Not stated', allowed: 'Allowed', prohibited: 'Prohibited', opt_in: 'Only if you opt in',
  opt_out: 'Yes, unless you opt out', customer: 'Your practice', vendor: 'The vendor', shared: 'Shared',
  judicial_process_only: 'Only on a court order', legal_process_with_notice: 'On legal process, after telling you',
  any_legal_request: 'On any legal request, e.g. an administrative subpoena',
};

/** A fact's value in plain words, for a table cell (never a raw enum such as `any_legal_request`). */
export function factValueText(value: unknown): string {
  if (value === null || value === undefined) return 'Not stated';
  if (typeof value === 'number') return `${value} days`;
  if (Array.isArray(value)) return value.length ? nameList(value) : 'None named';
  return VALUE_TEXT[String(value)] ?? String(value).replace(/_/g, ' ');
}

// Inside a sentence a value is a phrase about the vendor, in the third person ("the practice", not "you").
const VALUE_PHRASE: Record<string, string> = {
  unspecified: 'not stated', allowed: 'allowed', prohibited: 'prohibited', opt_in: 'only if the practice opts in',
  opt_out: 'allowed unless the practice opts out', customer: 'the practice', vendor: 'the vendor', shared: 'shared',
  judicial_process_only: 'discloses only on a court order', legal_process_with_notice: 'discloses on legal process after notifying the practice',
  any_legal_request: 'discloses on any legal request', no_contract: 'no contract on file', none: 'none', true: 'yes', false: 'no',
  per_session: 'per session',
};

/** A fact or setting value as a lower-case phrase inside a sentence (`any_legal_request` → `discloses on any legal request`). */
export function valuePhrase(value: unknown): string {
  if (value === null || value === undefined) return 'not stated';
  if (typeof value === 'number') return `${value} days`;
  if (Array.isArray(value)) return value.length ? wordList(value.map(String)) : 'none named';
  return VALUE_PHRASE[String(value)] ?? String(value).replace(/_/g, ' ');
}

// The fleet summary's setting names, one vocabulary for the report (PDF, HTML, Markdown) and the dashboard: every
// setting of the notetaker vocabulary (typed, so a new setting cannot go without a label).
const SETTING_WORDS: Record<keyof NotetakerSettings, string> = {
  recording: 'Recording', can_disable: 'Clinician can disable', training: 'AI training', consent_capture: 'Consent capture',
  audio_retention_days: 'Audio retention (days)', transcript_retention_days: 'Transcript retention (days)',
  storage_region: 'Storage region', subprocessors: 'Subprocessors', version: 'Software version',
};

/** A fleet export's setting name as a label (`can_disable` → `Clinician can disable`); an unknown key as capitalised words. */
export function settingLabel(key: string): string {
  const k = key.replace(/^settings\./, '');
  if (Object.hasOwn(SETTING_WORDS, k)) return SETTING_WORDS[k as keyof NotetakerSettings];
  const words = settingPhrase(k);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A setting's name inside a sentence, lower case (`its audio retention days setting`). */
export function settingPhrase(key: string): string {
  return key.replace(/^settings\./, '').replace(/[_-]+/g, ' ');
}

// A finding kind's short name, where a list or filter names the kind beside a finding's own (longer) title.
const KIND_WORDS: Record<FindingKind, string> = {
  missing_baa: 'Missing BAA', expired_baa: 'Expired BAA', no_subcontractor_flowdown: 'No subcontractor flow-down',
  baa_chain_break: 'BAA chain break', psychotherapy_notes_exposed: 'Psychotherapy notes exposed', ai_training: 'AI training',
  deidentified_reuse: 'De-identified data reuse', data_sale_or_marketing: 'Data sale or marketing',
  weak_law_enforcement_posture: 'Weak law-enforcement posture', vendor_owns_records: 'Vendor owns records',
  no_return_or_destroy: 'No return or destruction', slow_breach_notice: 'Slow breach notice', recording_retention: 'Recording retention',
  notetaker_cannot_disable: 'Notetaker cannot be disabled', recording_without_consent: 'Recording without consent',
  claims_aggregation: 'Claims aggregation', tracking_technology: 'Tracking technology', unencrypted_transport: 'Unencrypted transport',
  offshore_processing: 'Offshore processing', unauthorized_third_party_disclosure: 'Unauthorized third-party disclosure',
  identifiable_research_data: 'Identifiable research data', minimum_necessary: 'More than minimum necessary',
  part2_without_consent: 'Part 2 records without consent', sensitive_detail_exposed: 'Sensitive detail exposed',
  secret_in_config: 'Secret in config', aggregation_hub: 'Aggregation hub',
};

/** A finding kind's display name (`missing_baa` → `Missing BAA`), never the stored enum. */
export function kindLabel(kind: string): string {
  // Own keys only: a settings or kind name such as `constructor` would otherwise read Object's function.
  const words = Object.hasOwn(KIND_WORDS, kind) ? KIND_WORDS[kind as FindingKind] : kind.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A setting's value as words: exports write booleans as `true`/`false`, and regions as codes (`PH`: Philippines). */
export function settingValue(value: string, key?: string): string {
  if (key === 'storage_region') return regionName(value);
  return value === 'true' ? 'yes' : value === 'false' ? 'no' : value.replace(/_/g, ' ');
}

const LENS_WORDS: Record<string, string> = {
  default: 'Default', 'immigrant-clients': 'Immigrant clients', 'high-profile-client': 'High-profile client',
  'substance-use': 'Substance use (42 CFR Part 2)', minors: 'Minors',
};

/** A lens as its population's name (`immigrant-clients` → `Immigrant clients`); a manifest's joined lenses (`a+b`) each so. */
export function lensLabel(lens: string): string {
  return lens.split('+').map((l) => LENS_WORDS[l] ?? l.replace(/[-_]+/g, ' ')).join(' + ');
}

const LEGAL_BASIS_TEXT: Record<string, string> = { baa: 'BAA', authorization: 'client authorization', tpo: 'treatment, payment or operations', deidentified: 'de-identified', none_known: 'none known' };

/** A flow's legal basis in words (`none_known` → `none known`). */
export function legalBasisText(basis: string): string {
  return LEGAL_BASIS_TEXT[basis] ?? basis.replace(/_/g, ' ');
}

/**
 * What a finding's "+N pts" means, where the dashboard shows it. A reader adds the points of a list up and finds far
 * less than the score (16 of 80 on the example practice): the workspace total bends toward 100 over all findings'
 * hazard, so while the others remain each fix alone takes off less (`score.overlap`, libs/rules/SCORE.md §4),
 * whether or not the findings share systems or records.
 */
export const POINTS_MEANING = 'Points: what fixing a finding alone takes off the score. The score rises ever more slowly as exposure adds up ' +
  '(it stays below 100), so while other findings remain each fix takes off less than it would on its own: the points of all findings add up to less than the score; fixing them all brings it to 0.';
