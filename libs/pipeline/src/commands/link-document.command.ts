import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidInputError, NotFoundError, PRACTICE_ID } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import { FollowUps } from '../jobs/follow-ups.js';
import { PERSISTENCE } from '../tokens.js';

/**
 * Link a contract to the system it speaks for: the way out when its parties matched no system (or the wrong
 * one). Appends `DocumentLinked`; the projection that follows attaches the contract there, so its terms govern
 * that system and the findings and score move with them.
 */
export class LinkDocumentCommand extends Command<{ seq: number }> {
  readonly system: string;
  readonly reason: string | undefined;

  constructor(readonly workspaceId: string, readonly documentId: string, system: unknown, reason: unknown, readonly actor = 'system') {
    super();
    if (typeof system !== 'string' || !system.trim() || system.length > 200) throw new InvalidInputError('a link needs "system": the id of a system of this workspace');
    if (reason !== undefined && reason !== null && typeof reason !== 'string') throw new InvalidInputError('"reason" must be text');
    this.system = system.trim();
    this.reason = typeof reason === 'string' && reason.trim() ? reason.trim().slice(0, 1000) : undefined;
  }
}

@CommandHandler(LinkDocumentCommand)
export class LinkDocumentHandler implements ICommandHandler<LinkDocumentCommand> {
  constructor(@Inject(PERSISTENCE) private readonly db: Persistence, private readonly followUps: FollowUps) {}

  async execute({ workspaceId, documentId, system, reason, actor }: LinkDocumentCommand) {
    const doc = await this.db.documents.get(documentId);
    if (doc.workspaceId !== workspaceId) throw new NotFoundError('document', documentId);
    // Only a read contract has terms to govern a system; a manifest or config already says where it belongs.
    if (doc.type !== 'contract') throw new InvalidInputError(`${doc.fileName} is a ${doc.type.replace(/_/g, ' ')}, not a contract: only contracts are linked to systems`);
    if (doc.status !== 'processed') throw new InvalidInputError(`${doc.fileName} is ${doc.status}${doc.reason ? ` (${doc.reason})` : ''}: only a contract that was read can be linked`);
    const graph = (await this.db.projections.graph(workspaceId))?.graph;
    const target = graph?.systems.find((s) => s.id === system);
    // The practice's own paper is not a vendor's contract: linking it there would make the practice its own vendor.
    if (!target || target.id === PRACTICE_ID) throw new InvalidInputError(`"${system}" is not a vendor system of this workspace`);
    const event = await this.db.events.record(workspaceId, 'DocumentLinked', { documentId, system, ...(reason ? { reason } : {}) }, actor);
    await this.followUps.after('DocumentLinked', event.payload, { workspaceId, seq: event.seq });
    return { seq: event.seq };
  }
}
