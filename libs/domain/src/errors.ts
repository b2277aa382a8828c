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
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('invalid_input', message, details);
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

export class ConflictError extends CustodyError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('conflict', message, details);
  }
}
