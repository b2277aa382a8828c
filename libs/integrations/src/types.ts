import type { ParseResult, SystemRole } from '@custody/domain';

/** Options shared by every entry point. */
export interface ParseOptions {
  /** File name as the user gave it: copied into evidence, never used to pick a parser. */
  fileName?: string;
  /** Reject input larger than this many bytes (default 50 MB). */
  maxBytes?: number;
  /** Extra known vendors, consulted before the built-in catalogue. */
  vendors?: VendorEntry[];
}

/** One known vendor: how to recognise it by host name or by name, and what role it plays. */
export interface VendorEntry {
  name: string;
  role: SystemRole;
  /** Host suffixes (`openai.com` matches `api.openai.com`). */
  hosts?: string[];
  /** Lower-case names or name fragments matched on word boundaries (`deepgram`, `change healthcare`). */
  aliases?: string[];
  /** Finer grain than the role, e.g. `transcription`, `pixel`, `session_replay`. */
  kind?: string;
}

/** Default input size limit: 50 MB. Larger inputs are rejected before they are decoded. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** A format parser: works on text whose secrets are already redacted. */
export type FormatParser = (ctx: import('./builder.js').ParseContext) => ParseResult;
