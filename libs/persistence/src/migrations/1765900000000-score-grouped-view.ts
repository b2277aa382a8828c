import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's first view of the map (GET /graph?view=grouped, nothing expanded) as the scoring run that
 * produced it left it, sealed in the score row with its own key id. A live read of that view is then one small
 * query and, once per scoring, one opened value, instead of composing the whole audit again (seconds for a
 * 10,000-install fleet, while the database is busy with the fleet's next run). NULL for rows stored before,
 * and after a re-encryption (a derived value, rebuilt by the next scoring): such reads compose it as before.
 */
export class ScoreGroupedView1765900000000 implements MigrationInterface {
  name = 'ScoreGroupedView1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE score ADD COLUMN IF NOT EXISTS grouped_sealed bytea, ADD COLUMN IF NOT EXISTS grouped_key_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE score DROP COLUMN IF EXISTS grouped_sealed, DROP COLUMN IF EXISTS grouped_key_id`);
  }
}
