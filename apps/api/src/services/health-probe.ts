import { LATE, within } from './within.js';
/**
 * What GET /api/health reports about the database and the queue, probed so that a health request never waits
 * long behind other work. In embedded mode the database is one PGlite session: while a scoring run writes a
 * fleet's findings in one transaction, every other query (health's backlog count too) waits for it, for
 * seconds. A load balancer or the dashboard polling health must still get an answer quickly.
 *
 * So each request starts (or joins) one probe and waits for it at most `waitMs`: a database and queue that
 * answer in time give fresh figures, as before. When they are busy, the last probe's figures are served while
 * the probe goes on in the background (it updates them when it ends) — but only while those figures are
 * younger than `staleMs` (the dependencies' bound): after that the request waits for the probe, so an outage
 * never hides behind an old "up" for long. The worst case is staleMs plus one probe's own bound (figures are aged
 * from when the last probe ended, and a request that finds them stale waits for the running probe), and a probe's
 * bound is the database's plus each queue's, as the controller bounds them one by one.
 */

/** One probe's answer: undefined figures mean that dependency is down (failed or did not answer in its bound). */
export interface HealthFigures {
  unfinished?: number;
  pending?: number;
  /** When the probe ended (ms since the epoch). */
  at: number;
}

export interface HealthProbeOptions {
  /** How long a request waits for a running probe before it is answered with the last figures. */
  waitMs: number;
  /** How old the last figures may be and still be served instead of waiting. */
  staleMs: number;
  now?: () => number;
}

export class HealthProbe {
  private last?: HealthFigures;
  private running?: Promise<HealthFigures>;
  private readonly now: () => number;

  /** `probe` asks both dependencies, each bounded, and never rejects (a failed dependency is an undefined figure). */
  constructor(private readonly probe: () => Promise<Omit<HealthFigures, 'at'>>, private readonly opts: HealthProbeOptions) {
    this.now = opts.now ?? Date.now;
  }

  async read(): Promise<HealthFigures> {
    const running = (this.running ??= this.start());
    const last = this.last;
    if (!last || this.now() - last.at > this.opts.staleMs) return running;
    const answer = await within(running, this.opts.waitMs);
    return answer === LATE ? last : answer;
  }

  private start(): Promise<HealthFigures> {
    const mine = this.probe().then((f) => {
      const figures = { ...f, at: this.now() };
      this.last = figures;
      return figures;
    });
    // Whatever happens, the next request starts a new probe once this one has ended.
    void mine.finally(() => { if (this.running === mine) this.running = undefined; }).catch(() => undefined);
    return mine;
  }
}

/**
 * GET /api/health's body from one probe's figures. `checkedAt` is when they were measured: while the dependencies
 * are busy a request is served the last probe's figures (up to `staleMs` old), so a reader comparing `pending`
 * with a document list read just now knows how old the figures are. `queue.pending` counts jobs, not documents
 * (a document's scoring job is still pending after the document itself is processed); `documents.unfinished` is
 * the document backlog.
 */
export function healthBody(f: HealthFigures, mode: 'embedded' | 'production', backend: string) {
  const down = [...(f.unfinished === undefined ? ['database'] : []), ...(f.pending === undefined ? ['queue'] : [])];
  return {
    status: down.length ? 'degraded' : 'ok',
    mode,
    checkedAt: new Date(f.at).toISOString(),
    database: f.unfinished === undefined ? 'down' : 'up',
    queue: { backend, status: f.pending === undefined ? 'down' : 'up', ...(f.pending === undefined ? {} : { pending: f.pending }) },
    documents: f.unfinished === undefined ? {} : { unfinished: f.unfinished },
    down,
  };
}
