import { createServer, type Server, type Socket } from 'node:net';
import { CONNECT_TIMEOUT_MS, isDatabaseUnavailable, openDataSource } from '@custody/persistence';
import { freshDatabase } from '../support/database.js';

/**
 * A busy database is not a database that is down (bench:api, embedded: a read that waited 5 s for the read
 * thread's one connection while a fleet was scored was answered 503 "database unavailable"). A query waits for
 * a busy connection; only establishing a connection is bounded by CONNECT_TIMEOUT_MS.
 */
describe('database pool: waiting for a busy connection vs connecting', () => {

  it('a query waits past the connect timeout for the one busy connection and then succeeds', async () => {
    const db = await freshDatabase();
    const ds = await openDataSource(db.url, 1);
    try {
      const holdMs = CONNECT_TIMEOUT_MS + 1500;
      const held = ds.transaction(async (m) => m.query(`SELECT pg_sleep(${holdMs / 1000})`));
      // Let the transaction take the pool's one connection first.
      await new Promise((r) => setTimeout(r, 200));
      const t0 = performance.now();
      const [row] = await ds.query('SELECT 41 + 1 AS n') as { n: number }[];
      const waited = performance.now() - t0;
      await held;
      expect(row!.n).toBe(42);
      // It did wait for the busy connection, longer than a connect may take (before: rejected at 5 s).
      expect(waited).toBeGreaterThan(CONNECT_TIMEOUT_MS);
    } finally {
      await ds.destroy();
      await db.drop();
    }
    // Embedded (no DATABASE_URL): starting PGlite and migrating took 40 s of this on a loaded 2-core box.
  }, 180_000);

  it('a server that accepts but never answers is still an unavailable database after the connect timeout', async () => {
    const sockets: Socket[] = [];
    const server: Server = createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    const t0 = performance.now();
    try {
      const err = await openDataSource(`postgres://nobody@127.0.0.1:${port}/none`, 2).then(() => undefined, (e: unknown) => e);
      const ms = performance.now() - t0;
      expect(err).toBeDefined();
      expect(isDatabaseUnavailable(err)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 100);
      expect(ms).toBeLessThan(CONNECT_TIMEOUT_MS * 3);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    }
  });
});
