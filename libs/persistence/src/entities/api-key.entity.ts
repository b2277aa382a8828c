import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** API keys are stored as sha256 hashes; only the prefix is kept in clear for listing. */
@Entity('api_key')
export class ApiKeyEntity {
  @PrimaryColumn('uuid') id: string;
  @Index() @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column('text') name: string;
  @Column({ type: 'text', unique: true }) hash: string;
  @Column('text') prefix: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  /** owner | auditor | viewer (see `KeyRole`). */
  @Column({ type: 'text', default: 'owner' }) role: string;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
}
