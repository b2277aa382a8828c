/**
 * PGlite is one PostgreSQL session; pglite-socket (0.2.x) multiplexes every client connection onto it through
 * its QueryQueueManager, one protocol message at a time. It keeps the session for one connection only while
 * `db.isInTransaction()`, so outside a transaction the messages of one extended-protocol exchange (Parse,
 * Bind, Describe, Execute, then Sync: what `pg` sends for every parameterised query) of two connections
 * interleave: one connection's Parse replaces the other's unnamed statement, seen as `portal "" does not
 * exist` and as crossed parameters. That is why embedded mode used one pooled connection, and why a read
 * waited behind every queued query of the job processor.
 *
 * Here the session is held by a connection from the first message of an exchange until the exchange ends
 * (its Sync, or a simple Query, outside a transaction) or the connection goes: messages of other connections
 * wait in the queue meanwhile, exactly as they already did during a transaction. Each connection then sees a
 * session of its own, one exchange at a time, so a pool of several connections is safe.
 */

/** Frontend messages after which the exchange goes on until a Sync: Parse, Bind, Describe, Execute, Close, Flush, CopyData. */
const OPENS_EXCHANGE = new Set(['P', 'B', 'D', 'E', 'C', 'H', 'd'].map((c) => c.charCodeAt(0)));
/** Sync: ends an extended-protocol exchange (and, after an error, the server's skipping of messages). */
const SYNC = Uint8Array.from([0x53, 0, 0, 0, 4]);

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(err: unknown): void;
  onData(data: Uint8Array): void;
}

interface Db {
  isInTransaction(): boolean;
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  execProtocolRawStream(message: Uint8Array, opts: { onRawData(data: Uint8Array): void }): Promise<unknown>;
}

/** The parts of pglite-socket's QueryQueueManager this patch replaces or reads (its fields are private in the typings). */
export interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: Db;
  processQueue(): Promise<void>;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
}

/** True when, after `message`, the sending connection's exchange is still open (more messages must follow). */
export function opensExchange(message: Uint8Array): boolean {
  return message.length > 0 && OPENS_EXCHANGE.has(message[0]!);
}

/**
 * Replaces `queue`'s scheduling (exported for the test; the server's instance is patched in pglite-worker.ts).
 * The rest of pglite-socket (framing, replies, disconnects) is unchanged.
 */
export function holdSessionPerExchange(queue: QueryQueue): void {
  /** The connection whose exchange is open: only its messages may run until it ends. */
  let holder: number | null = null;
  const threshold = Number(process.env.CUSTODY_SESSION_HOLD_LOG_MS);
  const hold = threshold > 0 ? sessionHoldLog(threshold, (line) => process.stderr.write(`${line}\n`)) : undefined;

  queue.processQueue = async function (this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = holder ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const at = owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === owner);
        // The owner's next message has not arrived yet: the others wait (enqueue runs this again).
        if (at === -1) break;
        const item = this.queue.splice(at, 1)[0]!;
        let bytes = 0;
        const began = hold ? performance.now() : 0;
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(item.message, { onRawData: (d) => { bytes += d.length; item.onData(d); } }));
        } catch (err) {
          // The engine threw instead of answering with an ErrorResponse: this connection's exchange is over.
          holder = null;
          item.reject(err);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        holder = opensExchange(item.message) ? item.handlerId : null;
        hold?.ran(item.handlerId, item.message, performance.now() - began, holder !== null || this.db.isInTransaction(), this.queue.length);
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  const clearTransaction = queue.clearTransactionIfNeeded;
  queue.clearTransactionIfNeeded = async function (this: QueryQueue, handlerId: number) {
    if (holder === handlerId) {
      // The connection went mid-exchange: end its exchange for it, so the next one does not start in the
      // middle of it (or in the error state that skips everything until a Sync).
      holder = null;
      await this.db.runExclusive(() => this.db.execProtocolRawStream(SYNC, { onRawData: () => undefined })).catch(() => undefined);
    }
    await clearTransaction.call(this, handlerId);
    await this.processQueue();
  };
}

/**
 * Diagnostics (env CUSTODY_SESSION_HOLD_LOG_MS=N, off by default): each time one connection held the session
 * (an exchange, or a transaction) for N ms or more, one line: how long it held it, how much of that the engine
 * spent executing its messages (the rest the session sat idle, waiting for that connection's next message while
 * every other connection's waited too), how many messages, how many others' were queued at its end, and its
 * first statements. `ran` is told of each message run, and whether the session stays held after it.
 */
export function sessionHoldLog(thresholdMs: number, write: (line: string) => void): { ran(handlerId: number, message: Uint8Array, execMs: number, stillHeld: boolean, waiting: number): void } {
  let since: number | undefined;
  let messages = 0;
  let exec = 0;
  let sql: string[] = [];
  return {
    ran(handlerId, message, execMs, stillHeld, waiting) {
      since ??= performance.now() - execMs;
      messages++;
      exec += execMs;
      const text = statementText(message);
      if (text && sql.length < 3) sql.push(text.slice(0, 100));
      if (stillHeld) return;
      const ms = performance.now() - since;
      if (ms >= thresholdMs) write(`[session-hold] ${new Date().toISOString()} conn ${handlerId} held ${ms.toFixed(0)} ms (engine ${exec.toFixed(0)} ms), ${messages} messages, ${waiting} waiting; ${sql.join(' | ')}`);
      since = undefined;
      messages = 0;
      exec = 0;
      sql = [];
    },
  };
}

/** The SQL of a Parse ('P': name, then the statement) or simple Query ('Q') message, else undefined. */
export function statementText(message: Uint8Array): string | undefined {
  const type = message[0];
  if (type !== 0x50 && type !== 0x51) return undefined;
  let at = 5;
  if (type === 0x50) {
    // Parse: skip the statement's name and its terminating NUL.
    while (at < message.length && message[at] !== 0) at++;
    at++;
  }
  let end = at;
  while (end < message.length && message[end] !== 0) end++;
  return Buffer.from(message.subarray(at, end)).toString('utf8').replace(/\s+/g, ' ');
}
