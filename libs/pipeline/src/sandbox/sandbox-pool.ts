import { createHash } from 'node:crypto';
import type { PreparedContent } from '@custody/audit';
import { CustodyError } from '@custody/domain';
import { analysisOf, reasonOf, type SandboxAnalysis, type SandboxOptions, type SandboxRun } from './sandbox-analysis.js';
import { MAX_RUNS_PER_PROCESS, type SandboxLimits } from './sandbox-limits.js';
import { SandboxProcess, type DocumentInput, type RunOutcome, type RunRequest } from './sandbox-process.js';

/** What the sandbox has done since start: for health, logs and the hostile bench. */
export interface SandboxStats {
  spawned: number;
  documents: number;
  stopped: Record<'timeout' | 'too_large' | 'too_complex' | 'crashed', number>;
  /** Highest resident memory of any one sandbox process, in MB. */
  peakRssMb: number;
}

/**
 * Reads documents in a pool of sandbox processes with budgets (see SandboxProcess): every format detection,
 * decode, parse and extraction of an uploaded document runs there, none in the worker or API process. A
 * document over budget becomes a `failed` outcome whose reason starts with the budget it broke
 * (`too_large`, `too_complex`, `timeout`), its process is replaced, and the caller goes on to its next job.
 *
 * Processes rather than worker threads: `resourceLimits` bound only a thread's V8 heap, while pdf.js and
 * zlib allocate ArrayBuffers outside it, and a process-wide out-of-memory would take the worker with it.
 * A process's resident memory can be watched and the process killed alone.
 */
export class SandboxPool {
  private readonly idle: SandboxProcess[] = [];
  private readonly all = new Set<SandboxProcess>();
  private readonly waiting: { resolve: (p: SandboxProcess) => void; reject: (e: Error) => void }[] = [];
  private closed = false;
  readonly stats: SandboxStats = { spawned: 0, documents: 0, stopped: { timeout: 0, too_large: 0, too_complex: 0, crashed: 0 }, peakRssMb: 0 };

  constructor(readonly limits: SandboxLimits) {}

  /**
   * Analyses one document in a sandbox; never throws for anything the document does. `input` may be a stream
   * of pieces (a stored blob read chunk by chunk): it goes to the sandbox as it is read; an error it throws
   * (the blob failed its integrity check) is thrown here, and nothing of it is parsed.
   */
  async analyze(input: DocumentInput, fileName: string, opts: SandboxOptions = {}): Promise<SandboxAnalysis> {
    const { outcome, sandbox } = await this.runOne(this.analyzeRequest(fileName, opts), input);
    return analysisOf(fileName, outcome, sandbox);
  }

  /**
   * Analyses documents held in memory (a batch's small blobs) in one sandbox process, with one request for
   * all rather than a round trip each (SandboxProcess.runMany); one result per document, in order, as
   * `analyze` gives it. A document over a budget fails alone; the documents after it, which the killed process
   * never read, are read in another one.
   */
  async analyzeMany(docs: readonly { bytes: Uint8Array; fileName: string; opts?: SandboxOptions }[]): Promise<SandboxAnalysis[]> {
    const results: SandboxAnalysis[] = [];
    let todo = docs.map((_, i) => i);
    const reread = new Set<number>();
    let exitedRetry = false;
    // Every round settles at least its first document (the one a process dies on gets that outcome, or is read
    // once more if the process died with no budget to blame: a second death is its outcome).
    while (todo.length) {
      const proc = await this.acquire();
      let outcomes: Awaited<ReturnType<SandboxProcess['runMany']>>;
      try {
        outcomes = await proc.runMany(todo.map((i) => ({ req: this.analyzeRequest(docs[i]!.fileName, docs[i]!.opts), input: docs[i]!.bytes })));
      } catch (err) {
        // Handed out after it exited (see runOne): nothing was sent; once more in another process.
        if (!exitedRetry && exitedBeforeSend(proc, err)) {
          exitedRetry = true;
          continue;
        }
        throw err;
      } finally {
        this.release(proc);
      }
      const left: number[] = [];
      todo.forEach((i, k) => {
        const outcome = outcomes[k];
        if (outcome && !outcome.ok && outcome.died && !reread.has(i)) {
          reread.add(i);
          left.push(i);
        } else if (outcome) results[i] = analysisOf(docs[i]!.fileName, outcome, this.counted(outcome, proc));
        else left.push(i);
      });
      todo = left;
    }
    return results;
  }

  private analyzeRequest(fileName: string, opts: SandboxOptions = {}): RunRequest {
    return { op: 'analyze', fileName, options: { ...opts, maxInflatedBytes: this.limits.maxInflatedBytes, maxPages: this.limits.maxPages, maxDeclarations: this.limits.maxDeclarations } };
  }

