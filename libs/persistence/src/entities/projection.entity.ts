import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The current graph projection of a workspace: rebuilt wholesale by the `project` job. The graph quotes
 * documents (evidence, contract facts), so it is sealed as one value per workspace (`graphSealed` under
 * `keyId`): it is only ever read whole. The clear column holds only rows from before (migration 1765600000000).
 */
@Entity('graph_projection')
export class GraphProjectionEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column('int') version: number;
  /** The highest event seq the projection has seen. */
  @Column({ name: 'event_seq', type: 'bigint' }) eventSeq: string;
  @Column({ type: 'jsonb', nullable: true }) graph: unknown;
  @Column({ name: 'graph_sealed', type: 'bytea', nullable: true }) graphSealed: Buffer | null;
  @Column({ name: 'key_id', type: 'text', nullable: true }) keyId: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/**
 * The graph's systems and flows as rows, for SQL that joins on them: ids and role only. Their names and data
 * (quotes) live in the sealed graph alone; nothing reads them per row. `name` and `data` are NULL in rows
 * written since migration 1765600000000.
 */
@Entity('system_node')
export class SystemNodeEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @PrimaryColumn('text') id: string;
  @Column({ type: 'text', nullable: true }) name: string | null;
  @Column('text') role: string;
  @Column({ type: 'jsonb', nullable: true }) data: object | null;
}

@Entity('flow_edge')
export class FlowEdgeEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @PrimaryColumn('text') id: string;
  @Column({ name: 'from_id', type: 'text' }) fromId: string;
  @Column({ name: 'to_id', type: 'text' }) toId: string;
  @Column({ type: 'jsonb', nullable: true }) data: object | null;
}

/**
 * Findings keep their history: first and last seen, resolved when a re-run no longer produces them. What they
 * quote is sealed per row (`dataSealed` under `keyId`): findings are read and paged per row. Kind, severity
 * and the times stay clear for filtering, and the points it adds to the score for ranking a page as reports do.
 */
@Entity('finding')
export class FindingEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @PrimaryColumn('text') id: string;
  @Column('text') kind: string;
  @Column('text') severity: string;
  /** Finding.contribution: a number the clear score total is the sum of, so it holds nothing a row seals. */
  @Column({ type: 'double precision', default: 0 }) contribution: number;
  @Column({ type: 'jsonb', nullable: true }) data: object | null;
  @Column({ name: 'data_sealed', type: 'bytea', nullable: true }) dataSealed: Buffer | null;
  @Column({ name: 'key_id', type: 'text', nullable: true }) keyId: string | null;
  /** A grouped finding with many instances: itself with only its first instances and their count, sealed (same key). */
  @Column({ name: 'head_sealed', type: 'bytea', nullable: true, select: false }) headSealed?: Buffer | null;
  @Column({ name: 'first_seen_at', type: 'timestamptz' }) firstSeenAt: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
}

/**
 * The score: total, version and times clear; the per-system breakdown (system ids and names) and the rule
 * errors (messages may quote what a rule read) sealed together as `{ score, ruleErrors }` in `dataSealed`.
 */
@Entity('score')
export class ScoreEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column('real') total: number;
  @Column({ type: 'jsonb', nullable: true }) data: object | null;
  @Column({ name: 'data_sealed', type: 'bytea', nullable: true }) dataSealed: Buffer | null;
  @Column({ name: 'key_id', type: 'text', nullable: true }) keyId: string | null;
  @Column({ name: 'graph_version', type: 'int' }) graphVersion: number;
  @Column({ name: 'computed_at', type: 'timestamptz' }) computedAt: Date;
  /** The lens the findings were scored under (null: scored before the read model kept it). */
  @Column({ type: 'text', nullable: true }) lens: string | null;
  /** Clear only in rows from before sealing; NULL when sealed (inside `dataSealed`). */
  @Column({ name: 'rule_errors', type: 'jsonb', nullable: true, default: () => "'[]'" }) ruleErrors: unknown;
  /** The evaluation time ("now" of the rules), which a scheduled re-score sets apart from the write time. */
  @Column({ name: 'evaluated_at', type: 'timestamptz', nullable: true }) evaluatedAt: Date | null;
  /** The run's grouped map view (nothing expanded), sealed under `groupedKeyId`; NULL when not stored. */
  // Not selected by default: every score read (GET /score, the score job's checks) would carry the whole view.
  @Column({ name: 'grouped_sealed', type: 'bytea', nullable: true, select: false }) groupedSealed?: Buffer | null;
  @Column({ name: 'grouped_key_id', type: 'text', nullable: true }) groupedKeyId: string | null;
}
