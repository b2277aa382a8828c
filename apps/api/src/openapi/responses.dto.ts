/** OpenAPI schemas of responses that are not the audit itself. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, TRIAGE_STATUSES, type AuditDiff, type DocumentStatus, type DocumentType, type TriageStatus } from '@custody/domain';
import { GraphFlowDto, GraphSystemDto } from './audit.dto.js';
import { FindingDto, ScoreDto } from './finding.dto.js';

export class IngestResultDto {
  @ApiProperty() documentId!: string;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  @ApiProperty({ description: 'False when the same bytes were already in the workspace' }) created!: boolean;
  @ApiProperty() sha256!: string;
  @ApiProperty() fileName!: string;
}

export class UploadResponseDto {
  @ApiPropertyOptional({ description: 'One file: the document id' }) id?: string;
  @ApiPropertyOptional() documentId?: string;
  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES }) status?: DocumentStatus;
  @ApiPropertyOptional() created?: boolean;
  @ApiPropertyOptional() sha256?: string;
  @ApiPropertyOptional() fileName?: string;
  @ApiPropertyOptional({ type: [IngestResultDto], description: 'Several files: one result each' }) documents?: IngestResultDto[];
}

export class BulkItemErrorDto {
  @ApiProperty({ example: 'invalid_input' }) code!: string;
  @ApiProperty() message!: string;
}

export class BulkItemDto {
  @ApiProperty() fileName!: string;
  @ApiPropertyOptional({ description: 'Stored: the document (new, or the one with the same bytes)' }) documentId?: string;
  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES }) status?: DocumentStatus;
  @ApiPropertyOptional({ description: 'False when the same bytes were already in the workspace' }) created?: boolean;
  @ApiPropertyOptional() sha256?: string;
  @ApiPropertyOptional({ type: BulkItemErrorDto, description: 'Refused: why (nothing of this file was stored)' }) error?: BulkItemErrorDto;
}

export class BulkUploadResponseDto {
  @ApiProperty({ type: [BulkItemDto], description: 'One result per file, in the order sent' }) documents!: BulkItemDto[];
  @ApiProperty({ description: 'Files stored (new or already known)' }) accepted!: number;
  @ApiProperty({ description: 'Files refused, each with its error' }) refused!: number;
}

export class WebhookResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  @ApiProperty() created!: boolean;
}

export class StoredDocumentDto {
  @ApiProperty() id!: string;
  @ApiProperty() workspaceId!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ enum: DOCUMENT_TYPES }) type!: DocumentType;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional() format?: string;
  @ApiProperty() attempts!: number;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional() processedAt?: string;
}

export class DocumentDetailDto extends StoredDocumentDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Contracts: kind, title, parties, vendor' }) info?: unknown;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Contracts: the 12 facts with evidence' }) facts?: unknown;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Configs: systems, flows, redactions' }) parse?: unknown;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'custody.yaml: the parsed manifest' }) manifest?: unknown;
}

export class SeqDto {
  @ApiProperty({ description: 'Sequence number of the event recorded' }) seq!: number;
}

export class JobDto {
  @ApiProperty({ description: 'Job id' }) job!: string;
}

export class WorkspaceDto {
  @ApiProperty() id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty() createdAt!: string;
}

export class StoredFindingDto extends FindingDto {
  @ApiProperty() firstSeenAt!: string;
  @ApiProperty() lastSeenAt!: string;
  @ApiPropertyOptional() resolvedAt?: string;
  @ApiPropertyOptional({ description: 'On a page, or with instances=N: how many instances the finding has in all (it carries the first N)' }) instanceCount?: number;
  @ApiPropertyOptional({ description: 'On a page: how many systems the finding is charged to in all (it lists the first 10; all via /findings/{findingId}/systems)' }) systemCount?: number;
  @ApiPropertyOptional({ description: 'On a page: how many evidence quotes the finding has in all (it lists the first 10; all via /findings/{findingId})' }) evidenceCount?: number;
}

export class StoredScoreDto {
  @ApiPropertyOptional({ type: ScoreDto, nullable: true }) score?: ScoreDto | null;
  @ApiPropertyOptional() graphVersion?: number;
  @ApiPropertyOptional() computedAt?: string;
  @ApiPropertyOptional({ description: 'The evaluation time the rules ran at' }) evaluatedAt?: string;
  @ApiPropertyOptional({ description: 'The lens the findings were scored under' }) lens?: string;
  @ApiPropertyOptional({ description: 'Rules that threw in that run', type: 'array', items: { type: 'object', properties: { ruleId: { type: 'string' }, message: { type: 'string' } } } })
  ruleErrors?: { ruleId: string; message: string }[];
  @ApiPropertyOptional({ description: 'Why there is no score yet' }) reason?: string;
  @ApiPropertyOptional({ description: 'view=summary: the total alone, in place of the score and its per-system breakdown', nullable: true }) total?: number | null;
}

export class SystemViewDto {
  @ApiProperty({ type: GraphSystemDto }) system!: GraphSystemDto;
  @ApiPropertyOptional({ description: 'An install: the fleet group (grouped map node id) it is drawn in while collapsed' }) group?: string;
  @ApiProperty({ type: [GraphFlowDto], description: 'Flows from or to it, the first 100 by id' }) flows!: GraphFlowDto[];
  @ApiProperty({ description: 'Flows from or to it in all' }) flowTotal!: number;
  @ApiProperty({ type: [StoredFindingDto], description: 'Findings charged to it, worst first, the first 100, each with its first 3 instances and instanceCount' }) findings!: StoredFindingDto[];
  @ApiProperty({ description: 'Findings charged to it in all' }) findingTotal!: number;
  @ApiProperty({ description: 'Names of the systems the view mentions, by id', type: 'object', additionalProperties: { type: 'string' } }) names!: Record<string, string>;
}

class ScoreDeltaDto {
  @ApiProperty() before!: number;
  @ApiProperty() after!: number;
  @ApiProperty() delta!: number;
}

class ChangedFindingDto {
  @ApiProperty({ type: FindingDto }) before!: FindingDto;
  @ApiProperty({ type: FindingDto }) after!: FindingDto;
}

class TriageChangeDto {
  @ApiProperty({ type: FindingDto, description: 'the finding as the later moment has it; its triage says who, when and why' }) finding!: FindingDto;
  @ApiProperty({ enum: TRIAGE_STATUSES }) before!: TriageStatus;
  @ApiProperty({ enum: TRIAGE_STATUSES }) after!: TriageStatus;
}

export class DiffDto implements AuditDiff {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: ScoreDeltaDto }) score!: ScoreDeltaDto;
  @ApiProperty({ type: [FindingDto] }) appeared!: FindingDto[];
  @ApiProperty({ type: [FindingDto] }) disappeared!: FindingDto[];
  @ApiProperty({ type: [ChangedFindingDto] }) changed!: ChangedFindingDto[];
  @ApiProperty({ type: [TriageChangeDto], description: 'findings accepted, mitigated, marked false positive or reopened between the two moments' }) triaged!: TriageChangeDto[];
}

class WhatIfSideDto {
  @ApiProperty({ type: ScoreDto }) score!: ScoreDto;
  @ApiProperty({ type: [FindingDto] }) findings!: FindingDto[];
}

export class WhatIfResultDto {
  @ApiProperty({ type: WhatIfSideDto }) before!: WhatIfSideDto;
  @ApiProperty({ type: WhatIfSideDto }) after!: WhatIfSideDto;
  @ApiProperty({ type: [FindingDto] }) appeared!: FindingDto[];
  @ApiProperty({ type: [FindingDto] }) disappeared!: FindingDto[];
  @ApiProperty({ type: [ChangedFindingDto] }) changed!: ChangedFindingDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The hypothetical graph (practice, systems, flows, consents, …)' }) graph!: unknown;
}

export class CytoscapeElementsDto {
  @ApiProperty({ type: 'array', description: 'With view=grouped each node also has its layered `position`', items: { type: 'object', properties: {
    data: { type: 'object', additionalProperties: true }, classes: { type: 'string' },
    position: { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' } } },
  } } }) nodes!: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { data: { type: 'object', additionalProperties: true }, classes: { type: 'string' } } } }) edges!: unknown[];
  @ApiProperty({ required: false, description: 'view=grouped only: every fleet group (vendor + site), most exposed first', type: 'array', items: { type: 'object', properties: {
    key: { type: 'string' }, label: { type: 'string' }, vendor: { type: 'string' }, site: { type: 'string', nullable: true }, installs: { type: 'number' }, expanded: { type: 'boolean' },
  } } }) groups?: unknown[];
  @ApiPropertyOptional({ type: 'object', description: 'view=grouped with nothing expanded, when served as a scoring run stored it: which run', properties: {
    graphVersion: { type: 'number', description: 'the graph version that run scored' },
    scoredAt: { type: 'string', description: 'when that run was stored' },
    latestGraphVersion: { type: 'number', description: 'the stored graph version when the read looked' },
    stale: { type: 'boolean', description: 'a newer graph waits for its score job: this is the previous run\'s view (ExposureScored announces the next)' },
    unconfirmed: { type: 'boolean', description: 'present when the database did not say in time which run is the latest (busy writing a scoring): the view last served, unchecked; read again shortly' },
  } }) run?: unknown;
  @ApiPropertyOptional({ type: 'boolean', description: 'view=grouped, live: present when the view was not ready in time (composed while a scoring writes, or composing begun before this read): the view answered last for this workspace, lens and expansion; read again shortly' }) unconfirmed?: boolean;
}

export class StoredEventDto {
  @ApiProperty() seq!: number;
  @ApiProperty() workspaceId!: string;
  @ApiProperty({ example: 'FindingTriaged' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
  @ApiProperty({ description: 'Who: a key prefix, cli, webhook' }) actor!: string;
  @ApiProperty() at!: string;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: string;
  @ApiProperty({ enum: ['embedded', 'production'] }) mode!: string;
  @ApiProperty({ description: 'when these figures were measured: while the database or queue is busy, the last ones (up to the dependency timeout old) are served' }) checkedAt!: string;
  @ApiProperty({ enum: ['up', 'down'] }) database!: string;
  @ApiProperty({ type: 'object', properties: { backend: { type: 'string', enum: ['redis', 'postgres'] }, status: { type: 'string', enum: ['up', 'down'] }, pending: { type: 'number', description: 'jobs waiting, delayed or running, not documents: a processed document\'s scoring job counts until it ends (absent while the queue is down)' } } })
  queue!: { backend: string; status: string; pending?: number };
  @ApiProperty({ type: 'object', properties: { unfinished: { type: 'number', description: 'documents accepted but not yet processed (absent while the database is down)' } } })
  documents!: { unfinished?: number };
  @ApiProperty({ type: [String], enum: ['database', 'queue'], description: 'dependencies that are down or did not answer in time' }) down!: string[];
}
