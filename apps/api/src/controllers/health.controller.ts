import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthDto } from '../openapi/responses.dto.js';
import type { Persistence } from '@custody/persistence';
import { JobQueue, PERSISTENCE, RUNTIME, type Runtime } from '@custody/pipeline';
import { Public } from '../auth/public.decorator.js';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(@Inject(PERSISTENCE) private readonly db: Persistence, @Inject(RUNTIME) private readonly runtime: Runtime, private readonly jobs: JobQueue) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: database and queue reachable' })
  @ApiOkResponse({ type: HealthDto })
  async health() {
    const database = await this.db.dataSource.query('SELECT 1').then(() => 'up', () => 'down');
    const pending = await this.jobs.pending().catch(() => -1);
    return {
      status: database === 'up' && pending >= 0 ? 'ok' : 'degraded',
      mode: this.runtime.embedded ? 'embedded' : 'production',
      database,
      queue: pending >= 0 ? { backend: this.runtime.queue.kind, pending } : 'down',
    };
  }
}
