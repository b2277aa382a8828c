import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@custody/config';
import { JobName, JobQueue, QueueName, startRuntime, type Runtime } from '@custody/pipeline';
import { freshDatabase } from '../support/database.js';

/**
 * The producer side opens its queue connections when the application starts, not at the first upload (issue 11:
 * a production `serve` paid loading ioredis and connecting, or the PostgreSQL backend's schema check, inside its
 * first upload request). Against each real backend, as the Reconciler's spec.
 */
describe(`JobQueue start-up (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded, queue on PGlite'})`, () => {
  const home = mkdtempSync(join(tmpdir(), 'custody-jobqueue-'));
  let db: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  let runtime: Runtime;
  let jobs: JobQueue | undefined;

  beforeAll(async () => {
    db = process.env.DATABASE_URL ? await freshDatabase() : undefined;
    const config = loadConfig({
      CUSTODY_HOME: home, DATABASE_URL: db?.url, REDIS_URL: db ? process.env.REDIS_URL : undefined,
      CUSTODY_QUEUE_PREFIX: `jq${process.pid}${Math.random().toString(36).slice(2, 7)}`,
    });
    runtime = await startRuntime(config);
  }, 120_000);

  afterAll(async () => {
    await jobs?.onModuleDestroy();
    await runtime?.close();
    await db?.drop();
    rmSync(home, { recursive: true, force: true });
  });

  it('opens every producer queue at application start, before any job is added, and adds jobs on it afterwards', async () => {
    jobs = new JobQueue(runtime, runtime.config);
    expect(Object.values(QueueName).map((q) => jobs!.isOpen(q))).toEqual(Object.values(QueueName).map(() => false));
    jobs.onApplicationBootstrap();
    // Opened at once (the start is not held up: the connection becomes ready in the background).
    expect(Object.values(QueueName).map((q) => jobs!.isOpen(q))).toEqual(Object.values(QueueName).map(() => true));
    await jobs.opened;
    await jobs.add(JobName.Extract, { documentId: 'd1' });
    expect(await jobs.standing(JobName.Extract, { documentId: 'd1' })).toBe('live');
  }, 60_000);
});
