/**
 * Errors with codes, kept out of HTTP: libraries throw these; the API's exception filter maps codes to
 * status codes, the worker maps `retryable` to retry or fail.
 */
export class CustodyError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly retryable = false,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input the user gave us is malformed or hostile: never retried, always reported with file and reason. */
export class InvalidInputError extends CustodyError {
  constructor(message: string, details: Record<string, unknown> = {}, code = 'invalid_input') {
    super(code, message, details);
  }
}

export class NotFoundError extends CustodyError {
  constructor(what: string, id: string) {
    super('not_found', `${what} ${id} not found`, { what, id });
  }
}

export class UnauthorizedError extends CustodyError {
  constructor(message = 'a valid API key for this workspace is required') {
    super('unauthorized', message);
  }
}

/** A valid key whose role does not allow the action (HTTP 403). */
export class ForbiddenError extends CustodyError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/** Why a document went over its parsing budget: the reason codes a document's status shows. */
export type BudgetKind = 'too_large' | 'too_complex' | 'timeout';

/**
 * Input that is over a parsing budget (memory, inflated bytes, pages, nodes, nesting, wall time): invalid
 * input (final, never retried) with the budget as its code, and its message starts with it (`too_large: …`),
 * so a document's reason says which budget it broke.
 */
export class BudgetExceededError extends InvalidInputError {
  constructor(readonly kind: BudgetKind, message: string, details: Record<string, unknown> = {}) {
    super(`${kind}: ${message}`, details, kind);
  }
}

export class ConflictError extends CustodyError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('conflict', message, details);
  }
}

/**
 * Text about an error that is safe to log or store: a CustodyError's own message (written by us, naming the
 * file and the problem), otherwise only the error's name and code. Other errors' messages can quote the
 * input (e.g. `JSON.parse` quotes the start of the text), and input here is PHI.
 */
export function safeErrorText(err: unknown): string {
  if (err instanceof CustodyError) return err.message;
  const e = err as { name?: string; code?: unknown };
  return [e?.name ?? 'Error', typeof e?.code === 'string' ? e.code : undefined].filter(Boolean).join(' ');
}

/** Which service a request or job could not reach. */
export type Dependency = 'database' | 'queue';

/**
 * A service Custody depends on is down or did not answer in time: the API answers 503 with the dependency
 * and Retry-After (never a hang, never a stack trace); a job retries with backoff.
 */
export class ServiceUnavailableError extends CustodyError {
  constructor(readonly dependency: Dependency, message = `the ${dependency} is unavailable; retry shortly`) {
    super('unavailable', message, { dependency }, true);
  }
}
