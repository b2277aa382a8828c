import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CustodyConfig } from '@custody/config';
import type { Persistence } from '@custody/persistence';
import type { Runtime } from '../runtime.js';
import { ParseSandbox } from '../sandbox/parse-sandbox.js';
import { CONFIG, PERSISTENCE, RUNTIME } from '../tokens.js';

export interface ExtractOutcome {
  workspaceId: string;
  recorded: boolean;
  /** The event that stands for this document's outcome (also when an earlier run recorded it). */
  event: 'FactsExtracted' | 'DocumentRejected';
  seq?: number;
  /** Where this run's time went, in ms (absent when the document was already finished): for the stage log. */
  stages?: { load: number; sandbox: number; record: number };
}

/** Reads one stored document into facts or flows. Idempotent: a finished document is left as it is. */
export class ExtractDocumentCommand extends Command<ExtractOutcome> {
  constructor(readonly documentId: string) {
    super();
  }
}

@CommandHandler(ExtractDocumentCommand)
export class ExtractDocumentHandler implements ICommandHandler<ExtractDocumentCommand> {
  private readonly log = new Logger('ExtractDocument');

  constructor(
    private readonly sandbox: ParseSandbox,
    @Inject(PERSISTENCE) private readonly db: Persistence,
    @Inject(CONFIG) private readonly config: CustodyConfig,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async execute({ documentId }: ExtractDocumentCommand): Promise<ExtractOutcome> {
    const t0 = performance.now();
    // Marked processing and read in one round trip; a document already finished (a retried job) is left as it is.
    const doc = await this.db.documents.startProcessing(documentId);
    if (!doc) {
      const done = await this.db.documents.get(documentId);
      return { workspaceId: done.workspaceId, recorded: false, event: done.status === 'processed' ? 'FactsExtracted' : 'DocumentRejected' };
    }
    // Only bytes that had secrets removed have redaction records (prepareForStorage): others skip the lookup.
    const redactions = doc.redacted ? await this.db.documents.redactions(doc.workspaceId, documentId) : [];
    // Read in a sandbox process with budgets: a hostile document fails alone (too_large, too_complex,
    // timeout) and this worker goes on to its next job.
    const t1 = performance.now();
    // The blob is streamed from the database to the sandbox in chunks: this process never holds it whole.
    const { sandbox, ...result } = await this.sandbox.analyze(this.db.documents.contentChunks(doc.sha256, undefined, doc.blob), doc.fileName, { maxBytes: this.config.maxUploadBytes, llm: this.config.llm, redactions, vendors: this.runtime.vendors });
    const budget = /: (too_large|too_complex|timeout):/.exec(result.reason ?? '')?.[1];
    // The id and the budget only: a file name or reason can carry client details.
    if (budget) this.log.warn(`document ${documentId} over its parsing budget (${budget}) after ${sandbox.ms} ms, sandbox peak ${sandbox.peakRssMb} MB`);
    const t2 = performance.now();
    // The analysis arrives serialised and is sealed as it is; the projection input (derived in the sandbox) is
    // stored beside it, so a re-audit reads the bounded input.
    const { recorded, event } = await this.db.documents.recordOutcome(documentId, result);
    const stages = { load: Math.round(t1 - t0), sandbox: Math.round(t2 - t1), record: Math.round(performance.now() - t2) };
    return { workspaceId: doc.workspaceId, recorded, event: result.status === 'processed' ? 'FactsExtracted' : 'DocumentRejected', seq: event?.seq, stages };
  }
}
