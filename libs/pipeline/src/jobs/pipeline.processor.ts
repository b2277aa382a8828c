import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { CustodyConfig } from '@custody/config';
import { CustodyError, safeErrorText } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import { ExtractDocumentCommand, ExtractDocumentsCommand } from '../commands/extract-document.command.js';
import { ProjectGraphCommand } from '../commands/project-graph.command.js';
import { RescoreWorkspacesCommand, ScoreWorkspaceCommand } from '../commands/score-workspace.command.js';
import type { Runtime } from '../runtime.js';
import { ParseSandbox } from '../sandbox/parse-sandbox.js';
import { CONFIG, PERSISTENCE, RUNTIME } from '../tokens.js';
import { isQueueUnavailable } from '../deadline.js';
import { burst, FollowUps } from './follow-ups.js';
import { JobName, QueueName, type PayloadOf } from './job-catalogue.js';
import { queueConnection } from './queue-connection.js';
import { Reconciler } from './reconciler.js';

type Handler = (data: never, job: Job) => Promise<void>;

/** Attempts for an error that is neither bad input nor an outage (the retries before outages got longer ones). */
const OTHER_ERROR_ATTEMPTS = 5;

/**
 * The one processor of the pipeline queue, dispatching on the job name to a command. Each step then enqueues
 * what follows its event (FOLLOW_UPS, jobs/follow-ups.ts) before it completes, also when a retried step finds
 * its work already done, so a worker killed mid-step is retried (after the lock expires) and the chain
 * resumes: ingest → extract → project → score.
 */
