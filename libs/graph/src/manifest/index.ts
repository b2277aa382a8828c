export { parseManifest } from './parse-manifest.js';
export { manifestJsonSchema, manifestSchema, notetakerSettingsSchema } from './manifest.schema.js';
export type { ManifestInput } from './manifest.schema.js';
export type { Manifest, ManifestConsent, ManifestDocument, ManifestFlow, ManifestSystem } from './manifest.js';
export { MAX_ALIAS_COUNT, MAX_MANIFEST_BYTES } from '@custody/domain/safe-yaml';
export { parseTriageFile, TRIAGE_FILE_NAME, type TriageDecision } from './triage-file.js';
