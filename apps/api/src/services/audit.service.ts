import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { CustodyError, findingKey, findingsFilter, MruMap, NotFoundError, pageCursor, pageFindingSystems, pageInstanceLimit, pageInstances, withFirstInstances, type FindingWithInstanceCount, pageRequest, safeErrorText, systemIndex, type SystemIndex, type SystemView, type AuditReport, type FindingInstance, type Graph, type Lens, type Page } from '@custody/domain';
import type { Persistence, StoredFinding } from '@custody/persistence';
import { ProjectionInputCache, type AnalyzedDocument } from '@custody/audit';
import { groupedGraph, toCytoscapeElements, type GroupedGraph } from '@custody/graph';
import { PERSISTENCE, RUNTIME, type Runtime } from '@custody/pipeline';
import { readThreadAvailable, startReadThread, type ReadThread } from './read-thread.js';
import type { ReadQuery } from './read-thread-protocol.js';
import { MARK_WAIT_MS, StoredGroupedViews } from './stored-grouped-views.js';
import { BoundedLiveRead } from './bounded-live-read.js';
import { FindingsPageTexts, pageText, type FindingsPageQuery, type PageText } from './findings-page-text.js';
import { evaluatedReport, graphAt, storedReport, type ReportSources } from './report-composition.js';

/** How many evaluated audits to keep: the dashboard asks for /audit and /graph of the same moment together. */
const CACHE_SIZE = 8;

/**
 * Reads a workspace's audit. "Now" (no `asOf`, the workspace's own lens) is the stored read model the score
 * job writes — projection, findings, score, rule errors — so a live read runs no rule and agrees with
 * `/findings` and `/score`. Only a moment in the past (`asOf`, replayed from the event store), another lens
 * or a what-if evaluate on read; those are kept in a small cache keyed by the latest change, so a dashboard
 * asking for /audit and /graph of one moment evaluates once.
 *
 * Live reads are composed once per state of the read model: concurrent and later reads of one workspace and
 * lens share one composition until the workspace's latest audit-changing event moves (loading and opening
 * every document's sealed analysis, composing, converting to Cytoscape elements cost ~110-160 ms of CPU per
 * read for the example and seconds for a 10,000-install fleet, and in embedded mode those queries hold the one
 * database connection that health and every other read wait for). A read that starts after a change sees a
 * new seq, so it always sees the change.
 *
 * What a report is composed from (the read model, or documents replayed) is report-composition.ts; this
 * service decides which reads share a composition and which thread runs it.
 */
@Injectable()
export class AuditService implements OnModuleInit, OnModuleDestroy {
  private readonly cache = new MruMap<string, Promise<AuditReport>>(CACHE_SIZE);
  /** The live composition per workspace and lens, with the change seq it was composed at. */
  private readonly live = new MruMap<string, { seq: number; value?: Promise<unknown> }>(CACHE_SIZE);
  /** A report's Cytoscape elements, converted once per report object (shared by concurrent /graph reads). */
  private readonly elements = new WeakMap<AuditReport, ReturnType<typeof toCytoscapeElements>>();
  /**
   * The grouped view (what the dashboard draws first) per elements object and set of expanded groups. Building
   * it collapses and lays out every edge of a fleet (seconds of main-thread CPU at 10,000 installs), so every
   * reader of an unchanged read model shares one; a new report brings new elements and the old views go with them.
   */
  private readonly groupedViews = new WeakMap<object, MruMap<string, GroupedGraph>>();
  /** Each report's systems, flows and findings by system (GET /systems/:id), indexed once per report object. */
  private readonly systemIndexes = new WeakMap<AuditReport, SystemIndex>();
  /** The grouped views scoring runs stored (GET /graph?view=grouped with nothing expanded). */
  private readonly storedViews: StoredGroupedViews;
  /** Live grouped reads answered within MARK_WAIT_MS once answered once (bounded-live-read.ts). */
  private readonly liveGrouped = new BoundedLiveRead<GroupedGraph>(MARK_WAIT_MS);
  /** Pages of findings as the text sent, kept until scoring rewrites the findings. */
  private readonly pageTexts: FindingsPageTexts;
  /** What a report is composed from (the read model, or documents replayed), for report-composition.ts. */
  private readonly sources: ReportSources;
  constructor(
    @Inject(PERSISTENCE) private readonly db: Persistence,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    /**
     * Documents' projection inputs already opened (keyed by id, hash and processing time, so never stale): the
     * process's one cache (PipelineModule), which in embedded mode the projection job fills and reads too.
     */
    private readonly inputs: ProjectionInputCache,
  ) {
    this.sources = { db, runtime, inputs };
    this.storedViews = new StoredGroupedViews(db);
    this.pageTexts = new FindingsPageTexts(db);
  }

