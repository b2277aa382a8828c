import type { DataSource } from 'typeorm';
import type { DataKeyring } from '../crypto/data-keys.js';
import { aad, openAnalysis, openBlob, openEvidence, openReadModel } from '../crypto/sealed-rows.js';

/** Rows per kind not yet under the active key (clear rows from before encryption count too). */
export interface SealedCensus {
  activeKeyId: string;
  /** key id (or `clear`) → rows, per kind. */
  blobs: Record<string, number>;
  analyses: Record<string, number>;
  evidence: Record<string, number>;
  /** Read models: graph projections (one per workspace), findings, scores. */
  graphs: Record<string, number>;
  findings: Record<string, number>;
  scores: Record<string, number>;
}

export interface ReencryptResult {
  activeKeyId: string;
  blobs: number;
  analyses: number;
  evidence: number;
  graphs: number;
  findings: number;
  scores: number;
}

/** A read-model table's sealed column: which clear column it replaces and how its AAD names the row. */
interface ReadModelColumn {
  kind: 'graphs' | 'findings' | 'scores';
  table: string;
  keyCols: string[];
  clear: string;
  sealed: string;
  aad: (row: Record<string, string>) => string;
  /** Rows per batch: a graph can be tens of megabytes, a finding a kilobyte. */
  batch: number;
  /** The clear value as the sealed form holds it (the score seals its rule errors with it). */
  clearValue?: string;
  /** Further clear columns the sealed form replaces, emptied with it. */
  alsoClears?: string[];
}

const READ_MODELS: ReadModelColumn[] = [
  { kind: 'graphs', table: 'graph_projection', keyCols: ['workspace_id'], clear: 'graph', sealed: 'graph_sealed', aad: (r) => aad.graph(r.workspace_id!), batch: 1 },
  // A finding's page head (first instances, sealed under the row's key_id) is a copy of the whole: it is emptied
  // rather than resealed, so no key outlives its rows; pages then open the whole finding until the next scoring.
  { kind: 'findings', table: 'finding', keyCols: ['workspace_id', 'id'], clear: 'data', sealed: 'data_sealed', aad: (r) => aad.finding(r.workspace_id!, r.id!), batch: 500, alsoClears: ['head_sealed'] },
  {
    kind: 'scores', table: 'score', keyCols: ['workspace_id'], clear: 'data', sealed: 'data_sealed', aad: (r) => aad.score(r.workspace_id!), batch: 100,
    clearValue: `json_build_object('score', data, 'ruleErrors', coalesce(rule_errors, '[]'::jsonb))`, alsoClears: ['rule_errors'],
  },
];

/**
 * Encryption-at-rest housekeeping: which keys the stored rows are under, and re-encryption of every row not
 * under the active key (after a rotation, and for rows stored in clear before encryption existed). Each row
 * is opened and resealed on its own, and the update only applies if the row still holds the very ciphertext
 * (or clear value) it was read with. The key id alone is not enough: a process started before the rotation
 * still seals new writes under the old key, and a guard on the key id would let the older content read here
 * overwrite its newer write. Comparing the sealed bytes costs one bytea comparison per row; a row read in clear
 * is compared by its sealed column being still empty, since every write seals.
 */
export class SealedDataRepository {
  /**
   * `afterRead` runs after a batch of rows is read and before any of them is written back: the window in which
   * a concurrent writer can change a row (specs use it to write one there).
   */
  constructor(private readonly ds: DataSource, private readonly keys: DataKeyring, private readonly afterRead?: (kind: string) => Promise<void>) {}

  async census(): Promise<SealedCensus> {
    const count = async (sql: string) => {
      const rows: { k: string; n: string }[] = await this.ds.query(sql);
      return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
    };
    return {
      activeKeyId: this.keys.activeKeyId,
      blobs: await count(`SELECT coalesce(key_id, 'clear') AS k, count(*) AS n FROM blob GROUP BY 1 ORDER BY 1`),
      analyses: await count(`SELECT coalesce(analysis_key_id, 'clear') AS k, count(*) AS n FROM document WHERE analysis IS NOT NULL OR analysis_sealed IS NOT NULL GROUP BY 1 ORDER BY 1`),
      evidence: await count(`SELECT coalesce(key_id, 'clear') AS k, count(*) AS n FROM fact GROUP BY 1 ORDER BY 1`),
      graphs: await count(`SELECT coalesce(key_id, 'clear') AS k, count(*) AS n FROM graph_projection GROUP BY 1 ORDER BY 1`),
      findings: await count(`SELECT coalesce(key_id, 'clear') AS k, count(*) AS n FROM finding GROUP BY 1 ORDER BY 1`),
      scores: await count(`SELECT coalesce(key_id, 'clear') AS k, count(*) AS n FROM score GROUP BY 1 ORDER BY 1`),
    };
  }

