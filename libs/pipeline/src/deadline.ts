import { ServiceUnavailableError, type Dependency } from '@custody/domain';
import { isDatabaseUnavailable } from '@custody/persistence';
import type { Runtime } from './runtime.js';

/** The bound for the engines that are not a network service of their own, or that fail fast when down. */
const WIDE_BOUND_MS = 30_000;

/**
 * How long a request may wait for a dependency. Redis and a PostgreSQL server get `dependencyTimeoutMs`: an
 * unreachable one would otherwise hold the request until it returns. Embedded mode's PGlite engines run in
 * this process and cannot be down on their own; a busy single connection or the queue's first-use migrations
 * take seconds there, which must not be reported as an outage. BullMQ's PostgreSQL backend in production
 * fails at once when its server refuses connections, and shares that first-use cost: it gets the wide bound.
 */
export function dependencyBound(runtime: Runtime, dependency: Dependency): number {
  const wide = runtime.embedded || (dependency === 'queue' && runtime.queue.kind === 'postgres');
  return wide ? Math.max(runtime.config.dependencyTimeoutMs, WIDE_BOUND_MS) : runtime.config.dependencyTimeoutMs;
}

/**
 * Bounds a call to a dependency: past `ms`, or when it fails because the service is unreachable, the caller
 * gets a ServiceUnavailableError naming the dependency (a 503 on the request path) instead of a hang. The
 * abandoned call may still finish later; callers only use this for idempotent work (deduplicated job ids,
 * reads).
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, dependency: Dependency): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ServiceUnavailableError(dependency, `the ${dependency} did not answer within ${ms} ms; retry shortly`)), ms);
  });
  // The abandoned call's own rejection must not become an unhandled rejection.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, late]);
  } catch (err) {
    if (err instanceof ServiceUnavailableError) throw err;
    if (dependency === 'queue' ? isQueueUnavailable(err) : isDatabaseUnavailable(err)) throw new ServiceUnavailableError(dependency);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

// ioredis without an offline queue, a closed connection, or the PostgreSQL queue backend's own connection errors.
const QUEUE_DOWN = /Stream isn't writeable|enableOfflineQueue|Connection is closed|ECONNREFUSED|ECONNRESET|Reached the max retries per request|connection.*(closed|terminated)/i;

/**
 * True when a call failed because a dependency is unreachable: the queue's store (Redis, or PostgreSQL for
 * BullMQ's backend), Custody's database, or a bounded call that gave up (ServiceUnavailableError).
 */
export function isQueueUnavailable(err: unknown): boolean {
  if (err instanceof ServiceUnavailableError) return true;
  const message = (err as { message?: unknown })?.message;
  return (typeof message === 'string' && QUEUE_DOWN.test(message)) || isDatabaseUnavailable(err);
}
