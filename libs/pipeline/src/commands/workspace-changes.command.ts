import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { FACT_NAMES, InvalidInputError, isValidFactValue, NotFoundError, TRIAGE_STATUSES, type FactName, type TriageStatus } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import { FollowUps } from '../jobs/follow-ups.js';
import { PERSISTENCE } from '../tokens.js';

/**
 * The changes a person makes to a workspace besides uploading: triage, fact corrections, evidence reads and a
 * manual re-run. Each validates its input, appends its catalogue event and enqueues what follows it.
 */

export class TriageFindingCommand extends Command<{ seq: number }> {
  constructor(readonly workspaceId: string, readonly findingId: string, readonly status: TriageStatus, readonly reason: string | undefined, readonly actor = 'system') {
    super();
    if (!TRIAGE_STATUSES.includes(status)) throw new InvalidInputError(`status must be one of ${TRIAGE_STATUSES.join(', ')}`);
    if (status !== 'open' && !reason?.trim()) throw new InvalidInputError('triage needs a reason');
  }
}

@CommandHandler(TriageFindingCommand)
export class TriageFindingHandler implements ICommandHandler<TriageFindingCommand> {
  constructor(@Inject(PERSISTENCE) private readonly db: Persistence, private readonly followUps: FollowUps) {}

  async execute({ workspaceId, findingId, status, reason, actor }: TriageFindingCommand) {
    const event = await this.db.events.record(workspaceId, 'FindingTriaged', { findingId, status, reason }, actor);
    await this.followUps.after('FindingTriaged', event.payload, { workspaceId, seq: event.seq });
    return { seq: event.seq };
  }
}

export class CorrectFactCommand extends Command<{ seq: number }> {
  /** `candidate`: the review candidate's value the correction decides (see FactCorrection.candidate). */
  constructor(readonly workspaceId: string, readonly documentId: string, readonly fact: string, readonly value: unknown, readonly reason: string | undefined, readonly actor = 'system', readonly candidate?: unknown) {
    super();
    if (!FACT_NAMES.includes(fact as FactName)) throw new InvalidInputError(`unknown fact "${fact}"`);
    if (!isValidFactValue(fact as FactName, value)) throw new InvalidInputError(`${JSON.stringify(value)} is not a valid value of ${fact}`);
    if (candidate !== undefined && !isValidFactValue(fact as FactName, candidate)) throw new InvalidInputError(`candidate ${JSON.stringify(candidate)} is not a valid value of ${fact}`);
    if (!reason?.trim()) throw new InvalidInputError('a correction needs a reason');
  }
}

@CommandHandler(CorrectFactCommand)
export class CorrectFactHandler implements ICommandHandler<CorrectFactCommand> {
  constructor(@Inject(PERSISTENCE) private readonly db: Persistence, private readonly followUps: FollowUps) {}

  async execute({ workspaceId, documentId, fact, value, reason, actor, candidate }: CorrectFactCommand) {
    const doc = await this.db.documents.get(documentId);
    if (doc.workspaceId !== workspaceId) throw new NotFoundError('document', documentId);
    const event = await this.db.events.record(workspaceId, 'FactCorrected', { documentId, fact: fact as FactName, value, reason: reason!, ...(candidate !== undefined ? { candidate } : {}) }, actor);
    await this.followUps.after('FactCorrected', event.payload, { workspaceId, seq: event.seq });
    return { seq: event.seq };
  }
}

/** Custody holds sensitive material: every read of evidence (quotes, findings, reports) goes in the audit log. */
export class RecordEvidenceReadCommand extends Command<{ seq?: number }> {
  constructor(readonly workspaceId: string, readonly read: { what?: string; documentId?: string }, readonly actor = 'system') {
    super();
  }
}

@CommandHandler(RecordEvidenceReadCommand)
export class RecordEvidenceReadHandler implements ICommandHandler<RecordEvidenceReadCommand> {
  constructor(@Inject(PERSISTENCE) private readonly db: Persistence) {}

  async execute({ workspaceId, read, actor }: RecordEvidenceReadCommand) {
    // Resolves once the entry is durable: committed on the chain (grouped with the workspace's other reads in
    // flight), or in embedded mode in the read journal, chained just after (issue 11).
    return this.db.events.logRead(workspaceId, read, actor);
  }
}

/** Re-project (and so re-score) a workspace by hand: no event, the projection job that follows a changed input. */
export class ReprocessWorkspaceCommand extends Command<{ job: string }> {
  constructor(readonly workspaceId: string) {
    super();
  }
}

@CommandHandler(ReprocessWorkspaceCommand)
export class ReprocessWorkspaceHandler implements ICommandHandler<ReprocessWorkspaceCommand> {
  constructor(private readonly followUps: FollowUps) {}

  async execute({ workspaceId }: ReprocessWorkspaceCommand) {
    const [job] = await this.followUps.reproject(workspaceId);
    return { job: job! };
  }
}
