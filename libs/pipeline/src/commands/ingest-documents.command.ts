import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { counted, CustodyError, InvalidInputError, ServiceUnavailableError, safeErrorText, type DocumentStatus } from '@custody/domain';
import type { IngestInput, Persistence } from '@custody/persistence';
import { FollowUps } from '../jobs/follow-ups.js';
import { PERSISTENCE } from '../tokens.js';
import { UploadSandbox } from '../sandbox/parse-sandbox.js';
import { assertFileName, scanUpload } from './ingest-document.command.js';

/** One file of a bulk upload: stored (with the document it is now, or already was), or refused with why. */
export type BulkIngestItem =
  | { fileName: string; documentId: string; status: DocumentStatus; created: boolean; sha256: string }
  | { fileName: string; error: { code: string; message: string } };

export interface BulkIngestResult {
  documents: BulkIngestItem[];
  /** Files stored (new or already known) and files refused. */
  accepted: number;
  refused: number;
}

/**
 * Accepts many documents into a workspace at once (API bulk upload, CLI directory load, dashboard): one
 * transaction and one run of event appends for all of them, their extraction in batch jobs (issue 11). A file
 * that cannot be accepted (a bad name, content that cannot be scanned) is refused alone with its reason; the
 * others are stored.
 */
export class IngestDocumentsCommand extends Command<BulkIngestResult> {
  /** `invalid`: why a file the caller could not read is refused (it is reported in its place, with the others). */
  constructor(readonly workspaceId: string, readonly files: readonly { fileName: string; bytes: Uint8Array; invalid?: string }[], readonly actor = 'system') {
    super();
    if (!files.length) throw new InvalidInputError('a bulk upload needs at least one file');
  }
}

@CommandHandler(IngestDocumentsCommand)
export class IngestDocumentsHandler implements ICommandHandler<IngestDocumentsCommand> {
  private readonly log = new Logger('IngestDocuments');

  constructor(@Inject(PERSISTENCE) private readonly db: Persistence, private readonly followUps: FollowUps, private readonly uploads: UploadSandbox) {}

  async execute({ workspaceId, files, actor }: IngestDocumentsCommand): Promise<BulkIngestResult> {
    const items: (BulkIngestItem | undefined)[] = files.map(() => undefined);
    const inputs: IngestInput[] = [];
    const at: number[] = [];
    for (const [i, { fileName, bytes, invalid }] of files.entries()) {
      try {
        if (invalid) throw new InvalidInputError(invalid);
        assertFileName(fileName);
        const stored = await scanUpload(this.uploads, bytes, fileName);
        inputs.push({ fileName, sha256: stored.sha256, content: stored.content, size: bytes.length, redacted: stored.redacted, redactions: stored.records, failed: stored.unscannable });
        at.push(i);
      } catch (err) {
        // Only what is about this file is its own error; an outage or a bug fails the request, nothing stored.
        if (!(err instanceof CustodyError) || err.retryable) throw err;
        items[i] = { fileName, error: { code: err.code, message: err.message } };
      }
    }
    const { documents, unfinished } = await this.db.documents.ingestMany(workspaceId, inputs, actor);
    documents.forEach(({ document, created }, k) => {
      items[at[k]!] = { fileName: files[at[k]!]!.fileName, documentId: document.id, status: document.status, created, sha256: document.sha256 };
    });
    // After commit: new documents in batch jobs, known unfinished ones their own (deduplicated) job. If the
    // queue is down they are stored and the Reconciler enqueues them: accepted (202), nothing lost.
    const fresh = documents.filter((d) => d.created && d.document.status === 'received').map((d) => d.document.id);
    // A known document that is unfinished gets its own job, once; a file repeated within this upload is already
    // in a batch job (its first copy) and is not queued a second time.
    const resumed = new Set(documents.filter((d) => !d.created && (d.document.status === 'received' || d.document.status === 'processing')).map((d) => d.document.id));
    for (const id of fresh) resumed.delete(id);
    try {
      await this.followUps.afterBulkIngest(workspaceId, fresh, unfinished);
      for (const documentId of resumed) await this.followUps.after('DocumentReceived', { documentId }, { workspaceId });
    } catch (err) {
      if (!(err instanceof ServiceUnavailableError)) throw err;
      this.log.warn(`${counted(fresh.length + resumed.size, 'document')} stored; their jobs wait for the queue (${safeErrorText(err)})`);
    }
    const refused = items.filter((x) => x && 'error' in x).length;
    return { documents: items as BulkIngestItem[], accepted: files.length - refused, refused };
  }
}
