import { Inject } from '@nestjs/common';
import { Command, CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { canonicalJson, type Persistence } from '@custody/persistence';
import { projectDocuments, loadAnalyzedDocuments, loadCorrections } from '@custody/audit';
import { GraphChangedEvent } from '../events/pipeline.events.js';
import type { Runtime } from '../runtime.js';
import { PERSISTENCE, RUNTIME } from '../tokens.js';

/** Rebuilds a workspace's graph projection from its documents and corrections. Idempotent. */
export class ProjectGraphCommand extends Command<{ version: number; changed: boolean }> {
  constructor(readonly workspaceId: string) {
    super();
  }
}

@CommandHandler(ProjectGraphCommand)
export class ProjectGraphHandler implements ICommandHandler<ProjectGraphCommand> {
  constructor(@Inject(PERSISTENCE) private readonly db: Persistence, @Inject(RUNTIME) private readonly runtime: Runtime, private readonly events: EventBus) {}

  async execute({ workspaceId }: ProjectGraphCommand) {
    // Read the high-water mark first: anything after it triggers another projection job. A projection that
    // already saw it (a newer job ran first) has nothing to add.
    const seq = await this.db.events.inputSeq(workspaceId);
    const stored = await this.db.projections.graph(workspaceId);
    if (stored && stored.eventSeq >= seq) return { version: stored.version, changed: false };
    const docs = await loadAnalyzedDocuments(this.db, workspaceId);
    const workspace = await this.db.workspaces.findById(workspaceId);
    const { graph } = projectDocuments(docs, { asOf: new Date().toISOString(), corrections: await loadCorrections(this.db, workspaceId), vendors: this.runtime.vendors, practiceName: workspace?.name });
    // asOf is the projection time; keep it out of change detection by pinning it to the previous value when equal otherwise.
    const prev = stored;
    if (prev && canonicalJson({ ...prev.graph, asOf: '' }) === canonicalJson({ ...graph, asOf: '' })) graph.asOf = prev.graph.asOf;
    const saved = await this.db.projections.saveGraph(workspaceId, graph, seq);
    if (saved.changed && saved.event) this.events.publish(new GraphChangedEvent(workspaceId, saved.version, saved.affected, saved.event.seq));
    return { version: saved.version, changed: saved.changed };
  }
}
