/** OpenAPI schemas of request bodies. The controllers still check every body themselves (errors say why). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FACT_NAMES, LENSES, type Lens } from '@custody/domain';
import { TRIAGE_STATUSES } from './finding.dto.js';

export class UploadJsonDto {
  @ApiProperty({ example: 'docs/vendor-baa.md' }) fileName!: string;
  @ApiPropertyOptional({ description: 'Text content (one of content, contentBase64)' }) content?: string;
  @ApiPropertyOptional({ description: 'Binary content, base64 (PDF, DOCX)', format: 'byte' }) contentBase64?: string;
}

export class UploadMultipartDto {
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'binary' }, description: 'One or more files (up to 100)' }) file!: unknown[];
}

export class BulkUploadJsonDto {
  @ApiProperty({ type: [UploadJsonDto], description: 'The files, each { fileName, content | contentBase64 }' }) files!: UploadJsonDto[];
}

export class TriageRequestDto {
  @ApiProperty({ enum: TRIAGE_STATUSES }) status!: string;
  @ApiPropertyOptional({ description: 'Required unless status is open' }) reason?: string;
}

export class CorrectionRequestDto {
  @ApiProperty({ description: `The corrected value, valid for the fact (${FACT_NAMES.join(', ')})`, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }, { type: 'object' }] })
  value!: unknown;
  @ApiProperty({ description: 'Why: stored with who in the event log' }) reason!: string;
  @ApiPropertyOptional({ description: 'The review candidate this correction decides (held-back sub-processor names): accepted when `value` holds it, rejected when not; only those names change (the rest of the list stays as recorded, so decisions sent at once do not undo each other) and undecided candidates stay for review. Without it the correction settles the whole fact', oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })
  candidate?: unknown;
}

export class LinkRequestDto {
  @ApiProperty({ description: 'Id of the vendor system the contract speaks for (as in GET /audit systems)', example: 'scribe' }) system!: string;
  @ApiProperty({ required: false, description: 'Why: stored with who in the event log' }) reason?: string;
}

const WHAT_IF_TYPES = ['sign_baa', 'disable_training', 'remove_system', 'cut_retention', 'set_setting', 'enable_disable_control'] as const;

export class WhatIfChangeDto {
  @ApiProperty({ enum: WHAT_IF_TYPES, description: 'sign_baa, disable_training, remove_system, enable_disable_control: system only; cut_retention: + days; set_setting: + key, value' })
  type!: (typeof WHAT_IF_TYPES)[number];
  @ApiProperty({ description: 'System id, e.g. scribe' }) system!: string;
  @ApiPropertyOptional({ description: 'cut_retention: keep audio and transcripts at most this many days', minimum: 0 }) days?: number;
  @ApiPropertyOptional({ description: 'set_setting: setting name, e.g. consent_capture' }) key?: string;
  @ApiPropertyOptional({ description: 'set_setting: the value', oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }] }) value?: unknown;
}

export class WhatIfRequestDto {
  @ApiProperty({ type: [WhatIfChangeDto], minItems: 1 }) changes!: WhatIfChangeDto[];
  @ApiPropertyOptional({ enum: LENSES }) lens?: Lens;
}

export class WebhookBodyDto {
  @ApiProperty({ enum: ['setting_change', 'config'] }) type!: string;
  @ApiPropertyOptional({ description: 'setting_change: system id or name' }) system?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'setting_change: e.g. { "training": "allowed" }' }) settings?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'setting_change: ISO time it took effect' }) at?: string;
  @ApiPropertyOptional({ description: 'setting_change: where it came from' }) source?: string;
  @ApiPropertyOptional({ description: 'config: file name' }) fileName?: string;
  @ApiPropertyOptional({ description: 'config: text content' }) content?: string;
  @ApiPropertyOptional({ description: 'config: binary content, base64', format: 'byte' }) contentBase64?: string;
}
