import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CustodyError } from '@custody/domain';

/** A worker thread of this process that says `ready` (or `failed`) once, and `closed` when asked to `close`. */
export interface ServiceThread {
  readonly thread: Worker;
  /** Stops the thread: it closes what it opened and says `closed`; past the timeout it is terminated. */
  close(): Promise<void>;
}

type FirstWord = { type: 'ready' } | { type: 'failed'; message: string } | { type: 'exit'; code: number } | { type: 'timeout' };

/**
 * How long a thread may take to say ready (it boots a Nest context and connects to the databases: seconds,
 * tens of seconds on a loaded machine). A thread that neither answers nor exits would otherwise hold its
 * caller's start, and the shutdown that waits for that start, forever.
 */
const startTimeoutMs = (): number => Number(process.env.CUSTODY_THREAD_START_TIMEOUT_MS ?? 180_000);

/** A thread's own shutdown (jobs finish or are released, pools close); past this it is terminated. */
const CLOSE_TIMEOUT_MS = 60_000;

/**
 * Built code only: from TypeScript sources (tests) there is no built entry beside the caller, and a thread
 * would not inherit the test runner's compiler (decorator metadata that Nest and TypeORM read). Callers then
 * do the work in their own thread, as before.
 */
export function serviceThreadsAvailable(callerUrl: string): boolean {
  return !callerUrl.endsWith('.ts');
}

/**
 * Starts `entry` with `workerData` and waits for its first word. A thread that dies while serving is reported
 * through `onCrash` (default: thrown as an uncaught exception, so the process stops loudly rather than run on
 * without it).
 */
export async function startServiceThread(entry: URL, workerData: unknown, what: string, onCrash?: (err: CustodyError) => void): Promise<ServiceThread> {
  const thread = new Worker(entry, { workerData });
  const exited = new Promise<number>((resolve) => thread.once('exit', resolve));
  let threadError: Error | undefined;
  thread.on('error', (err) => (threadError ??= err));
  let startTimer: NodeJS.Timeout | undefined;
  // Read per start, not once per process: a test that shortens it for one start does not shorten the next.
  const timeoutMs = startTimeoutMs();
  const first = await new Promise<FirstWord>((resolve) => {
    thread.once('message', resolve);
    void exited.then((code) => resolve({ type: 'exit', code }));
    startTimer = setTimeout(() => resolve({ type: 'timeout' }), timeoutMs);
  });
  clearTimeout(startTimer);
  if (first.type !== 'ready') {
    await thread.terminate();
    const why = first.type === 'failed' ? first.message
      : first.type === 'timeout' ? `it did not say ready within ${timeoutMs} ms`
      : threadError?.message ?? `it exited with code ${first.code}`;
    throw new CustodyError('thread_unavailable', `could not start the ${what} thread: ${why}`);
  }
  let state: 'ready' | 'closing' | 'gone' = 'ready';
  void exited.then((code) => {
    if (state !== 'ready') return;
    state = 'gone';
    const err = new CustodyError('thread_crashed', `the ${what} thread stopped unexpectedly (${threadError?.message ?? `it exited with code ${code}`})`);
    if (onCrash) onCrash(err);
    else process.nextTick(() => { throw err; });
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
          const closed = new Promise<void>((resolve) => thread.on('message', (m: { type?: string }) => m?.type === 'closed' && resolve()));
          thread.postMessage({ type: 'close' });
          await Promise.race([
            closed,
            exited.then((code) => { throw threadError ?? new Error(`the ${what} thread exited with code ${code} while closing`); }),
            new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the ${what} thread did not close in ${CLOSE_TIMEOUT_MS} ms`)), CLOSE_TIMEOUT_MS))),
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

/**
 * Lowers the calling thread's CPU priority to at least `nice` (never raises it: that needs a privilege).
 * Linux only, where a thread has its own nice value (its id, from /proc/thread-self, names it to
 * setpriority); elsewhere, or when refused, nothing changes. Returns the thread's nice value after, or
 * undefined when it could not be set.
 */
export function lowerThreadPriority(nice: number): number | undefined {
  let tid: number;
  try {
    tid = Number(readlinkSync('/proc/thread-self').split('/').pop()); // "<pid>/task/<tid>"
  } catch {
    return undefined; // not Linux: a priority would apply to the whole process, HTTP included
  }
  if (!Number.isInteger(tid) || tid <= 0) return undefined;
  try {
    if (getPriority(tid) < nice) setPriority(tid, nice);
    return getPriority(tid);
  } catch {
    return undefined;
  }
}
