import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createHash } from 'node:crypto';
import { DataKeyring, Persistence, startEmbeddedPostgres } from '@custody/persistence';

/**
 * A fresh, empty database for one test file: a new database on the server named by `DATABASE_URL`
 * when it is set (CI runs the suite that way), otherwise an embedded PGlite in a temp directory.
 */
export async function freshDatabase(): Promise<{ url: string; mode: 'postgres' | 'embedded'; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `custody_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client(base);
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      mode: 'postgres',
      async drop() {
        const c = new pg.Client(base);
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'custody-db-'));
  const db = await startEmbeddedPostgres(join(dir, 'db'), { socketDir: join(dir, 'run') });
  return {
    url: db.url,
    mode: 'embedded',
    async drop() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Custody's store open on a fresh database (see `freshDatabase`), for one test file: `close` shuts the store
 * and drops the database. Data is sealed with `keyring` (default: a key held in memory for this file).
 */
export async function freshPersistence(keyring = DataKeyring.ephemeral()): Promise<{ persistence: Persistence; url: string; close(): Promise<void> }> {
  const db = await freshDatabase();
  let persistence: Persistence;
  try {
    persistence = await Persistence.open(db.url, keyring, 4);
  } catch (err) {
    await db.drop();
    throw err;
  }
  return {
    persistence,
    url: db.url,
    async close() {
      await persistence.close();
      await db.drop();
    },
  };
}

/**
 * One store for a whole test file: opened in a `beforeAll`, closed and dropped in an `afterAll`. The value
 * returned stands for the store before it is open (a spec's `describe` body runs first), forwarding each
 * property to it once the hook has run.
 */
export function persistenceForFile(keyring?: DataKeyring): Persistence {
  let store: Awaited<ReturnType<typeof freshPersistence>> | undefined;
  beforeAll(async () => {
    store = await freshPersistence(keyring);
  }, 120_000);
  afterAll(() => store?.close());
  return new Proxy({} as Persistence, {
    get: (_, key) => {
      if (!store) throw new Error('the store opens in beforeAll: use it inside a hook or a test');
      return Reflect.get(store.persistence, key);
    },
  });
}

/** A document's content as the store takes it: the bytes, their size and sha256, not redacted. */
export const storedContent = (s: string) => ({ content: Buffer.from(s), size: Buffer.byteLength(s), sha256: createHash('sha256').update(s).digest('hex'), redacted: false });
