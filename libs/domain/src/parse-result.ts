import type { Evidence } from './evidence.js';
import type { SystemSettings } from './notetaker-settings.js';
import type { DataCategory, SystemRole, Transport } from './taxonomy.js';

/** A system a manifest or config declares or implies. */
export interface SystemDecl {
  id: string;
  name: string;
  role: SystemRole;
  holds?: DataCategory[];
  /** Free-form settings (notetaker settings, storage region, install metadata). */
  settings?: SystemSettings;
  /** Host names that identify the system (used to merge systems seen in several configs). */
  hosts?: string[];
  evidence?: Evidence[];
  /** Fleet installs: the group this install belongs to. */
  group?: { vendor?: string; site?: string };
}

export interface FlowDecl {
  from: string;
  to: string;
  data: DataCategory[];
  transport: Transport;
  purpose?: string;
  /** When the config names an endpoint: the URL/host/port/path. */
  endpoint?: string;
  evidence: Evidence[];
}

export interface ConsentDecl {
  to: string;
  data: DataCategory[];
  purpose?: string;
  expires?: string;
  /** e.g. `part2` for a 42 CFR Part 2 consent. */
  type?: 'authorization' | 'part2' | 'recording';
  evidence?: Evidence[];
}

export interface Redaction {
  /** What kind of secret: password, token, api_key, private_key, connection_string. */
  kind: string;
  path?: string;
  line?: number;
  /** Never the secret itself: a fixed mask. */
  replacement: string;
}

/** Output of `custody parse FILE --format json` (product.md) and of each integration parser. */
export interface ParseResult {
  format: string;
  systems: SystemDecl[];
  flows: FlowDecl[];
  consents?: ConsentDecl[];
  redactions: Redaction[];
  /** Declared field lists that hold Safe Harbor identifiers, when an export claims de-identification. */
  identifiers?: { field: string; identifier: string; evidence: Evidence }[];
  /** Parts that could not be interpreted: kept and reported, never dropped. */
  unparsed?: { reason: string; path?: string }[];
  warnings?: string[];
}
