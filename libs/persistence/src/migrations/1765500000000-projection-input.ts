import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projection input of each document (libs/audit projection-input.ts), sealed like the analysis it is
 * derived from: the re-audit after each document reads it instead of the whole analysis. Rows from before
 * keep it NULL and are reduced from their analysis when read.
 */
export class ProjectionInput1765500000000 implements MigrationInterface {
  name = 'ProjectionInput1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document ADD COLUMN projection_sealed bytea, ADD COLUMN projection_key_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document DROP COLUMN projection_key_id, DROP COLUMN projection_sealed`);
  }
}
