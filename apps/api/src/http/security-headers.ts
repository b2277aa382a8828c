import type { NextFunction, Request, Response } from 'express';

/**
 * The dashboard's policy: only its own script, stylesheet and API; images may be data:/blob: (graph
 * exports); no plugins, no <base>, no framing by any site (clickjacking of triage buttons).
 */
export const DASHBOARD_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'",
  "font-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

/** Swagger UI (`/api/docs`) ships inline styles and an init script: relaxed there only, still unframeable. */
export const DOCS_CSP = [
  "default-src 'self'", "script-src 'self' 'unsafe-inline'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
].join('; ');

/**
 * Headers on every response. API responses carry PHI and evidence: `Cache-Control: no-store`, so no
 * browser or proxy keeps a copy. Everything else (CSP, nosniff, no referrer, no framing) applies to all.
 */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  const path = req.path;
  const docs = path === '/api/docs' || path.startsWith('/api/docs/');
  res.setHeader('Content-Security-Policy', docs ? DOCS_CSP : DASHBOARD_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (path.startsWith('/api/') && !docs) {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
  }
  next();
}

/**
 * Cuts off a request whose body has not fully arrived `ms` after it started (408, socket closed). Node's
 * own `requestTimeout` is checked only every 30 s; a body dribbled a byte at a time held a socket and a
 * buffer for 95 s. Requests that arrived in full (an SSE stream included) are never affected.
 */
export function requestDeadline(ms: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.complete) return next();
    const timer = setTimeout(() => {
      if (req.complete) return;
      if (!res.headersSent) res.status(408).setHeader('Connection', 'close').json({ error: 'timeout', message: `request body not received within ${ms} ms` });
      // Let the 408 go out, then drop the connection the client is still dribbling into.
      setTimeout(() => req.socket.destroy(), 50).unref();
    }, ms);
    timer.unref();
    const clear = () => clearTimeout(timer);
    req.once('end', clear);
    res.once('close', clear);
    next();
  };
}
