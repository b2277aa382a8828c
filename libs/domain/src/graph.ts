import type { Evidence } from './evidence.js';
import type { SystemSettings } from './notetaker-settings.js';
import type { FactSet } from './facts.js';
import type { ConsentDecl } from './parse-result.js';
import type { DataCategory, DocumentKind, LegalBasis, Lens, SystemRole, Transport } from './taxonomy.js';

/** A contract attached to a system, with the facts extracted (and corrected) from it. */
export interface AttachedContract {
  documentId: string;
  file: string;
  kind: DocumentKind;
  facts: FactSet;
  expires?: string;
  /** The clause stating {@link expires}, stamped with its document. */
  expiresEvidence?: Evidence[];
  /**
   * Set when the contract is not this system's own but binds it through another's: a vendor's BAA whose
   * subcontractor flow-down names this sub-processor imposes its terms here (45 CFR 164.504(e)(2)(ii)(D)).
   */
  via?: { system: string; relation: 'flowdown' };
}

export interface GraphSystem {
  id: string;
  name: string;
  role: SystemRole;
  /** Categories the system is declared to hold (besides what flows into it). */
  holds: DataCategory[];
  settings: SystemSettings;
  contracts: AttachedContract[];
  evidence: Evidence[];
  group?: { vendor?: string; site?: string };
  /**
   * Set on a vendor that no configuration or manifest declares, made from its own contract because the input
   * gave no systems at all (a practice owner assessing a vendor before adopting it: see the projection's
   * assessed-vendors.ts). Its inbound flow is an assumption, marked the same way, not something observed.
   */
  assessed?: true;
  /**
   * Set on an assessed system made from a template whose party's name is a blank to fill in ("[Insert Name of
   * Business Associate]"): no vendor signed or offered those terms, so its findings read the clauses as written,
   * rating no one.
   */
  template?: true;
  /**
   * Set on an assessed system made from terms whose vendor's name was not found (a policy that says "we" throughout, no
   * blank to fill): they are a vendor's terms and are scored, under a name taken from the file ("Unnamed vendor (no name
   * found in policy.md)"), which the reports and the CLI say is not the vendor's own.
   */
  unnamed?: true;
}

export interface GraphFlow {
  /** Stable id `from->to` (plus a suffix when two flows share endpoints). */
  id: string;
  from: string;
  to: string;
  data: DataCategory[];
  transport: Transport;
  purpose?: string;
  legalBasis: LegalBasis;
  endpoint?: string;
  evidence: Evidence[];
  /** Assumed for a vendor assessment (see {@link GraphSystem.assessed}): what the practice would send it, not a flow seen in any config. */
  assessed?: true;
}

export interface PracticeInfo {
  name: string;
  jurisdiction?: string;
  lenses: Lens[];
  records: { psychotherapy_notes_kept_separately?: boolean; documents_sensitive?: DataCategory[]; keeps_own_copy?: boolean };
}

/** A secret found (and redacted) in a config: rules turn these into `secret_in_config` findings. */
export interface GraphRedaction {
  documentId: string;
  file: string;
  kind: string;
  path?: string;
  line?: number;
}

export interface GraphIdentifierExposure {
  documentId: string;
  file: string;
  system?: string;
  field: string;
  identifier: string;
  evidence: Evidence;
}

/**
 * The projected PHI flow graph of one workspace: the only input rules see.
 * Raw documents are parsed once into this shape (Threagile's ParseModel → Model).
 */
export interface Graph {
  practice: PracticeInfo;
  systems: GraphSystem[];
  flows: GraphFlow[];
  consents: ConsentDecl[];
  redactions: GraphRedaction[];
  identifiers: GraphIdentifierExposure[];
  /** Settings Custody itself applies (limits in days etc.), from config. */
  asOf: string;
}

/**
 * `g` with some of its parts replaced, built as the projection builds a graph (every key, in the interface's
 * order), so it has the hidden class of a projected graph. A spread (`{ ...g, systems }`) made another shape:
 * the rules, compiled on the full audit's graph, then deoptimised and were compiled again on the first re-audit
 * that judged a subgraph or a replayed graph (issue 11's first incremental re-audit after a full audit).
 */
export function graphWith(g: Graph, parts: Partial<Graph>): Graph {
  return {
    practice: parts.practice ?? g.practice,
    systems: parts.systems ?? g.systems,
    flows: parts.flows ?? g.flows,
    consents: parts.consents ?? g.consents,
    redactions: parts.redactions ?? g.redactions,
    identifiers: parts.identifiers ?? g.identifiers,
    asOf: parts.asOf ?? g.asOf,
  };
}

export const PRACTICE_ID = 'practice';

/** The lens an audit uses when none is asked for: the practice's first declared lens, else `default`. */
export function defaultLens(practice: Pick<PracticeInfo, 'lenses'>): Lens {
  return practice.lenses[0] ?? 'default';
}
