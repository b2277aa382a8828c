import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CustodyError, type BudgetKind } from '@custody/domain';
import type { SandboxReply, SandboxRequest } from './sandbox-protocol.js';

export interface ProcessLimits {
  /** Wall time of one document; then the process is killed. */
  timeoutMs: number;
  /** V8 heap (`--max-old-space-size`): a parse that needs more ends the process with a heap OOM. */
  heapMb: number;
  /** Resident memory, ArrayBuffers and native buffers included (the heap limit does not see those). */
  rssMb: number;
}

/** How one document's run ended: the analysis, or the budget that stopped it. */
export type RunOutcome =
  | { ok: true; result: unknown; ms: number; peakRssMb: number }
  | { ok: false; kind: BudgetKind | 'crashed'; detail: string; ms: number; peakRssMb: number };

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** How often a busy process's resident memory is read (from /proc; Linux) while it works. */
const WATCH_MS = 25;
const SPAWN_TIMEOUT_MS = 60_000;

/**
 * One forked sandbox process (sandbox-child). From TypeScript sources (tests, benches) it runs under tsx;
 * built, it is plain JS. The environment it gets has no NODE_OPTIONS, so a parent's flags (e.g. a larger
 * --max-old-space-size) cannot lift its heap limit.
 */
export class SandboxProcess {
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;
  private stderrTail = '';
  private current?: { id: number; resolve: (o: RunOutcome) => void; started: number; timer: NodeJS.Timeout; watch?: NodeJS.Timeout; killedFor?: { kind: BudgetKind; detail: string } };
  private nextId = 1;
  /** Highest resident memory seen while this process worked, in MB. */
  peakRssMb = 0;
  runs = 0;
  exited = false;

  constructor(private readonly limits: ProcessLimits, onGone: (p: SandboxProcess) => void) {
    const here = import.meta.url;
    const ts = here.endsWith('.ts');
    const entry = fileURLToPath(new URL(`./sandbox-child.${ts ? 'ts' : 'js'}`, here));
    const { NODE_OPTIONS: _drop, ...env } = process.env;
    this.child = fork(entry, [], {
      execArgv: [`--max-old-space-size=${limits.heapMb}`, '--max-semi-space-size=16', ...(ts ? ['--import', 'tsx'] : [])],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env,
    });
    // Only the tail is kept, to recognise V8's out-of-memory report; it is never logged (it may quote input).
    this.child.stderr?.on('data', (d: Buffer) => (this.stderrTail = (this.stderrTail + d.toString('utf8')).slice(-4096)));
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new CustodyError('sandbox_unavailable', 'the parsing sandbox did not start in time', {}, true)), SPAWN_TIMEOUT_MS);
      this.child.once('message', (m: SandboxReply) => {
        clearTimeout(timer);
        if (m.type === 'ready') resolve();
        else reject(new CustodyError('sandbox_unavailable', 'the parsing sandbox sent an unexpected first message', {}, true));
      });
      this.child.once('exit', () => {
        clearTimeout(timer);
        reject(new CustodyError('sandbox_unavailable', 'the parsing sandbox exited while starting', {}, true));
      });
    });
    this.ready.catch(() => undefined);
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

  /** Reads one document; resolves with its outcome whatever happens to the process (never rejects once started). */
  async run(req: DistributiveOmit<SandboxRequest, 'id'>): Promise<RunOutcome> {
    await this.ready;
    if (this.exited) throw new CustodyError('sandbox_unavailable', 'the parsing sandbox exited', {}, true);
    const id = this.nextId++;
    this.runs++;
    return new Promise<RunOutcome>((resolve) => {
      const started = performance.now();
      const timer = setTimeout(() => this.kill('timeout', `parsing took longer than ${this.limits.timeoutMs} ms; stopped`), this.limits.timeoutMs);
      this.current = { id, resolve, started, timer };
      this.current.watch = setInterval(() => this.watchMemory(), WATCH_MS);
      // The bytes are copied into the message; the caller's buffer stays usable.
      this.child.send({ ...req, id } as SandboxRequest);
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

  stop(): void {
    if (!this.exited) this.child.kill('SIGKILL');
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

  private finish(outcome: (ms: number, peak: number) => RunOutcome): void {
    const c = this.current;
    if (!c) return;
    clearTimeout(c.timer);
    clearInterval(c.watch);
    this.current = undefined;
    this.peakRssMb = Math.max(this.peakRssMb, this.rssMb());
    c.resolve(outcome(performance.now() - c.started, Math.round(this.peakRssMb)));
  }

  private onMessage(m: SandboxReply): void {
    if (m.type === 'ready' || m.id !== this.current?.id) return;
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
      this.finish((ms, peakRssMb) => ({ ok: false, kind: 'crashed', detail: `the reader stopped unexpectedly (${signal ?? `exit ${code}`})`, ms, peakRssMb }));
    }
  }
}
