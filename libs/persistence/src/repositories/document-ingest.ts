import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { BlobEntity, DocumentEntity } from '../entities/index.js';
import type { DataKeyring } from '../crypto/data-keys.js';
import { aad } from '../crypto/sealed-rows.js';
import type { EventStoreRepository, StoredEvent } from './event-store.repository.js';

/** A secret removed before storage: where and what kind, never the value. */
export interface StoredRedaction {
  kind: string;
  path?: string;
  line?: number;
  replacement: string;
}

/** One document to store: its (already scanned and redacted) bytes and what the scan found. */
export interface IngestInput {
  fileName: string;
  sha256: string;
  content: Buffer;
  size: number;
  redacted: boolean;
  redactions?: StoredRedaction[];
  /** Why the bytes could not be scanned: the document is stored `failed` with this reason. */
  failed?: string;
}

/** One stored input: its new row (`event` set) or the workspace's document with the same bytes (`created` false). */
export interface IngestedRow {
  row: DocumentEntity;
  created: boolean;
  event?: StoredEvent;
}

/**
 * Stores documents of one workspace with their `DocumentReceived` events in one transaction, in a fixed number
 * of round trips whatever their number (a bulk upload: issue 11). Bytes are stored once by hash; bytes the
 * workspace already has (also twice in the same batch) insert nothing and answer the known document. Returns
 * the rows in input order and the workspace's unfinished documents (counted with these).
 */
export async function ingestDocuments(ds: DataSource, events: EventStoreRepository, keys: DataKeyring, workspaceId: string, inputs: readonly IngestInput[], actor?: string):
  Promise<{ rows: IngestedRow[]; unfinished?: number }> {
  // Sealed before the transaction, in slices: a 50 MB upload does not hold the event loop (nor a connection).
  const sealed: { keyId: string; sealed: Buffer }[] = [];
  for (const input of inputs) sealed.push(await keys.sealInSlices(input.content, aad.blob(input.sha256)));
  return ds.transaction(async (m) => {
    await m.createQueryBuilder().insert().into(BlobEntity)
      .values(inputs.map((input, i) => ({ sha256: input.sha256, size: input.size, content: sealed[i]!.sealed, keyId: sealed[i]!.keyId, redacted: input.redacted })))
      .orIgnore().execute();
    const rows = inputs.map((input) => Object.assign(new DocumentEntity(), {
      id: randomUUID(), workspaceId, sha256: input.sha256, fileName: input.fileName, size: input.size,
      type: 'unknown', status: input.failed ? 'failed' : 'received', reason: input.failed ?? null, format: null,
      analysis: null, analysisSealed: null, analysisKeyId: null, attempts: 0, processedAt: null,
    }));
    // The new rows are what was inserted (no read back), and the workspace's unfinished documents are counted in
    // the same statement (its snapshot: without these rows), for the extract jobs' fair priority. Known bytes
    // (the unique workspace + sha256) insert nothing and are read instead.
    const values = rows.map((_, i) => `($${i * 6 + 2}, $1, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6}, $${i * 6 + 7})`);
    const inserted = (await m.query(
      `INSERT INTO document (id, workspace_id, sha256, file_name, size, status, reason) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING
       RETURNING id, created_at, type, attempts, (SELECT count(*)::int FROM document u WHERE u.workspace_id = $1 AND u.status IN ('received', 'processing')) AS unfinished`,
      [workspaceId, ...rows.flatMap((r) => [r.id, r.sha256, r.fileName, r.size, r.status, r.reason])],
    )) as { id: string; created_at: Date; type: string; attempts: number; unfinished: number }[];
    const byId = new Map(inserted.map((r) => [r.id, r]));
    const known = rows.filter((r) => !byId.has(r.id));
    const existing = known.length
      ? new Map((await m.createQueryBuilder(DocumentEntity, 'd').where('d.workspace_id = :workspaceId AND d.sha256 IN (:...shas)', { workspaceId, shas: known.map((r) => r.sha256) }).getMany()).map((d) => [d.sha256, d]))
      : new Map<string, DocumentEntity>();
    const created = rows.filter((r) => byId.has(r.id));
    const inputOf = new Map(rows.map((row, i) => [row.id, inputs[i]!]));
    const appended = await events.appendMany(m, workspaceId, created.map((row) => {
      const input = inputOf.get(row.id)!;
      // The columns the INSERT leaves to their defaults, as the schema set them (a migration may change one).
      const r = byId.get(row.id)!;
      Object.assign(row, { createdAt: r.created_at, type: r.type, attempts: Number(r.attempts) });
      return {
        type: 'DocumentReceived' as const,
        payload: {
          documentId: row.id, file: input.fileName, sha256: input.sha256, size: input.size, redacted: input.redacted, ...(input.failed ? { failed: input.failed } : {}),
          ...(input.redactions?.length ? { redactions: input.redactions.map(({ kind, path, line, replacement }) => ({ kind, path, line, replacement })) } : {}),
        },
      };
    }), actor);
    const eventOf = new Map(created.map((row, i) => [row.id, appended[i]]));
    const out = rows.map((row): IngestedRow => byId.has(row.id) ? { row, created: true, event: eventOf.get(row.id) } : { row: existing.get(row.sha256)!, created: false });
    // Nothing inserted: nothing counted, and no job's priority to set.
    return { rows: out, unfinished: inserted.length ? Number(inserted[0]!.unfinished) + created.filter((r) => r.status === 'received').length : undefined };
  });
}
