import type { DataKeyring } from './data-keys.js';

/**
 * What each sealed column's authenticated data names: the row (and column) a ciphertext belongs to, so a
 * ciphertext moved to another row does not open. One place, shared by writes, reads and re-encryption.
 */
export const aad = {
  blob: (sha256: string) => `blob:${sha256}`,
  analysis: (documentId: string) => `document-analysis:${documentId}`,
  projection: (documentId: string) => `document-projection:${documentId}`,
  evidence: (documentId: string, name: string) => `fact-evidence:${documentId}:${name}`,
  // Read models: table, workspace, row and column, so a ciphertext moved to another workspace, row or column
  // does not open (a finding id is only unique within its workspace). The workspace id is a uuid, which
  // PostgreSQL reads back in lower case whatever case it was written in: reads that take it from the row and
  // writes that take it from the caller must name it the same way.
  graph: (workspaceId: string) => `graph_projection:${uuidText(workspaceId)}:graph`,
  finding: (workspaceId: string, id: string) => `finding:${uuidText(workspaceId)}:${id}:data`,
  findingHead: (workspaceId: string, id: string) => `finding:${uuidText(workspaceId)}:${id}:head`,
  score: (workspaceId: string) => `score:${uuidText(workspaceId)}:data`,
  // The grouped view a scoring run stored: of that run's graph version and lens only (a view moved from another
  // run's row, or with the clear lens column edited, fails closed).
  groupedView: (workspaceId: string, graphVersion: number, lens: string) => `score:${uuidText(workspaceId)}:grouped:${graphVersion}:${lens}`,
};

/** A uuid as PostgreSQL prints it (lower case). */
function uuidText(id: string): string {
  return id.toLowerCase();
}

/** A blob's bytes: opened when sealed, as stored when the row predates encryption (`keyId` NULL). */
export function openBlob(keys: DataKeyring, row: { sha256: string; content: Buffer; keyId: string | null }): Buffer {
  return row.keyId ? keys.open(row.keyId, row.content, aad.blob(row.sha256)) : row.content;
}

export function openAnalysis(keys: DataKeyring, row: { id: string; analysis: unknown; analysisSealed: Buffer | null; analysisKeyId: string | null }): unknown {
  return row.analysisSealed && row.analysisKeyId ? keys.openJson(row.analysisKeyId, row.analysisSealed, aad.analysis(row.id)) : row.analysis;
}

export function openEvidence(keys: DataKeyring, row: { documentId: string; name: string; evidence: unknown; evidenceSealed: Buffer | null; keyId: string | null }): unknown {
  return row.evidenceSealed && row.keyId ? keys.openJson(row.keyId, row.evidenceSealed, aad.evidence(row.documentId, row.name)) : row.evidence;
}

/** A read-model payload: opened when sealed (`keyId` set), as stored when the row predates sealing. */
export function openReadModel<T>(keys: DataKeyring, row: { clear: unknown; sealed: Buffer | null; keyId: string | null }, aadText: string): T {
  return (row.sealed && row.keyId ? keys.openJson<T>(row.keyId, row.sealed, aadText) : row.clear) as T;
}
