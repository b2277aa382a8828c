import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * Fixed-window counters kept in this process's memory. Per API instance: behind N instances a key gets N
 * times the budget, which still bounds brute force and one tenant's flood; a shared limit needs Redis.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(readonly limit: number, readonly windowMs = 60_000, private readonly now: () => number = Date.now) {}

  /** Counts one event for `id`; false when `id` is over its limit in the current window. */
  take(id: string): boolean {
    const w = this.current(id);
    w.count++;
    return w.count <= this.limit;
  }

  /** True when `id` has used up its window (without counting anything). */
  exhausted(id: string): boolean {
    return this.current(id).count >= this.limit;
  }

  /** Seconds until `id`'s window resets (for Retry-After). */
  retryAfter(id: string): number {
    const w = this.windows.get(id);
    return w ? Math.max(1, Math.ceil((w.start + this.windowMs - this.now()) / 1000)) : 1;
  }

  private current(id: string) {
    const t = this.now();
    let w = this.windows.get(id);
    if (!w || t - w.start >= this.windowMs) {
      if (this.windows.size > 100_000) this.prune(t);
      w = { start: t, count: 0 };
      this.windows.set(id, w);
    }
    return w;
  }

  private prune(t: number): void {
    for (const [id, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(id);
  }
}

/** The credential a request presents (x-api-key or Bearer), or undefined. */
export function presentedKey(req: Request): string | undefined {
  const header = req.headers['x-api-key'];
  const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.headers.authorization ?? '')?.[1];
  return (Array.isArray(header) ? header[0] : header) ?? bearer;
}

/** DI token of the process's {@link RateLimits} (the middleware counts requests, the guard auth failures). */
export const RATE_LIMITS = Symbol('RATE_LIMITS');

export interface RateLimits {
  /** Requests per minute per presented key (or per client address without one). */
  requests: RateLimiter;
  /** Failed authentications per minute per client address: over it, even a valid key waits (brute force). */
  authFailures: RateLimiter;
}

/**
 * Answers 429 with Retry-After before any work (or database lookup) is done: for a client address that has
 * failed authentication too often, and for a key (hashed: the map never holds a key) over its budget.
 */
export function rateLimit(limits: RateLimits) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const ip = `ip:${req.socket.remoteAddress ?? 'unknown'}`;
    const key = presentedKey(req);
    const id = key ? `key:${createHash('sha256').update(key).digest('hex').slice(0, 32)}` : ip;
    const refuse = (bucket: RateLimiter, who: string, why: string) => {
      res.setHeader('Retry-After', String(bucket.retryAfter(who)));
      res.status(429).json({ error: 'rate_limited', message: why });
    };
    if (limits.authFailures.exhausted(ip)) return refuse(limits.authFailures, ip, 'too many failed authentications from this address; try again later');
    if (!limits.requests.take(id)) return refuse(limits.requests, id, `over ${limits.requests.limit} requests per minute for this key; try again later`);
    next();
  };
}
