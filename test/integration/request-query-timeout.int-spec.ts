import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@custody/config';
import { isQueryTimeout } from '@custody/persistence';
import { startRuntime } from '@custody/pipeline';
import { freshDatabase } from '../support/database.js';

/**
 * Request-path queries are bounded (CUSTODY_REQUEST_QUERY_TIMEOUT_MS): a query that does not answer fails the
 * request (503 database_timeout, see custody-exception.filter.ts) instead of hanging it; a pool that runs jobs
 * (requestPath unset: the worker, embedded mode's job thread) keeps no such bound.
 */
const production = Boolean(process.env.DATABASE_URL);
describe(`request-path query timeout (${production ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  async function withRuntime(requestPath: boolean, fn: (query: (sql: string) => Promise<unknown>) => Promise<void>) {
    const home = mkdtempSync(join(tmpdir(), 'custody-qt-'));
    const db = production ? await freshDatabase() : undefined;
    const runtime = await startRuntime(loadConfig({ CUSTODY_HOME: join(home, 'home'), CUSTODY_REQUEST_QUERY_TIMEOUT_MS: '1000', ...(db ? { DATABASE_URL: db.url } : {}) }), { requestPath });
    try {
      await fn((sql) => runtime.persistence.dataSource.query(sql));
    } finally {
      await runtime.close();
      await db?.drop();
      rmSync(home, { recursive: true, force: true });
    }
  }

  it('fails a request-path query that runs past the bound, recognisably, and the pool answers after it', async () => {
    await withRuntime(true, async (query) => {
      const t0 = performance.now();
      const err = await query('SELECT pg_sleep(8)').then(() => undefined, (e: unknown) => e);
      const ms = performance.now() - t0;
      expect(err).toBeDefined();
      expect(isQueryTimeout(err)).toBe(true);
      // PostgreSQL cancels at the bound; the embedded engine's client gives up at it (the sleep runs on in the engine).
      expect(ms).toBeLessThan(7000);
      // The embedded engine is busy with the sleep until it ends (one session, no cancel): the next query after it.
      if (!production) await new Promise((r) => setTimeout(r, 8000 - ms + 500));
      expect(await query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    });
  }, 300_000);

  it('leaves a job pool unbounded: the same query answers', async () => {
    await withRuntime(false, async (query) => {
      expect(await query('SELECT pg_sleep(2), 1 AS one')).toEqual([{ pg_sleep: '', one: 1 }]);
    });
  }, 300_000);
});
