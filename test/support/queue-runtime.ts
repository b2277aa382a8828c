import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@custody/config';
import { startRuntime, type Runtime } from '@custody/pipeline';
import { freshDatabase } from './database.js';

/** Which queue backend an integration spec runs against: the machine's services when DATABASE_URL is set. */
export const queueBackendName = (): string => (process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded, queue on PGlite');

/**
 * A runtime on a real queue backend for integration specs: PostgreSQL (a fresh database) + Redis when
 * DATABASE_URL is set, else embedded (PGlite, the queue on its PostgreSQL backend), with a home and queue
 * prefix of its own. `close` ends it and removes what it made.
 */
export async function startQueueRuntime(tag: string): Promise<{ runtime: Runtime; close(): Promise<void> }> {
  const home = mkdtempSync(join(tmpdir(), `custody-${tag}-`));
  const db = process.env.DATABASE_URL ? await freshDatabase() : undefined;
  const config = loadConfig({
    CUSTODY_HOME: home, DATABASE_URL: db?.url, REDIS_URL: db ? process.env.REDIS_URL : undefined,
    CUSTODY_QUEUE_PREFIX: `${tag}${process.pid}${Math.random().toString(36).slice(2, 7)}`,
  });
  const runtime = await startRuntime(config);
  return {
    runtime,
    close: async () => {
      await runtime.close();
      await db?.drop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
