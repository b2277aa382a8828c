import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { canonicalJson, type Persistence } from '@custody/persistence';
import { projectDocuments, loadAnalyzedDocuments, loadCorrections, loadDocumentLinks, ProjectionInputCache } from '@custody/audit';
import type { Runtime } from '../runtime.js';
import { RecentProjections } from './recent-projections.js';
import { PERSISTENCE, RUNTIME } from '../tokens.js';

/** Rebuilds a workspace's graph projection from its documents, corrections and document links. Idempotent. */
export class ProjectGraphCommand extends Command<{ version: number; changed: boolean }> {
  constructor(readonly workspaceId: string) {
    super();
  }
}

@CommandHandler(ProjectGraphCommand)
export class ProjectGraphHandler implements ICommandHandler<ProjectGraphCommand> {
  constructor(
    @Inject(PERSISTENCE) private readonly db: Persistence,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly recent: RecentProjections,
    /** Projection inputs already opened, so each projection reads and decrypts only the documents new to it (one per process: PipelineModule). */
    private readonly inputs: ProjectionInputCache,
  ) {}

  async execute({ workspaceId }: ProjectGraphCommand) {
    // Read the high-water mark first: anything after it triggers another projection job. A projection that
    // already saw it (a newer job ran first) has nothing to add.
    const { seq, at } = await this.db.events.inputMark(workspaceId);
    // The marks first: a job a newer projection already covered (the common case in a burst) opens no graph.
    const { graph: mark } = await this.db.projections.marks(workspaceId);
    if (mark && mark.eventSeq >= seq) return { version: mark.version, changed: false };
    const stored = await this.db.projections.graph(workspaceId);
    if (stored && stored.eventSeq >= seq) return { version: stored.version, changed: false };
    const docs = await loadAnalyzedDocuments(this.db, workspaceId, undefined, this.inputs);
    const workspace = await this.db.workspaces.findById(workspaceId);
    // The graph's `asOf` is the time of its latest input, not the clock: the same inputs project the same graph,
    // and "now" for the rules is the scoring's evaluation time (ScoreWorkspaceCommand), never this stamp.
    // From this worker's last projection of the workspace: only the records an input touched are rebuilt.
    const projected = projectDocuments(docs, {
      asOf: at ?? new Date(0).toISOString(), corrections: await loadCorrections(this.db, workspaceId), links: await loadDocumentLinks(this.db, workspaceId),
      vendors: this.runtime.vendors, practiceName: workspace?.name, memo: this.recent.memo(workspaceId),
    });
    const { graph } = projected;
    // An input that changes nothing (an unreadable file) is not a new graph: keep the previous stamp then.
    const prev = stored;
    if (prev && canonicalJson({ ...prev.graph, asOf: '' }) === canonicalJson({ ...graph, asOf: '' })) graph.asOf = prev.graph.asOf;
    const saved = await this.db.projections.saveGraph(workspaceId, graph, seq);
    // Only a graph stored as a new version is known to be that version's (an unchanged save may have met a newer graph).
    this.recent.keep(workspaceId, projected, saved.changed ? saved.version : undefined);
    return { version: saved.version, changed: saved.changed };
  }
}
