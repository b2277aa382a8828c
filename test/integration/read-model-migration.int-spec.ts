import { randomBytes } from 'node:crypto';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { DataKeyring, MIGRATIONS, Persistence, dataSourceOptions } from '@custody/persistence';
import { SealedReadModels1765600000000 } from '../../libs/persistence/src/migrations/1765600000000-sealed-read-models.js';
import { freshDatabase } from '../support/database.js';
import { MARKER, readModelsQuoting, storedBytes } from '../support/sealed-at-rest.js';

const mode = process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
const keyring = new DataKeyring('k1', new Map([['k1', randomBytes(32)]]));

describe(`migration 1765600000000 on read models written before it (${mode})`, () => {
  it('keeps the clear graph, findings and score readable, drops the per-row copies of names and data, and the next write seals', async () => {
    const db = await freshDatabase();
    try {
      // The schema as it was before the migration, with read models written the old way (clear jsonb).
      const old = new DataSource({ ...dataSourceOptions(db.url, 1), migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(SealedReadModels1765600000000)) } as DataSourceOptions);
      await old.initialize();
      await old.runMigrations({ transaction: 'each' });
      const ws = '00000000-0000-4000-8000-0000000000aa';
      await old.query(`INSERT INTO workspace (id, slug, name) VALUES ($1, 'old', 'Old Practice')`, [ws]);
      const m = readModelsQuoting(`pre-migration ${MARKER}`);
      await old.query(`INSERT INTO graph_projection (workspace_id, version, event_seq, graph, updated_at) VALUES ($1, 1, 0, $2::jsonb, now())`, [ws, JSON.stringify(m.graph)]);
      await old.query(`INSERT INTO system_node (workspace_id, id, name, role, data) VALUES ($1, 'system:vendor', 'Vendor', 'ai_notetaker', $2::jsonb)`, [ws, JSON.stringify(m.graph.systems[0])]);
      await old.query(`INSERT INTO flow_edge (workspace_id, id, from_id, to_id, data) VALUES ($1, 'practice->system:vendor', 'practice', 'system:vendor', $2::jsonb)`, [ws, JSON.stringify(m.graph.flows[0])]);
      for (const f of m.findings) await old.query(`INSERT INTO finding (workspace_id, id, kind, severity, data, first_seen_at, last_seen_at) VALUES ($1, $2, 'contract_gap', 'high', $3::jsonb, now(), now())`, [ws, f.id, JSON.stringify(f)]);
      await old.query(`INSERT INTO score (workspace_id, total, data, graph_version, computed_at, lens, rule_errors) VALUES ($1, 42, $2::jsonb, 1, now(), 'default', $3::jsonb)`, [ws, JSON.stringify(m.score), JSON.stringify(m.ruleErrors)]);
      await old.destroy();

      const p = await Persistence.open(db.url, keyring, 1);
      try {
        expect(await p.dataSource.query(`SELECT name, data FROM system_node UNION ALL SELECT NULL, data FROM flow_edge`)).toEqual([{ name: null, data: null }, { name: null, data: null }]);
        expect((await p.projections.graph(ws))!.graph).toEqual(m.graph);
        expect(await p.projections.openFindings(ws)).toEqual(m.findings);
        expect(await p.projections.score(ws)).toMatchObject({ score: m.score, ruleErrors: m.ruleErrors, graphVersion: 1 });
        // The next projection (unchanged) and scoring runs seal what they rewrite.
        expect((await p.projections.saveGraph(ws, m.graph, 1)).changed).toBe(false);
        await p.projections.saveScoring(ws, 2, m, { lens: 'default', evaluatedAt: new Date() });
        expect(await p.dataSource.query(`SELECT (SELECT count(*) FROM graph_projection WHERE key_id = 'k1')::int AS g, (SELECT count(*) FROM finding WHERE key_id = 'k1' AND data IS NULL)::int AS f,
          (SELECT count(*) FROM score WHERE key_id = 'k1' AND data IS NULL)::int AS s`)).toEqual([{ g: 1, f: 2, s: 1 }]);
        expect((await storedBytes(p)).includes(Buffer.from(MARKER))).toBe(false);
        expect((await p.projections.graph(ws))!.graph).toEqual(m.graph);
      } finally {
        await p.close();
      }
    } finally {
      await db.drop();
    }
  }, 120_000);

  it('goes down to the old schema (NOT NULL and per-row copies back from the clear graph) while every row is clear, and refuses once a row is sealed', async () => {
    const db = await freshDatabase();
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(SealedReadModels1765600000000));
    try {
      // One connection at a time: embedded mode's socket serves one client.
      const old = new DataSource({ ...dataSourceOptions(db.url, 1), migrations: before } as DataSourceOptions);
      await old.initialize();
      await old.runMigrations({ transaction: 'each' });
      await old.destroy();
      // Up to this migration: going down then undoes it, whatever migrations come after it.
      const ds = new DataSource({ ...dataSourceOptions(db.url, 1), migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(SealedReadModels1765600000000) + 1) } as DataSourceOptions);
      await ds.initialize();
      try {
        const ws = '00000000-0000-4000-8000-0000000000bb';
        const m = readModelsQuoting('down');
        await ds.query(`INSERT INTO workspace (id, slug, name) VALUES ($1, 'down', 'Down Practice')`, [ws]);
        await ds.query(`INSERT INTO graph_projection (workspace_id, version, event_seq, graph, updated_at) VALUES ($1, 1, 0, $2::jsonb, now())`, [ws, JSON.stringify(m.graph)]);
        await ds.query(`INSERT INTO system_node (workspace_id, id, name, role, data) VALUES ($1, $2, $3, 'ai_notetaker', $4::jsonb)`, [ws, m.graph.systems[0]!.id, m.graph.systems[0]!.name, JSON.stringify(m.graph.systems[0])]);
        await ds.query(`INSERT INTO system_node (workspace_id, id, name, role, data) VALUES ($1, 'system:gone', 'Gone', 'ehr', '{}'::jsonb)`, [ws]);
        await ds.query(`INSERT INTO flow_edge (workspace_id, id, from_id, to_id, data) VALUES ($1, $2, $3, $4, $5::jsonb)`, [ws, m.graph.flows[0]!.id, m.graph.flows[0]!.from, m.graph.flows[0]!.to, JSON.stringify(m.graph.flows[0])]);
        await ds.runMigrations({ transaction: 'each' });
        expect(await ds.query(`SELECT count(*)::int AS n FROM system_node WHERE name IS NULL`)).toEqual([{ n: 2 }]);

        await ds.undoLastMigration({ transaction: 'each' });
        // The copies come back from the clear graph; a row the graph does not hold is dropped, not left NULL.
        expect(await ds.query(`SELECT id, name, data FROM system_node`)).toEqual([{ id: m.graph.systems[0]!.id, name: m.graph.systems[0]!.name, data: m.graph.systems[0] }]);
        expect(await ds.query(`SELECT data FROM flow_edge`)).toEqual([{ data: m.graph.flows[0] }]);
        const nullable = await ds.query(`SELECT table_name || '.' || column_name AS c FROM information_schema.columns
          WHERE (table_name, column_name) IN (('system_node','name'),('system_node','data'),('flow_edge','data'),('finding','data'),('score','data'),('score','rule_errors'),('graph_projection','graph')) AND is_nullable = 'YES'`);
        expect(nullable).toEqual([]);

        // Up again, one sealed row: going down would lose it, so it refuses and changes nothing.
        await ds.runMigrations({ transaction: 'each' });
        await ds.query(`UPDATE graph_projection SET graph = NULL, graph_sealed = '\\x00', key_id = 'k1'`);
        await expect(ds.undoLastMigration({ transaction: 'each' })).rejects.toThrow(/1 read-model rows are sealed/);
        expect(await ds.query(`SELECT count(*)::int AS n FROM graph_projection WHERE key_id = 'k1'`)).toEqual([{ n: 1 }]);
      } finally {
        await ds.destroy();
      }
    } finally {
      await db.drop();
    }
  }, 120_000);
});
