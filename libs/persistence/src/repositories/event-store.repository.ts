import type { DataSource, EntityManager } from 'typeorm';
import { EventEntity } from '../entities/index.js';

export interface StoredEvent {
  seq: number;
  workspaceId: string;
  type: string;
  payload: Record<string, unknown>;
  actor: string;
  at: string;
}

function toStored(e: EventEntity): StoredEvent {
  return {
    seq: Number(e.seq), workspaceId: e.workspaceId, type: e.type,
    payload: e.payload as Record<string, unknown>, actor: e.actor, at: new Date(e.createdAt).toISOString(),
  };
}

/** The append-only event store. Appends take the caller's transaction so state and event commit together. */
export class EventStoreRepository {
  constructor(private readonly ds: DataSource) {}

  async append(manager: EntityManager, workspaceId: string, type: string, payload: object, actor = 'system'): Promise<StoredEvent> {
    // Serialise appends per workspace until commit, so seq order is commit order and an SSE reader that
    // resumes "after seq N" can never skip an event that commits late.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [workspaceId]);
    const row = manager.create(EventEntity, { workspaceId, type, payload, actor });
    const saved = await manager.save(EventEntity, row);
    return toStored(saved);
  }

  /** Appends one event in a transaction of its own (for events that change nothing else). */
  async record(workspaceId: string, type: string, payload: object, actor = 'system'): Promise<StoredEvent> {
    return this.ds.transaction((m) => this.append(m, workspaceId, type, payload, actor));
  }

  async since(workspaceId: string, afterSeq: number, limit = 500): Promise<StoredEvent[]> {
    const rows = await this.ds.getRepository(EventEntity).createQueryBuilder('e')
      .where('e.workspace_id = :workspaceId AND e.seq > :afterSeq', { workspaceId, afterSeq })
      .orderBy('e.seq', 'ASC').limit(limit).getMany();
    return rows.map(toStored);
  }

  /** Every event of a workspace recorded at or before `at` (for "as of" queries). */
  async upTo(workspaceId: string, at: Date): Promise<StoredEvent[]> {
    const rows = await this.ds.getRepository(EventEntity).createQueryBuilder('e')
      .where('e.workspace_id = :workspaceId AND e.created_at <= :at', { workspaceId, at })
      .orderBy('e.seq', 'ASC').getMany();
    return rows.map(toStored);
  }

  async ofType(workspaceId: string, types: string[]): Promise<StoredEvent[]> {
    const rows = await this.ds.getRepository(EventEntity).createQueryBuilder('e')
      .where('e.workspace_id = :workspaceId AND e.type IN (:...types)', { workspaceId, types })
      .orderBy('e.seq', 'ASC').getMany();
    return rows.map(toStored);
  }

  /**
   * The highest seq of the events a projection reads (documents, their outcomes, corrections, setting
   * changes arrive as documents): reads, graph and score events do not move it, so they never cause or
   * rename projection jobs.
   */
  async inputSeq(workspaceId: string): Promise<number> {
    const r = await this.ds.query(
      `SELECT coalesce(max(seq), 0) AS seq FROM event WHERE workspace_id = $1 AND type IN ('DocumentReceived', 'FactsExtracted', 'DocumentRejected', 'FactCorrected')`,
      [workspaceId],
    );
    return Number(r[0].seq);
  }

  /** The highest seq of anything that changes what an audit shows (every event but reads). */
  async changeSeq(workspaceId: string): Promise<number> {
    const r = await this.ds.query(`SELECT coalesce(max(seq), 0) AS seq FROM event WHERE workspace_id = $1 AND type <> 'EvidenceRead'`, [workspaceId]);
    return Number(r[0].seq);
  }

  async latestSeq(workspaceId: string): Promise<number> {
    const r = await this.ds.query('SELECT coalesce(max(seq), 0) AS seq FROM event WHERE workspace_id = $1', [workspaceId]);
    return Number(r[0].seq);
  }
}
