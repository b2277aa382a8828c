import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities/index.js';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema.js';
import { ApiKeyRoles1764700000000 } from './migrations/1764700000000-api-key-roles.js';
import { EventHashChain1765000000000 } from './migrations/1765000000000-event-hash-chain.js';
import { ScoreReadModel1765100000000 } from './migrations/1765100000000-score-read-model.js';
import { SealedContent1765300000000 } from './migrations/1765300000000-sealed-content.js';
import { AuditCheckpoint1765400000000 } from './migrations/1765400000000-audit-checkpoint.js';
import { ProjectionInput1765500000000 } from './migrations/1765500000000-projection-input.js';
import { SealedReadModels1765600000000 } from './migrations/1765600000000-sealed-read-models.js';
import { FindingPageOrder1765720000000 } from './migrations/1765720000000-finding-page-order.js';
import { FindingPageHead1765800000000 } from './migrations/1765800000000-finding-page-head.js';
import { ScoreGroupedView1765900000000 } from './migrations/1765900000000-score-grouped-view.js';
import { EventTypeSeq1765960000000 } from './migrations/1765960000000-event-type-seq.js';
import { AppendEventsFunction1766000000000 } from './migrations/1766000000000-append-events-function.js';
import { ReadJournalMark1766100000000 } from './migrations/1766100000000-read-journal-mark.js';
import { FindingContribution1766200000000 } from './migrations/1766200000000-finding-contribution.js';

const MIGRATION_LOCK = 7_281_337;
const LOCK_POLL_MS = 100;

/**
 * Takes the migration lock by polling pg_try_advisory_lock, not by waiting in pg_advisory_lock: a session blocked
 * in that statement holds its snapshot, and a migration building an index CONCURRENTLY on the lock holder's side
 * waits for every older snapshot to end, so the two would deadlock (PostgreSQL then aborts one of the boots).
 * Between polls the waiting session holds no snapshot.
 */
async function takeMigrationLock(runner: { query(sql: string, params?: unknown[]): Promise<{ locked: boolean }[]> }): Promise<void> {
  for (;;) {
    const [row] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [MIGRATION_LOCK]);
    if (row?.locked) return;
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

export const MIGRATIONS = [
  InitialSchema1763800000000, ApiKeyRoles1764700000000, EventHashChain1765000000000, ScoreReadModel1765100000000,
  SealedContent1765300000000, AuditCheckpoint1765400000000, ProjectionInput1765500000000,
  SealedReadModels1765600000000, FindingPageOrder1765720000000, FindingPageHead1765800000000,
  ScoreGroupedView1765900000000, EventTypeSeq1765960000000, AppendEventsFunction1766000000000,
  ReadJournalMark1766100000000, FindingContribution1766200000000,
];

/**
 * How long a new connection may take to be established: a server that is down refuses at once, but one that
 * is unreachable would hold a request until the OS gives up (minutes); bounded, it is an error the API answers 503.
 */
export const CONNECT_TIMEOUT_MS = 5000;
/**
 * How long a query may wait for one of the pool's connections while all are busy. node-postgres's pool uses its
 * one `connectionTimeoutMillis` for this wait and for a new connection alike, so a busy but healthy database
 * (the embedded engine, one exchange at a time, while a fleet is scored; the API's read thread has one
 * connection) failed reads after 5 s with "timeout exceeded when trying to connect", answered 503 "database
 * unavailable" (bench:api, embedded: one findings read, 5.05 s). A wait for a busy connection is load, not an
 * outage: it gets longer, and only the connect keeps CONNECT_TIMEOUT_MS (BoundedConnectClient).
 */
export const CHECKOUT_WAIT_MS = 30_000;
/**
 * The wait for a busy connection against a database server of its own (production): a server that stops
 * answering (hung, partitioned) leaves its in-flight queries hanging with their connections, and a query queued
 * behind them learns the database is down only when this wait ends. Its ten connections make a long wait for a
 * healthy one unlikely, so callers keep the connect bound (as before CHECKOUT_WAIT_MS) rather than 30 s.
 */
export const SERVER_CHECKOUT_WAIT_MS = CONNECT_TIMEOUT_MS;

/** A pg client whose own connect is bounded by CONNECT_TIMEOUT_MS, whatever the pool's wait for a busy connection. */
export class BoundedConnectClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(typeof config === 'string' ? { connectionString: config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS } : { ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

/**
 * Bounds on each query of a pool (the API's: a request must not hang on a query that never answers).
 * `statementMs`: the server cancels a statement past it (PostgreSQL statement_timeout, SQLSTATE 57014).
 * `clientMs`: the client gives up on an answer past it ('Query read timeout'): the only bound on the embedded
 * engine (PGlite runs a statement to its end; it has no timer to cancel it) and on a server that stopped answering.
 */
export interface QueryTimeouts {
  statementMs?: number;
  clientMs?: number;
}

/** TypeORM options for Custody's database; migrations (never `synchronize`) shape the schema. */
export function dataSourceOptions(url: string, poolSize = 10, checkoutWaitMs = CHECKOUT_WAIT_MS, timeouts: QueryTimeouts = {}, keepIdle = false): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    installExtensions: false,
    // Off: TypeORM's error log prints query parameters, which can carry PHI. Errors still propagate.
    logging: false,
    // The pool's option (TypeORM passes it as connectionTimeoutMillis) bounds the wait for a busy connection;
    // each new connection is bounded by CONNECT_TIMEOUT_MS in BoundedConnectClient (see CHECKOUT_WAIT_MS).
    connectTimeoutMS: checkoutWaitMs,
    extra: {
      max: poolSize, Client: BoundedConnectClient,
      // The embedded engine (keepIdle): idle connections stay open. node-postgres closes them after 10 s idle, and
      // the next query then connects anew, a handshake that waits behind whatever transaction holds PGlite's one
      // session: a read after a quiet spell failed with a connect timeout (503) while a fleet's scoring wrote
      // (bench:api, reads kept in memory between saves). A connection to an in-process engine costs nothing to keep.
      ...(keepIdle ? { idleTimeoutMillis: 0 } : {}),
      ...(timeouts.statementMs ? { statement_timeout: timeouts.statementMs } : {}),
      ...(timeouts.clientMs ? { query_timeout: timeouts.clientMs } : {}),
    },
  };
}

/** Opens the data source and brings the schema up to date (migrations take an advisory lock, so concurrent boots are safe). */
export async function openDataSource(url: string, poolSize = 10, checkoutWaitMs = CHECKOUT_WAIT_MS, timeouts: QueryTimeouts = {}, keepIdle = false): Promise<DataSource> {
  if (timeouts.statementMs || timeouts.clientMs) {
    // Migrations (an index built on a large log) may run far longer than a request's query: through a pool of
    // their own, without the bounds, before the bounded pool opens.
    await (await openDataSource(url, Math.min(poolSize, 2), checkoutWaitMs)).destroy();
    const bounded = new DataSource(dataSourceOptions(url, poolSize, checkoutWaitMs, timeouts, keepIdle));
    await bounded.initialize();
    return bounded;
  }
  const ds = new DataSource(dataSourceOptions(url, poolSize, checkoutWaitMs, {}, keepIdle));
  await ds.initialize();
  // A single-connection pool cannot hold a lock on one
  // connection while migrating on another.
  if (poolSize === 1) {
    await ds.runMigrations({ transaction: 'each' });
    return ds;
  }
  // api and worker may boot at once against one database: serialise migrations on an advisory lock.
  const runner = ds.createQueryRunner();
  try {
    await takeMigrationLock(runner);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
  return ds;
}
