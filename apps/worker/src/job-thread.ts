import { Worker } from 'node:worker_threads';
import { CustodyError } from '@custody/domain';
import type { Runtime } from '@custody/pipeline';
import type { JobThreadInit, JobThreadReply } from './job-thread-protocol.js';

/** Embedded mode's job processor, running in a worker thread of the `serve` process. */
export interface JobThread {
  readonly thread: Worker;
  /** Stops the processor (jobs finish or are released) and the thread; call before the engines close. */
  close(): Promise<void>;
}

/** The processor finishes or releases its jobs on close; past this the thread is terminated. */
const CLOSE_TIMEOUT_MS = 60_000;

/**
 * From TypeScript sources (tests) there is no built entry to start (and a thread would not inherit the test
 * runner's compiler): the caller then processes jobs in its own thread, as before.
 */
export function jobThreadAvailable(): boolean {
  return !import.meta.url.endsWith('.ts');
}

/**
 * Starts the job thread on `runtime`'s embedded engines (job-thread-entry.ts) and waits until it processes
 * jobs. Built code only (see jobThreadAvailable). A thread that dies while serving is
 * reported through `onCrash` (default: thrown as an uncaught exception, so the process stops loudly instead of
 * accepting documents nobody processes).
 */
export async function startJobThread(runtime: Runtime, opts: { onCrash?: (err: CustodyError) => void } = {}): Promise<JobThread> {
  if (!jobThreadAvailable()) throw new CustodyError('job_thread_unavailable', 'the job thread runs from built code only');
  const init: JobThreadInit = { config: runtime.config, endpoints: runtime.endpoints };
  // Beside this file when compiled (dist/apps/worker/src) and in the CLI bundle (scripts/build-cli.mjs).
  const thread = new Worker(new URL('./job-thread-entry.js', import.meta.url), { workerData: init });
  const exited = new Promise<number>((resolve) => thread.once('exit', resolve));
  let threadError: Error | undefined;
  thread.on('error', (err) => (threadError ??= err));
  const first = await new Promise<JobThreadReply | { type: 'exit'; code: number }>((resolve) => {
    thread.once('message', resolve);
    void exited.then((code) => resolve({ type: 'exit', code }));
  });
  if (first.type !== 'ready') {
    await thread.terminate();
    const why = first.type === 'failed' ? first.message : threadError?.message ?? `it exited with code ${(first as { code?: number }).code}`;
    throw new CustodyError('job_thread_unavailable', `could not start the job processor thread: ${why}`);
  }
  let state: 'ready' | 'closing' | 'gone' = 'ready';
  const onCrash = opts.onCrash ?? ((err: CustodyError) => process.nextTick(() => { throw err; }));
  void exited.then((code) => {
    if (state !== 'ready') return;
    state = 'gone';
    onCrash(new CustodyError('job_thread_crashed', `the job processor thread stopped unexpectedly (${threadError?.message ?? `it exited with code ${code}`}); documents would not be processed`));
  });
  let closing: Promise<void> | undefined;
  return {
    thread,
    close() {
      closing ??= (async () => {
        if (state !== 'ready') return;
        state = 'closing';
        let timer: NodeJS.Timeout | undefined;
        try {
          const closed = new Promise<void>((resolve) => thread.on('message', (m: JobThreadReply) => m.type === 'closed' && resolve()));
          thread.postMessage({ type: 'close' });
          await Promise.race([
            closed,
            exited.then((code) => { throw threadError ?? new Error(`the thread exited with code ${code} while closing`); }),
            new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${CLOSE_TIMEOUT_MS} ms`)), CLOSE_TIMEOUT_MS))),
          ]);
        } finally {
          clearTimeout(timer);
          await thread.terminate();
          state = 'gone';
        }
      })();
      return closing;
    },
  };
}
