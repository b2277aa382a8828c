import { Inject } from '@nestjs/common';
import { Command, CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import type { CustodyConfig } from '@custody/config';
import type { Persistence } from '@custody/persistence';
import { analyzeDocument } from '@custody/audit';
import { FactsExtractedEvent } from '../events/pipeline.events.js';
import type { Runtime } from '../runtime.js';
import { CONFIG, PERSISTENCE, RUNTIME } from '../tokens.js';

/** Reads one stored document into facts or flows. Idempotent: a finished document is left as it is. */
export class ExtractDocumentCommand extends Command<{ workspaceId: string; recorded: boolean }> {
  constructor(readonly documentId: string) {
    super();
  }
}

@CommandHandler(ExtractDocumentCommand)
export class ExtractDocumentHandler implements ICommandHandler<ExtractDocumentCommand> {
  constructor(
    @Inject(PERSISTENCE) private readonly db: Persistence,
    @Inject(CONFIG) private readonly config: CustodyConfig,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly events: EventBus,
  ) {}

  async execute({ documentId }: ExtractDocumentCommand) {
    const doc = await this.db.documents.get(documentId);
    if (doc.status !== 'received' && doc.status !== 'processing') return { workspaceId: doc.workspaceId, recorded: false };
    await this.db.documents.markProcessing(documentId);
    const bytes = await this.db.documents.content(doc.sha256);
    const redactions = await this.db.documents.redactions(doc.workspaceId, documentId);
    const result = await analyzeDocument(bytes, doc.fileName, { maxBytes: this.config.maxUploadBytes, llm: this.config.llm, redactions, vendors: this.runtime.vendors });
    const facts = result.analysis?.type === 'contract' ? result.analysis.extraction.facts : undefined;
    const { recorded, event } = await this.db.documents.recordOutcome(documentId, { ...result, facts });
    if (recorded && event) this.events.publish(new FactsExtractedEvent(doc.workspaceId, documentId, result.status, event.seq));
    return { workspaceId: doc.workspaceId, recorded };
  }
}
