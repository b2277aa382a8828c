import { JobName, JobQueue, QueueName } from '@custody/pipeline';
import { queueBackendName, startQueueRuntime } from '../support/queue-runtime.js';

/**
 * The producer side opens its queue connections when the application starts, not at the first upload (issue 11:
 * a production `serve` paid loading ioredis and connecting, or the PostgreSQL backend's schema check, inside its
 * first upload request). Against each real backend, as the Reconciler's spec.
 */
describe(`JobQueue start-up (${queueBackendName()})`, () => {
  let started: Awaited<ReturnType<typeof startQueueRuntime>> | undefined;
  let jobs: JobQueue | undefined;

  beforeAll(async () => {
    started = await startQueueRuntime('jq');
  }, 120_000);

  afterAll(async () => {
    await jobs?.onModuleDestroy();
    await started?.close();
  });

  it('opens every producer queue at application start, before any job is added, and adds jobs on it afterwards', async () => {
    const runtime = started!.runtime;
    jobs = new JobQueue(runtime, runtime.config);
    const queues = Object.values(QueueName);
    expect(queues.map((q) => jobs!.isOpen(q))).toEqual(queues.map(() => false));
    jobs.onApplicationBootstrap();
    // Opened at once (the start is not held up: the connection becomes ready in the background).
    expect(queues.map((q) => jobs!.isOpen(q))).toEqual(queues.map(() => true));
    await jobs.opened;
    await jobs.add(JobName.Extract, { documentId: 'd1' });
    expect(await jobs.standing(JobName.Extract, { documentId: 'd1' })).toBe('live');
  }, 60_000);
});
