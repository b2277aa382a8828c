import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@custody/config';
import { startRuntime, type Runtime } from '@custody/pipeline';
import { createApiApp } from '../../apps/api/src/bootstrap.js';
import { freshDatabase } from './database.js';

export interface TestApp {
  app: INestApplication;
  runtime: Runtime;
  base: string;
  mode: 'postgres' | 'embedded';
  close(): Promise<void>;
}

/**
 * The API with its job processor in this process, on real PostgreSQL + Redis when `DATABASE_URL` and
 * `REDIS_URL` are set, otherwise on the embedded engines in a temp home. Each call gets its own database
 * and queue prefix, so test files never see each other's data. `env` adds settings (e.g. a webhook secret).
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const home = mkdtempSync(join(tmpdir(), 'custody-app-'));
  const db = process.env.DATABASE_URL ? await freshDatabase() : undefined;
  const config = loadConfig({
    CUSTODY_HOME: home,
    DATABASE_URL: db?.url,
    REDIS_URL: db ? process.env.REDIS_URL : undefined,
    CUSTODY_QUEUE_PREFIX: `t${process.pid}${Math.random().toString(36).slice(2, 7)}`,
    CUSTODY_JOB_LOCK_MS: '5000',
    PORT: '0',
    // Functional tests poll and probe with bad keys from one address; the hardening test sets real limits.
    CUSTODY_RATE_LIMIT_PER_MINUTE: '1000000',
    CUSTODY_AUTH_FAILURES_PER_MINUTE: '1000000',
    // The 3 s production bound on Redis/PostgreSQL answers is about outages; functional tests are not, and on a
    // loaded 2-core CI machine an enqueue has taken longer (evaluation-time int-spec, load 25). Outage tests set
    // their own bound (outage-scenario.ts) and any test may pass one in `env`.
    CUSTODY_DEPENDENCY_TIMEOUT_MS: '20000',
    ...env,
  });
  const runtime = await startRuntime(config);
  const app = await createApiApp(runtime, { processJobs: true, logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    app, runtime, base: `http://127.0.0.1:${port}`, mode: db ? 'postgres' : 'embedded',
    async close() {
      await app.close();
      await runtime.close();
      await db?.drop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
