import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The latest seq of a workspace's events of given types (changeSeq: what an audit shows; inputSeq: what the
 * projection reads) is asked on every live read. With only (workspace_id, seq) PostgreSQL walks the workspace's
 * events backwards past every other type, and each read of evidence appends one (thousands while a dashboard
 * polls a fleet being scored). With this index each type is one probe for its highest seq.
 */
export class EventTypeSeq1765960000000 implements MigrationInterface {
  name = 'EventTypeSeq1765960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS ix_event_workspace_type_seq ON event (workspace_id, type, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_event_workspace_type_seq`);
  }
}
