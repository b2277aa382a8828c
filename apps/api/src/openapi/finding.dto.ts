/**
 * OpenAPI schemas of the audit's building blocks. Each DTO `implements` its domain interface, so the
 * compiler fails when the documented shape and the real one drift apart.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DATA_CATEGORIES, FINDING_KINDS, SEVERITIES,
  type Citation, type DataCategory, type Evidence, type Finding, type FindingKind, type Score, type ScoreContribution, type Severity, type TriageStatus,
} from '@custody/domain';

export const TRIAGE_STATUSES: TriageStatus[] = ['open', 'accepted', 'mitigated', 'false_positive'];

export class EvidenceDto implements Evidence {
  @ApiProperty({ description: 'Verbatim text of the source at [start, end)' }) quote!: string;
  @ApiPropertyOptional({ description: 'Character offset in the extracted text' }) start?: number;
  @ApiPropertyOptional() end?: number;
  @ApiPropertyOptional({ description: 'Document id (sha256)' }) documentId?: string;
  @ApiPropertyOptional({ description: 'File name as uploaded' }) file?: string;
  @ApiPropertyOptional({ description: 'Configs: 1-based line' }) line?: number;
  @ApiPropertyOptional({ description: 'Configs: structural path, e.g. nodes[3].parameters.url' }) path?: string;
  @ApiPropertyOptional() page?: number;
}

export class CitationDto implements Citation {
  @ApiProperty({ example: '45 CFR 164.502(e)' }) ref!: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() url?: string;
}

export class TriageDto {
  @ApiProperty({ enum: TRIAGE_STATUSES }) status!: TriageStatus;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ description: 'Who decided (key prefix or name)' }) by?: string;
  @ApiPropertyOptional({ description: 'ISO time of the decision' }) at?: string;
}

/** One install a grouped fleet finding occurs on, with its own proof. */
export class FindingInstanceDto {
  @ApiProperty({ description: 'The install (a node `system:x`)' }) subject!: string;
  @ApiProperty() system!: string;
  @ApiPropertyOptional() site?: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: Severity;
  @ApiProperty({ type: [EvidenceDto] }) evidence!: EvidenceDto[];
}

export class FindingDto implements Finding {
  @ApiProperty({ description: 'Stable id `ruleId@subject`: triage survives re-runs', example: 'ai-training@system:scribe' }) id!: string;
  @ApiProperty() ruleId!: string;
  @ApiProperty({ enum: FINDING_KINDS }) kind!: FindingKind;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: Severity;
  @ApiProperty({ minimum: 0, maximum: 1 }) likelihood!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) impact!: number;
  @ApiProperty({ description: 'A node `system:x`, an edge `flow:a->b` or a path `path:a>b>c`' }) subject!: string;
  @ApiProperty({ type: [String], description: 'Systems the exposure is charged to' }) systems!: string[];
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true }) categories!: DataCategory[];
  @ApiProperty({ type: [CitationDto] }) citations!: CitationDto[];
  @ApiProperty() remediation!: string;
  @ApiProperty({ type: [EvidenceDto] }) evidence!: EvidenceDto[];
  @ApiProperty() detail!: string;
  @ApiProperty({ description: 'Points this finding adds to the workspace score' }) contribution!: number;
  @ApiPropertyOptional({ type: TriageDto }) triage?: TriageDto;
  @ApiPropertyOptional({ type: [FindingInstanceDto], description: 'A grouped fleet finding: each install it occurs on' }) instances?: FindingInstanceDto[];
  @ApiPropertyOptional({ enum: [true], description: 'A finding on a template\'s clauses (a system marked template: its party\'s name left blank): its review, listed but not scored (contribution 0; it adds nothing to score.total)' }) template?: true;
}

export class ScoreContributionDto implements ScoreContribution {
  @ApiProperty() findingId!: string;
  @ApiProperty() system!: string;
  @ApiProperty() points!: number;
}

export class ScoreDto implements Score {
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Workspace exposure' }) total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Per-system exposure, 0–100' }) nodes!: Record<string, number>;
  @ApiProperty({ type: [ScoreContributionDto] }) contributions!: ScoreContributionDto[];
  @ApiProperty() lens!: string;
}
