import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UnauthorizedError, NotFoundError } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import { PERSISTENCE } from '@custody/pipeline';
import type { Request } from 'express';
import { presentedKey, RATE_LIMITS, type RateLimits } from '../http/rate-limit.js';
import { IS_PUBLIC } from './public.decorator.js';

export interface AuthedRequest extends Request {
  workspaceId?: string;
  /** Who acts, for the audit log: the key's prefix, never the key. */
  actor?: string;
}

/**
 * Every route but health needs an API key, and a key opens exactly one workspace: a `:ws` route parameter
 * (id or slug) that is not the key's workspace is answered as not found, so workspaces stay isolated.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, @Inject(PERSISTENCE) private readonly db: Persistence, @Inject(RATE_LIMITS) private readonly limits: RateLimits) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const key = presentedKey(req);
    const workspaceId = key ? await this.db.workspaces.workspaceForKey(key) : undefined;
    if (!workspaceId) {
      // Counted per client address; the rate-limit middleware answers 429 once there are too many.
      this.limits.authFailures.take(`ip:${req.socket.remoteAddress ?? 'unknown'}`);
      throw new UnauthorizedError();
    }
    const ws = req.params?.ws;
    if (ws) {
      const target = await this.db.workspaces.resolve(String(ws));
      if (!target || target.id !== workspaceId) throw new NotFoundError('workspace', String(ws));
      req.params.ws = target.id;
    }
    req.workspaceId = workspaceId;
    req.actor = `key:${key!.slice(0, 9)}`;
    return true;
  }
}
