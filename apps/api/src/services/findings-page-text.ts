import { createHash } from 'node:crypto';
import { MruMap, findingsFilter, pageInstanceLimit, type Page } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import { LATE, within } from './within.js';

/** A page of findings as the API sends it: its JSON, and an ETag naming that JSON. */
export interface PageText {
  json: string;
  etag: string;
}

/** A page as the text sent, with an ETag that names exactly that text. */
export function pageText(page: Page<unknown>): PageText {
  const json = JSON.stringify(page);
  return { json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"` };
}

/**
 * A kept page served without checking that it is the latest (the findings mark did not answer in time): its
 * JSON with `"unconfirmed":true` added, and an ETag of its own (a client holding the confirmed page's ETag gets
 * this text, not a 304, and the confirmed one again once the server checks).
 */
export function unconfirmedPageText(page: PageText): PageText {
  const json = page.json === '{}' ? '{"unconfirmed":true}' : `${page.json.slice(0, -1)},"unconfirmed":true}`;
  return { json, etag: `${page.etag.slice(0, -1)}-u"` };
}

/** What names one page: the query as the API reads it. */
export interface FindingsPageQuery {
  limit?: string;
  cursor?: string;
  instances?: string;
  order?: string;
  severity?: string;
  kind?: string;
}

/** Pages kept: the dashboard's first page and filters, for its few open workspaces. */
const KEPT = 32;
/**
 * A page larger than this is sent but not kept: cut pages are ~0.2 MB, but `instances=100&limit=500` still
 * carries each instance's evidence, and 32 of those kept would pin hundreds of MB for as long as nothing scores.
 */
export const MAX_KEPT_PAGE_CHARS = 4 * 1024 * 1024;

/**
 * Pages of stored findings kept as the text sent, until scoring rewrites the findings (findingsMark). While a
 * fleet is scored the dashboard and every client re-read the same first page; each read opened and decrypted
 * the page's rows, parsed and re-serialised them, and Express hashed the JSON for its ETag. Now one small query
 * (the mark) per read on the main thread; a miss is built in the read thread, which may be busy composing a
 * grouped graph, so only misses wait for it. The ETag is computed once per page: a client revalidating gets a 304.
 * A read after a scoring sees the new mark, so it never gets a page older than that scoring.
 *
 * The mark waits at most `markWaitMs` once the page has been built: in embedded mode the database is one
 * session that a fleet's scoring holds for seconds per transaction, and on a loaded machine (bench:api) the
 * mark alone took p50 0.24 s, p90 1.1 s, max 6.6 s of the reads that waited over 150 ms. Past the wait the
 * page built last is served marked `unconfirmed` (unconfirmedPageText); at most two mark queries per workspace
 * are in flight for all such reads (see mark), and the next read that gets its answer in time checks again.
 */
export class FindingsPageTexts {
  private readonly kept = new MruMap<string, { mark: string; value: Promise<PageText> }>(KEPT);
  /** The page last built per key (whatever its mark), served unconfirmed when the mark is late. */
  private readonly built = new MruMap<string, PageText>(KEPT);
  /** One unconfirmed copy per built page. */
  private readonly unconfirmed = new WeakMap<PageText, PageText>();
  /** Per workspace, the mark query running and the one queued after it (see mark). */
  private readonly marking = new Map<string, { running: Promise<string>; next?: Promise<string> }>();

  constructor(private readonly db: Persistence, private readonly markWaitMs = 100) {}

  /** The page's text, kept until the findings mark moves; `make` builds it on a miss (see pageText). */
  async text(workspaceId: string, includeResolved: boolean, q: FindingsPageQuery, make: () => Promise<PageText>): Promise<PageText> {
    const filter = findingsFilter(q);
    const key = JSON.stringify([workspaceId, includeResolved, q.limit ?? null, q.cursor ?? null, pageInstanceLimit(q.instances), filter.order, filter.severity ?? null, filter.kind ?? null]);
    // Read before the page: a scoring landing in between gives a newer page under the older mark, which the
    // next read (seeing the newer mark) replaces; never an older page under the newer mark.
    const before = this.built.get(key);
    const marked = this.mark(workspaceId);
    const mark = before ? await within(marked, this.markWaitMs) : await marked;
    if (mark === LATE) {
      let copy = this.unconfirmed.get(before!);
      if (!copy) this.unconfirmed.set(before!, (copy = unconfirmedPageText(before!)));
      return copy;
    }
    const hit = this.kept.get(key);
    if (hit?.mark === mark) return hit.value;
    const entry = { mark, value: make() };
    // A failure is never kept, nor a page too large to keep; either drops only its own entry.
    const drop = () => void (this.kept.peek(key) === entry && this.kept.delete(key));
    entry.value.then((t) => {
      if (t.json.length > MAX_KEPT_PAGE_CHARS) {
        drop();
        this.built.delete(key);
      } else if (this.kept.peek(key) === entry) this.built.set(key, t); // not when a newer mark's page replaced it
    }, drop);
    this.kept.set(key, entry);
    return entry.value;
  }

  /**
   * The workspace's findings mark from a query begun after this call, so a read never takes a mark from before
   * it. One runs per workspace; reads arriving meanwhile share the one queued to run after it (at most two per
   * workspace, however many late reads there are, rather than one each left queued behind the scoring).
   */
  private mark(workspaceId: string): Promise<string> {
    const slot = this.marking.get(workspaceId);
    if (!slot) return this.startMark(workspaceId);
    const after = () => this.startMark(workspaceId);
    return (slot.next ??= slot.running.then(after, after));
  }

  private startMark(workspaceId: string): Promise<string> {
    const slot: { running: Promise<string>; next?: Promise<string> } = { running: this.db.projections.findingsMark(workspaceId) };
    this.marking.set(workspaceId, slot);
    void slot.running.finally(() => void (this.marking.get(workspaceId) === slot && !slot.next && this.marking.delete(workspaceId))).catch(() => undefined);
    return slot.running;
  }
}
