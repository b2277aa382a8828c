import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stored scoring becomes the whole "now" read model: besides findings and score it keeps the lens it was
 * scored under, the rules that failed and the evaluation time, so a live audit read composes the report from
 * storage without running a rule. Rows scored before this have no lens: readers treat them as not yet stored
 * and the next (start-up) re-score fills them in.
 */
export class ScoreReadModel1765100000000 implements MigrationInterface {
  name = 'ScoreReadModel1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE score ADD COLUMN lens text, ADD COLUMN rule_errors jsonb NOT NULL DEFAULT '[]', ADD COLUMN evaluated_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE score DROP COLUMN evaluated_at, DROP COLUMN rule_errors, DROP COLUMN lens`);
  }
}
