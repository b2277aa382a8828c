import type { MigrationInterface, QueryRunner } from 'typeorm';
import { GENESIS_HASH, chainAtSql, chainHash } from '../audit-chain.js';

/**
 * A tamper-evident audit log: every event gets `prev_hash` and `hash`, chaining it to the previous event of
 * its workspace (see audit-chain.ts). Existing events are hashed here, in seq order per workspace, with the
 * append-only trigger off for this transaction only; a unique (workspace, prev_hash) makes a forked chain
 * (two appends that both saw the same head) fail instead of being stored.
 */
export class EventHashChain1765000000000 implements MigrationInterface {
  name = 'EventHashChain1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event ADD COLUMN prev_hash text, ADD COLUMN hash text`);
    await q.query(`ALTER TABLE event DISABLE TRIGGER tr_event_append_only`);
    const workspaces: { id: string }[] = await q.query(`SELECT DISTINCT workspace_id AS id FROM event ORDER BY 1`);
    for (const { id } of workspaces) {
      let prev = GENESIS_HASH;
      let after = '0';
      for (;;) {
        const rows: { seq: string; type: string; payload: unknown; actor: string; at: string }[] = await q.query(
          `SELECT seq, type, payload, actor, ${chainAtSql('created_at')} AS at FROM event WHERE workspace_id = $1 AND seq > $2 ORDER BY seq LIMIT 1000`,
          [id, after],
        );
        if (rows.length === 0) break;
        const seqs: string[] = [], prevs: string[] = [], hashes: string[] = [];
        for (const r of rows) {
          const hash = chainHash(prev, { workspaceId: id, seq: Number(r.seq), type: r.type, at: r.at, actor: r.actor, payload: r.payload });
          seqs.push(r.seq); prevs.push(prev); hashes.push(hash);
          prev = hash;
        }
        await q.query(
          `UPDATE event SET prev_hash = v.prev_hash, hash = v.hash
             FROM (SELECT unnest($1::bigint[]) AS seq, unnest($2::text[]) AS prev_hash, unnest($3::text[]) AS hash) v
            WHERE event.seq = v.seq`,
          [seqs, prevs, hashes],
        );
        after = rows[rows.length - 1]!.seq;
      }
    }
    await q.query(`ALTER TABLE event ENABLE TRIGGER tr_event_append_only`);
    await q.query(`ALTER TABLE event ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_event_workspace_prev_hash ON event (workspace_id, prev_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS uq_event_workspace_prev_hash`);
    await q.query(`ALTER TABLE event DROP COLUMN hash, DROP COLUMN prev_hash`);
  }
}
