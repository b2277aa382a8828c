/**
 * Messages between the API's AuditService and its read thread (read-thread-entry.ts). Kept apart from both so
 * importing the types loads neither side.
 */
import type { CustodyConfig } from '@custody/config';
import type { Lens } from '@custody/domain';
import type { EmbeddedEndpoints } from '@custody/pipeline';

/** What the thread is started with (its `workerData`): the process's config and the database it reads. */
export interface ReadThreadInit {
  config: CustodyConfig;
  endpoints: EmbeddedEndpoints;
  embedded: boolean;
}

/** The read the thread answers: what the dashboard draws first (pages of findings are one cheap query, on the main thread). */
export type ReadQuery = { kind: 'grouped'; workspaceId: string; expanded: string[]; lens?: Lens };

/** Main thread → read thread. */
export type ReadThreadRequest = { type: 'read'; id: number; query: ReadQuery } | { type: 'close' };

/** Read thread → main thread. */
export type ReadThreadReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'answer'; id: number; value: unknown }
  /** A CustodyError keeps its code (the API maps it to a status); anything else is an internal error. */
  | { type: 'error'; id: number; code?: string; message: string; details?: Record<string, unknown> }
  | { type: 'closed' };
