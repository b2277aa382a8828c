/**
 * Entry of the API's read thread: builds pages of findings as text (which the main thread keeps until scoring
 * rewrites them) and composes the grouped graph from the read model
 * (AuditService, as on the main thread: kept until the workspace's change seq moves, so a read after a change
 * sees it). For a 10,000-install fleet one composition is seconds of decrypting, parsing and laying out; here
 * it does not stall the main thread's event loop, so health and every other request keep answering while a
 * fleet is scored and its read model changes.
 */
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { ProjectionInputCache } from '@custody/audit';
import { CustodyError, ServiceUnavailableError } from '@custody/domain';
import { isDatabaseUnavailable } from '@custody/persistence';
import { connectThreadRuntime, type Runtime } from '@custody/pipeline';
import { AuditService } from './audit.service.js';
import type { ReadQuery, ReadThreadInit, ReadThreadReply, ReadThreadRequest } from './read-thread-protocol.js';

const port = parentPort!;
const init = workerData as ReadThreadInit;
const reply = (m: ReadThreadReply) => port.postMessage(m);

function answer(audits: AuditService, q: ReadQuery): Promise<unknown> {
  if (q.kind === 'findingsPage') return audits.builtPageText(q.workspaceId, q.includeResolved, q.query);
  // Composed whatever it takes: the main thread bounds its reads (BoundedLiveRead) and keeps this answer.
  return audits.composedGrouped(q.workspaceId, new Set(q.expanded), { lens: q.lens });
}

let runtime: Runtime | undefined;
try {
  // Every query here answers a request: bounded as the API's own pool is (CUSTODY_REQUEST_QUERY_TIMEOUT_MS).
  runtime = await connectThreadRuntime(init.config, init.endpoints, { embedded: init.embedded, poolSize: 1, requestPath: true });
  // Built by hand (no Nest here): a service with no read thread of its own computes each answer itself.
  const audits = new AuditService(runtime.persistence, runtime, new ProjectionInputCache());
  port.on('message', (m: ReadThreadRequest) => {
    if (m.type === 'close') {
      void runtime!.close().finally(() => {
        reply({ type: 'closed' });
        port.close();
      });
      return;
    }
    answer(audits, m.query).then(
      (value) => reply({ type: 'answer', id: m.id, value }),
      (err: unknown) => {
        const known = err instanceof CustodyError ? err : isDatabaseUnavailable(err) ? new ServiceUnavailableError('database') : undefined;
        reply(known
          ? { type: 'error', id: m.id, code: known.code, message: known.message, details: known.details }
          : { type: 'error', id: m.id, message: (err as Error)?.message ?? String(err) });
      },
    );
  });
  reply({ type: 'ready' });
} catch (err) {
  await runtime?.close().catch(() => undefined);
  reply({ type: 'failed', message: (err as Error)?.message ?? String(err) });
  port.close();
}
