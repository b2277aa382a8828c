import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { counted, safeErrorText } from '@custody/domain';
import type { Runtime } from '../runtime.js';
import { RUNTIME } from '../tokens.js';

/**
 * Anchors the audit log: at start-up and then every `auditCheckpointIntervalMs`, each workspace's chain head
 * that moved is signed (a checkpoint, see libs/persistence audit-checkpoint.ts). It runs where jobs run (the
 * worker, or embedded mode's one process); several workers anchoring at once write one checkpoint per head.
 * A graceful shutdown signs once more, after the jobs have stopped, so the log a stopped process leaves behind
 * ends anchored rather than up to one interval unsigned. Each pass signs with the current key file's key, so a
 * worker left running through `audit-log rotate-signing-key` switches to the new key. Only workspace ids and
 * counts are logged.
 */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly log = new Logger('AuditCheckpoints');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  onApplicationBootstrap(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.runtime.config.auditCheckpointIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** After every module's onModuleDestroy (the job worker has closed), before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    // A pass under way finishes before the database closes under it; then the final heads are signed.
    await this.running;
    await this.anchor();
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.anchor().finally(() => (this.running = undefined));
  }

  private async anchor(): Promise<void> {
    try {
      const outcomes = await this.runtime.persistence.checkpoints.anchorAll(this.runtime.currentAuditSigner());
      const anchored = outcomes.filter((o) => 'anchored' in o).length;
      if (anchored) this.log.log(`signed ${counted(anchored, 'audit-log checkpoint')}`);
      for (const o of outcomes) if ('refused' in o) this.log.error(`audit log of workspace ${o.workspaceId} not anchored: ${o.refused}`);
    } catch (err) {
      this.log.error(`audit-log checkpoints failed: ${safeErrorText(err)}`);
    }
  }
}
