import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { JobName } from './job-catalogue.js';
import { JobQueue } from './job-queue.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Time alone creates findings (a BAA or a consent that expired while no document arrived), so every workspace
 * is re-scored at start-up and then daily. The evaluation time is truncated to the minute at start-up and to
 * the day on the timer, so workers started together schedule one job between them (deterministic job ids).
 */
@Injectable()
export class RescoreScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('RescoreScheduler');
  private timer?: NodeJS.Timeout;

  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule(new Date(Math.floor(Date.now() / 60_000) * 60_000));
    this.timer = setInterval(() => void this.schedule(new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS)), DAY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async schedule(at: Date): Promise<void> {
    await this.jobs.add(JobName.Rescore, { at: at.toISOString() }).catch((err: Error) => this.log.error(`could not schedule the re-score: ${err.message}`));
  }
}
