import type { ExtractedDocumentInfo, FactSet } from './facts.js';
import type { Finding, Score } from './finding.js';
import type { GraphFlow, GraphSystem, PracticeInfo } from './graph.js';
import type { DocumentStatus, DocumentType, Lens } from './taxonomy.js';

export interface AuditDocument {
  id: string;
  file: string;
  type: DocumentType;
  status: DocumentStatus;
  /** Why a document is unparsed or failed: always said, never silent. */
  reason?: string;
  format?: string;
  system?: string;
  info?: ExtractedDocumentInfo;
  facts?: FactSet;
}

/**
 * One audit of a workspace: what `custody audit --format json` prints and every report renderer reads.
 */
export interface AuditReport {
  workspace: { id: string; name: string };
  generatedAt: string;
  lens: Lens;
  practice: PracticeInfo;
  score: Score;
  systems: GraphSystem[];
  flows: GraphFlow[];
  findings: Finding[];
  documents: AuditDocument[];
  /** Rules that threw: reported, the audit goes on. */
  ruleErrors: { ruleId: string; message: string }[];
  /**
   * Set when the report is a vendor assessment (the input gave no system, so each contract's vendor was assessed from
   * its terms: {@link GraphSystem.assessed}): its findings rate terms under assumed flows, not a running stack. Said
   * here so a consumer need not scan the systems to tell; absent for an audit of declared systems.
   */
  assessed?: true;
  /**
   * Set on a vendor assessment whose every assessed system is a template ({@link GraphSystem.template}): no vendor is
   * named, so the score rates no one (a 0 is no clean bill) and the reports show it as not applicable. Added beside
   * `score`, which keeps its number for consumers that read it.
   */
  template?: true;
}
