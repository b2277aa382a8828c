import type { DataSource, EntityManager } from 'typeorm';
import { AUDIT_CHANGING_EVENTS, PROJECTION_INPUT_EVENTS, type EventPayload, type EventType, type RecordedEvent } from '@custody/domain';
import { EventEntity } from '../entities/index.js';

/** A stored event; its payload is typed by the catalogue's entry for its type. */
export type StoredEvent = RecordedEvent;

function toStored(e: EventEntity): StoredEvent {
  return {
    seq: Number(e.seq), workspaceId: e.workspaceId, type: e.type as StoredEvent['type'],
    payload: e.payload as StoredEvent['payload'], actor: e.actor, at: new Date(e.createdAt).toISOString(),
  };
}

/** The append-only event store. Appends take the caller's transaction so state and event commit together. */
export class EventStoreRepository {
  constructor(private readonly ds: DataSource) {}

  /** Appends one event of the catalogue (libs/domain events.ts): its type and payload are checked together. */
  async append<T extends EventType>(manager: EntityManager, workspaceId: string, type: T, payload: EventPayload<T>, actor = 'system'): Promise<RecordedEvent<T>> {
    // Serialise appends per workspace until commit, so seq order is commit order and an SSE reader that
    // resumes "after seq N" can never skip an event that commits late.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [workspaceId]);
    const row = manager.create(EventEntity, { workspaceId, type, payload, actor });
    const saved = await manager.save(EventEntity, row);
    return toStored(saved) as RecordedEvent<T>;
  }

  /** Appends one event in a transaction of its own (for events that change nothing else). */
  async record<T extends EventType>(workspaceId: string, type: T, payload: EventPayload<T>, actor = 'system'): Promise<RecordedEvent<T>> {
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

  async ofType<T extends EventType>(workspaceId: string, types: readonly T[]): Promise<RecordedEvent<T>[]> {
    const rows = await this.ds.getRepository(EventEntity).createQueryBuilder('e')
      .where('e.workspace_id = :workspaceId AND e.type IN (:...types)', { workspaceId, types })
      .orderBy('e.seq', 'ASC').getMany();
    return rows.map(toStored) as RecordedEvent<T>[];
  }

  /**
   * The highest seq of the events a projection reads (documents, their outcomes, corrections, setting
   * changes arrive as documents): reads, graph and score events do not move it, so they never cause or
   * rename projection jobs.
   */
  async inputSeq(workspaceId: string): Promise<number> {
    const r = await this.ds.query(
      'SELECT coalesce(max(seq), 0) AS seq FROM event WHERE workspace_id = $1 AND type = ANY($2)',
      [workspaceId, PROJECTION_INPUT_EVENTS],
    );
    return Number(r[0].seq);
  }

  /** The projection's high-water mark with its time: the graph reflects its inputs as of then, not a wall clock. */
  async inputMark(workspaceId: string): Promise<{ seq: number; at?: string }> {
    const r = await this.ds.query(
      'SELECT seq, created_at AS at FROM event WHERE workspace_id = $1 AND type = ANY($2) ORDER BY seq DESC LIMIT 1',
      [workspaceId, PROJECTION_INPUT_EVENTS],
    );
    return r[0] ? { seq: Number(r[0].seq), at: new Date(r[0].at).toISOString() } : { seq: 0 };
  }

  /** The highest seq of anything that changes what an audit shows (every event but reads). */
  async changeSeq(workspaceId: string): Promise<number> {
    const r = await this.ds.query('SELECT coalesce(max(seq), 0) AS seq FROM event WHERE workspace_id = $1 AND type = ANY($2)', [workspaceId, AUDIT_CHANGING_EVENTS]);
    return Number(r[0].seq);
  }

  async latestSeq(workspaceId: string): Promise<number> {
    const r = await this.ds.query('SELECT coalesce(max(seq), 0) AS seq FROM event WHERE workspace_id = $1', [workspaceId]);
    return Number(r[0].seq);
  }
}
