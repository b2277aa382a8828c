import type { Evidence, ExtractionResult, FactCorrection, Graph, ParseResult, SystemRole } from '@custody/domain';
import type { Manifest } from '../manifest/index.js';

/** Looks a host name or vendor name up in the vendor catalogue (libs/integrations' `lookupVendor`). */
export type VendorResolver = (hostOrName: string) => { name: string; role: SystemRole } | undefined;

/** An extracted contract (BAA, terms, DPA, privacy policy) as stored. */
export interface ContractInput {
  documentId: string;
  file: string;
  result: ExtractionResult;
}

/** A parsed integration config or fleet export as stored. */
export interface ConfigInput {
  documentId: string;
  file: string;
  result: ParseResult;
}

/** A settings change pushed by webhook: applied over the declared settings, in time order. */
export interface SettingChangeInput {
  documentId: string;
  file: string;
  /** ISO time the change happened (as reported by the sender, else received). */
  at: string;
  /** System id, fleet install id, or name. */
  system: string;
  settings: Record<string, unknown>;
  evidence: Evidence[];
}

/** Everything the projection reads. Order of `contracts` and `configs` does not matter: both are sorted. */
export interface ProjectionInput {
  manifest?: Manifest & { documentId: string; file: string };
  contracts: ContractInput[];
  configs: ConfigInput[];
  /** Human corrections per document id, applied to that contract's facts before projection. */
  corrections?: Record<string, FactCorrection[]>;
  /** Webhook-pushed setting changes (drift), applied after configs and before sub-processor expansion. */
  settingChanges?: SettingChangeInput[];
  /** ISO timestamp the graph is "as of": decides which BAAs and consents have expired. */
  asOf: string;
  resolveVendor?: VendorResolver;
  /** The practice's name when no manifest gives one (e.g. the workspace name); default "Practice". */
  practiceName?: string;
}

/** The graph plus what the projection could not place, for the pipeline to report. */
export interface ProjectionReport {
  graph: Graph;
  /** Document ids of contracts that matched no system (by manifest `documents:` or by vendor/party name). */
  unattached: string[];
  /** Human-readable notes: placeholders created, manifest documents never ingested, corrections ignored. */
  warnings: string[];
}
