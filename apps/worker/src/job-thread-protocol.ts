/**
 * Messages between `serve` (embedded mode) and its job thread (job-thread-entry.ts). Kept apart from both
 * so importing the types loads neither side.
 */
import type { CustodyConfig } from '@custody/config';
import type { EmbeddedEndpoints } from '@custody/pipeline';

/** What the thread is started with (its `workerData`): the process's config and its engines' sockets. */
export interface JobThreadInit {
  config: CustodyConfig;
  endpoints: EmbeddedEndpoints;
}

/** Main thread → job thread. */
export type JobThreadRequest = { type: 'close' };

/** Job thread → main thread. */
export type JobThreadReply =
  | { type: 'ready' }
  /** Startup failed; `message` says why. */
  | { type: 'failed'; message: string }
  | { type: 'closed' };
