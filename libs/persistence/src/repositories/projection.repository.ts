import { compareFindings, pagedFinding, type FindingsFilter, type Finding, type PagedFinding, type Graph, type Lens, type Score } from '@custody/domain';
import { Logger } from '@nestjs/common';
import { IsNull, type DataSource } from 'typeorm';
import { FindingEntity, GraphProjectionEntity, ScoreEntity } from '../entities/index.js';
import type { DataKeyring } from '../crypto/data-keys.js';
import { aad, openReadModel } from '../crypto/sealed-rows.js';
import type { EventStoreRepository, StoredEvent } from './event-store.repository.js';
import { findingsPageParams, findingsPageSql } from './findings-page-sql.js';
import { diffSystems, canonicalJson } from './graph-diff.js';
import { findingsMark, graphMarks, ingestBacklog, laggingWorkspaces, liveViewMark } from './read-model-marks.js';
import type { LiveViewMark, ScoreSummary, StoredFinding, StoredProjection, StoredScoring } from './read-model-types.js';
import { chunks } from './row-batches.js';
import { openFinding, openGraph, sealGraph, sealHead, storedFinding } from './read-model-seals.js';
import { KeptMarks, type ReadModelWrites } from './read-model-writes.js';

/** A finding row as the driver returns it from a raw query. */
interface FindingRow {
  workspace_id: string; id: string; data: object | null; data_sealed: Buffer | null; key_id: string | null;
  first_seen_at: Date; last_seen_at: Date; resolved_at: Date | null; head_sealed?: Buffer | null;
}

/** What a score row seals: the breakdown and the rule errors, both of which may name systems or quote inputs. */
interface SealedScore {
  score: Score;
  ruleErrors: StoredScoring['ruleErrors'];
}

/**
 * The read models: graph projection, findings with history, and the score. Rebuilt from the event store by jobs.
 * What they quote is sealed at rest with the data keys (the graph as one value per workspace, findings per
 * row, the score's breakdown); rows from before sealing (key id NULL) are read as stored.
 * Beside it: the shapes it returns (read-model-types.ts), the queries that read where the read models stand
 * without opening them (read-model-marks.ts), how each row is sealed and opened (read-model-seals.ts), the
 * graph comparison saveGraph runs (graph-diff.ts), rows cut into batches for multi-row statements (row-batches.ts).
 */
export class ProjectionRepository {
  private readonly log = new Logger('Projections');
  /** Marks kept while no save has begun since they were read (embedded mode only: see ReadModelWrites). */
  private readonly keptFindingsMarks?: KeptMarks<string>;
  private readonly keptViewMarks?: KeptMarks<LiveViewMark | undefined>;

  /**
   * `writes`: the process's count of mark-moving saves (embedded mode, where every writer is a thread of this
   * process); each save here is counted, and the marks readers ask for are kept between saves. Without it
   * (production: other processes write) every mark is read from the database.
   */
  constructor(private readonly ds: DataSource, private readonly events: EventStoreRepository, private readonly keys: DataKeyring, private readonly writes?: ReadModelWrites) {
    if (writes) {
      this.keptFindingsMarks = new KeptMarks(writes);
      this.keptViewMarks = new KeptMarks(writes);
    }
  }

  /** A transaction that may move a mark, counted when this process counts them. */
  private markMoving<T>(write: () => Promise<T>): Promise<T> {
    return this.writes ? this.writes.around(write) : write();
  }

  async graph(workspaceId: string): Promise<StoredProjection | undefined> {
    const row = await this.ds.getRepository(GraphProjectionEntity).findOneBy({ workspaceId });
    return row ? { version: row.version, eventSeq: Number(row.eventSeq), graph: openGraph(this.keys, row), updatedAt: new Date(row.updatedAt).toISOString() } : undefined;
  }

  /** Where the read models stand, without opening them (graphMarks in read-model-marks.ts). */
  marks(workspaceId: string): ReturnType<typeof graphMarks> {
    return graphMarks(this.ds, workspaceId);
  }

  /** The ingest backlog in one round trip (ingestBacklog in read-model-marks.ts). */
  backlog(workspaceId: string, cap: number): ReturnType<typeof ingestBacklog> {
    return ingestBacklog(this.ds, workspaceId, cap);
  }

