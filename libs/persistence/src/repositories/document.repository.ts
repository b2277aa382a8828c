import { NotFoundError, type DocumentStatus, type DocumentType, type FactSet } from '@custody/domain';
import type { DataSource } from 'typeorm';
import { BlobEntity, DocumentEntity, EventEntity, FactEntity } from '../entities/index.js';
import { ingestDocuments, type IngestInput, type StoredRedaction } from './document-ingest.js';
import { BLOB_HEAD_SQL, recordOutcomes, startProcessing, type AnalysisOutcome, type BlobHead, type RecordedOutcome, type StartedDocument } from './document-outcomes.js';
import type { EventStoreRepository, StoredEvent } from './event-store.repository.js';
import { SEALED_HEADER_BYTES, type DataKeyring } from '../crypto/data-keys.js';
import { aad, openAnalysis, openBlob, openEvidence } from '../crypto/sealed-rows.js';

export type { AnalysisOutcome, BlobHead, IngestInput, RecordedOutcome, StartedDocument, StoredRedaction };

export interface StoredDocument {
  id: string;
  workspaceId: string;
  sha256: string;
  fileName: string;
  size: number;
  type: DocumentType;
  status: DocumentStatus;
  reason?: string;
  format?: string;
  analysis?: unknown;
  attempts: number;
  createdAt: string;
  processedAt?: string;
}

const toDoc = (d: DocumentEntity, keys: DataKeyring): StoredDocument => ({
  id: d.id, workspaceId: d.workspaceId, sha256: d.sha256, fileName: d.fileName, size: d.size,
  type: d.type as DocumentType, status: d.status as DocumentStatus, reason: d.reason ?? undefined,
  format: d.format ?? undefined, analysis: openAnalysis(keys, d) ?? undefined, attempts: d.attempts,
  createdAt: new Date(d.createdAt).toISOString(), processedAt: d.processedAt ? new Date(d.processedAt).toISOString() : undefined,
});

/** Pieces a stored blob is read in (contentChunks). */
const BLOB_CHUNK_BYTES = 4 * 1024 * 1024;
/** Blobs whose bytes an extraction batch's startProcessingMany reads inline (at most 16 of them at once). */
const BATCH_INLINE_BYTES = 1024 * 1024;

/**
 * Documents, their content-addressed bytes, and their extracted facts. The bytes, the analysis and the
 * facts' evidence are sealed with the keyring's active key on write and opened on read (crypto/data-keys.ts).
 */
export class DocumentRepository {
  constructor(private readonly ds: DataSource, private readonly events: EventStoreRepository, private readonly keys: DataKeyring) {}

  /**
   * Stores the bytes once by hash and records the document with a `DocumentReceived` event in one
   * transaction. Ingesting the same bytes into the same workspace again changes nothing.
   */
  async ingest(input: IngestInput & { workspaceId: string; actor?: string }): Promise<{ document: StoredDocument; created: boolean; event?: StoredEvent; unfinished?: number }> {
    const { documents: [one], unfinished } = await this.ingestMany(input.workspaceId, [input], input.actor);
    return { ...one!, unfinished };
  }

  /**
   * Stores many documents of a workspace in one transaction (see ingestDocuments): one result per input, in
   * order, and the workspace's unfinished documents when any was new.
   */
  async ingestMany(workspaceId: string, inputs: readonly IngestInput[], actor?: string): Promise<{ documents: { document: StoredDocument; created: boolean; event?: StoredEvent }[]; unfinished?: number }> {
    if (!inputs.length) return { documents: [] };
    const { rows, unfinished } = await ingestDocuments(this.ds, this.events, this.keys, workspaceId, inputs, actor);
    return { documents: rows.map(({ row, created, event }) => ({ document: toDoc(row, this.keys), created, event })), unfinished };
  }

  /**
   * What was redacted from a document's bytes before they were stored (kind, key path, line; never a value),
   * as recorded in its `DocumentReceived` event: the stored text no longer shows the secrets.
   */
  async redactions(workspaceId: string, documentId: string): Promise<StoredRedaction[]> {
    const row = await this.ds.getRepository(EventEntity).createQueryBuilder('e')
      .where(`e.workspace_id = :workspaceId AND e.type = 'DocumentReceived' AND e.payload->>'documentId' = :documentId`, { workspaceId, documentId })
      .orderBy('e.seq', 'ASC').getOne();
    const list = (row?.payload as { redactions?: StoredRedaction[] } | undefined)?.redactions;
    return Array.isArray(list) ? list : [];
  }

  async get(id: string): Promise<StoredDocument> {
    const row = await this.ds.getRepository(DocumentEntity).findOneBy({ id });
    if (!row) throw new NotFoundError('document', id);
    return toDoc(row, this.keys);
  }

