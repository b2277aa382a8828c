import { CustodyError } from '@custody/domain';
import { serviceThreadsAvailable, startServiceThread, type Runtime } from '@custody/pipeline';
import type { ReadQuery, ReadThreadInit, ReadThreadReply } from './read-thread-protocol.js';

/** The API's read thread (read-thread-entry.ts), asked one query at a time per call, answered out of order. */
export interface ReadThread {
  ask<T>(query: ReadQuery): Promise<T>;
  close(): Promise<void>;
}

/** Whether the API can compose reads in a thread (built code; see serviceThreadsAvailable). */
export const readThreadAvailable = (): boolean => serviceThreadsAvailable(import.meta.url);

/**
 * Starts the read thread on `runtime`'s database. If it dies, `onGone` is told and pending reads fail (the
 * caller then composes on its own thread again); an unanswered read never hangs past the thread's end.
 */
export async function startReadThread(runtime: Runtime, onGone: (err: CustodyError) => void): Promise<ReadThread> {
  const init: ReadThreadInit = { config: runtime.config, endpoints: runtime.endpoints, embedded: runtime.embedded };
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  // Beside this file when compiled (dist/apps/api/src/services) and in the CLI bundle (scripts/build-cli.mjs).
  const t = await startServiceThread(new URL('./read-thread-entry.js', import.meta.url), init, 'read', (err) => {
    failAll(err);
    onGone(err);
  });
  t.thread.on('message', (m: ReadThreadReply) => {
    if (m.type !== 'answer' && m.type !== 'error') return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.type === 'answer') p.resolve(m.value);
    else p.reject(m.code ? new CustodyError(m.code, m.message, m.details ?? {}) : new Error(m.message));
  });
  let next = 0;
  return {
    ask<T>(query: ReadQuery) {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        t.thread.postMessage({ type: 'read', id, query });
      });
    },
    async close() {
      await t.close();
      failAll(new CustodyError('unavailable', 'the API is shutting down'));
    },
  };
}
