import type { DataSource, EntityManager } from 'typeorm';
import { AUDIT_CHANGING_EVENTS, PROJECTION_INPUT_EVENTS, type EventPayload, type EventType, type RecordedEvent } from '@custody/domain';
import { EventEntity } from '../entities/index.js';
import { GENESIS_HASH, chainAtSql, chainContentPieces, chainHash, toLink, verifyLinks, type ChainEntry, type ChainLink, type ChainVerdict } from '../audit-chain.js';
import { GroupCommit } from './group-commit.js';
import type { ReadJournal } from '../audit-read-journal.js';

/** A stored event; its payload is typed by the catalogue's entry for its type. */
export type StoredEvent = RecordedEvent;

/**
 * The statement for the highest seq of a workspace's events ($1) of `types` (0 when none): one probe per type of
 * the index on (workspace_id, type, seq), not a walk back through the workspace's events past every read
 * logged since. The types are written into the statement (they are the catalogue's names, never input), so
 * the planner weighs each by its own frequency: with a parameter it assumes every type is as common and walks
 * back by seq. Exported so a test can EXPLAIN the statement the store runs.
 */
export function latestSeqOfTypesSql(types: readonly string[]): string {
  const probes = types.map((t) => {
    if (!/^[A-Za-z]+$/.test(t)) throw new Error(`not an event type name: ${t}`);
    return `(SELECT max(seq) FROM event WHERE workspace_id = $1 AND type = '${t}')`;
  });
  // greatest() skips NULLs (types without events); the 0 answers a workspace with none.
  return `SELECT greatest(0, ${probes.join(', ')}) AS seq`;
}

const CHANGE_SEQ_SQL = latestSeqOfTypesSql(AUDIT_CHANGING_EVENTS);
const INPUT_SEQ_SQL = latestSeqOfTypesSql(PROJECTION_INPUT_EVENTS);

function toStored(e: EventEntity): StoredEvent {
  return {
    seq: Number(e.seq), workspaceId: e.workspaceId, type: e.type as StoredEvent['type'],
    payload: e.payload as StoredEvent['payload'], actor: e.actor, at: new Date(e.createdAt).toISOString(),
  };
}

/** The append-only event store. Appends take the caller's transaction so state and event commit together. */
export class EventStoreRepository {
  /** Evidence reads being logged, grouped per workspace (see recordRead). */
  private readonly reads = new GroupCommit<{ payload: EventPayload<'EvidenceRead'>; actor: string }, RecordedEvent<'EvidenceRead'>>(
    (workspaceId, items) => this.appendAlone(workspaceId, 'EvidenceRead', items),
  );

  constructor(private readonly ds: DataSource) {}

  /**
   * Appends one event of the catalogue (libs/domain events.ts): its type and payload are checked together.
   * The row is chained to the workspace's previous one (prev_hash, hash; see audit-chain.ts) under the same
   * lock that orders the workspace's appends, so the chain is the seq order.
   */
  async append<T extends EventType>(manager: EntityManager, workspaceId: string, type: T, payload: EventPayload<T>, actor = 'system'): Promise<RecordedEvent<T>> {
    const [event] = await this.appendMany(manager, workspaceId, [{ type, payload }], actor);
    return event as RecordedEvent<T>;
  }

  /**
   * Appends several events of one workspace, in order, in three round trips whatever their number (a bulk
   * upload's `DocumentReceived` events: issue 11), chained one to the next exactly as single appends would be.
   */
  async appendMany(manager: EntityManager, workspaceId: string, items: readonly { type: EventType; payload: unknown }[], actor = 'system'): Promise<StoredEvent[]> {
    if (!items.length) return [];
    // Serialise appends per workspace until commit, so seq order is commit order and an SSE reader that
    // resumes "after seq N" can never skip an event that commits late; it also makes the head read below the
    // one these rows must follow.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [workspaceId]);
    // The head, and the seqs and time taken before the insert so the hash can cover them, in one round trip (after
    // the lock, which must come first); the time is the transaction's (what the column's default gave), to the
    // millisecond the audit log shows.
    const [next] = await manager.query(
      `SELECT (SELECT hash FROM event WHERE workspace_id = $1 ORDER BY seq DESC LIMIT 1) AS head,
              array(SELECT nextval(pg_get_serial_sequence('event', 'seq'))::text FROM generate_series(1, $2)) AS seqs, ${chainAtSql('now()')} AS at`,
      [workspaceId, items.length],
    ) as { head: string | null; seqs: string[]; at: string }[];
    const seqs = next!.seqs.map(Number).sort((a, b) => a - b);
    let prevHash: string = next!.head ?? GENESIS_HASH;
    const rows: unknown[][] = [];
    const events = items.map(({ type, payload }, i) => {
      // The exact JSON text stored in the jsonb column is the one hashed.
      const json = JSON.stringify(payload ?? null);
      const content = { workspaceId, seq: seqs[i]!, type, at: next!.at, actor, payload: JSON.parse(json) };
      const hash = chainHash(prevHash, content);
      rows.push([content.seq, type, json, prevHash, hash]);
      prevHash = hash;
      return { seq: content.seq, workspaceId, type, payload, actor, at: content.at } as StoredEvent;
    });
    const values = rows.map((_, i) => `($${i * 5 + 3}, $1, $${i * 5 + 4}, $${i * 5 + 5}::jsonb, $2, $${rows.length * 5 + 3}, $${i * 5 + 6}, $${i * 5 + 7})`);
    await manager.query(
      `INSERT INTO event (seq, workspace_id, type, payload, actor, created_at, prev_hash, hash) VALUES ${values.join(', ')}`,
      [workspaceId, actor, ...rows.flat(), next!.at],
    );
    return events;
  }

