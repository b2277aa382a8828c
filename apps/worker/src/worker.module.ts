import { Module, type DynamicModule } from '@nestjs/common';
import { PipelineModule, type Runtime } from '@custody/pipeline';

/** The worker: no HTTP, only the pipeline's job processor (a worker process, or embedded mode's job thread). */
@Module({})
export class WorkerModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return { module: WorkerModule, imports: [PipelineModule.forRoot({ runtime, processJobs: true })] };
  }
}
