import { FACT_NAMES, type DocumentStatus, type DocumentType, type FactSet } from '@custody/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { DataKeyring, Sealed } from '../crypto/data-keys.js';
import { aad } from '../crypto/sealed-rows.js';
import type { EventStoreRepository, StoredEvent } from './event-store.repository.js';

/** A blob's key, length and, when it fits in one chunk, its (sealed) bytes: what contentChunks starts from. */
export interface BlobHead { key_id: string | null; n: number | string; c: Uint8Array | null }

/** The columns of a BlobHead, of the blob aliased `b`; `$2` is the chunk size. */
export const BLOB_HEAD_SQL = (b: string) => `${b}.key_id, octet_length(${b}.content) AS n, CASE WHEN octet_length(${b}.content) <= $2 THEN ${b}.content END AS c`;

/** What a document's extraction reads, as startProcessing returns it. */
export interface StartedDocument { workspaceId: string; sha256: string; fileName: string; redacted: boolean; blob?: BlobHead }

export interface AnalysisOutcome {
  type: DocumentType;
  status: Extract<DocumentStatus, 'processed' | 'unparsed' | 'failed'>;
  reason?: string;
  format?: string;
  analysis?: unknown;
  /** The analysis already serialised as JSON (UTF-8), sealed as it is: instead of `analysis`. */
  analysisJson?: Buffer;
  /** The analysis reduced to what the projection reads (libs/audit projectionInput), stored apart from it. */
  projection?: unknown;
  facts?: FactSet;
}

/** TypeORM answers an UPDATE … RETURNING with [rows, count]. */
const returned = <T>(res: unknown): T[] => (Array.isArray(res) && Array.isArray(res[0]) ? res[0] : res) as T[];

/**
 * Marks documents `processing` (one more attempt each) and returns what their extraction reads, in one round
 * trip for all of them: the ones still `received`/`processing`, by id (finished or unknown ones are absent).
 * A blob's bytes come along when they fit in `chunkBytes` (most documents); larger ones are streamed later.
 */
export async function startProcessing(ds: DataSource, ids: readonly string[], chunkBytes: number): Promise<Map<string, StartedDocument>> {
  // The blob's head (and its bytes, when they fit in one chunk) come in the same round trip: contentChunks
  // then reads nothing more for most documents.
  const rows = returned<{ id: string; workspace_id: string; sha256: string; file_name: string; redacted: boolean } & BlobHead>(await ds.query(
    `UPDATE document d SET status = 'processing', attempts = attempts + 1 WHERE id = ANY($1::uuid[]) AND status IN ('received', 'processing')
     RETURNING id, workspace_id, sha256, file_name, ${['redacted', 'key_id', 'n', 'c'].map((col) => `(SELECT ${col} FROM (SELECT b.redacted, ${BLOB_HEAD_SQL('b')} FROM blob b WHERE b.sha256 = d.sha256) h) AS ${col}`).join(', ')}`,
    [[...new Set(ids)], chunkBytes],
  ));
  // No blob row (n is null): contentChunks reads again and reports it missing, as without the head.
  return new Map(rows.map((row) => [row.id, {
    workspaceId: row.workspace_id, sha256: row.sha256, fileName: row.file_name, redacted: Boolean(row.redacted),
    blob: row.n == null ? undefined : { key_id: row.key_id, n: row.n, c: row.c },
  }]));
}

/** Whether each document's outcome was recorded now (with its event), or another run had finished it first. */
export type RecordedOutcome = { recorded: boolean; event?: StoredEvent };

/**
 * Records the outcomes of several documents' extraction exactly once each, in one transaction and a fixed
 * number of statements whatever their number (issue 11: the per-document transaction was most of a worker's
 * CPU per document): every row is locked and finished by one UPDATE; a document another run finished first
 * matches nothing (the status test is re-checked on the locked row) and is left alone. Facts go in one
 * INSERT, the events in one append per workspace, in the order given. Unknown ids come back unrecorded.
 */
