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
}
