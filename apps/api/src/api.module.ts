import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { PipelineModule, type Runtime } from '@custody/pipeline';
import { ApiKeyGuard } from './auth/api-key.guard.js';
import { RATE_LIMITS, RateLimiter, type RateLimits } from './http/rate-limit.js';
import { DocumentsController } from './controllers/documents.controller.js';
import { EventsController } from './controllers/events.controller.js';
import { HealthController } from './controllers/health.controller.js';
import { WebhookController } from './controllers/webhook.controller.js';
import { WorkspaceController } from './controllers/workspace.controller.js';
import { CustodyExceptionFilter } from './http/custody-exception.filter.js';
import { OwnerController } from './owner/owner.controller.js';
import { AuditService } from './services/audit.service.js';

/** HTTP: REST + OpenAPI, SSE and the dashboard, over the pipeline. Runs the job processor too in embedded mode. */
@Module({})
export class ApiModule {
  static forRoot(runtime: Runtime, opts: { processJobs: boolean }): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PipelineModule.forRoot({ runtime, processJobs: opts.processJobs }),
        // Multipart uploads are buffered in memory: without a limit one huge file could exhaust it. Over the
        // limit, multer stops reading and the request is answered 413 (as the JSON body parser does).
        MulterModule.register({ limits: { fileSize: runtime.config.maxUploadBytes, files: runtime.config.maxUploadFiles } }),
      ],
      controllers: [HealthController, DocumentsController, WorkspaceController, EventsController, WebhookController, OwnerController],
      providers: [
        AuditService,
        {
          provide: RATE_LIMITS,
          useValue: {
            requests: new RateLimiter(runtime.config.rateLimitPerMinute),
            authFailures: new RateLimiter(runtime.config.authFailuresPerMinute),
          } satisfies RateLimits,
        },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: CustodyExceptionFilter },
      ],
    };
  }
}
