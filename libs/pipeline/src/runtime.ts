import { join, resolve } from 'node:path';
import { auditSigningKeyFilePath, dataKeyFilePath, type CustodyConfig } from '@custody/config';
import { CustodyError } from '@custody/domain';
import { AuditSignerSource, CHECKOUT_WAIT_MS, SERVER_CHECKOUT_WAIT_MS, loadAuditSigner, makePrivateDir, makeTreePrivate, openDataKeyring, takePidLock, type AuditSigner, Persistence, ReadJournal, ReadModelWrites, startEmbeddedPostgres, type EmbeddedPostgres, type OpenedKeyring, type QueryTimeouts } from '@custody/persistence';
import { loadVendorCatalogue, type VendorEntry } from '@custody/integrations';
import type { QueueBackend } from './jobs/queue-connection.js';

/** Pooled connections to the embedded database (one process owns it; the engine runs one exchange at a time). */
const EMBEDDED_POOL = 4;

/**
 * How long a verified API key answers without its row being read again (libs/persistence verified-keys.ts).
 * Embedded: the home is locked to this process, so every revocation by Custody goes through it and drops the key
 * at once; the TTL (30 s) bounds one made outside Custody, through the database's socket. Production: another replica or the CLI may
 * revoke a key, and PostgreSQL answers a key check without waiting for other sessions, so the cache is only a
 * second: a revocation elsewhere is seen within that.
 */
const EMBEDDED_KEY_CACHE_MS = 30_000;
const PRODUCTION_KEY_CACHE_MS = 1000;

/** The services a Custody process runs on: real PostgreSQL/Redis, or embedded engines under `home`. */
export interface Runtime {
  config: CustodyConfig;
  embedded: boolean;
  persistence: Persistence;
  queue: QueueBackend;
  /** Extra known vendors from config `vendorsFile`, loaded once at boot. */
  vendors: VendorEntry[];
  /** Where the data keys came from (`env` or `file`) and whether this boot made the key file. */
  dataKeys: Omit<OpenedKeyring, 'keyring'>;
  /** Signs audit-log checkpoints; its public key verifies them. The key loaded at boot. */
  auditSigner: AuditSigner;
  /** The signing key now: the key file's new key once `rotate-signing-key` replaced it while this process ran. */
  currentAuditSigner(): AuditSigner;
  /** The database and queue this runtime uses (embedded mode's job thread connects to the same). */
  endpoints: EmbeddedEndpoints;
  close(): Promise<void>;
}

/**
 * Starts or connects the engines. Embedded mode (no `DATABASE_URL`) runs two PGlite databases — one for
 * Custody, one for the job queue, so BullMQ's `public` tables never clash with ours — each persisted under
 * `home`, so jobs are as durable as in production. Only one process may own an embedded home at a time.
 */
/**
 * `requestPath`: this process's pool serves API requests only (its jobs run elsewhere: the worker process, the
 * embedded job thread), so each of its queries is bounded by config.requestQueryTimeoutMs (server-side
 * statement_timeout and a client-side bound on PostgreSQL; the client-side bound alone on the embedded engine).
 */
export async function startRuntime(config: CustodyConfig, opts: { requestPath?: boolean } = {}): Promise<Runtime> {
  // Read before any engine starts, so a broken catalogue fails boot with its own message.
  const vendors = config.vendorsFile ? loadVendorCatalogue(config.vendorsFile) : [];
  const engines: EmbeddedPostgres[] = [];
  let releaseLock = () => {};
  try {
    let databaseUrl = config.databaseUrl;
    let queue: QueueBackend | undefined = config.redisUrl ? { kind: 'redis', url: config.redisUrl } : undefined;
    if (!databaseUrl) {
      const home = resolve(config.home);
      // The home holds client documents and both databases: only this user may read it. The umask makes
      // every file PGlite creates later 0600 (dirs 0700); makeTreePrivate fixes homes made before this.
      process.umask(0o077);
      makePrivateDir(home);
      makeTreePrivate(home);
      releaseLock = lockHome(home);
      const socketDir = join(home, 'run');
      const db = await startEmbeddedPostgres(join(home, 'db'), { socketDir, port: 5432 });
      engines.push(db);
      databaseUrl = db.url;
      if (!queue) {
        const q = await startEmbeddedPostgres(join(home, 'queue'), { socketDir, port: 5433 });
        engines.push(q);
        queue = { kind: 'postgres', url: q.url };
      }
    }
    // Production without Redis: BullMQ's PostgreSQL backend on the same server (its own `bullmq` schema).
    queue ??= { kind: 'postgres', url: databaseUrl, schema: 'bullmq' };
    // pglite-socket multiplexes connections onto PGlite's one session, each exchange whole (the database thread
    // holds the session per exchange and per transaction: socket-session-exclusivity.ts). Several pooled
    // connections let a read (health, a page of findings) go between the job processor's queries instead of
    // queueing behind all of them in one pool; no code path awaits a second query while holding a transaction
    // (it would wait for the session its own transaction holds).
    const timeouts = opts.requestPath ? requestQueryTimeouts(config) : undefined;
    // Embedded: every writer is a thread of this process (the home is locked to it), so the marks can be counted.
    const readModelWrites = config.databaseUrl ? undefined : new ReadModelWrites().buffer;
    const runtime = await assembleRuntime(config, { databaseUrl, queue, readModelWrites, vendors, embedded: !config.databaseUrl, poolSize: config.databaseUrl ? 10 : EMBEDDED_POOL, timeouts }, async () => {
      for (const e of engines.reverse()) await e.close().catch(() => undefined);
      releaseLock();
    });
    // A failure closes the pool here; the engines and the home lock are released below.
    if (runtime.embedded) await useReadJournal(runtime, join(resolve(config.home), 'journal')).catch(async (err: unknown) => {
      await runtime.persistence.close().catch(() => undefined);
      throw err;
    });
    return runtime;
  } catch (err) {
    for (const e of engines.reverse()) await e.close().catch(() => undefined);
    releaseLock();
    throw err;
  }
}