  /** Appends one event in a transaction of its own (for events that change nothing else). */
  async record<T extends EventType>(workspaceId: string, type: T, payload: EventPayload<T>, actor = 'system'): Promise<RecordedEvent<T>> {
    return this.ds.transaction((m) => this.append(m, workspaceId, type, payload, actor));
  }

  /**
   * Logs a read of evidence; resolves once its entry is committed (the caller answers the read only then) and
   * rejects when it could not be stored. Reads of one workspace that arrive while its previous entries are
   * being written are written together next, in arrival order (GroupCommit): a read waits for at most one
   * write before its own, and each write is one statement (appendAlone), not a transaction of five round trips.
   */
  recordRead(workspaceId: string, payload: EventPayload<'EvidenceRead'>, actor = 'system'): Promise<RecordedEvent<'EvidenceRead'>> {
    return this.reads.add(workspaceId, { payload, actor });
  }

  private journal?: ReadJournal;

  /**
   * Embedded mode: reads are logged through a durable journal beside the database (audit-read-journal.ts), not
   * in the chain on the request path, where a scoring run's transaction holds the one database session.
   */
  useJournal(journal: ReadJournal): void {
    this.journal = journal;
  }

  /** Resolves once every read logged so far is on the chain (the journal's entries chained): what the log shows then. */
  async settled(): Promise<void> {
    await this.journal?.drain();
  }

  /**
   * Logs a read of evidence before it is answered: durable in the read journal when there is one (its seq is
   * known once chained, just after), else committed on the chain (recordRead) with its seq.
   */
  async logRead(workspaceId: string, payload: EventPayload<'EvidenceRead'>, actor = 'system'): Promise<{ seq?: number }> {
    if (this.journal) {
      await this.journal.add(workspaceId, payload, actor);
      return {};
    }
    return { seq: (await this.recordRead(workspaceId, payload, actor)).seq };
  }

  /**
   * Appends events of one type in a statement of their own (custody_append_events, see its migration): the
   * same chain, lock and seq order as appendMany, in one round trip, committed when it returns. For events that
   * change nothing else (appendMany takes the caller's transaction instead).
   */
  async appendAlone<T extends EventType>(workspaceId: string, type: T, items: readonly { payload: EventPayload<T>; actor: string }[]): Promise<RecordedEvent<T>[]> {
    if (!items.length) return [];
    const actors: string[] = [], payloads: string[] = [], heads: string[] = [], mids: string[] = [];
    let tail = '';
    for (const { payload, actor } of items) {
      // The exact JSON text stored in the jsonb column is the one hashed (as in appendMany).
      const json = JSON.stringify(payload ?? null);
      const pieces = chainContentPieces({ workspaceId, type, actor, payload: JSON.parse(json) });
      actors.push(actor); payloads.push(json); heads.push(pieces.head); mids.push(pieces.mid);
      tail = pieces.tail;
    }
    const rows = await this.ds.query(
      'SELECT o_seq::text AS seq, o_at AS at FROM custody_append_events($1, $2, $3::text[], $4::text[], $5::text[], $6::text[], $7) ORDER BY o_seq',
      [workspaceId, type, actors, payloads, heads, mids, tail],
    ) as { seq: string; at: string }[];
    return rows.map((r, i) => ({ seq: Number(r.seq), workspaceId, type, payload: items[i]!.payload, actor: items[i]!.actor, at: r.at }) as RecordedEvent<T>);
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
    const r = await this.ds.query(INPUT_SEQ_SQL, [workspaceId]);
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
    const r = await this.ds.query(CHANGE_SEQ_SQL, [workspaceId]);
    return Number(r[0].seq);
  }

  /** The workspaces that have audit entries (by id; a chain outlives its workspace row). */
  async chainWorkspaces(): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query('SELECT DISTINCT workspace_id::text AS id FROM event ORDER BY 1');
    return rows.map((r) => r.id);
  }

  /**
   * A workspace's audit entries in seq order with their hashes, page by page: what `custody audit-log export`
   * prints and verification walks (`at` exactly as hashed).
   */
  async *chain(workspaceId: string, pageSize = 1000, afterSeq = 0): AsyncGenerator<ChainEntry> {
    let after = String(afterSeq);
    for (;;) {
      const rows: { seq: string; type: string; payload: unknown; actor: string; at: string; prev_hash: string | null; hash: string | null }[] = await this.ds.query(
        `SELECT seq::text AS seq, type, payload, actor, ${chainAtSql('created_at')} AS at, prev_hash, hash
           FROM event WHERE workspace_id = $1 AND seq > $2 ORDER BY event.seq LIMIT $3`,
        [workspaceId, after, pageSize],
      );
      for (const r of rows) yield { workspaceId, seq: Number(r.seq), type: r.type, at: r.at, actor: r.actor, payload: r.payload, prevHash: r.prev_hash, hash: r.hash };
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.seq;
    }
  }

  /**
   * Walks a workspace's hash chain and reports the first edited, deleted, inserted or reordered entry. Only
   * each entry's link is kept while walking (never the payloads), so a long log verifies in little memory.
   */
  async verifyChain(workspaceId: string): Promise<ChainVerdict> {
    return verifyLinks(await this.links(workspaceId));
  }

  /** Each entry's link (seq, prevHash, hash, whether its content gives its hash): what verification reads. */
  async links(workspaceId: string, afterSeq = 0): Promise<ChainLink[]> {
    const links: ChainLink[] = [];
    for await (const e of this.chain(workspaceId, 1000, afterSeq)) links.push(toLink(e));
    return links;
  }

  async latestSeq(workspaceId: string): Promise<number> {
    const r = await this.ds.query('SELECT coalesce(max(seq), 0) AS seq FROM event WHERE workspace_id = $1', [workspaceId]);
    return Number(r[0].seq);
  }
}
