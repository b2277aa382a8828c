import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WebhookBodyDto } from '../openapi/requests.dto.js';
import { WebhookResponseDto } from '../openapi/responses.dto.js';
import type { CustodyConfig } from '@custody/config';
import { CustodyError, InvalidInputError, UnauthorizedError } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import { CONFIG, IngestDocumentCommand, PERSISTENCE, RecordSettingChangeCommand } from '@custody/pipeline';
import type { Request } from 'express';
import { Public } from '../auth/public.decorator.js';
import { verifyWebhook, webhookSecretFor } from '../webhooks/webhook-signature.js';


type WebhookBody =
  | { type: 'setting_change'; system: string; settings: Record<string, unknown>; at?: string; source?: string }
  | { type: 'config'; fileName: string; content?: string; contentBase64?: string };

/**
 * Webhook intake: config and setting changes pushed by the systems being audited, so an audit tracks drift.
 * Signed, not keyed: `x-custody-timestamp` (ms) and `x-custody-signature: sha256=HMAC(secret, "<workspace>.<timestamp>.<raw body>")`
 * with the workspace's own secret (`CUSTODY_WEBHOOK_SECRETS`) or the shared one; stale timestamps are refused (replay). Each change is stored as a document, so it is evidence like any other.
 */
@ApiTags('webhooks')
@Controller('api/webhooks/:ws')
export class WebhookController {
  constructor(private readonly commands: CommandBus, @Inject(PERSISTENCE) private readonly db: Persistence, @Inject(CONFIG) private readonly config: CustodyConfig) {}

  @Public()
  @Post()
  @HttpCode(202)
  @ApiHeader({ name: 'x-custody-timestamp', required: true })
  @ApiHeader({ name: 'x-custody-signature', required: true, description: 'sha256=<hex HMAC of "<workspace slug or id>.<timestamp>.<raw body>">' })
  @ApiOperation({ summary: 'Push a setting change ({type:"setting_change", system, settings, at?}) or a config ({type:"config", fileName, content})' })
  @ApiBody({ type: WebhookBodyDto })
  @ApiAcceptedResponse({ type: WebhookResponseDto })
  async receive(@Param('ws') wsParam: string, @Req() req: RawBodyRequest<Request>, @Body() body: WebhookBody,
    @Headers('x-custody-timestamp') timestamp?: string, @Headers('x-custody-signature') signature?: string) {
    if (!this.config.webhookSecret && !this.config.webhookSecrets) throw new CustodyError('not_found', 'webhook intake is not configured (set CUSTODY_WEBHOOK_SECRET or CUSTODY_WEBHOOK_SECRETS)');
    const ws = await this.db.workspaces.resolve(wsParam);
    const secret = ws && webhookSecretFor(this.config, ws);
    // An unknown workspace answers like a bad signature, so the intake does not reveal which workspaces exist.
    if (!ws || !secret) throw new UnauthorizedError('webhook signature does not match');
    verifyWebhook({ secret, ws, raw: req.rawBody, timestamp, signature });
    const r = await this.commands.execute(this.toCommand(ws.id, body, Number(timestamp)));
    return { id: r.documentId, status: r.status, created: r.created };
  }

  private toCommand(workspaceId: string, body: WebhookBody, ts: number): RecordSettingChangeCommand | IngestDocumentCommand {
    if (body?.type === 'setting_change') return new RecordSettingChangeCommand(workspaceId, body, new Date(ts));
    if (body?.type === 'config') {
      if (!body.fileName || (body.content === undefined && body.contentBase64 === undefined)) throw new InvalidInputError('config needs fileName and content or contentBase64');
      const bytes = body.contentBase64 !== undefined ? Buffer.from(body.contentBase64, 'base64') : Buffer.from(body.content ?? '', 'utf8');
      return new IngestDocumentCommand(workspaceId, `webhook/${body.fileName}`, bytes, 'webhook');
    }
    throw new InvalidInputError('webhook body needs type "setting_change" or "config"');
  }
}
