import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import type { CustodyConfig } from '@custody/config';
import { dependencyBound, withDeadline } from '../deadline.js';
import type { Runtime } from '../runtime.js';
import { CONFIG, RUNTIME } from '../tokens.js';
import { JOB_QUEUE, jobId, JobName, QueueName, type PayloadOf } from './job-catalogue.js';
import { queueConnection } from './queue-connection.js';

/** BullMQ's lowest priority (2^21 - 1), on Redis and on its PostgreSQL backend alike. */
const MAX_PRIORITY = 2 ** 21 - 1;

/**
 * Retries ride out a dependency outage: exponential from 1 s, eight attempts wait 1+2+…+64 = 127 s in all, so
 * a job started as PostgreSQL or Redis goes away is still retrying when it returns (an outage of ~30 s is used
 * up by the sixth attempt). What outlasts even that is re-enqueued by the Reconciler.
 */
export const JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: false,
};

/** Where a job stands: still to run (live), finished or failed and kept, or not in the queue at all. */
export type JobStanding = 'live' | 'failed' | 'completed' | 'absent';

const LIVE = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Producer side of the job catalogue. Failed jobs are kept for inspection; completed ones are removed so a
 * deterministic id can be used again by a later, genuinely new piece of work. Every call is bounded
 * (dependencyBound) and fails with ServiceUnavailableError('queue') while the queue's store is down.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('JobQueue');
  private readonly queues = new Map<QueueName, Queue>();
  /** Settles when the producer connections opened at start-up are ready (or failed to open: see onApplicationBootstrap). */
  opened: Promise<void> = Promise.resolve();

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime, @Inject(CONFIG) private readonly config: CustodyConfig) {}

  /**
   * Every process with this module produces jobs (the API's uploads and health, a worker's follow-ups), so the
   * producer connections are opened at start-up, in the background: opened on first use, the first upload of
   * a production `serve` paid loading ioredis and connecting (or, on the PostgreSQL backend, BullMQ's schema
   * check) — ~0.3 s CPU in the request, 0.8-4.8 s of its wall time on a loaded machine (bench:pipeline).
   * Not awaited, and a failure is only logged: a queue that is down at start is retried by its first use,
   * as before (uploads are still stored, the Reconciler enqueues them later).
   */
  onApplicationBootstrap(): void {
    this.opened = Promise.all(Object.values(QueueName).map(async (name) => {
      try {
        await this.bounded(this.queue(name).waitUntilReady());
      } catch (err) {
        this.log.warn(`queue ${name} not ready at start-up: ${(err as Error).message}`);
      }
    })).then(() => undefined);
  }

  /** Whether the producer connection of `name` has been created (at start-up or by a first use). */
  isOpen(name: QueueName): boolean {
    return this.queues.has(name);
  }

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: queueConnection(this.runtime.queue, { producer: true }), prefix: this.config.queuePrefix });
      q.on('error', (err) => this.log.error(`queue ${name}: ${err.message}`));
      this.queues.set(name, q);
    }
    return q;
  }

  /**
   * `priority` (1 = first; see fairPriority) orders waiting jobs; jobs of equal priority run in arrival
   * order. Every job gets one ≥ 1, because a job without a priority (0) would run before all prioritised ones.
   */
  async add<N extends JobName>(name: N, data: PayloadOf<N>, seq?: number, priority = 1): Promise<string> {
    const id = jobId(name, data, seq);
    await this.bounded(this.queue(JOB_QUEUE[name]).add(name, data, this.options(id, priority)));
    return id;
  }

  private options(jobId: string, priority: number): JobsOptions {
    return { ...JOB_OPTIONS, jobId, priority: Math.min(Math.max(1, Math.floor(priority)), MAX_PRIORITY) };
  }

  /** Adds several jobs in one round trip (BullMQ addBulk), each as `add` would (same ids, options and priority). */
  async addMany(requests: readonly { name: JobName; data: PayloadOf<JobName>; seq?: number }[], priority = 1): Promise<string[]> {
    const byQueue = new Map<QueueName, { name: string; data: unknown; opts: JobsOptions }[]>();
    const ids = requests.map((r) => {
      const id = jobId(r.name, r.data as never, r.seq);
      const list = byQueue.get(JOB_QUEUE[r.name]) ?? [];
      list.push({ name: r.name, data: r.data, opts: this.options(id, priority) });
      byQueue.set(JOB_QUEUE[r.name], list);
      return id;
    });
    for (const [name, jobs] of byQueue) await this.bounded(this.queue(name).addBulk(jobs));
    return ids;
  }

  /** Where the job with this deterministic id stands. */
  async standing<N extends JobName>(name: N, data: PayloadOf<N>, seq?: number): Promise<JobStanding> {
    const state = await this.bounded(this.queue(JOB_QUEUE[name]).getJobState(jobId(name, data, seq)));
    if (LIVE.has(state)) return 'live';
    return state === 'failed' || state === 'completed' ? state : 'absent';
  }

  /**
   * Makes sure the job will run (again): a failed or kept job with this id is moved back to wait with its
   * attempts reset (adding it would collide with the id and do nothing), an absent one is added, a live one
   * is left alone. Returns what was done.
   */
  async requeue<N extends JobName>(name: N, data: PayloadOf<N>, seq?: number): Promise<'live' | 'retried' | 'added'> {
    const standing = await this.standing(name, data, seq);
    if (standing === 'live') return 'live';
    if (standing === 'absent') {
      await this.add(name, data, seq);
      return 'added';
    }
    const job = await this.bounded(this.queue(JOB_QUEUE[name]).getJob(jobId(name, data, seq)));
    if (!job) {
      // Removed between the two reads (another process requeued and finished it): add it anew, deduplicated.
      await this.add(name, data, seq);
      return 'added';
    }
    // Only a job still in that state moves: two reconcilers racing retry it once, the other gets an error.
    await this.bounded(job.retry(standing, { resetAttemptsMade: true, resetAttemptsStarted: true }));
    return 'retried';
  }

  /** The documents that live extraction batches (bulk uploads) will read: they have a job, though not their own. */
  async liveBatchDocuments(): Promise<Set<string>> {
    const jobs = await this.bounded(this.queue(JOB_QUEUE[JobName.ExtractBatch]).getJobs([...LIVE] as never));
    return new Set(jobs.filter((j) => j?.name === JobName.ExtractBatch).flatMap((j) => (j.data as PayloadOf<JobName.ExtractBatch>).documentIds));
  }

  /** Jobs not yet finished, across queues (used to wait until the pipeline drains). */
  async pending(): Promise<number> {
    let n = 0;
    for (const name of Object.values(QueueName)) {
      const c = await this.bounded(this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children'));
      n += Object.values(c).reduce((a, b) => a + b, 0);
    }
    return n;
  }

  async failed(): Promise<{ id?: string; name: string; reason: string }[]> {
    const out: { id?: string; name: string; reason: string }[] = [];
    for (const name of Object.values(QueueName)) {
      for (const j of await this.bounded(this.queue(name).getFailed())) out.push({ id: j.id, name: j.name, reason: j.failedReason });
    }
    return out;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }

  /** Bounded: see dependencyBound (Redis gets `dependencyTimeoutMs`, the PostgreSQL backend a wider bound). */
  private bounded<T>(work: Promise<T>): Promise<T> {
    return withDeadline(work, dependencyBound(this.runtime, 'queue'), 'queue');
  }
}
