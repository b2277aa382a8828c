import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CustodyError } from '@custody/domain';
import { lockDataDir } from './data-dir-lock.js';
import { makePrivateDir, makeTreePrivate } from './private-files.js';
import type { PgliteThreadInit, PgliteThreadReply } from './pglite-thread-protocol.js';

/** A PGlite database persisted on disk, exposed on a private Unix socket so `pg` and TypeORM use it unchanged. */
export interface EmbeddedPostgres {
  url: string;
  close(): Promise<void>;
}

/** The engine as started here: it also reports its thread's heap (tests, benches). */
export interface ThreadedEmbeddedPostgres extends EmbeddedPostgres {
  heap(): Promise<{ usedMb: number; limitMb: number }>;
  /** The database thread itself (diagnostics; the tests stop it to check a crash surfaces). */
  readonly thread: Worker;
}

export interface EmbeddedPostgresOptions {
  socketDir: string;
  port?: number;
  maxConnections?: number;
  /**
   * Called once if the database thread dies after it started (an uncaught error, its heap limit). Default:
   * the error is thrown as an uncaught exception, so the process stops loudly instead of waiting forever on
   * a database that is gone.
   */
  onCrash?: (err: CustodyError) => void;
}

/** Longest Unix socket path the OS accepts is 107 bytes (Linux) / 103 (macOS); leave room. */
const MAX_SOCKET_PATH = 100;
/**
 * The database thread's V8 heap. PGlite's database memory is a WASM ArrayBuffer that this limit does not
 * govern; the heap holds PGlite's and the socket server's JS objects (protocol messages are Buffers, outside
 * it too): measured at well under 100 MB while a 50 MB document is stored. A runaway thread then fails as a
 * crash (reported, see onCrash) instead of growing until the whole process is killed.
 */
const THREAD_HEAP_MB = 256;
/** PGlite's close flushes to disk; past this the thread is terminated. */
const CLOSE_TIMEOUT_MS = 30_000;

/**
 * Starts PGlite in `dataDir` behind a Unix socket in a 0700 directory (`socketDir`, or a private temp folder
 * when that path would be too long for a socket), in its own worker thread: PGlite runs every query
 * synchronously, and on the main thread a large one stalled every HTTP request of the process.
 * pglite-socket has no authentication (any client that connects is the superuser), so reachability is the
 * only protection: a loopback TCP port let any local user open the database and insert a working API key; a
 * socket in a directory only this user can enter does not. `port` only names the socket file
 * (`.s.PGSQL.<port>`), so two databases can share a directory. The multiplexer lets several `pg` pool
 * connections share the single-connection engine.
 */
