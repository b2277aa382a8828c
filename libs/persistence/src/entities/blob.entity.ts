import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Content-addressed bytes: the same upload twice is stored once. Config secrets are redacted before this row is
 * written. `content` is sealed (AES-256-GCM) under data key `keyId`; NULL marks a row stored in clear before
 * encryption at rest, still read until `custody keys rotate-data-key` seals it.
 */
@Entity('blob')
export class BlobEntity {
  @PrimaryColumn({ type: 'text' }) sha256: string;
  @Column('int') size: number;
  @Column('bytea') content: Buffer;
  @Column({ name: 'key_id', type: 'text', nullable: true }) keyId: string | null;
  @Column({ type: 'boolean', default: false }) redacted: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
