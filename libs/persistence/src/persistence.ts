import type { DataSource } from 'typeorm';
import { openDataSource, type QueryTimeouts } from './data-source.js';
import { ApiKeyRepository } from './repositories/api-key.repository.js';
import { DocumentRepository } from './repositories/document.repository.js';
import { EventStoreRepository } from './repositories/event-store.repository.js';
import { ProjectionRepository } from './repositories/projection.repository.js';
import { WorkspaceRepository } from './repositories/workspace.repository.js';
import { SealedDataRepository } from './repositories/sealed-data.repository.js';
import { CheckpointRepository } from './repositories/checkpoint.repository.js';
import type { DataKeyring } from './crypto/data-keys.js';
import { VerifiedKeyCache } from './repositories/verified-keys.js';
import type { ReadModelWrites } from './repositories/read-model-writes.js';

/** The repositories over one data source: the only door to the database for the rest of Custody. */
export class Persistence {
  readonly events: EventStoreRepository;
  readonly workspaces: WorkspaceRepository;
  readonly documents: DocumentRepository;
  readonly projections: ProjectionRepository;
  readonly keys: ApiKeyRepository;
  readonly sealed: SealedDataRepository;
  readonly checkpoints: CheckpointRepository;

  /**
   * `dataKeys` seals document bytes, analyses, evidence and the read models at rest (crypto/data-keys.ts).
   * `keyCacheMs`: how long a verified API key is trusted without reading its row again (verified-keys.ts);
   * 0 (the default) reads it on every request. `readModelWrites`: the process's count of mark-moving saves,
   * shared by its threads (embedded mode only: see ReadModelWrites).
   */
  constructor(readonly dataSource: DataSource, readonly dataKeys: DataKeyring, keyCacheMs = 0, readModelWrites?: ReadModelWrites) {
    this.events = new EventStoreRepository(dataSource);
    this.keys = new ApiKeyRepository(dataSource, new VerifiedKeyCache(keyCacheMs));
    this.workspaces = new WorkspaceRepository(dataSource, this.keys);
    this.documents = new DocumentRepository(dataSource, this.events, dataKeys);
    this.sealed = new SealedDataRepository(dataSource, dataKeys);
    this.checkpoints = new CheckpointRepository(dataSource, this.events);
    this.projections = new ProjectionRepository(dataSource, this.events, dataKeys, readModelWrites);
  }

  /**
   * `readModelWrites`: embedded mode's count of mark-moving saves (see the constructor); with it the pool also
   * keeps its idle connections open (the in-process engine: see dataSourceOptions).
   * `checkoutWaitMs`: how long a query waits for a busy connection (CHECKOUT_WAIT_MS, or SERVER_CHECKOUT_WAIT_MS on a
   * server of its own). `timeouts`: bounds on every query of the pool (QueryTimeouts; the API's request path).
   */
  static async open(url: string, dataKeys: DataKeyring, poolSize?: number, keyCacheMs?: number, checkoutWaitMs?: number, timeouts?: QueryTimeouts, readModelWrites?: ReadModelWrites): Promise<Persistence> {
    // Counted saves mean the embedded engine, whose idle connections stay open (dataSourceOptions' keepIdle).
    return new Persistence(await openDataSource(url, poolSize, checkoutWaitMs, timeouts, Boolean(readModelWrites)), dataKeys, keyCacheMs, readModelWrites);
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
