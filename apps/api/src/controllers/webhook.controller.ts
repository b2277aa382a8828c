import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WebhookBodyDto } from '../openapi/requests.dto.js';
import { WebhookResponseDto } from '../openapi/responses.dto.js';
import type { CustodyConfig } from '@custody/config';
import { CustodyError, InvalidInputError, UnauthorizedError } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import { SETTING_CHANGE_KEY } from '@custody/audit';
import { CONFIG, IngestDocumentCommand, PERSISTENCE } from '@custody/pipeline';
import type { Request } from 'express';
import { Public } from '../auth/public.decorator.js';
import { verifyWebhook, webhookSecretFor } from '../webhooks/webhook-signature.js';

/** Settings a change may carry (product.md's notetaker settings) and their types. */
const SETTING_TYPES: Record<string, (v: unknown) => boolean> = {
  recording: (v) => ['always', 'per_session', 'off'].includes(v as string),
  can_disable: (v) => typeof v === 'boolean',
  audio_retention_days: (v) => typeof v === 'number' && v >= 0,
  transcript_retention_days: (v) => typeof v === 'number' && v >= 0,
  training: (v) => ['allowed', 'opt_out', 'opt_in', 'prohibited'].includes(v as string),
  consent_capture: (v) => ['none', 'verbal', 'written'].includes(v as string),
  subprocessors: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  storage_region: (v) => typeof v === 'string' && v.length <= 40,
  version: (v) => typeof v === 'string' && v.length <= 40,
};

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
    const { fileName, bytes } = this.toDocument(body, Number(timestamp));
    const r = await this.commands.execute(new IngestDocumentCommand(ws.id, fileName, bytes, 'webhook'));
    return { id: r.documentId, status: r.status, created: r.created };
  }

  private toDocument(body: WebhookBody, ts: number): { fileName: string; bytes: Buffer } {
    if (body?.type === 'setting_change') {
      if (typeof body.system !== 'string' || !body.system || body.system.length > 200) throw new InvalidInputError('setting_change needs a system id, install id or name');
      const settings = body.settings && typeof body.settings === 'object' && !Array.isArray(body.settings) ? body.settings : undefined;
      if (!settings || !Object.keys(settings).length) throw new InvalidInputError('setting_change needs settings');
      for (const [k, v] of Object.entries(settings)) {
        if (!SETTING_TYPES[k]) throw new InvalidInputError(`unknown setting "${k}"; expected one of ${Object.keys(SETTING_TYPES).join(', ')}`);
        if (!SETTING_TYPES[k](v)) throw new InvalidInputError(`invalid value for ${k}: ${JSON.stringify(v)}`);
      }
      const at = body.at ? new Date(body.at) : new Date(ts);
      if (Number.isNaN(at.getTime())) throw new InvalidInputError(`"at" is not a date: ${body.at}`);
      const change = { system: body.system, settings, at: at.toISOString(), ...(body.source ? { source: String(body.source).slice(0, 200) } : {}) };
      return { fileName: `webhook/${at.toISOString()}-${body.system.replace(/[^\w.-]+/g, '_')}.json`, bytes: Buffer.from(JSON.stringify({ [SETTING_CHANGE_KEY]: change })) };
    }
    if (body?.type === 'config') {
      if (!body.fileName || (body.content === undefined && body.contentBase64 === undefined)) throw new InvalidInputError('config needs fileName and content or contentBase64');
      return { fileName: `webhook/${body.fileName}`, bytes: body.contentBase64 !== undefined ? Buffer.from(body.contentBase64, 'base64') : Buffer.from(body.content ?? '', 'utf8') };
    }
    throw new InvalidInputError('webhook body needs type "setting_change" or "config"');
  }
}