  /**
   * Reseals every row not under the active key. Blobs go one at a time (each may be tens of megabytes);
   * a row whose ciphertext fails its check stops the run with `data_tampered`, leaving it untouched.
   */
  async reencrypt(onProgress?: (kind: string, done: number) => void): Promise<ReencryptResult> {
    const active = this.keys.activeKeyId;
    const result: ReencryptResult = { activeKeyId: active, blobs: 0, analyses: 0, evidence: 0, graphs: 0, findings: 0, scores: 0 };

    const blobIds: { sha256: string }[] = await this.ds.query(`SELECT sha256 FROM blob WHERE key_id IS DISTINCT FROM $1 ORDER BY sha256`, [active]);
    for (const { sha256 } of blobIds) {
      const [row]: { content: Buffer; key_id: string | null }[] = await this.ds.query(`SELECT content, key_id FROM blob WHERE sha256 = $1`, [sha256]);
      if (!row || row.key_id === active) continue;
      const plain = openBlob(this.keys, { sha256, content: row.content, keyId: row.key_id });
      const { keyId, sealed } = this.keys.seal(plain, aad.blob(sha256));
      const updated = await this.ds.query(`UPDATE blob SET content = $2, key_id = $3 WHERE sha256 = $1 AND key_id IS NOT DISTINCT FROM $4 RETURNING sha256`, [sha256, sealed, keyId, row.key_id]);
      result.blobs += updatedCount(updated);
      onProgress?.('blobs', result.blobs);
    }

    for (;;) {
      // The projection input is written with the analysis, under the same key: both are resealed together.
      const rows: { id: string; analysis: unknown; analysis_sealed: Buffer | null; analysis_key_id: string | null; projection_sealed: Buffer | null; projection_key_id: string | null }[] = await this.ds.query(
        `SELECT id, analysis, analysis_sealed, analysis_key_id, projection_sealed, projection_key_id FROM document
          WHERE ((analysis IS NOT NULL OR analysis_sealed IS NOT NULL) AND analysis_key_id IS DISTINCT FROM $1)
             OR (projection_sealed IS NOT NULL AND projection_key_id IS DISTINCT FROM $1) ORDER BY id LIMIT 100`, [active]);
      if (!rows.length) break;
      await this.afterRead?.('analyses');
      const before = result.analyses;
      for (const r of rows) {
        const value = openAnalysis(this.keys, { id: r.id, analysis: r.analysis, analysisSealed: r.analysis_sealed, analysisKeyId: r.analysis_key_id });
        const analysis = value == null ? undefined : this.keys.sealJson(value, aad.analysis(r.id));
        const projection = r.projection_sealed && r.projection_key_id
          ? this.keys.sealJson(this.keys.openJson(r.projection_key_id, r.projection_sealed, aad.projection(r.id)), aad.projection(r.id))
          : undefined;
        const updated = await this.ds.query(
          `UPDATE document SET analysis = NULL, analysis_sealed = $2, analysis_key_id = $3, projection_sealed = $5, projection_key_id = $6
            WHERE id = $1 AND analysis_key_id IS NOT DISTINCT FROM $4 AND projection_key_id IS NOT DISTINCT FROM $7
              AND analysis_sealed IS NOT DISTINCT FROM $8 AND projection_sealed IS NOT DISTINCT FROM $9 RETURNING id`,
          [r.id, analysis?.sealed ?? null, analysis?.keyId ?? null, r.analysis_key_id, projection?.sealed ?? null, projection?.keyId ?? null, r.projection_key_id, r.analysis_sealed, r.projection_sealed]);
        result.analyses += updatedCount(updated);
      }
      // Every row of the batch changed under us: stop rather than spin; a second run picks them up.
      if (result.analyses === before) break;
      onProgress?.('analyses', result.analyses);
    }

    for (;;) {
      const rows: { document_id: string; name: string; evidence: unknown; evidence_sealed: Buffer | null; key_id: string | null }[] = await this.ds.query(
        `SELECT document_id, name, evidence, evidence_sealed, key_id FROM fact WHERE key_id IS DISTINCT FROM $1 ORDER BY document_id, name LIMIT 500`, [active]);
      if (!rows.length) break;
      await this.afterRead?.('evidence');
      const before = result.evidence;
      for (const r of rows) {
        const value = openEvidence(this.keys, { documentId: r.document_id, name: r.name, evidence: r.evidence, evidenceSealed: r.evidence_sealed, keyId: r.key_id });
        const { keyId, sealed } = this.keys.sealJson(value, aad.evidence(r.document_id, r.name));
        const updated = await this.ds.query(
          `UPDATE fact SET evidence = NULL, evidence_sealed = $3, key_id = $4 WHERE document_id = $1 AND name = $2 AND key_id IS NOT DISTINCT FROM $5
              AND evidence_sealed IS NOT DISTINCT FROM $6 RETURNING name`,
          [r.document_id, r.name, sealed, keyId, r.key_id, r.evidence_sealed]);
        result.evidence += updatedCount(updated);
      }
      if (result.evidence === before) break;
      onProgress?.('evidence', result.evidence);
    }
    for (const col of READ_MODELS) result[col.kind] = await this.reencryptReadModel(col, onProgress);
    // A scoring's stored grouped view is derived from its findings: one under another key is dropped rather
    // than resealed (the next scoring stores it again; reads compose it meanwhile), so no key outlives its rows.
    await this.ds.query(`UPDATE score SET grouped_sealed = NULL, grouped_key_id = NULL WHERE grouped_sealed IS NOT NULL AND grouped_key_id IS DISTINCT FROM $1`, [active]);
    return result;
  }

