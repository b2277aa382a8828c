import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Encryption at rest (crypto/data-keys.ts): document bytes, analyses and fact evidence gain a sealed form and
 * the id of the key that sealed it. Rows written before stay as they were (key id NULL, clear columns) and
 * are still read; `custody keys rotate-data-key` seals them. The migration itself cannot: it has no key.
 */
export class SealedContent1765300000000 implements MigrationInterface {
  name = 'SealedContent1765300000000';

  async up(q: QueryRunner): Promise<void> {
    // blob.content holds the sealed bytes when key_id is set, the clear bytes when it is NULL.
    await q.query(`ALTER TABLE blob ADD COLUMN key_id text`);
    await q.query(`ALTER TABLE document ADD COLUMN analysis_sealed bytea, ADD COLUMN analysis_key_id text`);
    await q.query(`ALTER TABLE fact ALTER COLUMN evidence DROP NOT NULL, ADD COLUMN evidence_sealed bytea, ADD COLUMN key_id text`);
    // Exactly one form per fact: clear evidence or sealed evidence with its key.
    await q.query(`ALTER TABLE fact ADD CONSTRAINT ck_fact_evidence_form CHECK ((evidence IS NULL) = (evidence_sealed IS NOT NULL AND key_id IS NOT NULL))`);
  }

  /**
   * Sealed bytes cannot be opened without the key, and without its key id a sealed blob would be read as clear
   * bytes: going down needs every row clear (decrypt with the key first), so it refuses otherwise. Then the
   * schema is put back as it was, evidence NOT NULL included (the code before this migration reads it as always
   * present).
   */
  async down(q: QueryRunner): Promise<void> {
    const [{ n }] = await q.query(`SELECT (SELECT count(*) FROM blob WHERE key_id IS NOT NULL) + (SELECT count(*) FROM document WHERE analysis_key_id IS NOT NULL)
      + (SELECT count(*) FROM fact WHERE key_id IS NOT NULL) AS n`);
    if (Number(n) > 0) throw new Error(`${n} rows are sealed; they cannot be kept without their key, so SealedContent1765300000000 is not reverted`);
    await q.query(`ALTER TABLE fact DROP CONSTRAINT ck_fact_evidence_form`);
    await q.query(`ALTER TABLE fact DROP COLUMN key_id, DROP COLUMN evidence_sealed`);
    await q.query(`ALTER TABLE fact ALTER COLUMN evidence SET NOT NULL`);
    await q.query(`ALTER TABLE document DROP COLUMN analysis_key_id, DROP COLUMN analysis_sealed`);
    await q.query(`ALTER TABLE blob DROP COLUMN key_id`);
  }
}
