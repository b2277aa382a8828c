import { MruMap, type Lens } from '@custody/domain';
import type { GroupedGraph } from '@custody/graph';
import type { LiveViewMark, Persistence } from '@custody/persistence';

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
}

/** A grouped view as a scoring run stored it, with which run that is. */
export type ServedGroupedView = GroupedGraph & { run: GroupedViewRun };

/** Workspaces (and lenses) whose opened view is kept: the dashboard's few open workspaces. */
const KEPT = 8;

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

  constructor(private readonly db: Persistence) {}

  async view(workspaceId: string, lens?: Lens): Promise<ServedGroupedView | undefined> {
    const usable = (m: LiveViewMark | undefined): m is LiveViewMark => Boolean(m?.hasView && m.scoredVersion <= m.graphVersion && (!lens || lens === m.lens));
    const mark = await this.db.projections.liveView(workspaceId, { open: false });
    if (!usable(mark)) return undefined;
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
    if (!usable(opened) || !opened.view) return undefined;
    // Staleness by the newer of the two looks at the graph's version (a projection may land in between).
    const latestGraphVersion = Math.max(mark.graphVersion, opened.graphVersion);
    const run: GroupedViewRun = { graphVersion: opened.scoredVersion, scoredAt: opened.computedAt, latestGraphVersion, stale: opened.scoredVersion < latestGraphVersion };
    const servedKey = `${workspaceId}|${runKey(opened)}|${latestGraphVersion}`;
    let served = this.served.get(servedKey);
    if (!served) this.served.set(servedKey, (served = { ...opened.view, run }));
    return served;
  }
}

/** Names one scoring run of a workspace: the graph version it scored and when it was stored. */
const runKey = (m: LiveViewMark) => `${m.scoredVersion}|${m.computedAt}`;