  /**
   * Replaces the projection when it changed; returns the systems whose node or edges changed
   * (so scoring can focus) and the `GraphChanged` event, or `changed: false` when nothing moved.
   *
   * Short transactions only: in embedded mode a transaction holds PGlite's one session, and every request
   * (its API-key check too) waited for a 10,000-install fleet's save, seconds of it. So the previous graph is
   * opened, compared and the new one sealed before the transaction, which then only checks that no other save
   * came in between (else all is prepared again from the newer row) and stores the sealed graph and its event:
   * readers, who read the sealed graph, see the old one or the new one whole. The id rows (system_node,
   * flow_edge) follow in steps of their own (writeGraphRows).
   */
  async saveGraph(workspaceId: string, graph: Graph, eventSeq: number): Promise<{ changed: boolean; version: number; affected: string[]; event?: StoredEvent }> {
    for (;;) {
      const prev = await this.ds.getRepository(GraphProjectionEntity).findOneBy({ workspaceId });
      // A slower job that read older inputs must not replace a projection built from newer ones.
      if (prev && Number(prev.eventSeq) > eventSeq) return { changed: false, version: prev.version, affected: [] };
      const prevGraph = prev ? openGraph(this.keys, prev) : undefined;
      const affected = diffSystems(prevGraph, graph);
      const same = Boolean(prev) && affected.length === 0 && canonicalJson(prevGraph) === canonicalJson(graph);
      // An unchanged projection from before sealing is sealed now rather than left in clear until rotation.
      const seal = same && prev?.keyId ? {} : sealGraph(this.keys, workspaceId, graph);
      const outcome = await this.markMoving(() => this.ds.transaction(async (m) => {
        // One save of a workspace at a time, its first included: a row lock cannot lock a row not yet there, and two
        // first projections (two workers) would both take version 1.
        await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`graph:${workspaceId}`]);
        const locked = await m.createQueryBuilder(GraphProjectionEntity, 'g').setLock('pessimistic_write').select(['g.workspaceId', 'g.version', 'g.eventSeq'])
          .where('g.workspace_id = :workspaceId', { workspaceId }).getOne();
        // A newer save landed since the read: nothing to do (checked first, so a superseded save is not prepared again).
        if (locked && Number(locked.eventSeq) > eventSeq) return { changed: false, version: locked.version, affected: [] };
        // Another save landed since the read: prepare again from what it stored.
        if (locked?.version !== prev?.version) return undefined;
        if (prev && same) {
          if (Number(prev.eventSeq) < eventSeq || !prev.keyId) await m.update(GraphProjectionEntity, { workspaceId }, { eventSeq: String(Math.max(eventSeq, Number(locked!.eventSeq))), ...seal });
          return { changed: false, version: prev.version, affected: [] };
        }
        const version = (prev?.version ?? 0) + 1;
        await m.save(GraphProjectionEntity, { workspaceId, version, eventSeq: String(eventSeq), ...seal, updatedAt: new Date() });
        const event = await this.events.append(m, workspaceId, 'GraphChanged', { version, affected, systems: graph.systems.length, flows: graph.flows.length });
        return { changed: true, version, affected, event };
      }));
      if (!outcome) continue;
      // The graph and its event are stored: a failure of the id rows after them (nothing reads those rows' data; the
      // next changed graph rewrites them) must not fail the save, whose retry would find its work done and skip.
      if (outcome.changed) {
        await this.writeGraphRows(workspaceId, outcome.version, graph)
          .catch((err: unknown) => this.log.warn(`graph id rows of version ${outcome.version} not rewritten (${err instanceof Error ? err.name : 'error'}); the next changed graph rewrites them`));
      }
      return outcome;
    }
  }

  /**
   * The stored graph's id rows (ids and role only: names and quotes are in the sealed graph, and nothing
   * reads these rows' data), rewritten after its version is stored, in bounded steps. Each step is one
   * statement that locks the projection row, checks this version is still the stored one and only then writes:
   * once a newer save has landed, its own rewrite owns the rows and this one stops (it can never write between
   * that rewrite's steps, which start after the newer version is stored). One statement, not a transaction of
   * several: in embedded mode a transaction holds PGlite's one session between its statements too, and on the
   * job thread another job's synchronous work (a fleet's audit) delayed a step's next statement by 86 s
   * (engine time 0.13 s; bench:api, CUSTODY_SESSION_HOLD_LOG_MS) while every API read waited.
   */
  private async writeGraphRows(workspaceId: string, version: number, graph: Graph): Promise<void> {
    // Each write ends on a WHERE clause (the INSERTs on a bare `WHERE true`) so `AND EXISTS (… cur)` can be appended:
    // the write then runs only when the locked projection row still holds this version.
    const step = (write: string) =>
      `WITH cur AS (SELECT 1 FROM graph_projection WHERE workspace_id = $1 AND version = $2 FOR UPDATE), w AS (${write} AND EXISTS (SELECT 1 FROM cur))
       SELECT count(*)::int AS current FROM cur`;
    const steps: [string, unknown[]][] = [
      [step('DELETE FROM system_node WHERE workspace_id = $1'), []],
      [step('DELETE FROM flow_edge WHERE workspace_id = $1'), []],
      ...chunks(graph.systems).map((rows): [string, unknown[]] => [
        step('INSERT INTO system_node (workspace_id, id, name, role, data) SELECT $1, t.id, NULL, t.role, NULL FROM unnest($3::text[], $4::text[]) AS t(id, role) WHERE true'),
        [rows.map((s) => s.id), rows.map((s) => s.role)],
      ]),
      ...chunks(graph.flows).map((rows): [string, unknown[]] => [
        step('INSERT INTO flow_edge (workspace_id, id, from_id, to_id, data) SELECT $1, t.id, t.f, t.t, NULL FROM unnest($3::text[], $4::text[], $5::text[]) AS t(id, f, t) WHERE true'),
        [rows.map((f) => f.id), rows.map((f) => f.from), rows.map((f) => f.to)],
      ]),
    ];
    for (const [sql, params] of steps) {
      const [row] = (await this.ds.query(sql, [workspaceId, version, ...params])) as { current: number }[];
      if (!row?.current) return;
    }
  }

  /** Workspaces whose read models lag their inputs (laggingWorkspaces in read-model-marks.ts). */
  lagging(): ReturnType<typeof laggingWorkspaces> {
    return laggingWorkspaces(this.ds);
  }

  /**
   * Stores a scoring run: findings upserted with first/last seen, vanished ones resolved, and the score with
   * the lens, rule errors and evaluation time it was computed with.
   */
  async saveScoring(
    workspaceId: string, graphVersion: number,
    { findings, score, ruleErrors }: { findings: Finding[]; score: Score; ruleErrors: StoredScoring['ruleErrors'] },
    run: { lens: Lens; evaluatedAt: Date; view?: unknown },
  ): Promise<{ saved: boolean; appeared: string[]; resolved: string[]; event?: StoredEvent }> {
    // Sealed per row (findings are read and paged per row, and each quotes its evidence), before the
    // transaction: for a fleet that is seconds of CPU the transaction (in embedded mode, the one database
    // session every read waits for) need not be open for.
    const sealedFindings = findings.map((f) => ({ f, ...this.keys.sealJson(f, aad.finding(workspaceId, f.id)), head: sealHead(this.keys, workspaceId, f) }));
    const sealedScore = this.keys.sealJson({ score, ruleErrors } satisfies SealedScore, aad.score(workspaceId));
    const sealedView = run.view === undefined ? undefined : this.keys.sealJson(run.view, aad.groupedView(workspaceId, graphVersion, run.lens));
    const result = await this.markMoving(() => this.ds.transaction(async (m) => {
      // One scoring write per workspace at a time, and never an older graph's over a newer one's. Its own lock,
      // not the event log's (EventStoreRepository.append): appends of the workspace's other events (a read of
      // evidence, a triage) then wait only for this run's own append at the end, not for all of its writes.
      await m.query("SELECT pg_advisory_xact_lock(hashtext('scoring:' || $1))", [workspaceId]);
      const current = await m.findOne(ScoreEntity, { where: { workspaceId }, select: { workspaceId: true, graphVersion: true } });
      if (current && current.graphVersion > graphVersion) return { saved: false, appeared: [], resolved: [] };
      const now = new Date();
      // Only what the history needs: the stored findings' data is large and is replaced below anyway.
      const existing = new Map((await m.find(FindingEntity, { where: { workspaceId }, select: { id: true, firstSeenAt: true, resolvedAt: true } })).map((f) => [f.id, f]));
      const open = new Map([...existing].filter(([, f]) => !f.resolvedAt));
      const appeared: string[] = [];
      const rows: FindingEntity[] = [];
      for (const { f, keyId, sealed, head } of sealedFindings) {
        const prev = existing.get(f.id);
        if (!prev || prev.resolvedAt) appeared.push(f.id);
        rows.push({ workspaceId, id: f.id, kind: f.kind, severity: f.severity, contribution: f.contribution, data: null, dataSealed: sealed, keyId, headSealed: head?.keyId === keyId ? head.sealed : null, firstSeenAt: prev && !prev.resolvedAt ? prev.firstSeenAt : now, lastSeenAt: now, resolvedAt: null });
        open.delete(f.id);
      }
      // Upserted in batches, not one save (a SELECT and a write) per finding: a 10,000-install fleet has ~64,000
      // findings. Batches stay far below PostgreSQL's 65,535 bind parameters per statement.
      for (const batch of chunks(rows)) await m.upsert(FindingEntity, batch, ['workspaceId', 'id']);
      const resolved = [...open.keys()];
      for (const ids of chunks(resolved)) await m.createQueryBuilder().update(FindingEntity).set({ resolvedAt: now }).where('workspace_id = :workspaceId AND id IN (:...ids)', { workspaceId, ids }).execute();
      // save() reads the row first; the view column is not selected by default, so that read stays small.
      await m.save(ScoreEntity, {
        workspaceId, total: score.total, data: null, ruleErrors: null, dataSealed: sealedScore.sealed, keyId: sealedScore.keyId,
        graphVersion, computedAt: now, lens: run.lens, evaluatedAt: run.evaluatedAt,
        // Always written: a run without a view must not leave the previous run's in its row.
        groupedSealed: sealedView?.sealed ?? null, groupedKeyId: sealedView?.keyId ?? null,
      });
      const event = await this.events.append(m, workspaceId, 'ExposureScored', { graphVersion, total: score.total, findings: findings.length, appeared, resolved });
      return { saved: true, appeared, resolved, event };
    }));
    // After a large change the planner's statistics are refreshed, so pages of findings use their index
    // (embedded PGlite has no autovacuum to do it: its estimate stays "one row" and each page sorts them all).
    // Only an optimisation: a failure (a role that may not analyse the table) leaves the stored run as it is.
    if (result.saved && result.appeared.length + result.resolved.length >= ANALYZE_AFTER_ROWS) await this.ds.query('ANALYZE finding').catch(() => undefined);
    return result;
  }

  /** Which state a live grouped view would be of, and the view with `open` (liveViewMark in read-model-marks.ts). */
  liveView<T>(workspaceId: string, opts: { open: boolean }): Promise<(LiveViewMark & { view?: T }) | undefined> {
    // The mark alone is kept between saves; a view is opened from the database (once per run by its reader).
    if (!opts.open && this.keptViewMarks) return this.keptViewMarks.read(workspaceId, () => liveViewMark(this.ds, this.keys, workspaceId, opts));
    return liveViewMark<T>(this.ds, this.keys, workspaceId, opts);
  }

  async findings(workspaceId: string, includeResolved = false): Promise<StoredFinding[]> {
    const rows = await this.ds.getRepository(FindingEntity).find({ where: { workspaceId, ...(includeResolved ? {} : { resolvedAt: IsNull() }) }, order: { id: 'ASC' } });
    return rows.map((r) => storedFinding(this.keys, r));
  }

  /**
   * One keyset page of the stored findings (ids in byte order, or with `filter.order` 'severity' as reports rank
   * them, compareByImpact; `after` is the last key, see findingKey) and how many pass the filter in all, in one statement (one snapshot: the total and the page agree while a scoring run writes). Only the page's rows
   * are opened: a 10,000-install fleet's ~54,000 sealed findings are not all decrypted to answer 50 of them.
   * With `instances` each finding is listed as a page lists it (pagedFinding): its first instances, systems and
   * evidence with their counts. A finding larger than any page lists also stores a sealed head (pageHead: at
   * most MAX_INSTANCES_PER_FINDING of each): such a page opens that instead of the megabytes of the whole.
   */
  async findingsPage(
    workspaceId: string, includeResolved: boolean,
    page: { limit: number; after?: string; instances?: number; filter?: FindingsFilter },
  ): Promise<{ items: (StoredFinding | PagedFinding<StoredFinding>)[]; total: number; more: boolean }> {
    const filter = page.filter ?? { order: 'id' };
    const rows: ({ total: number } & Partial<FindingRow>)[] = await this.ds.query(
      findingsPageSql(includeResolved, page.instances !== undefined, filter),
      findingsPageParams(workspaceId, page, filter),
    );
    const found = rows.filter((r): r is { total: number } & FindingRow => r.id != null);
    const cut = page.instances;
    return {
      items: found.slice(0, page.limit).map((r) => {
        const f = storedFinding(this.keys, {
          workspaceId: r.workspace_id, id: r.id, data: r.data, dataSealed: r.data_sealed, keyId: r.key_id,
          firstSeenAt: r.first_seen_at, lastSeenAt: r.last_seen_at, resolvedAt: r.resolved_at,
        }, r.head_sealed ?? undefined);
        return cut === undefined ? f : pagedFinding(f, cut);
      }),
      total: Number(rows[0]?.total ?? 0),
      more: found.length > page.limit,
    };
  }

  /** Names the state of the stored findings without opening any (findingsMark in read-model-marks.ts). */
  findingsMark(workspaceId: string): Promise<string> {
    return this.keptFindingsMarks ? this.keptFindingsMarks.read(workspaceId, () => findingsMark(this.ds, workspaceId)) : findingsMark(this.ds, workspaceId);
  }

  /** One stored finding by id (resolved ones too: their instances stay readable), or undefined. */
  async finding(workspaceId: string, id: string): Promise<StoredFinding | undefined> {
    const row = await this.ds.getRepository(FindingEntity).findOneBy({ workspaceId, id });
    return row ? storedFinding(this.keys, row) : undefined;
  }

  /**
   * Ids and severities of the open findings: the clear columns alone, so a comparison with a new run's findings
   * (the scheduled re-score's "did anything change") opens no sealed row.
   */
  async openFindingKeys(workspaceId: string): Promise<{ id: string; severity: string }[]> {
    return this.ds.getRepository(FindingEntity).find({ where: { workspaceId, resolvedAt: IsNull() }, select: { id: true, severity: true } });
  }

  /** The open findings exactly as the last scoring run produced them, in the order an evaluation lists them. */
  async openFindings(workspaceId: string): Promise<Finding[]> {
    const rows = await this.ds.getRepository(FindingEntity).find({ where: { workspaceId, resolvedAt: IsNull() }, select: { workspaceId: true, id: true, data: true, dataSealed: true, keyId: true } });
    return rows.map((r) => openFinding(this.keys, r)).sort(compareFindings);
  }

  /**
   * The score's clear columns alone (GET /score?view=summary): what the dashboard's header shows. The sealed
   * breakdown (every system's exposure, every finding's contribution: ~100 KB at 5,000 installs) stays shut.
   */
  async scoreSummary(workspaceId: string): Promise<ScoreSummary | undefined> {
    const row = await this.ds.getRepository(ScoreEntity).findOne({
      where: { workspaceId }, select: { workspaceId: true, total: true, graphVersion: true, computedAt: true, evaluatedAt: true, lens: true },
    });
    if (!row) return undefined;
    const computedAt = new Date(row.computedAt).toISOString();
    // A `real` column: rounded back to the hundredths the score is computed in.
    return {
      total: Math.round(Number(row.total) * 100) / 100, graphVersion: row.graphVersion, computedAt,
      evaluatedAt: row.evaluatedAt ? new Date(row.evaluatedAt).toISOString() : computedAt,
      lens: (row.lens ?? undefined) as Lens | undefined,
    };
  }

  async score(workspaceId: string): Promise<StoredScoring | undefined> {
    const row = await this.ds.getRepository(ScoreEntity).findOneBy({ workspaceId });
    if (!row) return undefined;
    const computedAt = new Date(row.computedAt).toISOString();
    const { score, ruleErrors } = openReadModel<SealedScore>(this.keys,
      { clear: { score: row.data, ruleErrors: row.ruleErrors ?? [] }, sealed: row.dataSealed, keyId: row.keyId }, aad.score(workspaceId));
    return {
      score, graphVersion: row.graphVersion, computedAt,
      evaluatedAt: row.evaluatedAt ? new Date(row.evaluatedAt).toISOString() : computedAt,
      lens: (row.lens ?? undefined) as Lens | undefined,
      ruleErrors,
    };
  }
}

/** How many findings written or resolved in one scoring run make its table's statistics worth refreshing. */
const ANALYZE_AFTER_ROWS = 1000;
