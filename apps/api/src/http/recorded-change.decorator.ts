import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOperation } from '@nestjs/swagger';
import { RequireRole } from '../auth/role.decorator.js';
import { SeqDto } from '../openapi/responses.dto.js';

/**
 * A change an auditor records (triage, a fact correction, a document link): auditor role and up, 202 with the
 * stored event's sequence number, and its request body documented from its DTO.
 */
export const RecordedChange = (summary: string, body: Type<unknown>) =>
  applyDecorators(RequireRole('auditor'), HttpCode(202), ApiOperation({ summary }), ApiBody({ type: body }), ApiAcceptedResponse({ type: SeqDto }));
