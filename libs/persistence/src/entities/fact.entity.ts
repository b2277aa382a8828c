import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One extracted fact of a contract, as the machine found it. Human corrections are events, applied on read. */
@Entity('fact')
export class FactEntity {
  @PrimaryColumn({ name: 'document_id', type: 'uuid' }) documentId: string;
  @PrimaryColumn('text') name: string;
  @Index() @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  /** SQL NULL for a numeric fact the document leaves unstated. */
  @Column({ type: 'jsonb', nullable: true }) value: unknown;
  /** Quotes of the document: sealed (`evidenceSealed` under `keyId`); clear only in rows from before. */
  @Column({ type: 'jsonb', nullable: true }) evidence: unknown;
  @Column({ name: 'evidence_sealed', type: 'bytea', nullable: true }) evidenceSealed: Buffer | null;
  @Column({ name: 'key_id', type: 'text', nullable: true }) keyId: string | null;
  @Column('real') confidence: number;
  @Column('text') extractor: string;
}
