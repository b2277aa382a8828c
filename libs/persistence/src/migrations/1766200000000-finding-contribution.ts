import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A page of findings in severity order ranks them as reports do: worst severity, then the points each adds to
 * the score, then id. The points are sealed inside each row's data, so the page could not sort by them without
 * opening every row; this clear column holds them (a number the clear score total already sums, no PHI). Rows
 * with clear data take theirs from it; sealed rows rank as 0 points until the next scoring run rewrites them.
 */
export class FindingContribution1766200000000 implements MigrationInterface {
  name = 'FindingContribution1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE finding ADD COLUMN IF NOT EXISTS contribution double precision NOT NULL DEFAULT 0`);
    await q.query(`UPDATE finding SET contribution = (data->>'contribution')::float8 WHERE data ? 'contribution' AND jsonb_typeof(data->'contribution') = 'number'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE finding DROP COLUMN IF EXISTS contribution`);
  }
}