@Injectable()
export class PipelineProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('PipelineProcessor');
  private worker?: Worker;
  private readonly handlers: Record<JobName, Handler>;

  constructor(
    private readonly commands: CommandBus,
    private readonly followUps: FollowUps,
    @Inject(PERSISTENCE) private readonly db: Persistence,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(CONFIG) private readonly config: CustodyConfig,
    private readonly reconciler: Reconciler,
    private readonly sandbox: ParseSandbox,
  ) {
    this.handlers = {
      [JobName.Extract]: (d: PayloadOf<JobName.Extract>, job: Job) => this.extract(d, job),
      [JobName.ExtractBatch]: (d: PayloadOf<JobName.ExtractBatch>, job: Job) => this.extractBatch(d, job),
      [JobName.Project]: (d: PayloadOf<JobName.Project>) => this.project(d),
      [JobName.Score]: (d: PayloadOf<JobName.Score>) => this.score(d),
      [JobName.Rescore]: async ({ at }: PayloadOf<JobName.Rescore>) => void (await this.commands.execute(new RescoreWorkspacesCommand(new Date(at)))),
    } as Record<JobName, Handler>;
    // Boot fails if the catalogue has a job without a handler.
    const missing = Object.values(JobName).filter((n) => typeof this.handlers[n] !== 'function');
    if (missing.length) throw new Error(`jobs without a handler: ${missing.join(', ')}`);
  }

  async onApplicationBootstrap(): Promise<void> {
    // The parsing processes start (and read their warm-up samples) while the queue connects.
    const sandboxReady = this.sandbox.warm();
    // At boot and then periodically: work stranded by a crash or an outage gets its job back.
    await this.reconciler.start();
    const worker = new Worker(QueueName.Pipeline, (job: Job) => this.dispatch(job), {
      connection: queueConnection(this.runtime.queue),
      prefix: this.config.queuePrefix,
      concurrency: this.config.workerConcurrency,
      lockDuration: this.config.jobLockMs,
      stalledInterval: Math.max(1000, Math.floor(this.config.jobLockMs / 2)),
      maxStalledCount: 3,
      autorun: false,
    });
    this.worker = worker;
    worker.on('failed', (job, err) => void this.onFailed(job, err));
    worker.on('error', (err) => this.log.error(`worker: ${safeErrorText(err)}`));
    // Jobs are taken once the sandbox is ready (or has failed to start: jobs then fail and are retried, as
    // before), not during its cold start: a worker added to a running pipeline took documents it could not
    // read for seconds while the warm ones waited (bench:pipeline, 2 workers slower than 1). Not awaited here:
    // an embedded `serve` answers HTTP meanwhile; a worker process says "processing jobs" once `started`.
    this.started = sandboxReady.then(() => {
      if (this.closing) return;
      worker.run().catch((err: unknown) => this.log.error(`worker: ${safeErrorText(err)}`));
    });
  }

  /** Resolves when this processor has begun taking jobs (its parsing sandbox is ready). */
  started: Promise<void> = new Promise(() => undefined);
  private closing = false;

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.worker?.close();
  }

  private async dispatch(job: Job): Promise<void> {
    const handler = this.handlers[job.name as JobName];
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    try {
      await handler(job.data as never, job);
    } catch (err) {
      // Bad input is final; infrastructure errors are retried with backoff through an outage (JOB_OPTIONS);
      // any other error (a bug, a resource limit) is not worth two minutes of retries: it fails after a few.
      if (err instanceof CustodyError && !err.retryable) throw new UnrecoverableError(`${err.code}: ${err.message}`);
      if (!isQueueUnavailable(err) && job.attemptsMade + 1 >= OTHER_ERROR_ATTEMPTS) throw new UnrecoverableError(safeErrorText(err));
      throw err;
    }
  }

  private async extract({ documentId }: PayloadOf<JobName.Extract>, job: Job): Promise<void> {
    const started = Date.now();
    const { workspaceId, event, seq, stages } = await this.commands.execute(new ExtractDocumentCommand(documentId));
    const t = Date.now();
    await this.followUps.after(event, {}, { workspaceId, seq });
    if (stages) this.logStages(documentId, started - job.timestamp, stages, Date.now() - t);
  }

  /**
   * A bulk upload's batch, document after document in the sandbox, its database work done once for the batch
   * (ExtractDocumentsCommand), and one follow-up for all (the last outcome's: it counts the workspace's
   * unfinished documents after every one of the batch is committed). A document that is bad input fails
   * alone, with its reason; any other error fails the job after the others were read, and the retry skips
   * the documents already finished.
   */
  private async extractBatch({ documentIds }: PayloadOf<JobName.ExtractBatch>, job: Job): Promise<void> {
    let last: { workspaceId: string; event: 'FactsExtracted' | 'DocumentRejected'; seq?: number } | undefined;
    let retry: unknown;
    const queuedMs = Date.now() - job.timestamp;
    for (const item of await this.commands.execute(new ExtractDocumentsCommand(documentIds))) {
      if ('outcome' in item) {
        last = item.outcome;
        if (item.outcome.stages) this.logStages(item.documentId, queuedMs, item.outcome.stages);
        continue;
      }
      const err = item.error;
      if (!(err instanceof CustodyError) || err.retryable) retry ??= err;
      else last = await this.markFailed(item.documentId, `${err.code}: ${err.message}`) ?? last;
    }
    if (last) await this.followUps.after(last.event, {}, { workspaceId: last.workspaceId, seq: last.seq });
    if (retry) throw retry;
  }

  private logStages(documentId: string, queuedMs: number, stages: { load: number; sandbox: number; record: number }, followUpsMs?: number): void {
    // Ids and milliseconds only (never a file name): where a document's time to its final status went.
    this.log.log(`document ${documentId} extracted: queued ${queuedMs} ms, load ${stages.load} ms, sandbox ${stages.sandbox} ms, record ${stages.record} ms${followUpsMs === undefined ? '' : `, follow-ups ${followUpsMs} ms`}`);
  }

  /** Records a document failed with `reason` (unless it is finished already): the outcome its follow-up reads. */
  private async markFailed(documentId: string, reason: string): Promise<{ workspaceId: string; event: 'DocumentRejected'; seq: number } | undefined> {
    const failed = await this.db.documents.recordFailure(documentId, reason);
    return failed && { ...failed, event: 'DocumentRejected' };
  }

  private async project({ workspaceId }: PayloadOf<JobName.Project>): Promise<void> {
    // Uploads that arrived since this job was enqueued make it a burst after all: the last of their outcomes
    // enqueues a projection (FOLLOW_UPS), which reads the inputs at its own run and so covers this job's too.
    if ((await burst(this.db, workspaceId)).held) return;
    const { version } = await this.commands.execute(new ProjectGraphCommand(workspaceId));
    // An unchanged graph still gets its (deduplicated) scoring job: a crash may have come before it.
    await this.followUps.after('GraphChanged', { version }, { workspaceId });
  }

  private async score({ workspaceId, graphVersion, triageSeq, at }: PayloadOf<JobName.Score>): Promise<void> {
    const rescore = triageSeq ? 'triage' : at ? 'time' : undefined;
    await this.commands.execute(new ScoreWorkspaceCommand(workspaceId, graphVersion, { rescore, at: at ? new Date(at) : undefined }));
  }

  /**
   * A document whose extraction will not be retried again is marked failed with the reason: kept, never silent.
   * Not when the last attempt failed because PostgreSQL or the queue was down: that says nothing about the
   * document, which stays unfinished for the Reconciler to enqueue again once the outage is over.
   */
  private async onFailed(job: Job | undefined, err: Error): Promise<void> {
    this.log.warn(`job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${safeErrorText(err)}`);
    const final = !job || err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (!job || !final || isQueueUnavailable(err)) return;
    const documentIds = job.name === JobName.Extract ? [(job.data as PayloadOf<JobName.Extract>).documentId]
      : job.name === JobName.ExtractBatch ? (job.data as PayloadOf<JobName.ExtractBatch>).documentIds : [];
    const reason = err instanceof UnrecoverableError ? err.message : safeErrorText(err);
    let last: Awaited<ReturnType<PipelineProcessor['markFailed']>>;
    for (const documentId of documentIds) {
      try {
        last = await this.markFailed(documentId, reason) ?? last;
      } catch (e) {
        this.log.error(`could not mark document failed: ${safeErrorText(e)}`);
      }
    }
    // A failed document is an outcome like any other: during a burst it may be the last one the workspace's
    // projection waits for (FOLLOW_UPS holds projections back while documents are unfinished).
    if (last) await this.followUps.after('DocumentRejected', {}, { workspaceId: last.workspaceId, seq: last.seq }).catch((e: unknown) => this.log.error(`could not enqueue the projection: ${safeErrorText(e)}`));
  }
}
