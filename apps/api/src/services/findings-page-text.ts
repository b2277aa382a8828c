import { createHash } from 'node:crypto';
import { MruMap, findingsFilter, pageInstanceLimit, type Page } from '@custody/domain';
import type { Persistence } from '@custody/persistence';

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
 */
export class FindingsPageTexts {
  private readonly kept = new MruMap<string, { mark: string; value: Promise<PageText> }>(KEPT);

  constructor(private readonly db: Persistence) {}

  /** The page's text, kept until the findings mark moves; `make` builds it on a miss (see pageText). */
  async text(workspaceId: string, includeResolved: boolean, q: FindingsPageQuery, make: () => Promise<PageText>): Promise<PageText> {
    const filter = findingsFilter(q);
    const key = JSON.stringify([workspaceId, includeResolved, q.limit ?? null, q.cursor ?? null, pageInstanceLimit(q.instances), filter.order, filter.severity ?? null, filter.kind ?? null]);
    // Read before the page: a scoring landing in between gives a newer page under the older mark, which the
    // next read (seeing the newer mark) replaces; never an older page under the newer mark.
    const mark = await this.db.projections.findingsMark(workspaceId);
    const hit = this.kept.get(key);
    if (hit?.mark === mark) return hit.value;
    const entry = { mark, value: make() };
    // A failure is never kept, nor a page too large to keep; either drops only its own entry.
    const drop = () => void (this.kept.peek(key) === entry && this.kept.delete(key));
    entry.value.then((t) => t.json.length > MAX_KEPT_PAGE_CHARS && drop(), drop);
    this.kept.set(key, entry);
    return entry.value;
  }
}
