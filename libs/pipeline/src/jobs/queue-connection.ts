import { createPostgresBackend, setDefaultBackendFactory, type ConnectionOptions } from 'bullmq';

/** `schema`: the PostgreSQL schema BullMQ's tables live in (`public` on the embedded queue database). */
export type QueueBackend = { kind: 'redis'; url: string } | { kind: 'postgres'; url: string; schema?: string };

/**
 * BullMQ connection options for the chosen backend. For PostgreSQL the process-wide default backend
 * factory is switched (BullMQ 6), so Queue/Worker code is the same in both modes. Over pglite-socket the
 * `search_path` startup option is ignored, so the queue lives in `public` of its own database.
 * `producer`: a connection that only adds and inspects jobs (never a Worker's).
 */
export function queueConnection(backend: QueueBackend, opts: { producer?: boolean } = {}): ConnectionOptions {
  if (backend.kind === 'postgres') {
    setDefaultBackendFactory(createPostgresBackend as never);
    return { connectionString: backend.url, schema: backend.schema ?? 'public', migrate: true } as unknown as ConnectionOptions;
  }
  setDefaultBackendFactory(undefined);
  const u = new URL(backend.url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    // A producer (uploads, health, the reconciler) must fail fast while Redis is down, not queue its commands
    // until Redis returns: the caller answers 503 or leaves the work to the reconciler (BullMQ's "failing fast
    // when Redis is down"). A worker's blocking connection must wait and reconnect.
    ...(opts.producer ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 } : { maxRetriesPerRequest: null }),
  };
}
