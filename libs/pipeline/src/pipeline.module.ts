import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionInputCache } from '@custody/audit';
import { ExtractDocumentHandler, ExtractDocumentsHandler } from './commands/extract-document.command.js';
import { IngestDocumentHandler } from './commands/ingest-document.command.js';
import { IngestDocumentsHandler } from './commands/ingest-documents.command.js';
import { LinkDocumentHandler } from './commands/link-document.command.js';
import { RecordSettingChangeHandler } from './commands/record-setting-change.command.js';
import { CorrectFactHandler, RecordEvidenceReadHandler, ReprocessWorkspaceHandler, TriageFindingHandler } from './commands/workspace-changes.command.js';
import { RescoreWorkspacesHandler } from './commands/score-workspace.command.js';
import { FollowUps } from './jobs/follow-ups.js';
import { Reconciler } from './jobs/reconciler.js';
import { RescoreScheduler } from './jobs/rescore.scheduler.js';
import { CheckpointScheduler } from './jobs/checkpoint.scheduler.js';
import { ProjectGraphHandler } from './commands/project-graph.command.js';
import { RecentProjections } from './commands/recent-projections.js';
import { ScoreWorkspaceHandler } from './commands/score-workspace.command.js';
import { JobQueue } from './jobs/job-queue.js';
import { ParseSandbox, UploadSandbox } from './sandbox/parse-sandbox.js';
import { PipelineProcessor } from './jobs/pipeline.processor.js';
import type { Runtime } from './runtime.js';
import { CONFIG, PERSISTENCE, RUNTIME } from './tokens.js';

export interface PipelineModuleOptions {
  runtime: Runtime;
  /** Run the job processor in this process (worker app, or embedded mode's single process). */
  processJobs: boolean;
}

/**
 * Commands and jobs of the ingest → extract → project → score pipeline (events: the catalogue in libs/domain). The runtime (database and
 * queue engines) is started before Nest so the same module serves embedded and production modes.
 */
@Module({})
export class PipelineModule {
  static forRoot({ runtime, processJobs }: PipelineModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: RUNTIME, useValue: runtime },
      { provide: CONFIG, useValue: runtime.config },
      { provide: PERSISTENCE, useValue: runtime.persistence },
      // One cache of opened (decrypted) projection inputs per process, shared by the projection job and the API's
      // reads: embedded mode runs both in one process and would otherwise hold the same documents twice (2 × its
      // 64 MB bound). A factory, since the cache is a plain class whose constructor takes its byte bound.
      { provide: ProjectionInputCache, useFactory: () => new ProjectionInputCache() },
      JobQueue,
      FollowUps,
      ParseSandbox,
      UploadSandbox,
      IngestDocumentHandler,
      IngestDocumentsHandler,
      TriageFindingHandler,
      CorrectFactHandler,
      LinkDocumentHandler,
      RecordEvidenceReadHandler,
      ReprocessWorkspaceHandler,
      RecordSettingChangeHandler,
      RescoreWorkspacesHandler,
      ExtractDocumentHandler,
      ExtractDocumentsHandler,
      RecentProjections,
      ProjectGraphHandler,
      ScoreWorkspaceHandler,
      ...(processJobs ? [PipelineProcessor, Reconciler, RescoreScheduler, CheckpointScheduler] : []),
    ];
    return {
      module: PipelineModule,
      global: true,
      imports: [CqrsModule.forRoot()],
      providers,
      exports: [RUNTIME, CONFIG, PERSISTENCE, ProjectionInputCache, JobQueue, ParseSandbox, CqrsModule],
    };
  }
}