export async function recordOutcomes(ds: DataSource, events: EventStoreRepository, keys: DataKeyring, items: readonly { id: string; outcome: AnalysisOutcome }[]): Promise<Map<string, RecordedOutcome>> {
  const seen = new Set<string>();
  const unique = items.filter(({ id }) => !seen.has(id) && Boolean(seen.add(id)));
  // Sealed before the transaction, so the row locks are held for the writes alone.
  const sealed = unique.map(({ id, outcome }) => ({
    id, outcome,
    analysis: outcome.analysisJson ? keys.seal(outcome.analysisJson, aad.analysis(id))
      : outcome.analysis === undefined ? undefined : keys.sealJson(outcome.analysis, aad.analysis(id)),
    projection: outcome.projection === undefined ? undefined : keys.sealJson(outcome.projection, aad.projection(id)),
  }));
  const out = new Map<string, RecordedOutcome>(unique.map(({ id }) => [id, { recorded: false }]));
  if (!sealed.length) return out;
  return ds.transaction(async (m) => {
    const col = <T>(f: (s: (typeof sealed)[number]) => T) => sealed.map(f);
    // The sealed bytes go as one binary parameter each (sliced per row), not as bytea[] text: node-postgres sends
    // an array of buffers hex-encoded, twice their size, and that encoding was a tenth of a worker's CPU (issue 11).
    const analyses = packBytes(col((s) => s.analysis?.sealed));
    const projections = packBytes(col((s) => s.projection?.sealed));
    const rows = returned<{ id: string; workspace_id: string; file_name: string }>(await m.query(
      `UPDATE document d SET type = v.type, status = v.status, reason = v.reason, format = v.format, analysis = NULL,
              analysis_sealed = substring($6::bytea FROM v.a_from FOR v.a_len), analysis_key_id = v.analysis_key_id, processed_at = $12,
              projection_sealed = substring($9::bytea FROM v.p_from FOR v.p_len), projection_key_id = v.projection_key_id
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $7::int[], $8::int[], $10::int[], $11::int[], $13::text[], $14::text[])
              AS v(id, type, status, reason, format, a_from, a_len, p_from, p_len, analysis_key_id, projection_key_id)
        WHERE d.id = v.id AND d.status IN ('received', 'processing')
        RETURNING d.id, d.workspace_id, d.file_name`,
      [col((s) => s.id), col((s) => s.outcome.type), col((s) => s.outcome.status), col((s) => s.outcome.reason ?? null), col((s) => s.outcome.format ?? null),
        analyses.bytes, analyses.from, analyses.len, projections.bytes, projections.from, projections.len, new Date(),
        col((s) => s.analysis?.keyId ?? null), col((s) => s.projection?.keyId ?? null)],
    ));
    const finished = new Map(rows.map((r) => [r.id, r]));
    // In the order given (not the UPDATE's): facts, then each workspace's events.
    const done = sealed.filter((s) => finished.has(s.id));
    await insertFacts(m, keys, done.map((s) => ({ id: s.id, workspaceId: finished.get(s.id)!.workspace_id, facts: s.outcome.facts })));
    const byWorkspace = new Map<string, typeof done>();
    for (const s of done) {
      const ws = finished.get(s.id)!.workspace_id;
      byWorkspace.set(ws, [...(byWorkspace.get(ws) ?? []), s]);
    }
    for (const [workspaceId, list] of byWorkspace) {
      const appended = await events.appendMany(m, workspaceId, list.map(({ id, outcome: o }) => ({
        type: o.status === 'processed' ? 'FactsExtracted' : 'DocumentRejected',
        payload: { documentId: id, file: finished.get(id)!.file_name, type: o.type, status: o.status, reason: o.reason, format: o.format },
      })));
      list.forEach((s, i) => out.set(s.id, { recorded: true, event: appended[i] }));
    }
    return out;
  });
}

/** A contract's facts, every document's in one INSERT; each fact's evidence sealed to its row. */
async function insertFacts(m: EntityManager, keys: DataKeyring, docs: readonly { id: string; workspaceId: string; facts?: FactSet }[]): Promise<void> {
  const rows: { documentId: string; name: string; workspaceId: string; value: string | null; evidence: Sealed; confidence: number; extractor: string }[] = [];
  for (const { id, workspaceId, facts } of docs) {
    if (!facts) continue;
    for (const name of FACT_NAMES) {
      const f = facts[name];
      // jsonb as TypeORM wrote it: the value's JSON text, SQL NULL for a value left unstated.
      rows.push({ documentId: id, name, workspaceId, value: f.value == null ? null : JSON.stringify(f.value), evidence: keys.sealJson(f.evidence, aad.evidence(id, name)), confidence: f.confidence, extractor: f.extractor ?? 'rules@1' });
    }
  }
  if (!rows.length) return;
  const evidence = packBytes(rows.map((r) => r.evidence.sealed));
  await m.query(
    `INSERT INTO fact (document_id, name, workspace_id, value, evidence, evidence_sealed, key_id, confidence, extractor)
     SELECT d, n, w, v, NULL, substring($5::bytea FROM e_from FOR e_len), k, c, x
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::jsonb[], $6::int[], $7::int[], $8::text[], $9::real[], $10::text[]) AS t(d, n, w, v, e_from, e_len, k, c, x)`,
    [rows.map((r) => r.documentId), rows.map((r) => r.name), rows.map((r) => r.workspaceId), rows.map((r) => r.value),
      evidence.bytes, evidence.from, evidence.len, rows.map((r) => r.evidence.keyId), rows.map((r) => r.confidence), rows.map((r) => r.extractor)],
  );
}

/**
 * Byte strings as one buffer (a binary query parameter) and where each lies in it, for
 * `substring(bytes FROM from FOR len)` (1-based): an absent one has a null position, and so gives SQL NULL.
 */
export function packBytes(items: readonly (Buffer | undefined)[]): { bytes: Buffer; from: (number | null)[]; len: (number | null)[] } {
  const from: (number | null)[] = [];
  const len: (number | null)[] = [];
  let at = 1;
  for (const b of items) {
    from.push(b ? at : null);
    len.push(b ? b.length : null);
    at += b?.length ?? 0;
  }
  return { bytes: Buffer.concat(items.filter((b): b is Buffer => Boolean(b))), from, len };
}
