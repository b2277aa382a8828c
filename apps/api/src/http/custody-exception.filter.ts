import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { CustodyError, ServiceUnavailableError } from '@custody/domain';
import { isDatabaseUnavailable, isQueryTimeout } from '@custody/persistence';
import type { Response } from 'express';

const STATUS: Record<string, number> = {
  invalid_input: 400,
  unsupported_format: 415,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_complex: 422,
  timeout: 422,
  unavailable: 503,
  // A part of the server itself failed (a service or database thread): the server's fault, and a retry later
  // may find it back (or the process restarted), never the client's request.
  thread_unavailable: 503,
  thread_crashed: 503,
  embedded_db_crashed: 503,
  embedded_db_unavailable: 503,
  // The parsing/scanning sandbox could not start or its process was gone: the server's, retried later.
  sandbox_unavailable: 503,
  // A query of the request ran past CUSTODY_REQUEST_QUERY_TIMEOUT_MS: the database is too busy or stuck.
  database_timeout: 503,
};

/** Seconds a client should wait before retrying while a dependency is down (about one reconnect cycle). */
const RETRY_AFTER_S = 5;

/** The one place library errors become HTTP: codes map to statuses; unknown errors are 500 without internals. */
@Catch()
export class CustodyExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('HTTP');

  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      // Too late for a status (a streamed report download failed part-way): the body is cut, so the client sees an
      // incomplete answer, and the error is logged here as it was when the whole body was made before sending.
      this.logUnexpected(err, ' after the response started');
      if (!res.destroyed) res.destroy();
      return;
    }
    // PostgreSQL down or restarting, reached from any route (the key check reads it first): a 503 that names
    // the dependency, not a 500 with the driver's text.
    if (!(err instanceof CustodyError) && isDatabaseUnavailable(err)) err = new ServiceUnavailableError('database');
    if (!(err instanceof CustodyError) && isQueryTimeout(err)) err = new CustodyError('database_timeout', 'the database did not answer in time; retry shortly', { dependency: 'database' });
    if (err instanceof CustodyError) {
      if (err.code === 'unavailable' || err.code === 'database_timeout' || err.code === 'sandbox_unavailable') res.setHeader('Retry-After', String(RETRY_AFTER_S));
      res.status(STATUS[err.code] ?? 400).json({ error: err.code, message: err.message, details: err.details });
      return;
    }
    if ((err as { cause?: { code?: string } })?.cause?.code === 'LIMIT_FILE_COUNT') {
      res.status(413).json({ error: 'too_large', message: 'too many files in one upload (the limit is CUSTODY_MAX_UPLOAD_FILES); nothing was stored' });
      return;
    }
    if (err instanceof HttpException) {
      const status = err.getStatus();
      const body = err.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? err.message);
      res.status(status).json({ error: status === 413 ? 'too_large' : 'http_error', message });
      return;
    }
    this.logUnexpected(err);
    res.status(500).json({ error: 'internal', message: 'internal error' });
  }

  private logUnexpected(err: unknown, when = ''): void {
    // Messages of unexpected errors can carry document text; log the type only.
    const frames = (err as Error)?.stack?.split('\n').slice(1, 6).map((l) => l.trim()).join(' | ') ?? '';
    // A database error's message is the server's text (no parameters), useful and safe to log.
    const dbMessage = (err as Error)?.name === 'QueryFailedError' ? `: ${(err as Error).message}` : '';
    this.log.error(`unexpected ${(err as Error)?.name ?? 'error'}${when}${dbMessage} ${frames}`);
  }
}
