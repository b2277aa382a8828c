/** OpenAPI schemas of the audit report and the graph; each DTO `implements` its domain interface. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DATA_CATEGORIES, DOCUMENT_KINDS, DOCUMENT_STATUSES, DOCUMENT_TYPES, LEGAL_BASES, LENSES, SYSTEM_ROLES, TRANSPORTS,
  type AttachedContract, type AuditDocument, type AuditReport, type DataCategory, type DocumentKind, type DocumentStatus, type DocumentType,
  type ExtractedDocumentInfo, type FactSet, type GraphFlow, type GraphSystem, type LegalBasis, type Lens, type PracticeInfo, type SystemRole, type Transport,
} from '@custody/domain';
import { EvidenceDto, FindingDto, ScoreDto } from './finding.dto.js';

const FACTS_SCHEMA = {
  type: 'object' as const,
  description: 'The 12 contract facts by name (baa_offered, law_enforcement_disclosure, …), each { value, evidence[], confidence, extractor, corrected? }',
  additionalProperties: { type: 'object' },
};

export class PracticeInfoDto implements PracticeInfo {
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ example: 'US-CA' }) jurisdiction?: string;
  @ApiProperty({ enum: LENSES, isArray: true }) lenses!: Lens[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'psychotherapy_notes_kept_separately, documents_sensitive, keeps_own_copy' })
  records!: PracticeInfo['records'];
}

export class AttachedContractDto implements AttachedContract {
  @ApiProperty() documentId!: string;
  @ApiProperty() file!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty(FACTS_SCHEMA) facts!: FactSet;
  @ApiPropertyOptional({ description: 'ISO date the agreement ends' }) expires?: string;
  @ApiPropertyOptional({ type: [EvidenceDto], description: 'The clause stating the expiry date (absent in results extracted before it was kept)' }) expiresEvidence?: EvidenceDto[];
}

export class GraphSystemDto implements GraphSystem {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SYSTEM_ROLES }) role!: SystemRole;
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true }) holds!: DataCategory[];
  @ApiProperty({ type: 'object', additionalProperties: true }) settings!: Record<string, unknown>;
  @ApiProperty({ type: [AttachedContractDto] }) contracts!: AttachedContractDto[];
  @ApiProperty({ type: [EvidenceDto] }) evidence!: EvidenceDto[];
  @ApiPropertyOptional({ type: 'object', properties: { vendor: { type: 'string' }, site: { type: 'string' } } }) group?: { vendor?: string; site?: string };
  @ApiPropertyOptional({ enum: [true], description: 'Made from its own contract for a vendor assessment, not declared by any input' }) assessed?: true;
  @ApiPropertyOptional({ enum: [true], description: 'An assessed system made from a template whose party\'s name is blank: its findings read the clauses as written, rating no vendor' }) template?: true;
  @ApiPropertyOptional({ enum: [true], description: 'An assessed system made from terms whose vendor\'s name was not found: named after its file (not the vendor\'s own name), its terms scored as a vendor\'s' }) unnamed?: true;
}

export class GraphFlowDto implements GraphFlow {
  @ApiProperty({ example: 'ehr->clearinghouse' }) id!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true }) data!: DataCategory[];
  @ApiProperty({ enum: TRANSPORTS }) transport!: Transport;
  @ApiPropertyOptional() purpose?: string;
  @ApiProperty({ enum: LEGAL_BASES }) legalBasis!: LegalBasis;
  @ApiPropertyOptional() endpoint?: string;
  @ApiProperty({ type: [EvidenceDto] }) evidence!: EvidenceDto[];
  @ApiPropertyOptional({ enum: [true], description: 'Assumed for a vendor assessment (what the practice would send the assessed vendor), not seen in any config' }) assessed?: true;
}

export class DocumentInfoDto implements ExtractedDocumentInfo {
  @ApiPropertyOptional() file?: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiPropertyOptional() title?: string;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, role: { type: 'string' } } } }) parties!: ExtractedDocumentInfo['parties'];
  @ApiPropertyOptional() vendor?: string;
  @ApiProperty() textLength!: number;
  @ApiPropertyOptional() pages?: number;
  @ApiPropertyOptional() expires?: string;
  @ApiPropertyOptional({ type: EvidenceDto, description: 'The clause stating the expiry date' }) expiresEvidence?: EvidenceDto;
  @ApiPropertyOptional() effective?: string;
}

export class AuditDocumentDto implements AuditDocument {
  @ApiProperty() id!: string;
  @ApiProperty() file!: string;
  @ApiProperty({ enum: DOCUMENT_TYPES }) type!: DocumentType;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  @ApiPropertyOptional({ description: 'Why a document is unparsed or failed' }) reason?: string;
  @ApiPropertyOptional() format?: string;
  @ApiPropertyOptional({ description: 'System the contract is attached to' }) system?: string;
  @ApiPropertyOptional({ type: DocumentInfoDto }) info?: DocumentInfoDto;
  @ApiPropertyOptional(FACTS_SCHEMA) facts?: FactSet;
}

class WorkspaceRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

class RuleErrorDto {
  @ApiProperty() ruleId!: string;
  @ApiProperty() message!: string;
}

export class AuditReportDto implements AuditReport {
  @ApiProperty({ type: WorkspaceRefDto }) workspace!: WorkspaceRefDto;
  @ApiProperty({ description: 'ISO time' }) generatedAt!: string;
  @ApiProperty({ enum: LENSES }) lens!: Lens;
  @ApiProperty({ type: PracticeInfoDto }) practice!: PracticeInfoDto;
  @ApiProperty({ type: ScoreDto }) score!: ScoreDto;
  @ApiProperty({ type: [GraphSystemDto] }) systems!: GraphSystemDto[];
  @ApiProperty({ type: [GraphFlowDto] }) flows!: GraphFlowDto[];
  @ApiProperty({ type: [FindingDto] }) findings!: FindingDto[];
  @ApiProperty({ type: [AuditDocumentDto] }) documents!: AuditDocumentDto[];
  @ApiProperty({ type: [RuleErrorDto], description: 'Rules that threw: reported, the audit goes on' }) ruleErrors!: RuleErrorDto[];
  @ApiPropertyOptional({ enum: [true], description: 'Set when the report is a vendor assessment (no system was given: each contract\'s vendor assessed from its terms under assumed flows)' }) assessed?: true;
  @ApiPropertyOptional({ enum: [true], description: 'Set when every assessed vendor is a template whose party\'s name is left blank: no vendor was assessed, so the score rates no one (shown as not applicable)' }) template?: true;
}
