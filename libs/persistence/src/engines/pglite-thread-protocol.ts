/**
 * Messages between the main thread (embedded-postgres.ts) and the thread that runs one PGlite and its socket
 * server (pglite-worker.ts). Kept apart from both so importing the types loads neither side.
 */

/** What the thread is started with (its `workerData`). */
export interface PgliteThreadInit {
  dataDir: string;
  /** The Unix socket the server listens on; the main thread chose it and made its folder private. */
  socketPath: string;
  maxConnections: number;
  /** Only initialise a new data folder: open PGlite, close it, say `ready` and exit. */
  initOnly?: boolean;
  /**
   * PGlite's WASM, compiled once on the main thread: a module posted to a thread shares its compiled code, so
   * the database threads (and a new folder's init thread) do not each compile the ~9 MB binary again. (The
   * extra ~420 MB first seen with threads was initdb's leftovers, not this; see embedded-postgres.ts.)
   */
  pgliteWasmModule: WebAssembly.Module;
  initdbWasmModule: WebAssembly.Module;
}

/** Main thread → database thread. */
export type PgliteThreadRequest = { type: 'close' } | { type: 'heap' };

/** Database thread → main thread. */
export type PgliteThreadReply =
  | { type: 'ready' }
  /** Startup failed; `message` is PGlite's or the socket server's own words. */
  | { type: 'failed'; message: string; code?: string }
  | { type: 'closed' }
  /** The thread's V8 heap (PGlite's WASM memory is an ArrayBuffer outside it), in MB. */
  | { type: 'heap'; usedMb: number; limitMb: number };
