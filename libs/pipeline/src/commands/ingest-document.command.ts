import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidInputError, ServiceUnavailableError, type DocumentStatus } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import { prepareForStorage, type PreparedContent } from '@custody/audit';
import { FollowUps } from '../jobs/follow-ups.js';
import { PERSISTENCE } from '../tokens.js';
import { UploadSandbox } from '../sandbox/parse-sandbox.js';

/**
 * Uploads up to this size are scanned in the request (the scan is linear: tens of milliseconds); larger ones
 * in the upload sandbox, so one 50 MB upload cannot hold the event loop every tenant's requests share.
 */
const INLINE_SCAN_BYTES = 256 * 1024;

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
    assertFileName(fileName);
  }
}

/** A document's name: what a stored file may be called (checked when an ingest command is built). */
export function assertFileName(fileName: string): void {
  if (!fileName || fileName.length > 255 || /[\u0000-\u001f]/.test(fileName)) throw new InvalidInputError('a document needs a file name of at most 255 printable characters');
}

/** Scans (and redacts) an upload for storage: small ones in the request, large ones in the upload sandbox. */
export async function scanUpload(uploads: UploadSandbox, bytes: Uint8Array, fileName: string): Promise<PreparedContent> {
  return bytes.length <= INLINE_SCAN_BYTES ? prepareForStorage(bytes, fileName) : uploads.prepare(bytes, fileName);
}

@CommandHandler(IngestDocumentCommand)
export class IngestDocumentHandler implements ICommandHandler<IngestDocumentCommand> {
  private readonly log = new Logger('IngestDocument');

  constructor(@Inject(PERSISTENCE) private readonly db: Persistence, private readonly followUps: FollowUps, private readonly uploads: UploadSandbox) {}

  async execute(cmd: IngestDocumentCommand): Promise<IngestResult> {
    const stored = await scanUpload(this.uploads, cmd.bytes, cmd.fileName);
    const { document, created, event, unfinished } = await this.db.documents.ingest({
      workspaceId: cmd.workspaceId, fileName: cmd.fileName, sha256: stored.sha256, content: stored.content,
      size: cmd.bytes.length, redacted: stored.redacted, redactions: stored.records, actor: cmd.actor, failed: stored.unscannable,
    });
    // After commit, and again for a known but unfinished document. If the process dies right here, or the
    // queue is down, the Reconciler (at boot and every reconcileIntervalMs) enqueues unfinished documents: the
    // document is stored, so the upload is accepted (202) rather than failed with work that was not lost.
    if (document.status === 'received' || document.status === 'processing') {
      await this.followUps.after('DocumentReceived', { documentId: document.id }, { workspaceId: cmd.workspaceId, seq: event?.seq, unfinished }).catch((err: unknown) => {
        if (!(err instanceof ServiceUnavailableError)) throw err;
        this.log.warn(`document ${document.id} stored; its job waits for the queue (${err.message})`);
      });
    }
    return { documentId: document.id, status: document.status, created, sha256: document.sha256 };
  }
}
