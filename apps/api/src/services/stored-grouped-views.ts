import { MruMap, type Lens } from '@custody/domain';
import type { GroupedGraph } from '@custody/graph';
import type { LiveViewMark, Persistence } from '@custody/persistence';
import { LATE, within } from './within.js';

/** Which scoring run a served grouped view is of (GET /graph?view=grouped, `run`). */
export interface GroupedViewRun {
  /** The graph version that run scored: the view draws that graph with that run's findings. */
  graphVersion: number;
  /** When that run was stored. */
  scoredAt: string;
  /** The stored graph's version when the read looked: ahead of `graphVersion` while its score job runs. */
  latestGraphVersion: number;
  /** A newer graph waits for its score job: this is the previous run's view; ExposureScored announces the next. */
  stale: boolean;
  /**
   * Present (true) when the database did not say within MARK_WAIT_MS which run is the latest (busy writing a
   * fleet's scoring), so this is the view last served for the workspace, unchecked: a newer run may have landed.
   * Absent when the read checked.
   */
  unconfirmed?: true;
}

/** A grouped view as a scoring run stored it, with which run that is. */
export type ServedGroupedView = GroupedGraph & { run: GroupedViewRun };

/** Workspaces (and lenses) whose opened view is kept: the dashboard's few open workspaces. */
const KEPT = 8;

/**
 * How long a read waits for the mark query (which run is the latest) before it serves the view it served last.
 * In embedded mode the database is one session that a fleet's scoring holds per transaction for seconds; on a
 * machine loaded to ~20 (bench:api) the read waited behind it: graph p99 1.8 s, max 14.5 s while health, which
 * never waits past 50 ms for the database, had p99 0.67 s. The mark is checked again by the next read.
 */
export const MARK_WAIT_MS = 100;

/**
 * The live grouped view (nothing expanded) as the last scoring run stored it in its score row. One small
 * query per read says which run is the latest; its view is opened (decrypted, parsed) once per run.
 *
 * While a newer graph waits for its score job, that run's view is still served, marked `stale`, rather than a
 * view composed on the read path from the newer graph and the older findings: for a 10,000-install fleet such
 * a composition is seconds to tens of seconds of CPU (loading every document's analysis, composing, laying
 * out), and every read in that stretch waited for it. The score job stores the new view with its run; the
 * dashboard refetches on its ExposureScored event. Undefined when there is no stored view to serve: no
 * scoring yet, a run that stored none, or another lens than the run's (the caller composes).
 */
export class StoredGroupedViews {
  private readonly opened = new MruMap<string, { key: string; value: Promise<(LiveViewMark & { view?: GroupedGraph }) | undefined> }>(KEPT);
  /** The last answer per workspace, run and staleness: repeated reads of one state get one object. */
  private readonly served = new MruMap<string, ServedGroupedView>(KEPT);
  /** The view last served per workspace and lens, as a read that could not check serves it (`unconfirmed`). */
  private readonly lastServed = new MruMap<string, ServedGroupedView>(KEPT);
  /**
   * The mark query in flight per workspace: reads that arrive while it runs join it, so reads served past
   * their wait do not each leave a query queued behind the scoring (holding the pool's few connections).
   */
  private readonly marking = new Map<string, Promise<LiveViewMark | undefined>>();

  constructor(private readonly db: Persistence, private readonly markWaitMs = MARK_WAIT_MS) {}

  async view(workspaceId: string, lens?: Lens): Promise<ServedGroupedView | undefined> {
    const lastKey = `${workspaceId}|${lens ?? ''}`;
    const last = this.lastServed.get(lastKey);
    const marked = this.mark(workspaceId);
    // Only a workspace already served has a view to fall back on; the first read waits, as before.
    const mark = last ? await within(marked, this.markWaitMs) : await marked;
    if (mark === LATE) {
      // When the late mark answers, the view it names is kept as the one to fall back on: otherwise, while each
      // mark query takes longer than the wait (a fleet's scorings back to back), every read served the view from
      // before they started, and its answers (a newer run, or none) were dropped. A failure only leaves `last`.
      void marked.then((m) => this.confirm(workspaceId, lens, m)).catch(() => undefined);
      return unconfirmed(last!);
    }
    return this.confirm(workspaceId, lens, mark);
  }

  /** The view `mark` names (opened once per run), kept as the one to fall back on; undefined when none is usable. */
  private async confirm(workspaceId: string, lens: Lens | undefined, mark: LiveViewMark | undefined): Promise<ServedGroupedView | undefined> {
    const usable = (m: LiveViewMark | undefined): m is LiveViewMark => Boolean(m?.hasView && m.scoredVersion <= m.graphVersion && (!lens || lens === m.lens));
    const lastKey = `${workspaceId}|${lens ?? ''}`;
    if (!usable(mark)) {
      // Nothing to serve from the store (a run without a view, another lens): nothing to fall back on either.
      this.lastServed.delete(lastKey);
      return undefined;
    }
    const key = runKey(mark);
    let hit = this.opened.get(workspaceId);
    if (hit?.key !== key) {
      const entry = { key, value: this.db.projections.liveView<GroupedGraph>(workspaceId, { open: true }) };
      // A failure is never kept, and drops only its own entry.
      entry.value.catch(() => void (this.opened.peek(workspaceId) === entry && this.opened.delete(workspaceId)));
      this.opened.set(workspaceId, (hit = entry));
    }
    // Opened after the mark was read: a run that landed in between is newer still, and served if usable.
    const opened = await hit.value;
    if (!usable(opened) || !opened.view) {
      this.lastServed.delete(lastKey);
      return undefined;
    }
    // Staleness by the newer of the two looks at the graph's version (a projection may land in between).
    const latestGraphVersion = Math.max(mark.graphVersion, opened.graphVersion);
    const run: GroupedViewRun = { graphVersion: opened.scoredVersion, scoredAt: opened.computedAt, latestGraphVersion, stale: opened.scoredVersion < latestGraphVersion };
    const servedKey = `${workspaceId}|${runKey(opened)}|${latestGraphVersion}`;
    let served = this.served.get(servedKey);
    if (!served) this.served.set(servedKey, (served = { ...opened.view, run }));
    this.lastServed.set(lastKey, served);
    return served;
  }

  /** The workspace's mark, from the query in flight if there is one (see `marking`). */
  private mark(workspaceId: string): Promise<LiveViewMark | undefined> {
    let q = this.marking.get(workspaceId);
    if (!q) {
      q = this.db.projections.liveView(workspaceId, { open: false });
      const mine = q;
      void mine.finally(() => void (this.marking.get(workspaceId) === mine && this.marking.delete(workspaceId))).catch(() => undefined);
      this.marking.set(workspaceId, mine);
    }
    return q;
  }
}

/** One unconfirmed copy per served view (repeated unchecked reads of one view get one object). */
const unconfirmedCopies = new WeakMap<ServedGroupedView, ServedGroupedView>();
function unconfirmed(view: ServedGroupedView): ServedGroupedView {
  let copy = unconfirmedCopies.get(view);
  if (!copy) unconfirmedCopies.set(view, (copy = { ...view, run: { ...view.run, unconfirmed: true } }));
  return copy;
}

/** Names one scoring run of a workspace: the graph version it scored and when it was stored. */
const runKey = (m: LiveViewMark) => `${m.scoredVersion}|${m.computedAt}`;
