import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { CustodyError, type BudgetKind } from '@custody/domain';
import { checkBudget, DEFAULT_WALL_FACTOR, processCpuMs } from './cpu-budget.js';
import { DATA_FD, WARM_UP_ARG, type SandboxReply, type SandboxRequest } from './sandbox-protocol.js';

/** A document's bytes: in memory, or streamed in pieces (a stored blob read chunk by chunk). */
export type DocumentInput = Uint8Array | AsyncIterable<Uint8Array>;
/** Pieces written to the data pipe at a time: a 50 MB upload held in memory is still sent in slices. */
const WRITE_SLICE = 1024 * 1024;

export interface ProcessLimits {
  /**
   * CPU time (ms, all the process's threads) one document may use; then the process is killed. Where CPU time
   * cannot be read (no /proc: not Linux) it is wall time, as it was before (cpu-budget.ts says why CPU).
   */
  timeoutMs: number;
  /**
   * Wall-clock backstop, as a multiple of timeoutMs (default DEFAULT_WALL_FACTOR): a process blocked without
   * using CPU is killed past it, whatever CPU it used.
   */
  wallFactor?: number;
  /** V8 heap (`--max-old-space-size`): a parse that needs more ends the process with a heap OOM. */
  heapMb: number;
  /** Resident memory, ArrayBuffers and native buffers included (the heap limit does not see those). */
  rssMb: number;
  /**
   * Read built-in sample documents before saying ready (sandbox-child's warmUp), so the first real documents
   * do not pay for compiling the extraction code: measured 234 ms then 62 ms for the first two 4 KB BAAs of a
   * fresh process against ~1 ms after, ×10 or more on a loaded machine. For the extraction pool, not for the
   * upload scan (which never analyses).
   */
  warmUp?: boolean;
}

/** How one document's run ended: the analysis, or the budget that stopped it. */
export type RunOutcome =
  | { ok: true; result: unknown; ms: number; peakRssMb: number }
  | {
    ok: false;
    kind: BudgetKind | 'crashed';
    detail: string;
    ms: number;
    peakRssMb: number;
    /**
     * The process died while reading with no budget to blame (killed from outside, a native crash, or gone
     * while idle before its exit was noticed): nothing says the document did it, so the pool reads it once more.
     */
    died?: true;
  };

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
/** Documents sent to a process and not yet answered (SandboxProcess.current). */
interface Batch { items: { id: number; resolve: (o: RunOutcome | undefined) => void }[]; started: number; cpuAtStart?: number; sent: boolean; timer?: NodeJS.Timeout; watch?: NodeJS.Timeout; killedFor?: { kind: BudgetKind; detail: string } }

/** One document's request without what the process assigns (its id, and its size once sent). */
export type RunRequest = DistributiveOmit<SandboxRequest, 'id' | 'size'>;

/**
 * `CUSTODY_SANDBOX_CPU_PROF_DIR`: each sandbox process writes a V8 CPU profile there when it exits (a profiling
 * aid, e.g. with test/bench/support/profile-pipeline.ts; the parent's own --cpu-prof does not reach it).
 */
