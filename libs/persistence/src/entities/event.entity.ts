import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The append-only event store, the source of truth: projections can be rebuilt from it and
 * "as of" queries read it. A trigger (see the migration) rejects UPDATE and DELETE, and each row is hash-chained
 * to the previous row of its workspace (`prev_hash`, `hash`; see audit-chain.ts), so an edit made past the
 * trigger shows.
 */
@Entity('event')
@Index('ix_event_workspace_seq', ['workspaceId', 'seq'])
@Index('ix_event_workspace_type_seq', ['workspaceId', 'type', 'seq'])
export class EventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) seq: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column('text') type: string;
  @Column('jsonb') payload: unknown;
  @Column({ type: 'text', default: 'system' }) actor: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'prev_hash', type: 'text' }) prevHash: string;
  @Column('text') hash: string;
}
