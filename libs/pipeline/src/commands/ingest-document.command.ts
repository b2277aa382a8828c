import { Inject } from '@nestjs/common';
import { Command, CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidInputError, type DocumentStatus } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import { prepareForStorage } from '@custody/audit';
import { DocumentReceivedEvent } from '../events/pipeline.events.js';
import { JobQueue } from '../jobs/job-queue.js';
import { JobName } from '../jobs/job-catalogue.js';
import { PERSISTENCE } from '../tokens.js';

export interface IngestResult {
  documentId: string;
  status: DocumentStatus;
  created: boolean;
  sha256: string;
}

/** Accepts a document into a workspace (API upload, CLI, webhook). Validated when built. */
export class IngestDocumentCommand extends Command<IngestResult> {
  constructor(readonly workspaceId: string, readonly fileName: string, readonly bytes: Uint8Array, readonly actor = 'system') {
    super();
    if (!fileName || fileName.length > 255 || /[\u0000-\u001f]/.test(fileName)) throw new InvalidInputError('a document needs a file name of at most 255 printable characters');
  }
}

@CommandHandler(IngestDocumentCommand)
export class IngestDocumentHandler implements ICommandHandler<IngestDocumentCommand> {
  constructor(@Inject(PERSISTENCE) private readonly db: Persistence, private readonly jobs: JobQueue, private readonly events: EventBus) {}

  async execute(cmd: IngestDocumentCommand): Promise<IngestResult> {
    const stored = prepareForStorage(cmd.bytes, cmd.fileName);
    const { document, created, event } = await this.db.documents.ingest({
      workspaceId: cmd.workspaceId, fileName: cmd.fileName, sha256: stored.sha256, content: stored.content,
      size: cmd.bytes.length, redacted: stored.redacted, redactions: stored.records, actor: cmd.actor, failed: stored.unscannable,
    });
    // After commit. If the process dies right here, the boot-time reconcile re-enqueues unfinished documents.
    if (document.status === 'received' || document.status === 'processing') {
      await this.jobs.add(JobName.Extract, { documentId: document.id });
    }
    if (created && event) this.events.publish(new DocumentReceivedEvent(cmd.workspaceId, document.id, event.seq));
    return { documentId: document.id, status: document.status, created, sha256: document.sha256 };
  }
}
