import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The current graph projection of a workspace: rebuilt wholesale by the `project` job. */
@Entity('graph_projection')
export class GraphProjectionEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column('int') version: number;
  /** The highest event seq the projection has seen. */
  @Column({ name: 'event_seq', type: 'bigint' }) eventSeq: string;
  @Column('jsonb') graph: unknown;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('system_node')
export class SystemNodeEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @PrimaryColumn('text') id: string;
  @Column('text') name: string;
  @Column('text') role: string;
  @Column('jsonb') data: unknown;
}

@Entity('flow_edge')
export class FlowEdgeEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @PrimaryColumn('text') id: string;
  @Column({ name: 'from_id', type: 'text' }) fromId: string;
  @Column({ name: 'to_id', type: 'text' }) toId: string;
  @Column('jsonb') data: unknown;
}

/** Findings keep their history: first and last seen, resolved when a re-run no longer produces them. */
@Entity('finding')
export class FindingEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @PrimaryColumn('text') id: string;
  @Column('text') kind: string;
  @Column('text') severity: string;
  @Column('jsonb') data: unknown;
  @Column({ name: 'first_seen_at', type: 'timestamptz' }) firstSeenAt: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
}

@Entity('score')
export class ScoreEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column('real') total: number;
  @Column('jsonb') data: unknown;
  @Column({ name: 'graph_version', type: 'int' }) graphVersion: number;
  @Column({ name: 'computed_at', type: 'timestamptz' }) computedAt: Date;
  /** The lens the findings were scored under (null: scored before the read model kept it). */
  @Column({ type: 'text', nullable: true }) lens: string | null;
  @Column({ name: 'rule_errors', type: 'jsonb', default: () => "'[]'" }) ruleErrors: unknown;
  /** The evaluation time ("now" of the rules), which a scheduled re-score sets apart from the write time. */
  @Column({ name: 'evaluated_at', type: 'timestamptz', nullable: true }) evaluatedAt: Date | null;
}
