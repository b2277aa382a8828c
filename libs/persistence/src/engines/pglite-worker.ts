/**
 * Entry of the thread that runs one embedded database: PGlite (PostgreSQL compiled to WASM, which executes
 * each query synchronously on the thread that calls it) and the pglite-socket server in front of it. On the
 * main thread a large query (a 50 MB upload's insert, a fleet's scoring writes) froze every HTTP request for
 * seconds; here it only occupies this thread, and `pg` clients on the main thread wait on a socket instead.
 *
 * Imports nothing of Custody's but the socket patches: built, bundled or run from TypeScript (tsx), this file
 * loads on its own.
 */
import { rmSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { installSocketMessageBuffering } from './socket-message-buffering.js';
import { holdSessionPerExchange, type QueryQueue } from './socket-session-exclusivity.js';
import type { PgliteThreadInit, PgliteThreadReply, PgliteThreadRequest } from './pglite-thread-protocol.js';

const port = parentPort!;
const init = workerData as PgliteThreadInit;
const reply = (m: PgliteThreadReply) => port.postMessage(m);

/** PGlite on the data folder, with the WASM the main thread compiled (no compile of its own). */
const open = () => PGlite.create({ dataDir: init.dataDir, pgliteWasmModule: init.pgliteWasmModule, initdbWasmModule: init.initdbWasmModule });

async function start(): Promise<{ db: PGlite; server: PGLiteSocketServer }> {
  const db = await open();
  try {
    // Large messages (a 50 MB upload's insert) are joined once, not re-copied per socket read. The patch is
    // per thread: the handlers it changes live in this thread's copy of pglite-socket.
    installSocketMessageBuffering();
    const server = new PGLiteSocketServer({ db, path: init.socketPath, maxConnections: init.maxConnections });
    // Several connections (embedded mode's pool) share the one session only if each exchange runs whole.
    const queue = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
    if (typeof queue?.processQueue !== 'function') throw new Error('this pglite-socket has no query queue to make per-exchange; connections could interleave');
    holdSessionPerExchange(queue);
    await server.start();
    return { db, server };
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

try {
  if (init.initOnly) {
    await (await open()).close();
    reply({ type: 'ready' });
    port.close();
  } else {
    await serve();
  }
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  reply({ type: 'failed', message: e?.message ?? String(err), ...(e?.code ? { code: e.code } : {}) });
  port.close();
}

async function serve(): Promise<void> {
  const { db, server } = await start();
  port.on('message', (m: PgliteThreadRequest) => {
    if (m.type === 'heap') {
      const h = getHeapStatistics();
      reply({ type: 'heap', usedMb: h.used_heap_size / 2 ** 20, limitMb: h.heap_size_limit / 2 ** 20 });
      return;
    }
    // Stop accepting and drop connections, then close PGlite (it flushes to disk); the socket file goes last,
    // so nothing can connect to a closing database. An error here is a crash: the main thread reports it.
    void (async () => {
      await server.stop();
      await db.close();
      rmSync(init.socketPath, { force: true });
      reply({ type: 'closed' });
      port.close(); // nothing left to keep the thread alive: it exits with code 0
    })();
  });
  reply({ type: 'ready' });
}
