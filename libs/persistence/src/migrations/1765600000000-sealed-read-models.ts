import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Encryption at rest for the read models (issue 12): the graph, findings and score quote documents (evidence,
 * contract facts, config lines), so they gain a sealed form and the id of the key that sealed it, as document
 * analyses and fact evidence did in 1765300000000. Rows written before keep their clear columns (key id NULL)
 * and are still read; the next projection or scoring run (graph, score, open findings), or `custody keys
 * rotate-data-key --no-new-key` (everything), seals them. The migration itself cannot: it has no key.
 *
 * `system_node` and `flow_edge` are copies of the graph's systems and flows that nothing reads per row: they
 * keep ids and role (what SQL joins on) and lose their names and data, which the sealed graph holds. Clearing
 * them here loses nothing: `graph_projection.graph` still holds the same values until it is sealed.
 */
export class SealedReadModels1765600000000 implements MigrationInterface {
  name = 'SealedReadModels1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE graph_projection ALTER COLUMN graph DROP NOT NULL, ADD COLUMN graph_sealed bytea, ADD COLUMN key_id text`);
    await q.query(`ALTER TABLE graph_projection ADD CONSTRAINT ck_graph_projection_form CHECK ((graph IS NULL) = (graph_sealed IS NOT NULL AND key_id IS NOT NULL))`);
    await q.query(`ALTER TABLE finding ALTER COLUMN data DROP NOT NULL, ADD COLUMN data_sealed bytea, ADD COLUMN key_id text`);
    await q.query(`ALTER TABLE finding ADD CONSTRAINT ck_finding_data_form CHECK ((data IS NULL) = (data_sealed IS NOT NULL AND key_id IS NOT NULL))`);
    // The score's breakdown and its rule errors are sealed together; the clear rule_errors is NULL then.
    await q.query(`ALTER TABLE score ALTER COLUMN data DROP NOT NULL, ALTER COLUMN rule_errors DROP NOT NULL, ADD COLUMN data_sealed bytea, ADD COLUMN key_id text`);
    await q.query(`ALTER TABLE score ADD CONSTRAINT ck_score_data_form CHECK ((data IS NULL) = (data_sealed IS NOT NULL AND key_id IS NOT NULL))`);
    await q.query(`ALTER TABLE system_node ALTER COLUMN name DROP NOT NULL, ALTER COLUMN data DROP NOT NULL`);
    await q.query(`ALTER TABLE flow_edge ALTER COLUMN data DROP NOT NULL`);
    await q.query(`UPDATE system_node SET name = NULL, data = NULL`);
    await q.query(`UPDATE flow_edge SET data = NULL`);
  }

  /**
   * Sealed rows cannot be opened without the key: going down first needs every row clear, so it refuses
   * otherwise. Then the schema is put back as it was, NOT NULL included (the code before this migration
   * writes and reads those columns as always present): the per-row systems and flows get their names and data
   * back from the clear graph they were copied from, and rows whose workspace has no graph are deleted (the
   * next projection writes them again).
   */
  async down(q: QueryRunner): Promise<void> {
    const [{ n }] = await q.query(`SELECT (SELECT count(*) FROM graph_projection WHERE key_id IS NOT NULL) + (SELECT count(*) FROM finding WHERE key_id IS NOT NULL) + (SELECT count(*) FROM score WHERE key_id IS NOT NULL) AS n`);
    if (Number(n) > 0) throw new Error(`${n} read-model rows are sealed; delete the read models (they are rebuilt from the event store) before reverting SealedReadModels1765600000000`);
    await q.query(`UPDATE system_node sn SET name = s->>'name', data = s
      FROM graph_projection gp, jsonb_array_elements(gp.graph->'systems') s
      WHERE sn.workspace_id = gp.workspace_id AND s->>'id' = sn.id`);
    await q.query(`UPDATE flow_edge fe SET data = f
      FROM graph_projection gp, jsonb_array_elements(gp.graph->'flows') f
      WHERE fe.workspace_id = gp.workspace_id AND f->>'id' = fe.id`);
    await q.query(`DELETE FROM system_node WHERE name IS NULL OR data IS NULL`);
    await q.query(`DELETE FROM flow_edge WHERE data IS NULL`);
    await q.query(`UPDATE score SET rule_errors = '[]' WHERE rule_errors IS NULL`);
    await q.query(`ALTER TABLE system_node ALTER COLUMN name SET NOT NULL, ALTER COLUMN data SET NOT NULL`);
    await q.query(`ALTER TABLE flow_edge ALTER COLUMN data SET NOT NULL`);
    await q.query(`ALTER TABLE score DROP CONSTRAINT ck_score_data_form, DROP COLUMN key_id, DROP COLUMN data_sealed`);
    await q.query(`ALTER TABLE score ALTER COLUMN data SET NOT NULL, ALTER COLUMN rule_errors SET NOT NULL`);
    await q.query(`ALTER TABLE finding DROP CONSTRAINT ck_finding_data_form, DROP COLUMN key_id, DROP COLUMN data_sealed`);
    await q.query(`ALTER TABLE finding ALTER COLUMN data SET NOT NULL`);
    await q.query(`ALTER TABLE graph_projection DROP CONSTRAINT ck_graph_projection_form, DROP COLUMN key_id, DROP COLUMN graph_sealed`);
    await q.query(`ALTER TABLE graph_projection ALTER COLUMN graph SET NOT NULL`);
  }
}
