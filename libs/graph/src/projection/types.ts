import type { Evidence, ExtractionResult, FactCorrection, Graph, ParseResult, SystemRole } from '@custody/domain';
import type { Manifest } from '../manifest/index.js';

/** Looks a host name or vendor name up in the vendor catalogue (libs/integrations' `lookupVendor`). */
export type VendorResolver = (hostOrName: string) => { name: string; role: SystemRole } | undefined;

/** An extracted contract (BAA, terms, DPA, privacy policy) as stored. */
export interface ContractInput {
  documentId: string;
  file: string;
  /** Content hash; orders inputs (see {@link inputOrder}) so random document ids cannot change the graph. */
  sha256?: string;
  result: ExtractionResult;
}

/** A parsed integration config or fleet export as stored. */
export interface ConfigInput {
  documentId: string;
  file: string;
  /** Content hash; orders inputs (see {@link inputOrder}). */
  sha256?: string;
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

/**
 * The order the projection reads contracts and configs in: by content (sha256), then file name, then id.
 * Document ids are random UUIDs given at upload, so ordering by id made two ingests of the same files
 * give different graphs, findings and scores (issue 12: 203 vs 202 findings).
 */
export function inputOrder(a: { documentId: string; file: string; sha256?: string }, b: { documentId: string; file: string; sha256?: string }): number {
  const ka = `${a.sha256 ?? ''}\u0000${a.file}\u0000${a.documentId}`;
  const kb = `${b.sha256 ?? ''}\u0000${b.file}\u0000${b.documentId}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Everything the projection reads. Order of `contracts` and `configs` does not matter: both are sorted. */
export interface ProjectionInput {
  manifest?: Manifest & { documentId: string; file: string };
  contracts: ContractInput[];
  configs: ConfigInput[];
  /** Human corrections per document id, applied to that contract's facts before projection. */
  corrections?: Record<string, FactCorrection[]>;
  /** Systems people linked contracts to, by document id: wins over the manifest's `documents:` and name matching. */
  links?: Record<string, string>;
  /** Webhook-pushed setting changes (drift), applied after configs and before sub-processor expansion. */
  settingChanges?: SettingChangeInput[];
  /** ISO timestamp the graph is "as of": decides which BAAs and consents have expired. */
  asOf: string;
  resolveVendor?: VendorResolver;
  /**
   * What `resolveVendor` answers from (e.g. the vendor catalogue it was given): two inputs with the same key
   * resolve alike, so a later projection may build on this one's work although each call makes a new resolver.
   */
  resolverKey?: unknown;
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
