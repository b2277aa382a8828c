import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A grouped fleet finding seals every install as an instance (megabytes on a 10,000-install fleet). A page of
 * findings that asks for only the first instances (GET /findings?instances=N) opens this smaller sealed value
 * instead: the finding with its first instances and their count. NULL when the finding has few instances, and
 * for rows stored before it: those are opened whole, as before.
 */
export class FindingPageHead1765800000000 implements MigrationInterface {
  name = 'FindingPageHead1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE finding ADD COLUMN IF NOT EXISTS head_sealed bytea`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE finding DROP COLUMN IF EXISTS head_sealed`);
  }
}
