import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ExtractDocumentHandler } from './commands/extract-document.command.js';
import { IngestDocumentHandler } from './commands/ingest-document.command.js';
import { ProjectGraphHandler } from './commands/project-graph.command.js';
import { ScoreWorkspaceHandler } from './commands/score-workspace.command.js';
import { JobQueue } from './jobs/job-queue.js';
import { PipelineProcessor } from './jobs/pipeline.processor.js';
import type { Runtime } from './runtime.js';
import { CONFIG, PERSISTENCE, RUNTIME } from './tokens.js';
import { UnhandledExceptionLogger } from './unhandled-exception.logger.js';

export interface PipelineModuleOptions {
  runtime: Runtime;
  /** Run the job processor in this process (worker app, or embedded mode's single process). */
  processJobs: boolean;
}

/**
 * Commands, events and jobs of the ingest → extract → project → score pipeline. The runtime (database and
 * queue engines) is started before Nest so the same module serves embedded and production modes.
 */
@Module({})
export class PipelineModule {
  static forRoot({ runtime, processJobs }: PipelineModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: RUNTIME, useValue: runtime },
      { provide: CONFIG, useValue: runtime.config },
      { provide: PERSISTENCE, useValue: runtime.persistence },
      JobQueue,
      IngestDocumentHandler,
      ExtractDocumentHandler,
      ProjectGraphHandler,
      ScoreWorkspaceHandler,
      UnhandledExceptionLogger,
      ...(processJobs ? [PipelineProcessor] : []),
    ];
    return {
      module: PipelineModule,
      global: true,
      imports: [CqrsModule.forRoot()],
      providers,
      exports: [RUNTIME, CONFIG, PERSISTENCE, JobQueue, CqrsModule],
    };
  }
}
