import { applyDecorators, Body, Controller, Inject, Post, Req } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { CustodyConfig } from '@custody/config';
import { InvalidInputError, KEY_ROLES, UnauthorizedError, type KeyRole } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import { CONFIG, PERSISTENCE } from '@custody/pipeline';
import type { Request } from 'express';
import { Public } from '../auth/public.decorator.js';
import { WorkspaceDto } from '../openapi/responses.dto.js';
import { isOwnerToken, OWNER_TOKEN_HEADER } from './server-file.js';

class CreateWorkspaceDto {
  @ApiProperty({ example: 'Lakeside Therapy' }) name!: string;
}

class CreateKeyDto {
  @ApiProperty({ description: 'Workspace name or slug (created if missing)' }) workspace!: string;
  @ApiPropertyOptional({ description: 'Label for the key', default: 'cli' }) name?: string;
  @ApiPropertyOptional({ description: 'owner, auditor or viewer', default: 'owner' }) role?: string;
  @ApiPropertyOptional({ description: 'Expiry (ISO date-time); none when absent' }) expiresAt?: string;
}

class CreatedKeyDto {
  @ApiProperty({ description: 'The key: shown once, stored hashed' }) key!: string;
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'id, role and expiry of the new key', type: Object }) info!: { id: string; role: string; expiresAt?: string };
  @ApiProperty({ type: WorkspaceDto }) workspace!: WorkspaceDto;
}

/** A POST owner route: no API key (the owner token is checked in the handler), documented body and answer. */
const OwnerRoute = (path: string, summary: string, body: new () => unknown, answer: new () => unknown) =>
  applyDecorators(Public(), Post(path), ApiOperation({ summary }), ApiBody({ type: body }), ApiCreatedResponse({ type: answer }));

/**
 * Owner actions while an embedded server holds the database: `custody keys create` and `custody workspaces
 * create` come here with the owner token from `<home>/server.json`. Not keyed (a key opens one workspace);
 * without the running server's token, or in production (no server file), the answer is 401.
 */
@ApiTags('owner')
@ApiHeader({ name: OWNER_TOKEN_HEADER, required: true, description: 'The token in <home>/server.json of the running embedded server' })
@Controller('api/owner')
export class OwnerController {
  constructor(@Inject(PERSISTENCE) private readonly db: Persistence, @Inject(CONFIG) private readonly config: CustodyConfig) {}

  private authorize(req: Request): void {
    const token = req.headers[OWNER_TOKEN_HEADER];
    if (!isOwnerToken(this.config.home, Array.isArray(token) ? token[0] : token)) throw new UnauthorizedError(`owner actions need the running embedded server's token (${OWNER_TOKEN_HEADER} from <home>/server.json)`);
  }

  @OwnerRoute('workspaces', 'Create a workspace (embedded server owner only)', CreateWorkspaceDto, WorkspaceDto)
  async createWorkspace(@Req() req: Request, @Body() body: CreateWorkspaceDto) {
    this.authorize(req);
    if (typeof body?.name !== 'string' || !body.name.trim()) throw new InvalidInputError('send { name }');
    return this.db.workspaces.create(body.name);
  }

  @OwnerRoute('keys', 'Create an API key for a workspace, creating the workspace if missing (embedded server owner only)', CreateKeyDto, CreatedKeyDto)
  async createKey(@Req() req: Request, @Body() body: CreateKeyDto) {
    this.authorize(req);
    if (typeof body?.workspace !== 'string' || !body.workspace.trim()) throw new InvalidInputError('send { workspace, name? }');
    const ws = (await this.db.workspaces.resolve(body.workspace)) ?? (await this.db.workspaces.ensure(body.workspace)).workspace;
    const role = body.role ?? 'owner';
    if (!(KEY_ROLES as readonly string[]).includes(role)) throw new InvalidInputError(`unknown role "${role}"; expected one of ${KEY_ROLES.join(', ')}`);
    const expiresAt = body.expiresAt ? new Date(body.expiresAt) : undefined;
    if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new InvalidInputError('expiresAt is not a date');
    const { key, info } = await this.db.keys.create(ws.id, { name: body.name?.trim() || 'cli', role: role as KeyRole, expiresAt });
    return { key, id: info.id, info: { id: info.id, role: info.role, expiresAt: info.expiresAt }, workspace: ws };
  }
}
