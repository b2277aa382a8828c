import type { DocumentStatus, DocumentType, EventType, FactCorrection, Finding, RecordedEvent } from '@custody/domain';
import type { DocumentAnalysis } from './analyze-document.js';
import type { AnalyzedDocument } from './build-audit.js';
import { ProjectionInputCache } from './projection-cache.js';
import { projectionInput, storedProjectionInput } from './projection-input.js';

/**
 * The part of the store the audit core reads: documents and events of a workspace. A port, so this library
 * stays free of the database (persistence's repositories satisfy it as they are).
 */
export interface WorkspaceRecords {
  documents: {
    list(workspaceId: string, opts?: { analysis?: boolean }): Promise<{
      id: string; fileName: string; sha256: string; type: DocumentType; status: DocumentStatus; reason?: string; format?: string;
      analysis?: unknown; createdAt: string; processedAt?: string;
    }[]>;
    /**
     * The stored projection inputs of these documents (a row stored before they existed gives its analysis
     * instead), with their stored size. Optional: without it the analyses of `list` are reduced here.
     */
    projectionInputs?(ids: string[]): Promise<Map<string, { projection?: unknown; analysis?: unknown; bytes: number }>>;
  };
  events: { ofType<T extends EventType>(workspaceId: string, types: readonly T[]): Promise<RecordedEvent<T>[]> };
}

/** Documents whose projection inputs are read in one query (each is a few kilobytes; see projection-input.ts). */
const INPUT_BATCH = 50;

/**
 * Reads a workspace's analysed documents (optionally as they stood at `asOf`) — the input of the
 * projection. Documents received after `asOf` are left out; analyses are deterministic, so replaying them
 * gives the graph of that moment. Each document carries its projection input (projection-input.ts), not its
 * full analysis: the bounded form every graph is projected from, whichever process projects it. With a
 * `cache`, inputs already opened are not read and decrypted again.
 */
export async function loadAnalyzedDocuments(db: WorkspaceRecords, workspaceId: string, asOf?: Date, cache?: ProjectionInputCache): Promise<AnalyzedDocument[]> {
  const reader = db.documents.projectionInputs?.bind(db.documents);
  const docs = (await db.documents.list(workspaceId, reader ? { analysis: false } : {})).filter((d) => !asOf || new Date(d.createdAt) <= asOf);
  const pending = (d: (typeof docs)[number]) => Boolean(asOf && d.processedAt && new Date(d.processedAt) > asOf);
  const inputs = new Map<string, DocumentAnalysis>();
  if (reader) {
    const missing: typeof docs = [];
    for (const d of docs) {
      if (!d.processedAt || pending(d)) continue;
      const hit = cache?.get(ProjectionInputCache.key(d));
      if (hit) inputs.set(d.id, hit);
      else missing.push(d);
    }
    for (let i = 0; i < missing.length; i += INPUT_BATCH) {
      const batch = missing.slice(i, i + INPUT_BATCH);
      const stored = await reader(batch.map((d) => d.id));
      for (const d of batch) {
        const row = stored.get(d.id);
        const input = storedProjectionInput(row?.projection) ?? (row?.analysis ? projectionInput(row.analysis as DocumentAnalysis) : undefined);
        if (!input) continue;
        inputs.set(d.id, input.analysis);
        cache?.set(ProjectionInputCache.key(d), input.analysis, row!.bytes);
      }
    }
  } else {
    for (const d of docs) if (d.analysis && !pending(d)) inputs.set(d.id, projectionInput(d.analysis as DocumentAnalysis).analysis);
  }
  return docs.map((d) => ({
    id: d.id,
    file: d.fileName,
    sha256: d.sha256,
    receivedAt: d.createdAt,
    type: d.type,
    status: pending(d) ? 'processing' : d.status,
    reason: d.reason,
    format: d.format,
    analysis: inputs.get(d.id),
  }));
}

/** Human fact corrections, from `FactCorrected` events: the latest per document and fact wins. */
export async function loadCorrections(db: WorkspaceRecords, workspaceId: string, asOf?: Date): Promise<Record<string, FactCorrection[]>> {
  const events = await db.events.ofType(workspaceId, ['FactCorrected']);
  const out: Record<string, FactCorrection[]> = {};
  for (const e of events) {
    if (asOf && new Date(e.at) > asOf) continue;
    const p = e.payload;
    (out[p.documentId] ??= []).push({ fact: p.fact, value: p.value, reason: p.reason, by: e.actor, at: e.at, ...(p.candidate !== undefined ? { candidate: p.candidate } : {}) });
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
