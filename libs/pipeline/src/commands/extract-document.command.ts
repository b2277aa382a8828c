import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CustodyConfig } from '@custody/config';
import { isDatabaseUnavailable, type AnalysisOutcome, type Persistence, type StartedDocument } from '@custody/persistence';
import type { Runtime } from '../runtime.js';
import { ParseSandbox, type SandboxAnalysis, type SandboxOptions } from '../sandbox/parse-sandbox.js';
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
/** A document ready for the sandbox: its bytes in memory and its options. */
type Loaded = { documentId: string; doc: StartedDocument; opts: SandboxOptions; bytes: Buffer; loadMs: number };

/**
 * Bytes of documents sent to one sandbox process in one request (analyzeMany): the process holds them all
 * until read, so a batch of 1 MB blobs goes in a few requests.
 */
const GROUP_BYTES = 4 * 1024 * 1024;

/** The extraction of one or more documents, shared by both commands' handlers. */
class Extraction {
  private readonly log = new Logger('ExtractDocument');

  constructor(private readonly sandbox: ParseSandbox, private readonly db: Persistence, private readonly config: CustodyConfig, private readonly runtime: Runtime) {}

  async run(documentIds: readonly string[]): Promise<BatchItemOutcome[]> {
    const unique = [...new Set(documentIds)];
    // Marked processing and read in one round trip; a document already finished (a retried job) is left as it is.
    const started = await this.db.documents.startProcessingMany(unique);
    const results = new Map<string, BatchItemOutcome>();
    const pending: Analysed[] = [];
    let pendingBytes = 0;
    const analysed = async (done: Analysed[]) => {
      pending.push(...done);
      pendingBytes += done.reduce((n, a) => n + (a.outcome.analysisJson?.length ?? 0), 0);
      if (pendingBytes < RECORD_BATCH_BYTES) return;
      await this.record(pending.splice(0), results);
      pendingBytes = 0;
    };
    // Documents whose blobs came whole with startProcessing (most) go to one sandbox process together, up to
    // GROUP_BYTES a request; a larger one is streamed to the sandbox on its own.
    const group: Loaded[] = [];
    let groupBytes = 0;
    const flushGroup = async () => {
      const batch = group.splice(0);
      groupBytes = 0;
      if (!batch.length) return;
      let done: Analysed[];
      try {
        done = await this.analyseMany(batch);
      } catch (err) {
        // The sandbox could not start (a retryable error): each of the group's documents gets it.
        for (const l of batch) results.set(l.documentId, { documentId: l.documentId, error: err });
        return;
      }
      await analysed(done);
    };
    for (const documentId of unique) {
      const doc = started.get(documentId);
      const t0 = performance.now();
      try {
        if (!doc) {
          const done = await this.db.documents.get(documentId);
          results.set(documentId, { documentId, outcome: { workspaceId: done.workspaceId, recorded: false, event: done.status === 'processed' ? 'FactsExtracted' : 'DocumentRejected' } });
          continue;
        }
        if (!doc.blob?.c) {
          await flushGroup();
          await analysed([await this.analyse(documentId, doc, t0)]);
          continue;
        }
        const loaded = await this.load(documentId, doc, t0);
        group.push(loaded);
        groupBytes += loaded.bytes.length;
      } catch (err) {
        results.set(documentId, { documentId, error: err });
      }
      if (groupBytes >= GROUP_BYTES) await flushGroup();
    }
    await flushGroup();
    await this.record(pending, results);
    return unique.map((id) => results.get(id)!);
  }

  /** What the sandbox is given of a document: its redactions' lookup (only when it has any) and its options. */
  private async options(documentId: string, doc: StartedDocument): Promise<SandboxOptions> {
    // Only bytes that had secrets removed have redaction records (prepareForStorage): others skip the lookup.
    const redactions = doc.redacted ? await this.db.documents.redactions(doc.workspaceId, documentId) : [];
    return { maxBytes: this.config.maxUploadBytes, llm: this.config.llm, redactions, vendors: this.runtime.vendors };
  }

  /** A document whose blob came whole with startProcessing, opened (and checked) in memory. */
  private async load(documentId: string, doc: StartedDocument, t0: number): Promise<Loaded> {
    const opts = await this.options(documentId, doc);
    const pieces: Buffer[] = [];
    for await (const piece of this.db.documents.contentChunks(doc.sha256, undefined, doc.blob)) pieces.push(piece);
    return { documentId, doc, opts, bytes: pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces), loadMs: Math.round(performance.now() - t0) };
  }

  /** Reads loaded documents in one sandbox request (ParseSandbox.analyzeMany); one outcome each. */
  private async analyseMany(group: readonly Loaded[]): Promise<Analysed[]> {
    const read = await this.sandbox.analyzeMany(group.map((l) => ({ bytes: l.bytes, fileName: l.doc.fileName, opts: l.opts })));
    return group.map((l, k) => this.analysed(l.documentId, l.doc, read[k]!, l.loadMs));
  }

  private async analyse(documentId: string, doc: StartedDocument, t0: number): Promise<Analysed> {
    const opts = await this.options(documentId, doc);
    const t1 = performance.now();
    // Read in a sandbox process with budgets: a hostile document fails alone (too_large, too_complex,
    // timeout) and this worker goes on to its next document. The blob is streamed from the database to the
    // sandbox in chunks: this process never holds it whole.
    const read = await this.sandbox.analyze(this.db.documents.contentChunks(doc.sha256, undefined, doc.blob), doc.fileName, opts);
    return this.analysed(documentId, doc, read, Math.round(t1 - t0));
  }

  private analysed(documentId: string, doc: StartedDocument, { sandbox, ...outcome }: SandboxAnalysis, loadMs: number): Analysed {
    const budget = /: (too_large|too_complex|timeout):/.exec(outcome.reason ?? '')?.[1];
    // The id and the budget only: a file name or reason can carry client details.
    if (budget) this.log.warn(`document ${documentId} over its parsing budget (${budget}) after ${sandbox.ms} ms, sandbox peak ${sandbox.peakRssMb} MB`);
    return { documentId, workspaceId: doc.workspaceId, outcome, stages: { load: loadMs, sandbox: sandbox.ms } };
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
