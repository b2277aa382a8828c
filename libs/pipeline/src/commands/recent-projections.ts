import { Injectable } from '@nestjs/common';
import { MruMap } from '@custody/domain';
import type { ProjectedGraph } from '@custody/audit';
import type { ProjectionMemo } from '@custody/graph';

/** Workspaces whose last projection a worker keeps in memory (the most recently projected). */
const KEPT = 4;

interface Entry {
  /** The last projection's memo: a correct base for the next projection whatever happened since (see ProjectionMemo). */
  memo: ProjectionMemo;
  /** The graph version this projection was stored as, when this worker stored it (then it is that version's graph). */
  version?: number;
  projected: ProjectedGraph;
}

/**
 * What the projection job hands the score job in one worker (issue 11, incremental re-audit): the projection's
 * memo, so the next projection rebuilds only the records an input touched, and the stored graph version with
 * the very graph object and the records that changed, so scoring neither reads the graph back nor diffs it.
 * Only a version this worker stored itself is handed on; anything else is read from the store as before.
 */
@Injectable()
export class RecentProjections {
  /** Ordered by projection: reads peek, so the workspaces kept are the most recently projected, as KEPT says. */
  private readonly entries = new MruMap<string, Entry>(KEPT);

  memo(workspaceId: string): ProjectionMemo | undefined {
    return this.entries.peek(workspaceId)?.memo;
  }

  /** Keeps a projection's memo; with `version`, the graph is that stored version's. */
  keep(workspaceId: string, projected: ProjectedGraph & { memo: ProjectionMemo }, version: number | undefined): void {
    this.entries.set(workspaceId, { memo: projected.memo, version, projected });
  }

  /** The projection stored as `version` of the workspace's graph, when this worker made it. */
  ofVersion(workspaceId: string, version: number): ProjectedGraph | undefined {
    const e = this.entries.peek(workspaceId);
    return e?.version === version ? e.projected : undefined;
  }
}
