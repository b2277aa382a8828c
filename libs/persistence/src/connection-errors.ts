/**
 * PostgreSQL SQLSTATEs and socket errors that mean "the server is not reachable right now" (shut down,
 * restarting, refused or dropped connections), as opposed to a query that is wrong. They are worth a retry
 * and, on the request path, an HTTP 503 naming the database rather than a 500.
 */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '08000', '08001', '08003', '08004', '08006', // connection exceptions
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN',
]);

// node-postgres reports a dropped socket, a pool that could not connect in time or a client whose connect timed
// out ('timeout expired', BoundedConnectClient) by message, without a code.
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|timeout expired|Client has encountered a connection error|Connection is closed|connect ECONNREFUSED/i;

/** True when `err` (a TypeORM, pg or socket error) says the database server cannot be reached. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    // AggregateError (a connect to several addresses, e.g. localhost → ::1 and 127.0.0.1) carries the codes inside.
    const inner = (e as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner.some((x) => isDatabaseUnavailable(x))) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

/**
 * True when `err` says a query ran past its bound (QueryTimeouts): cancelled by the server (57014,
 * statement_timeout) or given up by the client ('Query read timeout'). On the request path: 503 database_timeout.
 */
export function isQueryTimeout(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (e.code === '57014') return true;
    if (typeof e.message === 'string' && /^Query read timeout$/.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}
