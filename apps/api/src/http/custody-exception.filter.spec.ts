import type { ArgumentsHost } from '@nestjs/common';
import { CustodyError } from '@custody/domain';
import { CustodyExceptionFilter } from './custody-exception.filter.js';

/** What the filter answers for a library error: the status and Retry-After a client acts on. */
function answer(err: unknown): { status?: number; headers: Record<string, string>; body?: { error?: string } } {
  const out: { status?: number; headers: Record<string, string>; body?: { error?: string } } = { headers: {} };
  const res = {
    headersSent: false,
    setHeader: (k: string, v: string) => void (out.headers[k.toLowerCase()] = v),
    status(code: number) {
      out.status = code;
      return this;
    },
    json(body: { error?: string }) {
      out.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new CustodyExceptionFilter().catch(err, host);
  return out;
}

describe('CustodyExceptionFilter', () => {
  it('answers 503 with Retry-After when the parsing sandbox is unavailable: the server\'s fault, not the request\'s', () => {
    // An upload's secret scan runs in the upload sandbox; a sandbox that could not start was a 400 before.
    const a = answer(new CustodyError('sandbox_unavailable', 'the parsing sandbox did not start', {}, true));
    expect(a.status).toBe(503);
    expect(a.headers['retry-after']).toBeDefined();
    expect(a.body?.error).toBe('sandbox_unavailable');
  });

  it('keeps bad input a 400 and a budget a 413', () => {
    expect(answer(new CustodyError('invalid_input', 'no file name')).status).toBe(400);
    expect(answer(new CustodyError('too_large', 'over the limit')).status).toBe(413);
  });
});
