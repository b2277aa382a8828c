import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CustodyConfig } from '@custody/config';
import { isDatabaseUnavailable, type AnalysisOutcome, type Persistence, type StartedDocument } from '@custody/persistence';
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

/** One document of a batch: its outcome, or the error that kept it from one (the caller decides its fate). */
export type BatchItemOutcome = { documentId: string } & ({ outcome: ExtractOutcome } | { error: unknown });

/** Reads one stored document into facts or flows. Idempotent: a finished document is left as it is. */
export class ExtractDocumentCommand extends Command<ExtractOutcome> {
  constructor(readonly documentId: string) {
    super();
  }
}

/**
 * Reads a batch of stored documents (a bulk upload's extraction job), one after the other in the sandbox, with
 * the database work done once per batch rather than per document (issue 11): one round trip marks them all
 * processing, and their outcomes are recorded together (see `Extraction.run`). Never throws for one
 * document: each gets its outcome or its error.
 */
export class ExtractDocumentsCommand extends Command<BatchItemOutcome[]> {
  constructor(readonly documentIds: readonly string[]) {
    super();
  }
}

/**
 * Analyses held before their outcomes are recorded, in bytes of serialised analysis: a batch of large
 * documents records in several transactions rather than holding sixteen 40 MB analyses at once.
 */
const RECORD_BATCH_BYTES = 8 * 1024 * 1024;

type Analysed = { documentId: string; workspaceId: string; outcome: AnalysisOutcome; stages: { load: number; sandbox: number } };

/** The extraction of one or more documents, shared by both commands' handlers. */
class Extraction {
  private readonly log = new Logger('ExtractDocument');

  constructor(private readonly sandbox: ParseSandbox, private readonly db: Persistence, private readonly config: CustodyConfig, private readonly runtime: Runtime) {}

  async run(documentIds: readonly string[]): Promise<BatchItemOutcome[]> {
    const t0 = performance.now();
    // Marked processing and read in one round trip; a document already finished (a retried job) is left as it is.
    const started = await this.db.documents.startProcessingMany(documentIds);
    const results = new Map<string, BatchItemOutcome>();
    let pending: Analysed[] = [];
    let pendingBytes = 0;
    let loadStart = t0;
    for (const documentId of documentIds) {
      if (results.has(documentId)) continue;
      const doc = started.get(documentId);
      try {
        if (!doc) {
          const done = await this.db.documents.get(documentId);
          results.set(documentId, { documentId, outcome: { workspaceId: done.workspaceId, recorded: false, event: done.status === 'processed' ? 'FactsExtracted' : 'DocumentRejected' } });
          continue;
        }
        const analysed = await this.analyse(documentId, doc, loadStart);
        pending.push(analysed);
        pendingBytes += analysed.outcome.analysisJson?.length ?? 0;
      } catch (err) {
        results.set(documentId, { documentId, error: err });
      }
      if (pendingBytes >= RECORD_BATCH_BYTES) {
        await this.record(pending, results);
        pending = [];
        pendingBytes = 0;
      }
      loadStart = performance.now();
    }
    await this.record(pending, results);
    return documentIds.filter((id, i) => documentIds.indexOf(id) === i).map((id) => results.get(id)!);
  }

  private async analyse(documentId: string, doc: StartedDocument, t0: number): Promise<Analysed> {
    // Only bytes that had secrets removed have redaction records (prepareForStorage): others skip the lookup.
    const redactions = doc.redacted ? await this.db.documents.redactions(doc.workspaceId, documentId) : [];
    // Read in a sandbox process with budgets: a hostile document fails alone (too_large, too_complex,
    // timeout) and this worker goes on to its next document.
    const t1 = performance.now();
    // The blob is streamed from the database to the sandbox in chunks: this process never holds it whole.
    const { sandbox, ...outcome } = await this.sandbox.analyze(this.db.documents.contentChunks(doc.sha256, undefined, doc.blob), doc.fileName, { maxBytes: this.config.maxUploadBytes, llm: this.config.llm, redactions, vendors: this.runtime.vendors });
    const budget = /: (too_large|too_complex|timeout):/.exec(outcome.reason ?? '')?.[1];
    // The id and the budget only: a file name or reason can carry client details.
    if (budget) this.log.warn(`document ${documentId} over its parsing budget (${budget}) after ${sandbox.ms} ms, sandbox peak ${sandbox.peakRssMb} MB`);
    return { documentId, workspaceId: doc.workspaceId, outcome, stages: { load: Math.round(t1 - t0), sandbox: Math.round(performance.now() - t1) } };
  }

  /**
   * Records the analysed documents' outcomes in one transaction. If that fails for a reason other than the
   * database being down (one document's row refused), each is recorded alone, so only that one gets the error.
   */
  private async record(pending: readonly Analysed[], results: Map<string, BatchItemOutcome>): Promise<void> {
    if (!pending.length) return;
    const t = performance.now();
    let recorded: Map<string, { recorded: boolean; event?: { seq: number } }>;
    try {
      recorded = await this.db.documents.recordOutcomes(pending.map(({ documentId: id, outcome }) => ({ id, outcome })));
    } catch (err) {
      if (isDatabaseUnavailable(err) || pending.length === 1) {
        for (const a of pending) results.set(a.documentId, { documentId: a.documentId, error: err });
        return;
      }
      recorded = new Map();
      for (const a of pending) {
        try {
          recorded.set(a.documentId, await this.db.documents.recordOutcome(a.documentId, a.outcome));
        } catch (one) {
          results.set(a.documentId, { documentId: a.documentId, error: one });
        }
      }
    }
    const ms = Math.round(performance.now() - t);
    for (const a of pending) {
      const r = recorded.get(a.documentId);
      if (!r) continue;
      results.set(a.documentId, { documentId: a.documentId, outcome: { workspaceId: a.workspaceId, recorded: r.recorded, event: a.outcome.status === 'processed' ? 'FactsExtracted' : 'DocumentRejected', seq: r.event?.seq, stages: { ...a.stages, record: ms } } });
    }
  }
}

@CommandHandler(ExtractDocumentCommand)
export class ExtractDocumentHandler implements ICommandHandler<ExtractDocumentCommand> {
  private readonly extraction: Extraction;

  constructor(sandbox: ParseSandbox, @Inject(PERSISTENCE) db: Persistence, @Inject(CONFIG) config: CustodyConfig, @Inject(RUNTIME) runtime: Runtime) {
    this.extraction = new Extraction(sandbox, db, config, runtime);
  }

  async execute({ documentId }: ExtractDocumentCommand): Promise<ExtractOutcome> {
    const [result] = await this.extraction.run([documentId]);
    if ('error' in result!) throw result.error;
    return result!.outcome;
  }
}

@CommandHandler(ExtractDocumentsCommand)
export class ExtractDocumentsHandler implements ICommandHandler<ExtractDocumentsCommand> {
  private readonly extraction: Extraction;

  constructor(sandbox: ParseSandbox, @Inject(PERSISTENCE) db: Persistence, @Inject(CONFIG) config: CustodyConfig, @Inject(RUNTIME) runtime: Runtime) {
    this.extraction = new Extraction(sandbox, db, config, runtime);
  }

  execute({ documentIds }: ExtractDocumentsCommand): Promise<BatchItemOutcome[]> {
    return this.extraction.run(documentIds);
  }
}
