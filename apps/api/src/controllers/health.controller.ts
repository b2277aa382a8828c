import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthDto } from '../openapi/responses.dto.js';
import type { Persistence } from '@custody/persistence';
import { dependencyBound, JobQueue, PERSISTENCE, RUNTIME, withDeadline, type Runtime } from '@custody/pipeline';
import { Public } from '../auth/public.decorator.js';
import { HealthProbe, healthBody } from '../services/health-probe.js';

/** How long a health request waits for busy dependencies before it is answered with the last figures. */
const HEALTH_WAIT_MS = 50;

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  private readonly probe: HealthProbe;

  constructor(
    @Inject(PERSISTENCE) db: Persistence,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    jobs: JobQueue,
  ) {
    const bound = dependencyBound(runtime, 'database');
    this.probe = new HealthProbe(async () => {
      const [unfinished, pending] = await Promise.all([
        withDeadline(db.documents.unfinishedCount(), bound, 'database').catch(() => undefined),
        jobs.pending().catch(() => undefined),
      ]);
      return { unfinished, pending };
    }, { waitMs: HEALTH_WAIT_MS, staleMs: Math.min(bound, dependencyBound(runtime, 'queue')) });
  }

  /**
   * Each check is bounded (dependencyBound: `dependencyTimeoutMs` for a PostgreSQL or Redis server), so health answers within that time whatever is down, and
   * answers 503 naming what is down (a load balancer stops routing; an operator sees which). `documents.unfinished`
   * is the real backlog: documents accepted but not finished, whether or not the queue holds a job for them.
   * While the database or queue is busy (a fleet's scoring write), the last figures are served (HealthProbe), and
   * `checkedAt` says when they were measured.
   */
  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: database and queue reachable, and the real backlog' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'a dependency is down; `down` names it' })
  async health(@Res({ passthrough: true }) res: Response) {
    const body = healthBody(await this.probe.read(), this.runtime.embedded ? 'embedded' : 'production', this.runtime.queue.kind);
    if (body.down.length) res.status(503);
    return body;
  }
}