  async content(sha256: string): Promise<Buffer> {
    const row = await this.ds.getRepository(BlobEntity).findOneBy({ sha256 });
    if (!row) throw new NotFoundError('blob', sha256);
    return openBlob(this.keys, row);
  }

  /**
   * A blob's bytes in pieces of at most `chunkBytes`, read and opened chunk by chunk, so the process that
   * hands a 50 MB document to the parsing sandbox never holds it whole (nor its hex text from the driver).
   * The integrity check of a sealed blob comes with the end of the stream: the last step throws
   * DataTamperedError, so a consumer must treat nothing as read until the iteration completes.
   */
  async *contentChunks(sha256: string, chunkBytes = BLOB_CHUNK_BYTES, head?: BlobHead): AsyncGenerator<Buffer> {
    // A blob that fits in one chunk (most documents) comes whole with its metadata: one round trip, not three
    // (none when the caller already read its head with startProcessing).
    const [meta] = head ? [head] : (await this.ds.query(
      `SELECT ${BLOB_HEAD_SQL('blob')} FROM blob WHERE sha256 = $1`,
      [sha256, chunkBytes],
    )) as BlobHead[];
    if (!meta) throw new NotFoundError('blob', sha256);
    const total = Number(meta.n);
    if (meta.c) {
      const whole = Buffer.isBuffer(meta.c) ? meta.c : Buffer.from(meta.c.buffer, meta.c.byteOffset, meta.c.byteLength);
      if (!meta.key_id) {
        if (whole.length) yield whole;
        return;
      }
      const opening = this.keys.opener(meta.key_id, whole.subarray(0, SEALED_HEADER_BYTES), aad.blob(sha256));
      const body = opening.update(whole.subarray(SEALED_HEADER_BYTES));
      const tail = opening.final();
      if (body.length) yield body;
      if (tail.length) yield tail;
      return;
    }
    // substring() of an uncompressed (sealed bytes do not compress) TOASTed value reads only the slices it needs.
    const slice = async (from: number, len: number): Promise<Buffer> => {
      const [row] = (await this.ds.query('SELECT substring(content FROM $2 FOR $3) AS c FROM blob WHERE sha256 = $1', [sha256, from + 1, len])) as { c: Uint8Array }[];
      if (!row) throw new NotFoundError('blob', sha256);
      return Buffer.isBuffer(row.c) ? row.c : Buffer.from(row.c.buffer, row.c.byteOffset, row.c.byteLength);
    };
    if (!meta.key_id) {
      for (let at = 0; at < total; at += chunkBytes) yield await slice(at, chunkBytes);
      return;
    }
    const opening = this.keys.opener(meta.key_id, await slice(0, SEALED_HEADER_BYTES), aad.blob(sha256));
    for (let at = SEALED_HEADER_BYTES; at < total; at += chunkBytes) yield opening.update(await slice(at, chunkBytes));
    const tail = opening.final();
    if (tail.length) yield tail;
  }

  /**
   * A workspace's documents. `analysis: false` leaves the analysis column out: a 10,000-install fleet's is
   * tens of megabytes, and a status listing (polled by the dashboard) has no use for it.
   */
  async list(workspaceId: string, opts: { analysis?: boolean } = {}): Promise<StoredDocument[]> {
    const select = opts.analysis === false
      ? { id: true, workspaceId: true, sha256: true, fileName: true, size: true, type: true, status: true, reason: true, format: true, attempts: true, createdAt: true, processedAt: true }
      : undefined;
    const rows = await this.ds.getRepository(DocumentEntity).find({ where: { workspaceId }, order: { createdAt: 'ASC', fileName: 'ASC' }, ...(select ? { select } : {}) });
    return rows.map((r) => toDoc(r, this.keys));
  }

  /**
   * The stored projection inputs of these documents, opened, with their stored size (for a cache's budget).
   * A row recorded before projection inputs existed gives its analysis instead (and only then is the
   * analysis column read): the caller reduces it. Documents without either are absent.
   */
  async projectionInputs(ids: string[]): Promise<Map<string, { projection?: unknown; analysis?: unknown; bytes: number }>> {
    const out = new Map<string, { projection?: unknown; analysis?: unknown; bytes: number }>();
    if (!ids.length) return out;
    const rows = (await this.ds.query(
      `SELECT id, projection_sealed, projection_key_id,
              CASE WHEN projection_sealed IS NULL THEN analysis END AS analysis,
              CASE WHEN projection_sealed IS NULL THEN analysis_sealed END AS analysis_sealed, analysis_key_id
         FROM document WHERE id = ANY($1::uuid[])`, [ids])) as {
      id: string; projection_sealed: Buffer | null; projection_key_id: string | null; analysis: unknown; analysis_sealed: Buffer | null; analysis_key_id: string | null;
    }[];
    for (const r of rows) {
      if (r.projection_sealed && r.projection_key_id) {
        out.set(r.id, { projection: this.keys.openJson(r.projection_key_id, r.projection_sealed, aad.projection(r.id)), bytes: r.projection_sealed.length });
        continue;
      }
      const analysis = openAnalysis(this.keys, { id: r.id, analysis: r.analysis, analysisSealed: r.analysis_sealed, analysisKeyId: r.analysis_key_id });
      if (analysis != null) out.set(r.id, { analysis, bytes: r.analysis_sealed?.length ?? JSON.stringify(analysis).length });
    }
    return out;
  }

