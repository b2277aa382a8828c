import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

@Entity('document')
@Unique('uq_document_workspace_sha', ['workspaceId', 'sha256'])
export class DocumentEntity {
  @PrimaryColumn('uuid') id: string;
  @Index() @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column('text') sha256: string;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  @Column('int') size: number;
  /** contract | manifest | integration_config | fleet_export | unknown (known after extraction). */
  @Column({ type: 'text', default: 'unknown' }) type: string;
  @Column({ type: 'text', default: 'received' }) status: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'text', nullable: true }) format: string | null;
  /**
   * The analysis (extraction or parse result); facts are also normalised into `fact`. It quotes the document,
   * so it is sealed (`analysisSealed` under `analysisKeyId`); the clear column only holds rows from before.
   */
  @Column({ type: 'jsonb', nullable: true }) analysis: unknown;
  @Column({ name: 'analysis_sealed', type: 'bytea', nullable: true }) analysisSealed: Buffer | null;
  @Column({ name: 'analysis_key_id', type: 'text', nullable: true }) analysisKeyId: string | null;
  /**
   * The projection input (libs/audit projection-input.ts): the part of the analysis the projection reads,
   * bounded, sealed under `projectionKeyId`. Read by every re-audit instead of the analysis; NULL on rows
   * from before it existed (the analysis is reduced when read then).
   */
  @Column({ name: 'projection_sealed', type: 'bytea', nullable: true, select: false }) projectionSealed: Buffer | null;
  @Column({ name: 'projection_key_id', type: 'text', nullable: true, select: false }) projectionKeyId: string | null;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true }) processedAt: Date | null;
}
