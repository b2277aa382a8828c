/**
 * The Custody taxonomy from product.md. Names and values here are a public contract:
 * tests, reports, the API and the CLI use them exactly.
 */

export const SYSTEM_ROLES = [
  'practice', 'clinician', 'ehr', 'ai_notetaker', 'telehealth', 'clearinghouse', 'payer', 'billing_service',
  'therapy_platform', 'cloud_storage', 'communications', 'payment_processor', 'analytics_tracker',
  'llm_provider', 'data_broker', 'research', 'employer', 'government', 'other',
] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];

/** Default sensitivity per data category (0–1); config may override. */
export const DATA_CATEGORY_SENSITIVITY = {
  psychotherapy_notes: 1.0,
  session_recording: 1.0,
  substance_use: 1.0,
  immigration_status: 1.0,
  session_transcript: 0.95,
  political_activity: 0.9,
  progress_notes: 0.85,
  diagnosis: 0.8,
  treatment_plan: 0.75,
  claims: 0.7,
  insurance_ids: 0.6,
  demographics: 0.5,
  web_identifiers: 0.5,
  contact: 0.4,
  payment: 0.4,
  scheduling: 0.3,
  deidentified: 0.1,
} as const;
export type DataCategory = keyof typeof DATA_CATEGORY_SENSITIVITY;
export const DATA_CATEGORIES = Object.keys(DATA_CATEGORY_SENSITIVITY) as DataCategory[];

/** Categories that, in anyone's hands, make law-enforcement posture matter most. */
export const SENSITIVE_CATEGORIES: readonly DataCategory[] = [
  'psychotherapy_notes', 'session_recording', 'substance_use', 'immigration_status', 'session_transcript',
  'political_activity', 'progress_notes', 'diagnosis',
];

/** Roles that are business associates of the practice when they receive PHI (need a BAA). */
export const BUSINESS_ASSOCIATE_ROLES: readonly SystemRole[] = [
  'ehr', 'ai_notetaker', 'telehealth', 'clearinghouse', 'billing_service', 'therapy_platform', 'cloud_storage',
  'communications', 'llm_provider', 'analytics_tracker', 'other',
];

/** Roles that receive PHI as third parties, needing an authorization rather than a BAA. */
export const THIRD_PARTY_ROLES: readonly SystemRole[] = ['employer', 'research', 'government', 'data_broker'];

export const FACT_VALUES = {
  baa_offered: ['yes', 'no', 'unspecified'],
  breach_notice_days: 'number',
  subcontractor_flowdown: ['yes', 'no', 'unspecified'],
  subprocessors_named: 'list',
  ai_training_on_customer_data: ['allowed', 'prohibited', 'opt_in', 'opt_out', 'unspecified'],
  deidentified_data_use: ['allowed', 'prohibited', 'unspecified'],
  data_sale_or_marketing: ['allowed', 'prohibited', 'unspecified'],
  law_enforcement_disclosure: ['judicial_process_only', 'legal_process_with_notice', 'any_legal_request', 'unspecified'],
  record_ownership: ['customer', 'vendor', 'shared', 'unspecified'],
  return_or_destroy_on_termination: ['yes', 'no', 'unspecified'],
  audio_or_recording_retention_days: 'number',
  offshore_processing: ['yes', 'no', 'unspecified'],
} as const;
export type FactName = keyof typeof FACT_VALUES;
export const FACT_NAMES = Object.keys(FACT_VALUES) as FactName[];

type EnumOf<K extends FactName> = (typeof FACT_VALUES)[K] extends readonly string[] ? (typeof FACT_VALUES)[K][number] : never;

/** The value type of each fact: enum facts a string union, numeric facts number|null, lists string[]. */
export type FactValueMap = {
  [K in FactName]: (typeof FACT_VALUES)[K] extends 'number'
    ? number | null
    : (typeof FACT_VALUES)[K] extends 'list'
      ? string[]
      : EnumOf<K>;
};
export type FactValue = FactValueMap[FactName];

/** The value a fact takes when the document says nothing about it. */
export function unspecifiedValue<K extends FactName>(name: K): FactValueMap[K] {
  const spec = FACT_VALUES[name];
  if (spec === 'number') return null as FactValueMap[K];
  if (spec === 'list') return [] as unknown as FactValueMap[K];
  return 'unspecified' as FactValueMap[K];
}

export function isValidFactValue(name: FactName, value: unknown): boolean {
  const spec = FACT_VALUES[name];
  if (spec === 'number') return value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0);
  if (spec === 'list') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  return (spec as readonly string[]).includes(value as string);
}

export const FINDING_KINDS = [
  'missing_baa', 'expired_baa', 'no_subcontractor_flowdown', 'baa_chain_break', 'psychotherapy_notes_exposed',
  'ai_training', 'deidentified_reuse', 'data_sale_or_marketing', 'weak_law_enforcement_posture',
  'vendor_owns_records', 'no_return_or_destroy', 'slow_breach_notice', 'recording_retention',
  'notetaker_cannot_disable', 'recording_without_consent', 'claims_aggregation', 'tracking_technology',
  'unencrypted_transport', 'offshore_processing', 'unauthorized_third_party_disclosure',
  'identifiable_research_data', 'minimum_necessary', 'part2_without_consent', 'sensitive_detail_exposed',
  'secret_in_config', 'aggregation_hub',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export const LENSES = ['default', 'immigrant-clients', 'high-profile-client', 'substance-use', 'minors'] as const;
export type Lens = (typeof LENSES)[number];

export const DOCUMENT_KINDS = ['baa', 'privacy_policy', 'terms', 'dpa', 'contract', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What a stored document is, as far as the pipeline is concerned. */
export const DOCUMENT_TYPES = ['contract', 'manifest', 'integration_config', 'fleet_export', 'setting_change', 'unknown'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_STATUSES = ['received', 'processing', 'processed', 'unparsed', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const TRANSPORTS = ['https', 'http', 'sftp', 'ftp', 'mllp', 'mllp_tls', 'tcp', 'smtp', 'smtp_tls', 'fax', 'sms', 'database', 'file', 'websocket', 'queue', 'api', 'unknown'] as const;
export type Transport = (typeof TRANSPORTS)[number];
/** Transports that carry data without encryption in transit (164.312(e)). */
export const UNENCRYPTED_TRANSPORTS: readonly Transport[] = ['http', 'ftp', 'mllp', 'tcp', 'smtp'];

export const LEGAL_BASES = ['baa', 'authorization', 'tpo', 'deidentified', 'none_known'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
