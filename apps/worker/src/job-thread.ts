import { serviceThreadsAvailable, startServiceThread, type Runtime, type ServiceThread } from '@custody/pipeline';
import type { JobThreadInit } from './job-thread-protocol.js';

/** Whether `serve` can process jobs in a thread (built code; see serviceThreadsAvailable). */
export const jobThreadAvailable = (): boolean => serviceThreadsAvailable(import.meta.url);

/**
 * Starts embedded mode's job processor (job-thread-entry.ts) on `runtime`'s engines and waits until it
 * processes jobs. Its `close` lets running jobs finish or releases them: call it before the engines close.
 * If it dies, the process stops loudly instead of accepting documents nobody processes.
 */
export function startJobThread(runtime: Runtime): Promise<ServiceThread> {
  const init: JobThreadInit = { config: runtime.config, endpoints: runtime.endpoints };
  // Beside this file when compiled (dist/apps/worker/src) and in the CLI bundle (scripts/build-cli.mjs).
  return startServiceThread(new URL('./job-thread-entry.js', import.meta.url), init, 'job processor');
}
