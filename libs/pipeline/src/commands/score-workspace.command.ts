import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Persistence } from '@custody/persistence';
import { defaultLens, MruMap } from '@custody/domain';
import { auditState, composeReport, loadTriage, reaudit, type AuditState, type ReauditStats } from '@custody/audit';
import { groupedGraph, toCytoscapeElements } from '@custody/graph';
import { JobName } from '../jobs/job-catalogue.js';
import { JobQueue } from '../jobs/job-queue.js';
import { PERSISTENCE } from '../tokens.js';
import { RecentProjections } from './recent-projections.js';

export interface ScoreOptions {
  /** Score the same graph version again: `triage` changed, or `time` passed (a scheduled re-score). */
  rescore?: 'triage' | 'time';
  /** The evaluation time ("now" for the rules); the graph carries no clock of its own. Default: the current time. */
  at?: Date;
}

/** Runs the rules and the score over the current projection and stores findings with their history. */
export class ScoreWorkspaceCommand extends Command<{ total: number; skipped: boolean }> {
  constructor(readonly workspaceId: string, readonly graphVersion: number, readonly opts: ScoreOptions = {}) {
    super();
  }
}

/** Workspaces whose last audit a worker keeps in memory (the most recently scored), to re-audit incrementally. */
const KEPT_AUDITS = 4;

@CommandHandler(ScoreWorkspaceCommand)
export class ScoreWorkspaceHandler implements ICommandHandler<ScoreWorkspaceCommand> {
  /**
   * The last audit per workspace, so a new graph version (one new document, one setting change) re-runs only
   * the rules and systems it changed (libs/audit reaudit; equal to a full audit by its property test). Any
   * previous state is a correct base, even one another worker has since superseded: what changed is the
   * projection job's report when it is relative to this state's graph (RecentProjections), else found by
   * comparing the two graphs, never assumed.
   */
  private readonly audits = new MruMap<string, AuditState>(KEPT_AUDITS);

  /** How the workspace's last scoring was done (full, incremental…), for logs and tests: a peek, so asking keeps no audit longer. */
  lastStats(workspaceId: string): ReauditStats | undefined {
    return this.audits.peek(workspaceId)?.stats;
  }

  constructor(@Inject(PERSISTENCE) private readonly db: Persistence, private readonly recent: RecentProjections) {}

  async execute({ workspaceId, graphVersion, opts }: ScoreWorkspaceCommand) {
    // The marks first: a job for a superseded or already scored version (a burst's earlier versions) skips
    // without opening the graph. The same test is made again below on what is then read.
    if (!opts.rescore) {
      const { graph, scoredVersion } = await this.db.projections.marks(workspaceId);
      if (graph && (graph.version > graphVersion || (scoredVersion !== undefined && scoredVersion >= graph.version))) {
        return { total: (await this.db.projections.score(workspaceId))?.score.total ?? 0, skipped: true };
      }
    }
    const projection = await this.db.projections.graph(workspaceId);
    const current = await this.db.projections.score(workspaceId);
    // A newer graph version supersedes this job; an already scored version needs no second run.
    if (!projection || projection.version > graphVersion || (!opts.rescore && current && current.graphVersion >= projection.version)) {
      return { total: current?.score.total ?? 0, skipped: true };
    }
    const at = opts.at ?? new Date();
    // The workspace's default lens: what a live read shows, so it can be served from what is stored here.
    const lens = defaultLens(projection.graph.practice);
    const inputs = { documents: [], asOf: projection.graph.asOf, now: at, lens, triage: await loadTriage(this.db, workspaceId) };
    // Peeked: the audit is replaced by this scoring's just below, which makes it the most recent.
    const prev = this.audits.peek(workspaceId);
    // The graph this worker projected and stored as this version, with the records that changed: scoring then
    // re-runs rules for those alone without comparing graphs. Otherwise the stored graph (compared as needed).
    const projected = this.recent.ofVersion(workspaceId, projection.version) ?? projection.graph;
    const state = prev ? reaudit(prev, inputs, projected) : auditState(inputs, projected);
    this.audits.set(workspaceId, state);
    const evaluation = state.evaluation;
    // A scheduled re-score that changes nothing is not a change: no new scoring, no event, no history noise.
    if (opts.rescore === 'time' && current?.lens === lens && current.score.total === evaluation.score.total && (await this.sameFindings(workspaceId, evaluation.findings))) {
      return { total: current.score.total, skipped: true };
    }
    // The map's first view of this run (what GET /graph?view=grouped answers until the next run), built here
    // once rather than composed again from the stored findings by each API process (seconds at 10,000 installs,
    // on the request path). Documents do not enter the map.
    const report = composeReport({ workspace: { id: workspaceId, name: '' }, graph: projection.graph, evaluation, documents: [], lens });
    const view = groupedGraph(toCytoscapeElements(report));
    const { saved } = await this.db.projections.saveScoring(workspaceId, projection.version, evaluation, { lens, evaluatedAt: at, view });
    if (!saved) return { total: current?.score.total ?? 0, skipped: true };
    return { total: evaluation.score.total, skipped: false };
  }

  private async sameFindings(workspaceId: string, findings: { id: string; severity: string }[]): Promise<boolean> {
    // Ids and severities only: they are stored clear, so no sealed finding is opened for the comparison.
    const stored = await this.db.projections.openFindingKeys(workspaceId);
    const key = (fs: { id: string; severity: string }[]) => fs.map((f) => `${f.id}:${f.severity}`).sort().join('\n');
    return key(stored) === key(findings);
  }
}

/** Enqueues a time re-score of every scored workspace at `at` (daily and at start-up: see RescoreScheduler). */
export class RescoreWorkspacesCommand extends Command<{ workspaces: number }> {
  constructor(readonly at: Date) {
    super();
  }
}

@CommandHandler(RescoreWorkspacesCommand)
export class RescoreWorkspacesHandler implements ICommandHandler<RescoreWorkspacesCommand> {
  constructor(@Inject(PERSISTENCE) private readonly db: Persistence, private readonly jobs: JobQueue) {}

  async execute({ at }: RescoreWorkspacesCommand) {
    let n = 0;
    for (const ws of await this.db.workspaces.list()) {
      const projection = await this.db.projections.graph(ws.id);
      if (!projection) continue;
      await this.jobs.add(JobName.Score, { workspaceId: ws.id, graphVersion: projection.version, at: at.toISOString() });
      n++;
    }
    return { workspaces: n };
  }
}
