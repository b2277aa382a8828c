import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { BulkUploadJsonDto, CorrectionRequestDto, LinkRequestDto, UploadJsonDto, UploadMultipartDto } from '../openapi/requests.dto.js';
import { BulkUploadResponseDto, DocumentDetailDto, StoredDocumentDto, UploadResponseDto } from '../openapi/responses.dto.js';
import { CustodyError, InvalidInputError, NotFoundError } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import { CorrectFactCommand, IngestDocumentCommand, IngestDocumentsCommand, LinkDocumentCommand, PERSISTENCE, RecordEvidenceReadCommand, RUNTIME, type IngestResult, type Runtime } from '@custody/pipeline';
import type { AuthedRequest } from '../auth/api-key.guard.js';
import { RecordedChange } from '../http/recorded-change.decorator.js';

interface JsonUpload {
  fileName?: string;
  content?: string;
  contentBase64?: string;
}

/** Multipart files as the commands take them (the name as UTF-8: multer decodes it as latin1). */
function multipartFiles(files: Express.Multer.File[] | undefined): { fileName: string; bytes: Uint8Array }[] {
  return (files ?? []).map((f) => ({ fileName: Buffer.from(f.originalname, 'latin1').toString('utf8'), bytes: f.buffer }));
}

/**
 * One JSON file. Malformed: an InvalidInputError, or, with `lenient` (a bulk upload), an entry marked
 * `invalid` with the reason, which the bulk command refuses alone.
 */
function jsonFile(body: JsonUpload | undefined, usage: string, lenient = false): { fileName: string; bytes: Uint8Array; invalid?: string } {
  const fileName = typeof body?.fileName === 'string' ? body.fileName : '';
  const content = typeof body?.content === 'string' ? body.content : undefined;
  const base64 = typeof body?.contentBase64 === 'string' ? body.contentBase64 : undefined;
  if (!fileName || (content === undefined && base64 === undefined)) {
    if (!lenient) throw new InvalidInputError(usage);
    return { fileName, bytes: new Uint8Array(), invalid: usage };
  }
  return { fileName, bytes: base64 !== undefined ? Buffer.from(base64, 'base64') : Buffer.from(content ?? '', 'utf8') };
}

