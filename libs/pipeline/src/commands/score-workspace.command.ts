import { Inject } from '@nestjs/common';
import { Command, CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import type { Persistence } from '@custody/persistence';
import { evaluateGraph, loadTriage } from '@custody/audit';
import { ExposureScoredEvent } from '../events/pipeline.events.js';
import { PERSISTENCE } from '../tokens.js';

/** Runs the rules and the score over the current projection and stores findings with their history. */
export class ScoreWorkspaceCommand extends Command<{ total: number; skipped: boolean }> {
  /** `rescore`: the graph is unchanged but triage is, so the same version is scored again. */
  constructor(readonly workspaceId: string, readonly graphVersion: number, readonly rescore = false) {
    super();
  }
}

@CommandHandler(ScoreWorkspaceCommand)
export class ScoreWorkspaceHandler implements ICommandHandler<ScoreWorkspaceCommand> {
  constructor(@Inject(PERSISTENCE) private readonly db: Persistence, private readonly events: EventBus) {}

  async execute({ workspaceId, graphVersion, rescore }: ScoreWorkspaceCommand) {
    const projection = await this.db.projections.graph(workspaceId);
    const current = await this.db.projections.score(workspaceId);
    // A newer graph version supersedes this job; an already scored version needs no second run.
    if (!projection || projection.version > graphVersion || (!rescore && current && current.graphVersion >= projection.version)) {
      return { total: current?.score.total ?? 0, skipped: true };
    }
    const evaluation = evaluateGraph(projection.graph, { triage: await loadTriage(this.db, workspaceId) });
    const findings = evaluation.findings;
    const { saved, appeared, resolved, event } = await this.db.projections.saveScoring(workspaceId, projection.version, findings, evaluation.score);
    if (!saved || !event) return { total: current?.score.total ?? 0, skipped: true };
    this.events.publish(new ExposureScoredEvent(workspaceId, evaluation.score.total, appeared, resolved, event.seq));
    return { total: evaluation.score.total, skipped: false };
  }
}
