import type { DocumentStatus, DocumentType, EventType, FactCorrection, Finding, RecordedEvent } from '@custody/domain';
import type { DocumentAnalysis } from './analyze-document.js';
import type { AnalyzedDocument } from './build-audit.js';

/**
 * The part of the store the audit core reads: documents and events of a workspace. A port, so this library
 * stays free of the database (persistence's repositories satisfy it as they are).
 */
export interface WorkspaceRecords {
  documents: {
    list(workspaceId: string): Promise<{
      id: string; fileName: string; sha256: string; type: DocumentType; status: DocumentStatus; reason?: string; format?: string;
      analysis?: unknown; createdAt: string; processedAt?: string;
    }[]>;
  };
  events: { ofType<T extends EventType>(workspaceId: string, types: readonly T[]): Promise<RecordedEvent<T>[]> };
}

/**
 * Reads a workspace's analysed documents (optionally as they stood at `asOf`) — the input of the
 * projection. Documents received after `asOf` are left out; analyses are deterministic, so replaying them
 * gives the graph of that moment.
 */
export async function loadAnalyzedDocuments(db: WorkspaceRecords, workspaceId: string, asOf?: Date): Promise<AnalyzedDocument[]> {
  const docs = await db.documents.list(workspaceId);
  return docs
    .filter((d) => !asOf || new Date(d.createdAt) <= asOf)
    .map((d) => ({
      id: d.id,
      file: d.fileName,
      sha256: d.sha256,
      receivedAt: d.createdAt,
      type: d.type,
      status: asOf && d.processedAt && new Date(d.processedAt) > asOf ? 'processing' : d.status,
      reason: d.reason,
      format: d.format,
      analysis: asOf && d.processedAt && new Date(d.processedAt) > asOf ? undefined : (d.analysis as DocumentAnalysis | undefined),
    }));
}

/** Human fact corrections, from `FactCorrected` events: the latest per document and fact wins. */
export async function loadCorrections(db: WorkspaceRecords, workspaceId: string, asOf?: Date): Promise<Record<string, FactCorrection[]>> {
  const events = await db.events.ofType(workspaceId, ['FactCorrected']);
  const out: Record<string, FactCorrection[]> = {};
  for (const e of events) {
    if (asOf && new Date(e.at) > asOf) continue;
    const p = e.payload;
    (out[p.documentId] ??= []).push({ fact: p.fact, value: p.value, reason: p.reason, by: e.actor, at: e.at });
  }
  return out;
}

/** Systems people linked contracts to (`DocumentLinked` events), by document id; the latest link wins. */
export async function loadDocumentLinks(db: WorkspaceRecords, workspaceId: string, asOf?: Date): Promise<Record<string, string>> {
  const events = await db.events.ofType(workspaceId, ['DocumentLinked']);
  const out: Record<string, string> = {};
  for (const e of events) {
    if (asOf && new Date(e.at) > asOf) continue;
    out[e.payload.documentId] = e.payload.system;
  }
  return out;
}

/** Triage decisions by finding id (`ruleId@subject`), so they survive re-runs; with `asOf`, those made by then. */
export async function loadTriage(db: WorkspaceRecords, workspaceId: string, asOf?: Date): Promise<Map<string, NonNullable<Finding['triage']>>> {
  const events = await db.events.ofType(workspaceId, ['FindingTriaged']);
  const out = new Map<string, NonNullable<Finding['triage']>>();
  for (const e of events) {
    if (asOf && new Date(e.at) > asOf) continue;
    const p = e.payload;
    out.set(p.findingId, { status: p.status, reason: p.reason, by: e.actor, at: e.at });
  }
  return out;
}
