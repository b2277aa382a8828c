import { Controller, Headers, Inject, Param, Req, Res } from '@nestjs/common';
import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Persistence } from '@custody/persistence';
import { PERSISTENCE } from '@custody/pipeline';
import { EVENT_CATALOGUE, isEventType } from '@custody/domain';
import type { Request, Response } from 'express';

@ApiTags('events')
@ApiSecurity('api-key')
@Controller('api/workspaces/:ws/events')
export class EventsController {
  constructor(@Inject(PERSISTENCE) private readonly db: Persistence) {}

  /**
   * A server-sent event stream of the workspace's event store. It reads the store itself (not in-process
   * signals), so it works when a separate worker process wrote the events, and resumes from Last-Event-ID.
   */
  @Get()
  @ApiOperation({ summary: 'SSE stream of workspace events (document.received, facts.extracted, graph.changed, exposure.scored)' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: '`id: <seq>`, `event: <name>`, `data: {seq, at, ids and counts}` (no evidence text)', schema: { type: 'string' } })
  async stream(@Param('ws') ws: string, @Req() req: Request, @Res() res: Response, @Headers('last-event-id') lastEventId?: string) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    let seq = Number(lastEventId) || (await this.db.events.latestSeq(ws));
    res.write(`retry: 2000\n: connected at ${seq}\n\n`);
    let closed = false;
    req.on('close', () => (closed = true));
    while (!closed) {
      const events = await this.db.events.since(ws, seq, 200).catch(() => []);
      for (const e of events) {
        seq = e.seq;
        const name = isEventType(e.type) ? EVENT_CATALOGUE[e.type].sse : undefined;
        if (!name) continue;
        // Ids and counts only: no evidence text goes over the stream.
        res.write(`id: ${e.seq}\nevent: ${name}\ndata: ${JSON.stringify({ seq: e.seq, at: e.at, ...summary(e.payload) })}\n\n`);
      }
      if (!events.length) res.write(': keep-alive\n\n');
      await new Promise((r) => setTimeout(r, events.length ? 50 : 700));
    }
    res.end();
  }
}

function summary(p: object): Record<string, unknown> {
  const keep = ['documentId', 'status', 'type', 'version', 'affected', 'total', 'findings', 'appeared', 'resolved', 'graphVersion', 'findingId', 'fact'];
  return Object.fromEntries(Object.entries(p).filter(([k]) => keep.includes(k)));
}