function profiling(): string[] {
  const dir = process.env.CUSTODY_SANDBOX_CPU_PROF_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/** The regexp tiering extraction would set at load (text/regexp-tier.ts), given at start: V8 flags are not for run time. */
export const REGEXP_NATIVE = '--no-regexp-tier-up';

/** How often a busy process's resident memory is read (from /proc; Linux) while it works. */
const WATCH_MS = 25;
/** How long a start may take before it is given up: ~20 s median cold on a loaded 2-core box; 60 s once failed in CI. */
const SPAWN_TIMEOUT_MS = 120_000;

/**
 * One forked sandbox process (sandbox-child). From TypeScript sources (tests, benches) it runs under tsx;
 * built, it is plain JS. The environment it gets has no NODE_OPTIONS, so a parent's flags (e.g. a larger
 * --max-old-space-size) cannot lift its heap limit.
 */
export class SandboxProcess {
  private readonly child: ChildProcess;
  /** Resolves once the process has loaded its parsers; rejects if it exits or does not start in time. */
  readonly ready: Promise<void>;
  private stderrTail = '';
  /**
   * The documents sent and not yet answered, in the order the process reads them: the first is the one being
   * read, whose time budget runs from the previous answer (or from the request). A document left when the
   * process dies was never started: it resolves `undefined` (not run), for the pool to send elsewhere.
   */
  private current?: Batch;
  private nextId = 1;
  /** Highest resident memory seen while this process worked, in MB. */
  peakRssMb = 0;
  /** Resident memory when it last answered, in MB: what it keeps between documents (the pool retires it when high). */
  lastRssMb = 0;
  runs = 0;
  exited = false;
  stopped = false;
  /** Became ready once (its replacement can be started eagerly without risking a respawn loop). */
  started = false;

  constructor(private readonly limits: ProcessLimits, onGone: (p: SandboxProcess) => void) {
    const here = import.meta.url;
    const ts = here.endsWith('.ts');
    const entry = fileURLToPath(new URL(`./sandbox-child.${ts ? 'ts' : 'js'}`, here));
    const { NODE_OPTIONS: _drop, ...env } = process.env;
    this.child = fork(entry, limits.warmUp ? [WARM_UP_ARG] : [], {
      execArgv: [`--max-old-space-size=${limits.heapMb}`, '--max-semi-space-size=16', REGEXP_NATIVE, ...(ts ? ['--import', 'tsx'] : []), ...profiling()],
      serialization: 'advanced',
      // fd DATA_FD carries documents' bytes (sandbox-protocol): streamed, not one large IPC message.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc', 'pipe'],
      env,
    });
    // Only the tail is kept, to recognise V8's out-of-memory report; it is never logged (it may quote input).
    this.child.stderr?.on('data', (d: Buffer) => (this.stderrTail = (this.stderrTail + d.toString('utf8')).slice(-4096)));
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new CustodyError('sandbox_unavailable', 'the parsing sandbox did not start in time', {}, true)), SPAWN_TIMEOUT_MS);
      this.child.once('message', (m: SandboxReply) => {
        clearTimeout(timer);
        if (m.type === 'ready') {
          this.started = true;
          resolve();
        }
        else reject(new CustodyError('sandbox_unavailable', 'the parsing sandbox sent an unexpected first message', {}, true));
      });
      this.child.once('exit', () => {
        clearTimeout(timer);
        reject(new CustodyError('sandbox_unavailable', 'the parsing sandbox exited while starting', {}, true));
      });
    });
    this.ready.catch(() => undefined);
    // EPIPE when the process is killed mid-document: its exit handler reports the outcome.
    this.data.on('error', () => undefined);
    this.child.on('message', (m: SandboxReply) => this.onMessage(m));
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.onExit(code, signal);
      onGone(this);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get busy(): boolean {
    return this.current !== undefined;
  }

  /**
   * Reads one document; resolves with its outcome whatever happens to the process (never rejects once the
   * bytes are sent). The bytes are streamed on the data pipe first; the request follows only once all were
   * read, so a streamed input that fails at its end (a blob that fails its integrity check) is never parsed:
   * the error is thrown and the process, holding a partial document, is replaced.
   */
  async run(req: RunRequest, input: DocumentInput): Promise<RunOutcome> {
    const [outcome] = await this.runMany([{ req, input }]);
    // One document is the first of its batch: the first always gets an outcome (see `current`).
    return outcome!;
  }

  /**
   * Reads several documents, one after the other, with one request for all (issue 11: a batch's documents
   * do not each wait for a round trip to the worker): every document's bytes go on the data pipe, then one
   * message lists them. Each keeps its own time budget and outcome; the memory budget is watched
   * throughout. If the process is killed over one document's budget (or crashes), the documents read before it
   * keep their outcomes, that one gets the budget's, and those after it resolve `undefined`: not run, nothing
   * lost — the pool reads them in another process.
   */
  async runMany(docs: readonly { req: RunRequest; input: DocumentInput }[]): Promise<(RunOutcome | undefined)[]> {
    await this.ready;
    if (this.exited) throw new CustodyError('sandbox_unavailable', 'the parsing sandbox exited', {}, true);
    const ids = docs.map(() => this.nextId++);
    this.runs += docs.length;
    const batch: Batch = { items: [], started: performance.now(), sent: false };
    const outcomes = Promise.all(ids.map((id) => new Promise<RunOutcome | undefined>((resolve) => batch.items.push({ id, resolve }))));
    this.current = batch;
    batch.watch = setInterval(() => this.watchMemory(), WATCH_MS);
    const requests: SandboxRequest[] = [];
    try {
      for (const [k, { req, input }] of docs.entries()) requests.push({ ...req, id: ids[k]!, size: await this.send(input) } as SandboxRequest);
    } catch (err) {
      clearInterval(batch.watch);
      this.current = undefined;
      this.stop();
      throw err;
    }
    // Gone while the bytes were on their way (killed over its memory budget, or crashed): the outcomes say so.
    if (this.current !== batch) return outcomes;
    batch.sent = true;
    batch.started = performance.now();
    this.startTimer();
    this.child.send(requests.length === 1 ? requests[0]! : requests);
    return outcomes;
  }

  /**
   * The time budget of the document being read (the first unanswered one): the process's CPU time from now.
   * The timer first fires after the budget in wall time (CPU cannot outrun it by much), then re-arms for the
   * CPU still unspent, until the CPU budget or the wall-clock backstop is passed (checkBudget).
   */
  private startTimer(): void {
    const c = this.current;
    if (!c?.sent) return;
    c.cpuAtStart = processCpuMs(this.child.pid);
    this.armTimer(c, this.limits.timeoutMs);
  }

  private armTimer(c: Batch, ms: number): void {
    c.timer = setTimeout(() => {
      if (this.current !== c) return;
      const cpu = c.cpuAtStart === undefined ? undefined : processCpuMs(this.child.pid);
      const verdict = checkBudget({
        cpuBudgetMs: this.limits.timeoutMs,
        wallFactor: this.limits.wallFactor ?? DEFAULT_WALL_FACTOR,
        elapsedMs: performance.now() - c.started,
        cpuUsedMs: cpu === undefined ? undefined : cpu - c.cpuAtStart!,
      });
      if ('kill' in verdict) this.kill('timeout', verdict.kill);
      else this.armTimer(c, verdict.rearmMs);
    }, ms);
  }

  private get data(): Writable {
    return this.child.stdio[DATA_FD] as Writable;
  }

  /** Writes the input on the data pipe with backpressure; returns how many bytes were sent. */
  private async send(input: DocumentInput): Promise<number> {
    let size = 0;
    const pieces = input instanceof Uint8Array ? [input] : input;
    for await (const piece of pieces) {
      for (let at = 0; at < piece.length; at += WRITE_SLICE) {
        if (this.exited) return size;
        const slice = piece.subarray(at, at + WRITE_SLICE);
        size += slice.length;
        if (!this.data.write(slice)) await this.drained();
      }
    }
    return size;
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.data.off('drain', done);
        this.child.off('exit', done);
        resolve();
      };
      this.data.on('drain', done);
      this.child.on('exit', done);
    });
  }

  /** Current resident memory in MB (0 when it cannot be read: not Linux, or the process is gone). */
  rssMb(): number {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  }

  /** Kills the process; `stopped` at once (its exit event comes later), so the pool never hands it out again. */
  stop(): void {
    this.stopped = true;
    // An idle process being profiled leaves by itself (sandbox-child exits on disconnect), so it writes its profile.
    if (!this.exited && !this.current && process.env.CUSTODY_SANDBOX_CPU_PROF_DIR && this.child.connected) this.child.disconnect();
    else if (!this.exited) this.child.kill('SIGKILL');
  }

  private watchMemory(): void {
    const rss = this.rssMb();
    this.peakRssMb = Math.max(this.peakRssMb, rss);
    if (rss > this.limits.rssMb) this.kill('too_large', `parsing needed more than ${this.limits.rssMb} MB of memory; stopped`);
  }

  private kill(kind: BudgetKind, detail: string): void {
    if (!this.current || this.current.killedFor) return;
    this.current.killedFor = { kind, detail };
    this.child.kill('SIGKILL');
  }

  /** The first unanswered document's outcome; the next one's budget starts now. */
  private finish(outcome: (ms: number, peak: number) => RunOutcome): void {
    const c = this.current;
    const item = c?.items.shift();
    if (!c || !item) return;
    clearTimeout(c.timer);
    const now = performance.now();
    this.lastRssMb = this.rssMb();
    this.peakRssMb = Math.max(this.peakRssMb, this.lastRssMb);
    item.resolve(outcome(now - c.started, Math.round(this.peakRssMb)));
    c.started = now;
    if (c.items.length && !this.exited) return this.startTimer();
    clearInterval(c.watch);
    this.current = undefined;
    // The process is gone: the documents after the one it died on were never read.
    for (const rest of c.items.splice(0)) rest.resolve(undefined);
  }

  private onMessage(m: SandboxReply): void {
    if (m.type === 'ready' || m.id !== this.current?.items[0]?.id) return;
    if (m.type === 'result') this.finish((ms, peakRssMb) => ({ ok: true, result: m.result, ms, peakRssMb }));
    else this.finish((ms, peakRssMb) => ({ ok: false, kind: 'crashed', detail: `internal error while reading (${m.error})`, ms, peakRssMb }));
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    const c = this.current;
    if (!c) return;
    if (c.killedFor) {
      const k = c.killedFor;
      this.finish((ms, peakRssMb) => ({ ok: false, kind: k.kind, detail: k.detail, ms, peakRssMb }));
    } else if (/heap out of memory|allocation failed/i.test(this.stderrTail) || signal === 'SIGABRT' || code === 134) {
      this.finish((ms, peakRssMb) => ({ ok: false, kind: 'too_large', detail: `parsing needed more than the ${this.limits.heapMb} MB heap; stopped`, ms, peakRssMb }));
    } else if (/Maximum call stack/i.test(this.stderrTail)) {
      this.finish((ms, peakRssMb) => ({ ok: false, kind: 'too_complex', detail: 'nested too deeply to read; stopped', ms, peakRssMb }));
    } else {
      this.finish((ms, peakRssMb) => ({ ok: false, kind: 'crashed', detail: `the reader stopped unexpectedly (${signal ?? `exit ${code}`})`, ms, peakRssMb, died: true }));
    }
  }
}
