/**
 * Where a workspace's read models stand, read without opening them: the stored graph's version and input mark,
 * the ingest backlog, which workspaces lag their inputs, which run a live grouped view is of, and the mark that
 * names the stored findings' state. Small raw SQL over clear columns, one round trip each, nothing decrypted
 * (except a grouped view asked for with its mark): what jobs and readers consult to see whether anything moved.
 * Apart from projection.repository.ts, which writes and opens the read models; that repository serves these
 * under its own names, so callers see one API.
 */
import { PROJECTION_INPUT_EVENTS, type Lens } from '@custody/domain';
import type { DataSource } from 'typeorm';
import type { DataKeyring } from '../crypto/data-keys.js';
import { aad } from '../crypto/sealed-rows.js';
import type { LiveViewMark } from './read-model-types.js';

/**
 * Where a workspace's read models stand, without opening them: the stored graph's version and input mark, and
 * the graph version last scored. One round trip, nothing decrypted: what a job needs to see it has nothing to do.
 */
export async function graphMarks(ds: DataSource, workspaceId: string): Promise<{ graph?: { version: number; eventSeq: number }; scoredVersion?: number }> {
  const [row] = (await ds.query(
    `SELECT (SELECT version FROM graph_projection WHERE workspace_id = $1) AS version,
            (SELECT event_seq FROM graph_projection WHERE workspace_id = $1) AS event_seq,
            (SELECT graph_version FROM score WHERE workspace_id = $1) AS graph_version`,
    [workspaceId],
  )) as { version: number | null; event_seq: string | null; graph_version: number | null }[];
  return {
    graph: row?.version == null ? undefined : { version: Number(row.version), eventSeq: Number(row.event_seq) },
    scoredVersion: row?.graph_version ?? undefined,
  };
}

/**
 * A workspace's ingest backlog in one round trip: documents not yet finished, the input high-water mark, and
 * how many input events the stored graph has not seen (counted up to `cap`: the caller only asks "at least
 * cap?", so a long backlog costs no more). With no graph yet, every input so far is one it has not seen: a
 * new workspace's first burst is projected once at its end like any later burst, not once for its first
 * outcome and again for the rest (issue 11).
 */
export async function ingestBacklog(ds: DataSource, workspaceId: string, cap: number): Promise<{ unfinished: number; inputSeq: number; behind: number }> {
  const [row] = (await ds.query(
    `SELECT (SELECT count(*)::int FROM document WHERE workspace_id = $1 AND status IN ('received', 'processing')) AS unfinished,
            (SELECT coalesce(max(seq), 0) FROM event WHERE workspace_id = $1 AND type = ANY($2)) AS input_seq,
            (SELECT count(*)::int FROM (
               SELECT 1 FROM event e
                WHERE e.workspace_id = $1 AND e.type = ANY($2)
                  AND e.seq > coalesce((SELECT event_seq FROM graph_projection WHERE workspace_id = $1), 0) LIMIT $3) b) AS behind`,
    [workspaceId, PROJECTION_INPUT_EVENTS, cap],
  )) as { unfinished: number; input_seq: string; behind: number }[];
  return { unfinished: Number(row?.unfinished ?? 0), inputSeq: Number(row?.input_seq ?? 0), behind: Number(row?.behind ?? 0) };
}

/**
 * Workspaces whose read models lag their inputs: a projection older than the latest input event, or a score
 * of an older graph version than the projection's. After a step's job was lost to an outage these stay behind
 * until something enqueues the step again (the Reconciler does). One query, so a fleet costs one round trip.
 */
export async function laggingWorkspaces(ds: DataSource): Promise<{ workspaceId: string; inputSeq: number; projected?: { eventSeq: number; version: number }; scoredVersion?: number }[]> {
  const rows: { workspace_id: string; input_seq: string; event_seq: string | null; version: number | null; graph_version: number | null }[] = await ds.query(
    `SELECT i.workspace_id, i.seq AS input_seq, g.event_seq, g.version, s.graph_version
       FROM (SELECT workspace_id, max(seq) AS seq FROM event WHERE type = ANY($1) GROUP BY workspace_id) i
       LEFT JOIN graph_projection g ON g.workspace_id = i.workspace_id
       LEFT JOIN score s ON s.workspace_id = i.workspace_id
      WHERE g.workspace_id IS NULL OR g.event_seq < i.seq OR s.workspace_id IS NULL OR s.graph_version < g.version
      ORDER BY i.workspace_id`,
    [PROJECTION_INPUT_EVENTS],
  );
  return rows.map((r) => ({
    workspaceId: r.workspace_id,
    inputSeq: Number(r.input_seq),
    projected: r.version === null ? undefined : { eventSeq: Number(r.event_seq), version: r.version },
    scoredVersion: r.graph_version ?? undefined,
  }));
}

/**
 * Which state a live grouped view would be of: the stored graph's version and the last scoring's (its graph
 * version, when it was written, its lens, and whether it stored its view). One small query, nothing opened:
 * a reader compares it with the view it holds and opens the stored one only when it moved (`open`: the same
 * query with the view, so the view and the mark it is returned with are of one snapshot).
 * Undefined while the workspace has no graph or no scoring.
 */
export async function liveViewMark<T>(ds: DataSource, keys: DataKeyring, workspaceId: string, opts: { open: boolean }): Promise<(LiveViewMark & { view?: T }) | undefined> {
  const [row] = (await ds.query(
    `SELECT g.version, s.graph_version, s.computed_at, s.lens, s.grouped_sealed IS NOT NULL AS has_view
            ${opts.open ? ', s.grouped_sealed, s.grouped_key_id' : ''}
       FROM score s JOIN graph_projection g ON g.workspace_id = s.workspace_id WHERE s.workspace_id = $1`,
    [workspaceId],
  )) as { version: number; graph_version: number; computed_at: Date; lens: string | null; has_view: boolean; grouped_sealed?: Buffer | null; grouped_key_id?: string | null }[];
  if (!row) return undefined;
  const scoredVersion = Number(row.graph_version);
  return {
    graphVersion: Number(row.version), scoredVersion, computedAt: new Date(row.computed_at).toISOString(),
    lens: (row.lens ?? undefined) as Lens | undefined, hasView: row.has_view,
    ...(row.grouped_sealed && row.grouped_key_id ? { view: keys.openJson<T>(row.grouped_key_id, row.grouped_sealed, aad.groupedView(workspaceId, scoredVersion, row.lens ?? 'default')) } : {}),
  };
}

/**
 * Names the state of a workspace's stored findings without opening any: the score row's write time and graph
 * version, and the latest scoring event. Findings are written only by saveScoring, in the transaction that writes that row, so the mark
 * moves whenever a page of findings could change (a primary-key lookup; '' before the first scoring).
 */
export async function findingsMark(ds: DataSource, workspaceId: string): Promise<string> {
  // With the seq of the run's own ExposureScored event (appended in that transaction; the index on
  // workspace, type and seq finds the latest): two runs of one graph version in the same millisecond, or on
  // hosts whose clocks disagree, still differ, where the write time alone would name both the same.
  const [row] = (await ds.query(
    `SELECT s.computed_at, s.graph_version,
            (SELECT max(e.seq) FROM event e WHERE e.workspace_id = $1 AND e.type = 'ExposureScored') AS scored_seq
       FROM score s WHERE s.workspace_id = $1`,
    [workspaceId],
  )) as { computed_at: Date; graph_version: number; scored_seq: string | number | null }[];
  return row ? `${new Date(row.computed_at).toISOString()}|${row.graph_version}|${row.scored_seq ?? ''}` : '';
}
