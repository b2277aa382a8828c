import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed checkpoints of the audit log (audit-checkpoint.ts): a workspace's chain head, signed. Append-only
 * like the events it anchors; a checkpoint edited past the trigger no longer matches its signature.
 */
export class AuditCheckpoint1765400000000 implements MigrationInterface {
  name = 'AuditCheckpoint1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_checkpoint (
      id bigserial PRIMARY KEY, workspace_id uuid NOT NULL, seq bigint NOT NULL, hash text NOT NULL,
      at text NOT NULL, key_id text NOT NULL, signature text NOT NULL,
      CONSTRAINT uq_audit_checkpoint UNIQUE (workspace_id, seq, key_id))`);
    await q.query(`CREATE FUNCTION audit_checkpoint_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit checkpoints are append-only'; END $$`);
    await q.query(`CREATE TRIGGER tr_audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
      FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_checkpoint`);
    await q.query(`DROP FUNCTION IF EXISTS audit_checkpoint_append_only()`);
  }
}