  /** Documents accepted but not yet finished: re-enqueued at boot so nothing is lost if a process died. */
  async unfinished(): Promise<StoredDocument[]> {
    const rows = await this.ds.getRepository(DocumentEntity).createQueryBuilder('d')
      .where(`d.status IN ('received', 'processing')`).orderBy('d.created_at', 'ASC').getMany();
    return rows.map((r) => toDoc(r, this.keys));
  }

  /**
   * The unfinished documents stored within the last `ms`, by the database's clock (the clock that wrote their
   * `created_at`; the process's may differ): the ones whose upload may still be enqueueing their jobs.
   */
  async youngUnfinished(ms: number): Promise<Set<string>> {
    const rows = (await this.ds.query(
      `SELECT id FROM document WHERE status IN ('received', 'processing') AND created_at > now() - make_interval(secs => $1::double precision / 1000)`, [ms])) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  /**
   * How many documents are accepted but not finished: a workspace's share of the queue (fair priorities), or,
   * without one, health's real backlog whatever the queue holds.
   */
  async unfinishedCount(workspaceId?: string): Promise<number> {
    const [row] = (workspaceId === undefined
      ? await this.ds.query(`SELECT count(*)::int AS n FROM document WHERE status IN ('received', 'processing')`)
      : await this.ds.query(`SELECT count(*)::int AS n FROM document WHERE workspace_id = $1 AND status IN ('received', 'processing')`, [workspaceId])) as { n: number }[];
    return Number(row?.n ?? 0);
  }

  /**
   * Marks a document `processing` (one more attempt) and returns what its extraction reads, in one round trip;
   * `undefined` when it is not `received`/`processing` any more (finished, or unknown: ask `get`). `redacted`:
   * whether its stored bytes had secrets removed (only then are its redaction records worth reading).
   */
  async startProcessing(id: string): Promise<StartedDocument | undefined> {
    return (await startProcessing(this.ds, [id], BLOB_CHUNK_BYTES)).get(id);
  }

  /**
   * startProcessing for several documents in one round trip (an extraction batch): the ones still unfinished,
   * by id. Bytes come along for blobs of at most BATCH_INLINE_BYTES, so a batch never holds many large blobs at
   * once; larger ones are streamed by contentChunks.
   */
  async startProcessingMany(ids: readonly string[]): Promise<Map<string, StartedDocument>> {
    return ids.length ? startProcessing(this.ds, ids, BATCH_INLINE_BYTES) : new Map();
  }

  /**
   * Records the outcome of extraction exactly once: the row is locked and a document already finished is left
   * alone, so a retried job (after a worker crash) never produces a second `FactsExtracted` event.
   */
  async recordOutcome(id: string, outcome: AnalysisOutcome): Promise<RecordedOutcome> {
    const recorded = (await this.recordOutcomes([{ id, outcome }])).get(id)!;
    if (!recorded.recorded && !(await this.ds.getRepository(DocumentEntity).existsBy({ id }))) throw new NotFoundError('document', id);
    return recorded;
  }

  /** recordOutcome for several documents in one transaction (see recordOutcomes in document-outcomes.ts). */
  recordOutcomes(items: readonly { id: string; outcome: AnalysisOutcome }[]): Promise<Map<string, RecordedOutcome>> {
    return recordOutcomes(this.ds, this.events, this.keys, items);
  }

  /**
   * Marks a document failed because processing could not finish it (a permanent error, or no outcome after its
   * attempts), unless it is finished already: the `DocumentRejected` event and the workspace its follow-up
   * re-projects, or `undefined` when another run recorded an outcome first.
   */
  async recordFailure(id: string, reason: string): Promise<{ workspaceId: string; seq: number } | undefined> {
    const { recorded, event } = await this.recordOutcome(id, { type: 'unknown', status: 'failed', reason: `processing failed: ${reason}` });
    return recorded && event ? { workspaceId: event.workspaceId, seq: event.seq } : undefined;
  }

  async facts(documentId: string): Promise<FactSet | undefined> {
    const rows = await this.ds.getRepository(FactEntity).findBy({ documentId });
    if (!rows.length) return undefined;
    return Object.fromEntries(rows.map((r) => [r.name, { value: r.value, evidence: openEvidence(this.keys, r), confidence: r.confidence, extractor: r.extractor }])) as FactSet;
  }
}