  /**
   * The read thread (read-thread.ts) that composes grouped graphs and findings pages off the event loop, once
   * it has started (built code only; the thread itself runs a service without one). Until then, or after it
   * died, this service composes them itself.
   */
  private reads?: ReadThread;
  private readsStarting?: Promise<unknown>;

  onModuleInit(): void {
    if (!readThreadAvailable()) return;
    // Not awaited: the API starts at once; the first reads are composed here until the thread is ready.
    this.readsStarting = startReadThread(this.runtime, (err) => {
      this.reads = undefined;
      new Logger('AuditService').error(`${err.message}; reads are composed on the main thread from now on`);
    }).then(
      (t) => (this.reads = t),
      (err: unknown) => new Logger('AuditService').warn(`${safeErrorText(err)}; reads are composed on the main thread`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.readsStarting;
    const reads = this.reads;
    this.reads = undefined;
    await reads?.close();
  }

  /**
   * Asks the read thread. A read the thread could not answer because it died meanwhile is composed here
   * instead (`ok: false`), like every read after it: the request should not fail for the thread's death.
   * The thread's own answers, errors included (not found, bad cursor), pass through as they are.
   */
  private async askReads<T>(query: ReadQuery): Promise<{ ok: true; value: T } | { ok: false }> {
    try {
      return { ok: true, value: await this.reads!.ask<T>(query) };
    } catch (err) {
      if (err instanceof CustodyError && err.code === 'thread_crashed') return { ok: false };
      throw err;
    }
  }

  /**
   * One page of the stored findings (GET /findings with limit or cursor) as the JSON text sent and its ETag,
   * kept until scoring rewrites the findings; a page not kept is built in the read thread when there is one.
   */
  async findingsPageText(workspaceId: string, includeResolved: boolean, query: FindingsPageQuery): Promise<PageText> {
    return this.pageTexts.text(workspaceId, includeResolved, query, async () => {
      if (this.reads) {
        const answer = await this.askReads<PageText>({ kind: 'findingsPage', workspaceId, includeResolved, query });
        if (answer.ok) return answer.value;
      }
      return this.builtPageText(workspaceId, includeResolved, query);
    });
  }

  /** The page built now (the read thread's answer, or a miss where there is no thread): opened and serialised. */
  async builtPageText(workspaceId: string, includeResolved: boolean, query: FindingsPageQuery): Promise<PageText> {
    return pageText(await this.findingsPage(workspaceId, includeResolved, query));
  }

  /**
   * One page of the stored findings: one keyset query for the page and the total, which opens only that
   * page's rows (and of a large finding only its stored head).
   */
  async findingsPage(
    workspaceId: string, includeResolved: boolean,
    opts: { limit?: string; cursor?: string; instances?: string; order?: string; severity?: string; kind?: string },
  ): Promise<Page<StoredFinding>> {
    // A page always lists each finding cut (pagedFinding): its first instances, systems and evidence.
    const instances = pageInstanceLimit(opts.instances);
    const filter = findingsFilter(opts);
    const { items, total, more } = await this.db.projections.findingsPage(workspaceId, includeResolved, { ...pageRequest(opts), instances, filter });
    return { items, total, ...(more ? { nextCursor: pageCursor(findingKey(items[items.length - 1]!, filter.order)) } : {}) };
  }

  /**
   * One stored finding (GET /findings/:id), resolved ones too: all its evidence and systems, which a page
   * lists only the first of; its instances cut like a page's (they page on their own route).
   */
  async finding(workspaceId: string, findingId: string, opts: { instances?: string }): Promise<FindingWithInstanceCount<StoredFinding>> {
    const cut = pageInstanceLimit(opts.instances);
    const finding = await this.db.projections.finding(workspaceId, findingId);
    if (!finding) throw new NotFoundError('finding', findingId);
    return withFirstInstances(finding, cut);
  }

  /** One page of the systems a stored finding is charged to (GET /findings/:id/systems), in id order. */
  async findingSystems(workspaceId: string, findingId: string, opts: { limit?: string; cursor?: string }): Promise<Page<string>> {
    pageRequest(opts); // a bad limit or cursor is refused before the sealed row is opened
    const finding = await this.db.projections.finding(workspaceId, findingId);
    if (!finding) throw new NotFoundError('finding', findingId);
    return pageFindingSystems(finding, opts);
  }

  /** One page of one stored finding's instances (GET /findings/:id/instances), resolved findings included. */
  async findingInstances(workspaceId: string, findingId: string, opts: { limit?: string; cursor?: string }): Promise<Page<FindingInstance>> {
    pageRequest(opts); // a bad limit or cursor is refused before the sealed row is opened
    const finding = await this.db.projections.finding(workspaceId, findingId);
    if (!finding) throw new NotFoundError('finding', findingId);
    return pageInstances(finding, opts);
  }

  async graph(workspaceId: string, asOf?: Date, docs?: AnalyzedDocument[], practiceName?: string): Promise<Graph> {
    return graphAt(this.sources, workspaceId, asOf, docs, practiceName);
  }

  async report(workspaceId: string, opts: { lens?: Lens; asOf?: Date } = {}): Promise<AuditReport> {
    if (!opts.asOf) {
      return this.keptUntilChange(`report|${workspaceId}|${opts.lens ?? ''}`, workspaceId, async (forget) => {
        const stored = await storedReport(this.sources, workspaceId, opts.lens);
        if (stored) return stored;
        // Not from the read model (another lens, nothing scored yet): evaluated, with its own cache by day.
        forget();
        return this.evaluated(workspaceId, opts);
      });
    }
    return this.evaluated(workspaceId, opts);
  }

  /** The stored findings (GET /findings, paged from this list), kept like the live report until a change. */
  storedFindings(workspaceId: string, includeResolved: boolean): ReturnType<Persistence['projections']['findings']> {
    return this.keptUntilChange(`findings|${workspaceId}|${includeResolved}`, workspaceId, () => this.db.projections.findings(workspaceId, includeResolved));
  }

  /**
   * `compute`'s answer, shared by every read until the workspace's latest audit-changing event moves. Every
   * write to the read model (a projection, a scoring, a triage, a document) appends such an event in its own
   * transaction, so that seq names the read model's state: one indexed query instead of loading it again.
   * `forget()` drops the entry (an answer not from the read model); a failure is never kept.
   */
  private async keptUntilChange<T>(key: string, workspaceId: string, compute: (forget: () => void) => Promise<T>): Promise<T> {
    const seq = await this.db.events.changeSeq(workspaceId);
    const hit = this.live.get(key);
    if (hit?.seq === seq) return hit.value as Promise<T>;
    const entry: { seq: number; value?: Promise<unknown> } = { seq };
    // Peeked: only this entry is dropped, never a newer one stored under the key since.
    const forget = () => void (this.live.peek(key) === entry && this.live.delete(key));
    const value = compute(forget);
    entry.value = value;
    value.catch(forget);
    this.live.set(key, entry);
    return value;
  }

  private async evaluated(workspaceId: string, opts: { lens?: Lens; asOf?: Date }): Promise<AuditReport> {
    // "Now" reads that fall through (another lens, nothing scored yet) are evaluated at the current time, and
    // contract expiry goes by the day: the day is in the key.
    const key = [workspaceId, opts.lens ?? '', opts.asOf?.toISOString() ?? `now:${new Date().toISOString().slice(0, 10)}`, await this.db.events.changeSeq(workspaceId)].join('|');
    let pending = this.cache.get(key);
    if (!pending) {
      pending = evaluatedReport(this.sources, workspaceId, opts);
      const mine = pending;
      this.cache.set(key, mine);
      // A failure is never kept, and drops only its own entry (not one stored under the key after an eviction).
      mine.catch(() => void (this.cache.peek(key) === mine && this.cache.delete(key)));
    }
    return pending;
  }

  /**
   * The grouped view of the report's graph (GET /graph?view=grouped), built once per report and expansion. With
   * nothing expanded, the view the last scoring run stored is served (with `run`: which run, and `stale` while a
   * newer graph waits for its score job); composed only when there is none (see StoredGroupedViews). A live read
   * (no `asOf`) waits at most MARK_WAIT_MS once its workspace, lens and expansion have been answered once: past
   * that it gets the last answer marked `unconfirmed` (BoundedLiveRead), e.g. while a fleet's first scoring
   * runs and every read would otherwise compose the view again.
   */
  async grouped(workspaceId: string, expanded: ReadonlySet<string>, opts: { lens?: Lens; asOf?: Date } = {}): Promise<GroupedGraph> {
    if (opts.asOf) return this.composedGrouped(workspaceId, expanded, opts);
    const key = JSON.stringify([workspaceId, opts.lens ?? null, [...expanded].sort()]);
    return this.liveGrouped.read(key, () => this.composedGrouped(workspaceId, expanded, opts));
  }

  /** The grouped view now, unbounded: as a scoring run stored it, else composed (in the read thread when there is one; the thread itself calls this). */
  async composedGrouped(workspaceId: string, expanded: ReadonlySet<string>, opts: { lens?: Lens; asOf?: Date }): Promise<GroupedGraph> {
    if (!opts.asOf && expanded.size === 0) {
      const stored = await this.storedViews.view(workspaceId, opts.lens);
      if (stored) return stored;
    }
    if (this.reads && !opts.asOf) {
      const answer = await this.askReads<GroupedGraph>({ kind: 'grouped', workspaceId, expanded: [...expanded], lens: opts.lens });
      if (answer.ok) return answer.value;
    }
    const els = await this.cytoscape(workspaceId, opts);
    let views = this.groupedViews.get(els);
    if (!views) this.groupedViews.set(els, (views = new MruMap(CACHE_SIZE)));
    const key = [...expanded].sort().join(',');
    let view = views.get(key);
    if (!view) views.set(key, (view = groupedGraph(els, expanded)));
    return view;
  }

  /**
   * One system as a click shows it (GET /systems/:id): from the audit of the view (the live one is the stored
   * read model, shared with /audit and /graph until a change), indexed once per audit so a click costs a lookup.
   */
  async system(workspaceId: string, systemId: string, opts: { lens?: Lens; asOf?: Date } = {}): Promise<SystemView> {
    const report = await this.report(workspaceId, opts);
    let index = this.systemIndexes.get(report);
    if (!index) this.systemIndexes.set(report, (index = systemIndex(report)));
    const view = index.view(systemId);
    if (!view) throw new NotFoundError('system', systemId);
    return view;
  }

  /** The report's graph as Cytoscape elements (GET /graph), converted once per report. */
  async cytoscape(workspaceId: string, opts: { lens?: Lens; asOf?: Date } = {}): Promise<ReturnType<typeof toCytoscapeElements>> {
    const report = await this.report(workspaceId, opts);
    let els = this.elements.get(report);
    if (!els) this.elements.set(report, (els = toCytoscapeElements(report)));
    return els;
  }
}
