import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The latest seq of a workspace's events of given types (changeSeq: what an audit shows; inputSeq: what the
 * projection reads) is asked on every live read. With only (workspace_id, seq) PostgreSQL walks the workspace's
 * events backwards past every other type, and each read of evidence appends one (thousands while a dashboard
 * polls a fleet being scored). With this index each type is one probe for its highest seq.
 *
 * Built CONCURRENTLY, outside a transaction: the event table is the write path, and a plain CREATE INDEX would
 * block every event append for as long as the build takes on a large log (a rolling deploy runs this while the
 * old release still writes). A concurrent build that fails leaves an INVALID index behind, which IF NOT EXISTS
 * would then keep forever; so an invalid one is dropped first and built again.
 */
export class EventTypeSeq1765960000000 implements MigrationInterface {
  name = 'EventTypeSeq1765960000000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    const invalid: unknown[] = await q.query(`SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE c.relname = 'ix_event_workspace_type_seq' AND NOT i.indisvalid`);
    if (invalid.length > 0) await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ix_event_workspace_type_seq`);
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_event_workspace_type_seq ON event (workspace_id, type, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ix_event_workspace_type_seq`);
  }
}