/**
 * The request path's query bounds: PostgreSQL cancels a statement past the limit (and the client gives up a
 * little later, for a server that stopped answering altogether); the embedded engine cannot cancel one, so
 * there the client gives up at the limit (the statement still runs to its end in the engine).
 */
function requestQueryTimeouts(config: CustodyConfig): QueryTimeouts | undefined {
  const ms = config.requestQueryTimeoutMs;
  if (!ms) return undefined;
  return config.databaseUrl ? { statementMs: ms, clientMs: ms + CLIENT_GRACE_MS } : { clientMs: ms };
}

/** How much longer than the server's statement_timeout the client waits: the server's own error comes first. */
const CLIENT_GRACE_MS = 5000;

/** The database and queue a runtime uses, as a second thread of the same process connects to them. */
export interface EmbeddedEndpoints {
  databaseUrl: string;
  queue: QueueBackend;
  /**
   * Embedded mode: the process's count of mark-moving saves (ReadModelWrites' SharedArrayBuffer), shared with
   * every thread that connects, so the marks readers ask for are kept between saves. Absent in production,
   * where other processes write.
   */
  readModelWrites?: SharedArrayBuffer;
}

/**
 * A runtime on the database and queue another thread of this process opened (embedded mode's job thread, the
 * API's read thread): the same config, keys and signing key, its own small pool; closing it closes only that
 * pool. `embedded` is the opening thread's mode.
 */
export async function connectThreadRuntime(config: CustodyConfig, endpoints: EmbeddedEndpoints, opts: { embedded: boolean; poolSize: number; requestPath?: boolean }): Promise<Runtime> {
  const vendors = config.vendorsFile ? loadVendorCatalogue(config.vendorsFile) : [];
  const { requestPath, ...rest } = opts;
  return assembleRuntime(config, { ...endpoints, vendors, ...rest, timeouts: requestPath ? requestQueryTimeouts(config) : undefined }, async () => undefined);
}

async function assembleRuntime(
  config: CustodyConfig,
  opts: EmbeddedEndpoints & { vendors: VendorEntry[]; embedded: boolean; poolSize: number; timeouts?: QueryTimeouts },
  closeEngines: () => Promise<void>,
): Promise<Runtime> {
  // Read (or, on first run, made) before the database opens: without a key nothing may be stored.
  const { keyring, ...dataKeys } = openDataKeyring({ keys: config.dataKeys, keyFile: dataKeyFilePath(config), create: true });
  const auditSigner = loadAuditSigner({ pem: config.auditSigningKey, keyFile: auditSigningKeyFilePath(config), create: true });
  const signerSource = new AuditSignerSource(auditSigner, config.auditSigningKey ? undefined : auditSigningKeyFilePath(config));
  // Embedded: one engine, busy for seconds while a fleet is scored, waited for; a server of its own: a long wait is an outage.
  const persistence = await Persistence.open(opts.databaseUrl, keyring, opts.poolSize, opts.embedded ? EMBEDDED_KEY_CACHE_MS : PRODUCTION_KEY_CACHE_MS,
    opts.embedded ? CHECKOUT_WAIT_MS : SERVER_CHECKOUT_WAIT_MS, opts.timeouts, opts.readModelWrites && new ReadModelWrites(opts.readModelWrites));
  const runtime: Runtime = {
    config,
    embedded: opts.embedded,
    persistence,
    queue: opts.queue,
    vendors: opts.vendors,
    dataKeys,
    auditSigner,
    endpoints: { databaseUrl: opts.databaseUrl, queue: opts.queue, ...(opts.readModelWrites ? { readModelWrites: opts.readModelWrites } : {}) },
    currentAuditSigner() {
      runtime.auditSigner = signerSource.current();
      return runtime.auditSigner;
    },
    async close() {
      await persistence.close();
      await closeEngines();
    },
  };
  return runtime;
}

/**
 * Embedded mode logs evidence reads through a journal in the home (audit-read-journal.ts): the one database
 * session is held by scoring transactions for seconds, and a read's entry must not wait for it. Only the
 * process that owns the home opens it (its threads do not log reads); opening chains what a previous run
 * acknowledged and left unchained, so a crash's entries are on the chain before anything else runs. Closed
 * (chained) before the database.
 */
async function useReadJournal(runtime: Runtime, dir: string): Promise<void> {
  const { dataSource, events } = runtime.persistence;
  const journal = await ReadJournal.open(dir, dataSource, events);
  events.useJournal(journal);
  const close = runtime.close.bind(runtime);
  runtime.close = async () => {
    await journal.close();
    await close();
  };
}

/** PGlite must not be opened by two processes: a pid lock file turns that into a clear error. */
function lockHome(home: string): () => void {
  return takePidLock(join(home, 'custody.lock'), (pid) => new CustodyError('home_locked', pid
    ? `another Custody process (pid ${pid}) is using ${home}; stop it or set CUSTODY_HOME to another folder`
    : `another Custody process is starting in ${home} at this moment; stop it or set CUSTODY_HOME to another folder`));
}

/** Graceful stop on SIGTERM/SIGINT: close the Nest app (workers finish or release their jobs), then the engines. */
export function closeOnSignals(app: { close(): Promise<void> }, runtime: Runtime): void {
  const stop = async () => {
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
