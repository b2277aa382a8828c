/**
 * Messages between the API's AuditService and its read thread (read-thread-entry.ts). Kept apart from both so
 * importing the types loads neither side.
 */
import type { CustodyConfig } from '@custody/config';
import type { Lens } from '@custody/domain';
import type { EmbeddedEndpoints } from '@custody/pipeline';
import type { FindingsPageQuery } from './findings-page-text.js';

/** What the thread is started with (its `workerData`): the process's config and the database it reads. */
export interface ReadThreadInit {
  config: CustodyConfig;
  endpoints: EmbeddedEndpoints;
  embedded: boolean;
}

/**
 * The reads the thread answers: the grouped graph (what the dashboard draws first) and a page of findings as
 * the JSON text sent (opening, parsing and serialising a page's sealed rows is CPU the event loop need not spend).
 */
export type ReadQuery =
  | { kind: 'grouped'; workspaceId: string; expanded: string[]; lens?: Lens }
  | { kind: 'findingsPage'; workspaceId: string; includeResolved: boolean; query: FindingsPageQuery };

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
