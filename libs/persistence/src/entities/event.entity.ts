import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The append-only event store, the source of truth: projections can be rebuilt from it and
 * "as of" queries read it. A trigger (see the migration) rejects UPDATE and DELETE.
 */
@Entity('event')
@Index('ix_event_workspace_seq', ['workspaceId', 'seq'])
export class EventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) seq: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column('text') type: string;
  @Column('jsonb') payload: unknown;
  @Column({ type: 'text', default: 'system' }) actor: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