@ApiTags('documents')
@ApiExtraModels(UploadJsonDto, UploadMultipartDto, BulkUploadJsonDto)
@ApiSecurity('api-key')
@Controller('api/workspaces/:ws/documents')
export class DocumentsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PERSISTENCE) private readonly db: Persistence,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  @Post()
  @HttpCode(202)
  // The file count limit is the module's (config maxUploadFiles): over it, 413 before anything is stored.
  @UseInterceptors(FilesInterceptor('file'))
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ description: 'multipart field `file` (one or more), or JSON { fileName, content | contentBase64 }',
    schema: { oneOf: [{ $ref: getSchemaPath(UploadMultipartDto) }, { $ref: getSchemaPath(UploadJsonDto) }] } })
  @ApiAcceptedResponse({ type: UploadResponseDto })
  @ApiOperation({ summary: 'Upload documents (contracts, BAAs, policies, configs, fleet exports, custody.yaml). Accepted at once, processed by jobs.' })
  async upload(@Param('ws') ws: string, @UploadedFiles() files: Express.Multer.File[] | undefined, @Body() body: JsonUpload, @Req() req: AuthedRequest) {
    const items = multipartFiles(files);
    if (!items.length) items.push(jsonFile(body, 'send multipart field "file", or JSON { fileName, content } / { fileName, contentBase64 }'));
    // Every command is built (and so validated) before the first is run: a bad name in a batch is a 400
    // with nothing stored, not a 400 after half the batch was.
    const commands = items.map((item) => new IngestDocumentCommand(ws, item.fileName, item.bytes, req.actor));
    const results: (IngestResult & { fileName: string })[] = [];
    for (const [i, item] of items.entries()) {
      const r = await this.commands.execute(commands[i]);
      results.push({ ...r, fileName: item.fileName });
    }
    return results.length === 1 ? { id: results[0].documentId, ...results[0] } : { documents: results };
  }

  @Post('bulk')
  @HttpCode(202)
  @UseInterceptors(FilesInterceptor('file'))
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ description: 'multipart field `file` (repeated), or JSON { files: [{ fileName, content | contentBase64 }] }',
    schema: { oneOf: [{ $ref: getSchemaPath(UploadMultipartDto) }, { $ref: getSchemaPath(BulkUploadJsonDto) }] } })
  @ApiAcceptedResponse({ type: BulkUploadResponseDto })
  @ApiOperation({ summary: 'Upload many documents at once: stored together, read in batches, scored once. One result per file; a file that cannot be accepted is refused alone, with its error, and the others are stored.' })
  async bulk(@Param('ws') ws: string, @UploadedFiles() files: Express.Multer.File[] | undefined, @Body() body: { files?: unknown }, @Req() req: AuthedRequest) {
    const items = multipartFiles(files);
    if (!items.length) {
      const usage = 'send multipart field "file" (repeated), or JSON { files: [{ fileName, content | contentBase64 }] }';
      if (!Array.isArray(body?.files) || !body.files.length) throw new InvalidInputError(usage);
      // The same file count limit multipart has (multer enforces it there): one upload is one statement per
      // table, and an unbounded list would also outgrow the database's parameter limit.
      const limit = this.runtime.config.maxUploadFiles;
      if (body.files.length > limit) {
        throw new CustodyError('too_large', `too many files in one upload: ${body.files.length} (the limit is CUSTODY_MAX_UPLOAD_FILES = ${limit}); nothing was stored`, { files: body.files.length, limit });
      }
      // A malformed entry is that file's error: it is refused alone.
      for (const [i, f] of (body.files as JsonUpload[]).entries()) items.push(jsonFile(f, `files[${i}]: ${usage}`, true));
    }
    return this.commands.execute(new IngestDocumentsCommand(ws, items, req.actor));
  }

  @Get()
  @ApiOperation({ summary: 'Documents of the workspace with their status and reason' })
  @ApiOkResponse({ type: [StoredDocumentDto] })
  async list(@Param('ws') ws: string) {
    return (await this.db.documents.list(ws, { analysis: false })).map(({ analysis: _analysis, ...d }) => d);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One document: status, reason, kind and facts with evidence (an evidence read is audit-logged)' })
  @ApiOkResponse({ type: DocumentDetailDto })
  async get(@Param('ws') ws: string, @Param('id', new ParseUUIDPipe()) id: string, @Req() req: AuthedRequest) {
    const doc = await this.db.documents.get(id);
    if (doc.workspaceId !== ws) throw new NotFoundError('document', id);
    await this.commands.execute(new RecordEvidenceReadCommand(ws, { documentId: id }, req.actor));
    const { analysis, ...rest } = doc;
    const a = analysis as { type?: string; extraction?: { document: unknown; facts: unknown }; parse?: unknown; manifest?: unknown } | undefined;
    return { ...rest, info: a?.extraction?.document, facts: a?.extraction?.facts, parse: a?.parse, manifest: a?.manifest };
  }

  @Post(':id/facts/:fact/corrections')
  @RecordedChange('Correct a fact: stored as an event with who and why; the machine answer stays; the correction wins', CorrectionRequestDto)
  async correct(@Param('ws') ws: string, @Param('id', new ParseUUIDPipe()) id: string, @Param('fact') fact: string, @Body() body: { value: unknown; reason?: string; candidate?: unknown }, @Req() req: AuthedRequest) {
    return this.commands.execute(new CorrectFactCommand(ws, id, fact, body?.value, body?.reason, req.actor, body?.candidate));
  }

  @Post(':id/link')
  @RecordedChange('Link a contract to the system it speaks for (one that matched none): stored as an event with who and why; re-projection follows', LinkRequestDto)
  async link(@Param('ws') ws: string, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: { system?: unknown; reason?: unknown }, @Req() req: AuthedRequest) {
    return this.commands.execute(new LinkDocumentCommand(ws, id, body?.system, body?.reason, req.actor));
  }
}
