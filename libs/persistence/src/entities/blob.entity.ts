import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Content-addressed bytes: the same upload twice is stored once. Config secrets are redacted before this row is written. */
@Entity('blob')
export class BlobEntity {
  @PrimaryColumn({ type: 'text' }) sha256: string;
  @Column('int') size: number;
  @Column('bytea') content: Buffer;
  @Column({ type: 'boolean', default: false }) redacted: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
