import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { CustodyConfig } from '@custody/config';
import { counted, safeErrorText } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import { CONFIG, PERSISTENCE } from '../tokens.js';
import { FollowUps } from './follow-ups.js';
import { JobName } from './job-catalogue.js';
import { JOB_OPTIONS, JobQueue } from './job-queue.js';

/** What one pass did. */
export interface ReconcileReport {
  /** Documents accepted but not finished. */
  unfinished: number;
  /** Of those, extraction jobs added or moved back from failed (the rest had a live job). */
  requeued: number;
  /** Documents that kept failing on infrastructure errors and were marked failed instead. */
  gaveUp: number;
  /** Workspaces whose projection or score step was enqueued again. */
  workspaces: number;
}

export interface ReconcileOptions {
  /** Only documents stored at least this long ago, by the database's clock, are taken (a periodic pass); absent: all of them (the boot pass). */
  settledForMs?: number;
}

/**
 * A document that has used this many extraction attempts without an outcome is marked failed: three full
 * rounds of retries, so a document caught by two outages in a row still completes, and one whose processing
 * fails for another reason every time does not loop forever.
 */
export const MAX_DOCUMENT_ATTEMPTS = 3 * (JOB_OPTIONS.attempts ?? 1);

/**
 * Finds work that was accepted but has no job that will do it, and enqueues it again — at boot and then every
 * `reconcileIntervalMs`. Outages strand work in three ways: a job spends all its attempts while PostgreSQL is
 * down and cannot even be marked failed (its deterministic id then blocks a plain re-add); an upload's enqueue
 * fails while Redis is down; a step's follow-up job is never added. Documents still `received`/`processing`
 * get their extraction job back; workspaces whose projection or score lags their inputs get that step back.
 * Every step is idempotent and job ids are deterministic, so a pass that races a running job or another
 * process's pass duplicates nothing.
 */
@Injectable()
export class Reconciler implements OnModuleDestroy {
  private readonly log = new Logger('Reconciler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<ReconcileReport | undefined>;

  constructor(
    @Inject(PERSISTENCE) private readonly db: Persistence,
    private readonly jobs: JobQueue,
    private readonly followUps: FollowUps,
    @Inject(CONFIG) private readonly config: CustodyConfig,
  ) {}

  /**
   * One pass now, then one every interval. A pass that fails (a dependency still down) is logged and retried next
   * time. The boot pass takes every unfinished document (a restart is when stranded work is likeliest; it may race
   * an upload another process is enqueueing, which costs a document read twice, never a wrong result); a periodic
   * pass leaves documents younger than one interval to the upload that stored them, whose enqueue may simply not
   * have run yet — a bulk upload commits its documents before it adds their batch jobs, and a pass between the two
   * would give each document a job of its own as well. Their age is read on the database's clock, which wrote
   * `created_at` (the transaction's start: an upload whose transaction outlasts an interval can still race). Stranded
   * work waits about one interval more.
   */
  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick({ settledForMs: this.config.reconcileIntervalMs }), this.config.reconcileIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs a pass unless one is still running (a slow pass during an outage must not pile up behind the timer). */
  tick(opts: ReconcileOptions = {}): Promise<ReconcileReport | undefined> {
    this.running ??= this.reconcile(opts)
      .catch((err: unknown) => {
        this.log.warn(`reconcile pass failed, next in ${this.config.reconcileIntervalMs} ms: ${safeErrorText(err)}`);
        return undefined;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async reconcile({ settledForMs }: ReconcileOptions = {}): Promise<ReconcileReport> {
    const report: ReconcileReport = { unfinished: 0, requeued: 0, gaveUp: 0, workspaces: 0 };
    const unfinished = await this.db.documents.unfinished();
    report.unfinished = unfinished.length;
    const young = settledForMs ? await this.db.documents.youngUnfinished(settledForMs) : undefined;
    const settled = young?.size ? unfinished.filter((d) => !young.has(d.id)) : unfinished;
    // A bulk upload's documents wait in batch jobs (not their own): a job of their own would read them twice.
    const batched = settled.length ? await this.jobs.liveBatchDocuments() : new Set<string>();
    for (const d of settled) {
      if (d.attempts >= MAX_DOCUMENT_ATTEMPTS) {
        const failed = await this.db.documents.recordFailure(d.id, `no outcome after ${d.attempts} attempts`);
        if (failed) await this.followUps.after('DocumentRejected', {}, failed);
        report.gaveUp++;
        continue;
      }
      if (batched.has(d.id)) continue;
      if ((await this.jobs.requeue(JobName.Extract, { documentId: d.id })) !== 'live') report.requeued++;
    }
    // A workspace with documents still to extract is re-projected when they finish (their follow-up); projecting
    // it now would rebuild its graph once per pass during every upload burst.
    const extracting = new Set(unfinished.map((d) => d.workspaceId));
    for (const w of await this.db.projections.lagging()) {
      if (extracting.has(w.workspaceId)) continue;
      const outcome = !w.projected || w.projected.eventSeq < w.inputSeq
        ? await this.jobs.requeue(JobName.Project, { workspaceId: w.workspaceId }, w.inputSeq)
        : await this.jobs.requeue(JobName.Score, { workspaceId: w.workspaceId, graphVersion: w.projected.version });
      if (outcome !== 'live') report.workspaces++;
    }
    if (report.requeued || report.gaveUp || report.workspaces) {
      this.log.log(`re-enqueued ${report.requeued} of ${counted(report.unfinished, 'unfinished document')}, ${counted(report.workspaces, 'lagging workspace step')}; gave up on ${report.gaveUp}`);
    }
    return report;
  }
}
