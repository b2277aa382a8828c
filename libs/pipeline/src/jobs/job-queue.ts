import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { CustodyConfig } from '@custody/config';
import type { Runtime } from '../runtime.js';
import { CONFIG, RUNTIME } from '../tokens.js';
import { JOB_QUEUE, jobId, QueueName, type JobName, type PayloadOf } from './job-catalogue.js';
import { queueConnection } from './queue-connection.js';

/** BullMQ's lowest priority (2^21 - 1), on Redis and on its PostgreSQL backend alike. */
const MAX_PRIORITY = 2 ** 21 - 1;

/**
 * Producer side of the job catalogue. Failed jobs are kept for inspection; completed ones are removed so a
 * deterministic id can be used again by a later, genuinely new piece of work.
 */
@Injectable()
export class JobQueue implements OnModuleDestroy {
  private readonly log = new Logger('JobQueue');
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime, @Inject(CONFIG) private readonly config: CustodyConfig) {}

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: queueConnection(this.runtime.queue), prefix: this.config.queuePrefix });
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
    await this.queue(JOB_QUEUE[name]).add(name, data, {
      jobId: id,
      priority: Math.min(Math.max(1, Math.floor(priority)), MAX_PRIORITY),
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: true,
      removeOnFail: false,
    });
    return id;
  }

  /** Jobs not yet finished, across queues (used to wait until the pipeline drains). */
  async pending(): Promise<number> {
    let n = 0;
    for (const name of Object.values(QueueName)) {
      const c = await this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      n += Object.values(c).reduce((a, b) => a + b, 0);
    }
    return n;
  }

  async failed(): Promise<{ id?: string; name: string; reason: string }[]> {
    const out: { id?: string; name: string; reason: string }[] = [];
    for (const name of Object.values(QueueName)) {
      for (const j of await this.queue(name).getFailed()) out.push({ id: j.id, name: j.name, reason: j.failedReason });
    }
    return out;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
