import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { MIGRATIONS, dataSourceOptions, openDataSource } from '@custody/persistence';
import { SealedContent1765300000000 } from '../../libs/persistence/src/migrations/1765300000000-sealed-content.js';
import { freshDatabase } from '../support/database.js';

const mode = process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';

/** Columns (with type, nullability, default), indexes and constraints of the public schema: what a migration changes. */
async function schemaOf(ds: Pick<DataSource, 'query'>): Promise<string[]> {
  const columns: { c: string }[] = await ds.query(`SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS c
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'migrations'`);
  const indexes: { c: string }[] = await ds.query(`SELECT indexdef AS c FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'migrations'`);
  const constraints: { c: string }[] = await ds.query(`SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) AS c
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'migrations'`);
  // Functions too (their body's hash): a migration may add only a function (AppendEventsFunction).
  const functions: { c: string }[] = await ds.query(`SELECT 'function ' || proname || '(' || pg_get_function_identity_arguments(oid) || ') ' || md5(prosrc) AS c
    FROM pg_proc WHERE pronamespace = 'public'::regnamespace`);
  return [...columns, ...indexes, ...constraints, ...functions].map((r) => r.c).sort();
}

/**
 * Every migration's down() is code an operator runs when a release is rolled back, so each is run here: from
 * the newest schema, each migration (newest first) is undone, redone — which must give back exactly the schema
 * before the undo — and undone again, down to an empty schema; then TypeORM migrates the empty database up to
 * the newest schema once more. A down() that fails, changes nothing, leaves something behind or drops what its
 * up() does not recreate fails here.
 */
describe(`every migration goes down and up again (${mode})`, () => {
  it('undoes each migration newest first, redoes it to the same schema, and ends on the empty schema', async () => {
    const db = await freshDatabase();
    // One connection: embedded mode's socket serves one client.
    const ds = new DataSource({ ...dataSourceOptions(db.url, 1), migrations: MIGRATIONS } as DataSourceOptions);
    await ds.initialize();
    const empty = await schemaOf(ds);
    await ds.runMigrations({ transaction: 'each' });
    const newest = await schemaOf(ds);
    // The pool's one connection, held for the steps below (the data source's own queries would wait for it).
    const qr = ds.createQueryRunner();
    // A migration that opts out of a transaction (a CONCURRENTLY index build cannot run in one) runs bare, as TypeORM runs it.
    const step = async (run: () => Promise<void>, transaction = true) => {
      if (!transaction) return run();
      await qr.startTransaction();
      try {
        await run();
        await qr.commitTransaction();
      } catch (err) {
        await qr.rollbackTransaction();
        throw err;
      }
    };
    let released = false;
    try {
      expect(newest.length).toBeGreaterThan(empty.length);

      for (const Migration of [...MIGRATIONS].reverse()) {
        const migration = new Migration();
        const before = await schemaOf(qr);
        const tx = (migration as MigrationInterface).transaction !== false;
        await step(() => migration.down(qr), tx);
        const after = await schemaOf(qr);
        expect({ migration: migration.name, changed: after.join('\n') !== before.join('\n') }).toEqual({ migration: migration.name, changed: true });
        await step(() => migration.up(qr), tx);
        expect({ migration: migration.name, schema: await schemaOf(qr) }).toEqual({ migration: migration.name, schema: before });
        await step(() => migration.down(qr), tx);
        expect({ migration: migration.name, schema: await schemaOf(qr) }).toEqual({ migration: migration.name, schema: after });
      }
      expect(await schemaOf(qr)).toEqual(empty);

      // The bookkeeping table survives the undo of every migration; cleared, TypeORM builds the newest schema again.
      await qr.query(`DELETE FROM migrations`);
      await qr.release();
      released = true;
      await ds.runMigrations({ transaction: 'each' });
      expect(await schemaOf(ds)).toEqual(newest);
    } finally {
      if (!released) await qr.release();
      await ds.destroy();
      await db.drop();
    }
  }, 180_000);

  // Boots at once need a server that takes several clients: embedded mode's socket serves one, by design.
  if (mode === 'PostgreSQL') {
    it('migrates an empty database from three boots at once, each waiting its turn (no deadlock with the CONCURRENTLY index build)', async () => {
      const db = await freshDatabase();
      const opened: DataSource[] = [];
      try {
        const boots = await Promise.allSettled([0, 1, 2].map(() => openDataSource(db.url, 2).then((ds) => (opened.push(ds), ds))));
        expect(boots.map((b) => (b.status === 'rejected' ? String(b.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
        const ran: { n: number }[] = await opened[0]!.query(`SELECT count(*)::int AS n FROM migrations`);
        expect(ran).toEqual([{ n: MIGRATIONS.length }]);
        const valid: { ok: boolean }[] = await opened[0]!.query(`SELECT i.indisvalid AS ok FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'ix_event_workspace_type_seq'`);
        expect(valid).toEqual([{ ok: true }]);
      } finally {
        await Promise.all(opened.map((ds) => ds.destroy()));
        await db.drop();
      }
    }, 120_000);
  }

  it('refuses to undo SealedContent while a blob is sealed (its bytes would be read as clear) and changes nothing', async () => {
    const db = await freshDatabase();
    const upTo = MIGRATIONS.slice(0, MIGRATIONS.indexOf(SealedContent1765300000000) + 1);
    const ds = new DataSource({ ...dataSourceOptions(db.url, 1), migrations: upTo } as DataSourceOptions);
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
      await ds.query(`INSERT INTO blob (sha256, size, content, key_id) VALUES ('abc', 3, '\\x000102', 'k1')`);
      await expect(ds.undoLastMigration({ transaction: 'each' })).rejects.toThrow(/1 rows are sealed/);
      expect(await ds.query(`SELECT key_id FROM blob`)).toEqual([{ key_id: 'k1' }]);
      await ds.query(`UPDATE blob SET key_id = NULL`);
      await ds.undoLastMigration({ transaction: 'each' });
      expect(await ds.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'blob' AND column_name = 'key_id'`)).toEqual([{ n: 0 }]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  }, 120_000);
});