  /**
   * Reseals one read-model column: each row opened (or, from before sealing, read clear) and sealed under the
   * active key; the update applies only if the row still holds the ciphertext it was read with, since a
   * projection or scoring run may rewrite it meanwhile (under the old key, if its process started before the
   * rotation: the next run moves that row).
   */
  private async reencryptReadModel(col: ReadModelColumn, onProgress?: (kind: string, done: number) => void): Promise<number> {
    const active = this.keys.activeKeyId;
    const keys = col.keyCols.join(', ');
    const match = col.keyCols.map((c, i) => `${c} = $${i + 1}`).join(' AND ');
    const n = col.keyCols.length;
    let done = 0;
    for (;;) {
      const rows: Record<string, unknown>[] = await this.ds.query(
        `SELECT ${keys}, ${col.clearValue ?? col.clear} AS clear, ${col.sealed} AS sealed, key_id FROM ${col.table}
          WHERE key_id IS DISTINCT FROM $1 ORDER BY ${keys} LIMIT ${col.batch}`, [active]);
      if (!rows.length) break;
      await this.afterRead?.(col.kind);
      const before = done;
      for (const r of rows) {
        const ids = col.keyCols.map((c) => String(r[c]));
        const aadText = col.aad(Object.fromEntries(col.keyCols.map((c, i) => [c, ids[i]!])));
        const keyId = r.key_id as string | null;
        const value = openReadModel(this.keys, { clear: r.clear, sealed: r.sealed as Buffer | null, keyId }, aadText);
        const sealed = this.keys.sealJson(value, aadText);
        const emptied = [col.clear, ...(col.alsoClears ?? [])].map((c) => `${c} = NULL`).join(', ');
        const updated = await this.ds.query(
          `UPDATE ${col.table} SET ${emptied}, ${col.sealed} = $${n + 1}, key_id = $${n + 2}
            WHERE ${match} AND key_id IS NOT DISTINCT FROM $${n + 3} AND ${col.sealed} IS NOT DISTINCT FROM $${n + 4} RETURNING ${col.keyCols[0]}`,
          [...ids, sealed.sealed, sealed.keyId, keyId, r.sealed ?? null]);
        done += updatedCount(updated);
      }
      // Every row of the batch changed under us: stop rather than spin; a second run picks them up.
      if (done === before) break;
      onProgress?.(col.kind, done);
    }
    return done;
  }
}

/** node-postgres through TypeORM answers an UPDATE … RETURNING with `[rows, count]`. */
function updatedCount(res: unknown): number {
  if (Array.isArray(res) && typeof res[1] === 'number') return res[1];
  return Array.isArray(res) ? res.length : 0;
}