  /**
   * prepareForStorage (hash, decode, redact) in a sandbox, so a 50 MB upload's scan does not hold the API's
   * event loop. Fails closed: a scan stopped by a budget stores nothing readable (`unscannable`).
   */
  async prepare(bytes: Uint8Array, fileName: string): Promise<PreparedContent> {
    const { outcome } = await this.runOne({ op: 'prepare', fileName }, bytes);
    if (outcome.ok) {
      const p = outcome.result as PreparedContent;
      // Structured clone turns a Buffer into a Uint8Array.
      return { ...p, content: Buffer.from(p.content.buffer, p.content.byteOffset, p.content.byteLength) };
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { sha256, content: Buffer.alloc(0), redacted: false, redactions: 0, records: [], unscannable: `${reasonOf(fileName, outcome)} (not stored: it could not be scanned for secrets)` };
  }

  private async runOne(req: RunRequest, input: DocumentInput): Promise<{ outcome: RunOutcome; sandbox: SandboxRun }> {
    for (let round = 1; ; round++) {
      const proc = await this.acquire();
      let outcome: RunOutcome;
      try {
        outcome = await proc.run(req, input);
      } catch (err) {
        // Handed out after it exited, before its exit was noticed: nothing was sent (a stream is unread), so
        // another process takes the document rather than the caller getting the process's end as its error.
        if (round === 1 && exitedBeforeSend(proc, err)) continue;
        throw err;
      } finally {
        this.release(proc);
      }
      // A process that died with no budget to blame gets the document read once more, when its bytes are at
      // hand (a stream, already consumed, cannot be sent again).
      if (!outcome.ok && outcome.died && round === 1 && input instanceof Uint8Array) continue;
      return { outcome, sandbox: this.counted(outcome, proc) };
    }
  }

  /** Counts one document's outcome in the stats; where and how long it ran. */
  private counted(outcome: RunOutcome, proc: SandboxProcess): SandboxRun {
    this.stats.documents++;
    this.stats.peakRssMb = Math.max(this.stats.peakRssMb, outcome.peakRssMb);
    if (!outcome.ok) this.stats.stopped[outcome.kind]++;
    return { ms: Math.round(outcome.ms), peakRssMb: outcome.peakRssMb, pid: proc.pid };
  }

  /**
   * Starts the pool's processes now rather than on first use: measured on this project's 2-core CI box under
   * load, a cold start (spawn + loading the parsers) took ~20 s median against ~0.1 s for a warm document.
   * Resolves once each process started now is ready or has failed to start (never rejects): a job processor
   * waits for it before it takes jobs, so a worker just started does not take documents it cannot read yet
   * while a warm worker could.
   */
  warm(): Promise<void> {
    const starting: Promise<void>[] = [];
    while (!this.closed && this.all.size < this.capacity) starting.push(this.spawn().ready);
    return Promise.allSettled(starting).then(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.all) p.stop();
    this.all.clear();
    this.idle.length = 0;
    for (const w of this.waiting.splice(0)) w.reject(new Error('the parsing sandbox is closed'));
  }

  /** Processes ready and waiting for a document. */
  get idleCount(): number {
    return this.idle.length;
  }

  private get capacity(): number {
    return this.limits.poolSize + (this.limits.spare ?? 0);
  }

  /**
   * A ready process: an idle one, else the first to become free or ready. A document is never tied to one
   * process's cold start: a busy process that finishes first serves it (bench:hostile, before: Quiet's good
   * document waited 5.3-6.9 s in its sandbox stage, ~0.2 s warm, each time the case before it had been killed
   * over a budget and the replacement started on demand).
   */
  private async acquire(): Promise<SandboxProcess> {
    if (this.closed) throw new Error('the parsing sandbox is closed');
    const p = this.idle.pop();
    if (p) return p;
    if (this.all.size < this.capacity) this.spawn();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Starts a process; it joins the idle ones (or serves a waiting document) once ready. */
  private spawn(): SandboxProcess {
    const p = new SandboxProcess(this.limits, (gone) => this.forget(gone));
    this.all.add(p);
    this.stats.spawned++;
    // A start that fails or hangs ends the process; forget (on its exit) answers a waiting document.
    p.ready.then(() => this.offer(p), () => p.stop());
    return p;
  }

  private offer(p: SandboxProcess): void {
    if (this.closed || p.exited || p.stopped) return;
    const next = this.waiting.shift();
    if (next) next.resolve(p);
    else this.idle.push(p);
  }

  private release(p: SandboxProcess): void {
    // A process that was stopped, kept too much memory, or has read its share is replaced rather than reused.
    const retireRssMb = this.limits.retireRssMb ?? this.limits.rssMb / 2;
    if (p.exited || p.stopped || p.lastRssMb > retireRssMb || p.runs >= (this.limits.maxRunsPerProcess ?? MAX_RUNS_PER_PROCESS)) {
      p.stop();
      this.forget(p);
      return;
    }
    this.offer(p);
  }

  /**
   * Drops a process that is gone (killed over a budget, crashed, retired) and starts its replacement at once,
   * not on the next document's demand. A process that never became ready is not replaced: a waiting document
   * gets a retryable error instead, so a sandbox that cannot start fails jobs (retried later) rather than
   * respawning in a loop.
   */
  private forget(p: SandboxProcess): void {
    if (!this.all.delete(p)) return;
    const i = this.idle.indexOf(p);
    if (i >= 0) this.idle.splice(i, 1);
    if (this.closed) return;
    if (!p.started) {
      this.waiting.shift()?.reject(new CustodyError('sandbox_unavailable', 'the parsing sandbox did not start', {}, true));
      return;
    }
    if (this.all.size < this.capacity) this.spawn();
  }
}

/**
 * Whether `err` is SandboxProcess.runMany refusing a process that had already exited when it was handed out: thrown
 * before anything was sent, so the documents can go to another process (runOne and analyzeMany both retry once).
 */
function exitedBeforeSend(proc: SandboxProcess, err: unknown): boolean {
  return proc.exited && err instanceof CustodyError && err.code === 'sandbox_unavailable';
}