export async function startEmbeddedPostgres(dataDir: string, opts: EmbeddedPostgresOptions): Promise<ThreadedEmbeddedPostgres> {
  const port = opts.port ?? 5432;
  try {
    makePrivateDir(dataDir);
  } catch (err) {
    throw new CustodyError('embedded_db_unavailable', `cannot use ${dataDir} as the embedded database folder: ${(err as Error).message}`);
  }
  const release = lockDataDir(dataDir);
  let socketDir = opts.socketDir;
  let ownTemp = false;
  const socketPath = () => join(socketDir, `.s.PGSQL.${port}`);
  const cleanUp = () => {
    try {
      rmSync(socketPath(), { force: true });
      if (ownTemp) rmSync(socketDir, { recursive: true, force: true });
    } catch (err) {
      // ENOTDIR: the socket folder could never be made (a file in its path), so no socket of ours is there.
      if ((err as NodeJS.ErrnoException).code !== 'ENOTDIR') throw err;
    } finally {
      release();
    }
  };

  let launched: Launched | undefined;
  // Everything after the lock is inside the try: a failure anywhere (an unusable socket folder, a permission
  // fix-up that throws, a thread that does not start) releases the lock and leaves no socket behind, so a
  // later start in this process is not refused as "already open".
  try {
    if (socketPath().length > MAX_SOCKET_PATH) {
      socketDir = mkdtempSync(join(tmpdir(), 'custody-')); // created 0700
      ownTemp = true;
    } else {
      makePrivateDir(socketDir);
    }
    // A socket file left by a killed process blocks listen(); the data folder's lock says no live process owns it.
    if (existsSync(socketPath())) rmSync(socketPath(), { force: true });
    const init = { dataDir, socketPath: socketPath(), maxConnections: opts.maxConnections ?? 16, ...(await pgliteWasm()) };
    // A new folder is initialised (initdb) by a thread of its own that then exits: the initialisation leaves
    // hundreds of MB that an idle database thread's heap never collects and its malloc arena keeps (measured,
    // two fresh engines: 1.49 GB resident when each initialised in its serving thread, 0.76 GB this way (0.72 GB 10 s later), and 1.01 GB when both ran on the main thread).
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await (await launch({ ...init, initOnly: true })).exited;
    launched = await launch(init);
    // PGlite unpacks its data directory with explicit 0666/0644 modes (the umask does not apply to a chmod),
    // on its first start and for some files (pg_internal.init) at every start; files it creates later follow
    // the umask the runtime sets. The walk tolerates files the live thread removes meanwhile.
    makeTreePrivate(dataDir);
  } catch (err) {
    await launched?.thread.terminate();
    cleanUp();
    if (err instanceof CustodyError) throw err;
    throw new CustodyError('embedded_db_unavailable', `could not open the embedded database in ${dataDir}: ${(err as Error).message}`);
  }
  const { thread, exited } = launched;
  let state: 'ready' | 'closing' | 'gone' = 'ready';

  const onCrash = opts.onCrash ?? ((err: CustodyError) => process.nextTick(() => { throw err; }));
  void exited.then((code) => {
    if (state !== 'ready') return;
    state = 'gone';
    cleanUp();
    const why = launched.error() ? launched.error()!.message : `it exited with code ${code}`;
    onCrash(new CustodyError('embedded_db_crashed', `the embedded database thread for ${dataDir} stopped unexpectedly (${why}); queries to it cannot be answered`));
  });

  // Requests waiting for the thread's answer, in order. A thread that has exited answers nothing: waiting
  // requests are rejected when it exits, and later ones at once, rather than left pending forever.
  const replies: { answer(m: PgliteThreadReply): void; fail(err: Error): void }[] = [];
  let exitCode: number | undefined;
  const gone = () => new CustodyError('embedded_db_crashed', `the embedded database thread for ${dataDir} has exited (code ${exitCode}); it cannot answer`);
  thread.on('message', (m: PgliteThreadReply) => replies.shift()?.answer(m));
  void exited.then((code) => {
    exitCode = code;
    for (const r of replies.splice(0)) r.fail(gone());
  });
  const ask = <T extends PgliteThreadReply['type']>(type: 'heap' | 'close', want: T) =>
    new Promise<Extract<PgliteThreadReply, { type: T }>>((resolve, reject) => {
      if (exitCode !== undefined) return reject(gone());
      replies.push({
        answer: (m) => (m.type === want ? resolve(m as Extract<PgliteThreadReply, { type: T }>) : reject(new Error(`unexpected reply ${m.type}`))),
        fail: reject,
      });
      thread.postMessage({ type });
    });

  let closing: Promise<void> | undefined;
  return {
    url: `postgres://postgres@localhost:${port}/postgres?host=${encodeURIComponent(socketDir)}&sslmode=disable`,
    heap: () => ask('heap', 'heap'),
    thread,
    close() {
      closing ??= (async () => {
        if (state !== 'ready') return; // crashed: already reported and cleaned up
        state = 'closing';
        let timer: NodeJS.Timeout | undefined;
        try {
          const done = Promise.race([
            ask('close', 'closed'),
            exited.then((code) => { throw launched.error() ?? new Error(`the thread exited with code ${code} while closing`); }),
            new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${CLOSE_TIMEOUT_MS} ms`)), CLOSE_TIMEOUT_MS))),
          ]);
          await done.catch((err: Error) => {
            throw new CustodyError('embedded_db_close_failed', `the embedded database in ${dataDir} did not close cleanly: ${err.message}`);
          });
        } finally {
          clearTimeout(timer);
          await thread.terminate();
          state = 'gone';
          cleanUp();
        }
      })();
      return closing;
    },
  };
}

interface Launched {
  thread: Worker;
  exited: Promise<number>;
  /** The thread's uncaught error, if it had one. */
  error(): Error | undefined;
}

/** Starts a database thread and waits for its first word: ready, or why it could not start (thrown). */
async function launch(init: PgliteThreadInit): Promise<Launched> {
  const thread = startThread(init);
  const exited = new Promise<number>((resolve) => thread.once('exit', resolve));
  let threadError: Error | undefined;
  thread.on('error', (err) => (threadError ??= err));
  const first = await new Promise<PgliteThreadReply | { type: 'exit'; code: number }>((resolve) => {
    thread.once('message', resolve);
    void exited.then((code) => resolve({ type: 'exit', code }));
  });
  if (first.type !== 'ready') {
    await exited;
    const why = first.type === 'failed' ? first.message : threadError?.message ?? `the thread exited with code ${(first as { code?: number }).code}`;
    throw new CustodyError('embedded_db_unavailable', `could not open the embedded database in ${init.dataDir}: ${why}`);
  }
  return { thread, exited, error: () => threadError };
}

let compiled: Promise<{ pgliteWasmModule: WebAssembly.Module; initdbWasmModule: WebAssembly.Module }> | undefined;

/** PGlite's two WASM binaries (beside its entry in the package), compiled once per process and shared. */
function pgliteWasm() {
  compiled ??= (async () => {
    const dist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all(
      ['pglite.wasm', 'initdb.wasm'].map((f) => WebAssembly.compile(readFileSync(join(dist, f)))),
    );
    return { pgliteWasmModule: pgliteWasmModule!, initdbWasmModule: initdbWasmModule! };
  })();
  compiled.catch(() => (compiled = undefined)); // a failure is retried by the next start
  return compiled;
}

/**
 * The database thread: its built entry beside this file (also in the CLI bundle, scripts/build-cli.mjs), or,
 * from TypeScript sources (tests, benches), the .ts entry loaded through tsx — a worker does not inherit the
 * parent's loader, and Node 20 refuses `--import` in a worker's execArgv.
 */
function startThread(init: PgliteThreadInit): Worker {
  const here = import.meta.url;
  const resourceLimits = { maxOldGenerationSizeMb: THREAD_HEAP_MB };
  if (!here.endsWith('.ts')) return new Worker(new URL('./pglite-worker.js', here), { workerData: init, resourceLimits });
  // tsx's ESM API by absolute URL (from its package.json's exports), so the eval'd thread finds it whatever
  // the working directory; its CommonJS build cannot load its own ESM half from an eval'd worker.
  const require = createRequire(here);
  const pkgFile = require.resolve('tsx/package.json');
  const api = (JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!.import.default;
  const tsx = pathToFileURL(join(dirname(pkgFile), api)).href;
  const entry = new URL('./pglite-worker.ts', here).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)}))`;
  return new Worker(code, { eval: true, workerData: init, resourceLimits });
}
