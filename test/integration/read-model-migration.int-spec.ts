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
});
