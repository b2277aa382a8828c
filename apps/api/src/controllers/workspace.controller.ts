import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiSecurity, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AuditReportDto } from '../openapi/audit.dto.js';
import { FindingInstanceDto } from '../openapi/finding.dto.js';
import { LawEnforcementViewDto } from '../openapi/law-enforcement.dto.js';
import { TriageRequestDto, WhatIfRequestDto } from '../openapi/requests.dto.js';
import { CytoscapeElementsDto, DiffDto, JobDto, StoredEventDto, StoredFindingDto, StoredScoreDto, SystemViewDto, WhatIfResultDto, WorkspaceDto } from '../openapi/responses.dto.js';
import { defaultLens, diffAudits, FINDING_KINDS, FINDING_ORDERS, findingsFilter, instanceLimit, pageRequest, SEVERITIES, InvalidInputError, NotFoundError, withFirstInstances, type TriageStatus } from '@custody/domain';
import { parseExpand } from '@custody/graph';
import type { Persistence } from '@custody/persistence';
import { loadTriage } from '@custody/audit';
import { CommandBus } from '@nestjs/cqrs';
import { CONFIG, PERSISTENCE, RecordEvidenceReadCommand, ReprocessWorkspaceCommand, TriageFindingCommand } from '@custody/pipeline';
import type { CustodyConfig } from '@custody/config';
import { lawEnforcementView, renderReport, renderSarif, REPORT_MEDIA_TYPES, STREAMED_REPORTS, type ReportFormat, type StreamedReportFormat } from '@custody/reports';
import { DEFAULT_RULE_SETTINGS, whatIf, type WhatIfChange } from '@custody/rules';
import type { Response } from 'express';
import type { AuthedRequest } from '../auth/api-key.guard.js';
import { AuditService } from '../services/audit.service.js';
import { parseAsOf, parseLens } from '../services/view-params.js';
import { storedSourceTexts } from '../services/sarif-sources.js';
import { RequireRole } from '../auth/role.decorator.js';
import { RecordedChange } from '../http/recorded-change.decorator.js';
import { streamChunks } from '../http/stream-chunks.js';

@ApiTags('workspace')
@ApiSecurity('api-key')
@Controller('api/workspaces/:ws')
export class WorkspaceController {
  constructor(
    private readonly audits: AuditService,
    @Inject(PERSISTENCE) private readonly db: Persistence,
    @Inject(CONFIG) private readonly config: CustodyConfig,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The workspace the key opens' })
  @ApiOkResponse({ type: WorkspaceDto })
  async workspace(@Param('ws') ws: string) {
    const w = await this.db.workspaces.findById(ws);
    if (!w) throw new NotFoundError('workspace', ws);
    return w;
  }

  @Get('audit')
  @ApiQuery({ name: 'lens', required: false })
  @ApiQuery({ name: 'asOf', required: false, description: 'ISO time: the audit as it stood then (replayed from the event store)' })
  @ApiQuery({ name: 'omit', required: false, enum: ['flows'], description: 'flows: leave out the flows (the dashboard draws them from /graph; they are most of a fleet\'s audit)' })
  @ApiOperation({ summary: 'The full audit: score, systems, flows, findings, documents' })
  @ApiOkResponse({ type: AuditReportDto })
  async audit(@Param('ws') ws: string, @Req() req: AuthedRequest, @Query('lens') lens?: string, @Query('asOf') asOf?: string, @Query('omit') omit?: string) {
    if (omit !== undefined && omit !== 'flows') throw new InvalidInputError(`omit takes "flows", not "${String(omit).slice(0, 40)}"`);
    await this.logRead(ws, req, 'audit');
    const report = await this.audits.report(ws, { lens: parseLens(lens), asOf: parseAsOf(asOf) });
    if (omit !== 'flows') return report;
    const { flows: _flows, ...rest } = report;
    return rest;
  }

  @Get('diff')
  @ApiQuery({ name: 'from', required: true, description: 'ISO time of the earlier moment' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO time of the later moment (default: now)' })
  @ApiOperation({ summary: 'Time travel: score change and findings that appeared, disappeared, changed or were triaged between two moments' })
  @ApiOkResponse({ type: DiffDto })
  async diff(@Param('ws') ws: string, @Req() req: AuthedRequest, @Query('from') from?: string, @Query('to') to?: string, @Query('lens') lens?: string) {
    const start = parseAsOf(from);
    if (!start) throw new InvalidInputError('diff needs ?from=<ISO time>');
    await this.logRead(ws, req, 'diff');
    const l = parseLens(lens);
    const [a, b] = await Promise.all([this.audits.report(ws, { lens: l, asOf: start }), this.audits.report(ws, { lens: l, asOf: parseAsOf(to) })]);
    return { from: start.toISOString(), to: to ? parseAsOf(to)!.toISOString() : b.generatedAt, ...diffAudits(a, b) };
  }

  @Get('graph')
  @ApiQuery({ name: 'lens', required: false })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'view', required: false, enum: ['full', 'grouped'], description: 'grouped: fleet installs collapsed per vendor + site, nodes positioned (what the dashboard draws first)' })
  @ApiQuery({ name: 'expand', required: false, description: 'view=grouped: group keys (comma-separated) to draw as their installs' })
  @ApiOperation({ summary: 'The PHI flow graph as Cytoscape elements with classes (exposure, role, legal basis)' })
  @ApiOkResponse({ type: CytoscapeElementsDto })
  async graph(@Param('ws') ws: string, @Query('lens') lens?: string, @Query('asOf') asOf?: string, @Query('view') view?: string, @Query('expand') expand?: string | string[]) {
    if (view !== undefined && view !== 'full' && view !== 'grouped') throw new InvalidInputError(`unknown graph view "${String(view).slice(0, 40)}" (full or grouped)`);
    if (expand !== undefined && view !== 'grouped') throw new InvalidInputError('expand needs view=grouped');
    // Parse before the (costly) report, so a bad request is refused cheaply.
    const expanded = view === 'grouped' ? parseExpand(expand) : null;
    const opts = { lens: parseLens(lens), asOf: parseAsOf(asOf) };
    return expanded ? this.audits.grouped(ws, expanded, opts) : this.audits.cytoscape(ws, opts);
  }

  @Get('findings')
  @ApiQuery({ name: 'includeResolved', required: false })
  @ApiQuery({ name: 'limit', required: false, description: 'page size (1–500); with it the answer is { items, nextCursor, total }' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'instances', required: false, description: 'at most this many instances per finding (0–100; paged: default 10), each finding then says its instanceCount; the rest via /findings/{findingId}/instances. A page also lists at most 10 systems and 10 evidence quotes per finding with systemCount and evidenceCount; all of them via /findings/{findingId} and /findings/{findingId}/systems' })
  @ApiQuery({ name: 'order', required: false, enum: FINDING_ORDERS, description: 'paged only: id (default) or severity (worst first, then most points, then id: the order reports rank them in)' })
  @ApiQuery({ name: 'severity', required: false, enum: SEVERITIES, description: 'paged only: just the findings of this severity (total counts them)' })
  @ApiQuery({ name: 'kind', required: false, enum: FINDING_KINDS, description: 'paged only: just the findings of this kind (total counts them)' })
  @ApiOperation({ summary: 'Stored findings (grouped: one per rule and vendor, installs as instances) with first/last seen; paged with limit and cursor' })
  @ApiExtraModels(StoredFindingDto)
  @ApiOkResponse({ description: 'The list, or with limit/cursor one page', schema: { oneOf: [
    { type: 'array', items: { $ref: getSchemaPath(StoredFindingDto) } },
    { type: 'object', properties: { items: { type: 'array', items: { $ref: getSchemaPath(StoredFindingDto) } }, nextCursor: { type: 'string', nullable: true }, total: { type: 'number' }, unconfirmed: { type: 'boolean', description: 'present when the database did not say in time whether the findings changed (busy writing a scoring): the page built last, unchecked; read again shortly' } } },
  ] } })
  async findings(
    @Param('ws') ws: string, @Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response, @Query('includeResolved') includeResolved?: string,
    @Query('limit') limit?: string, @Query('cursor') cursor?: string, @Query('instances') instances?: string,
    @Query('order') order?: string, @Query('severity') severity?: string, @Query('kind') kind?: string,
  ) {
    const cut = instanceLimit(instances); // refused before the read is logged or anything is opened
    const filter = findingsFilter({ order, severity, kind });
    const paged = limit !== undefined || cursor !== undefined;
    if (!paged && (filter.order !== 'id' || filter.severity || filter.kind)) throw new InvalidInputError('order, severity and kind page the list: send limit too');
    // Without paging parameters the whole list, as before; with them one keyset page.
    if (!paged) {
      await this.logRead(ws, req, 'findings');
      const all = await this.audits.storedFindings(ws, includeResolved === 'true');
      return cut === undefined ? all : all.map((f) => withFirstInstances(f, cut));
    }
    // The page as text with its ETag, both made in the read thread: Express sends it as it is (a 304 when the
    // client's If-None-Match names it) instead of serialising and hashing megabytes on the event loop.
    // Looked up while the read is logged, not after: the log's append (one statement, grouped with the
    // workspace's other reads in flight) waits for the workspace's event lock, which the worker's appends hold
    // too while a fleet is scored, and the page (its mark query, a miss in the read thread) need not wait behind
    // it. Nothing is sent before both are done, so a read whose log entry fails still fails, and a sent page is
    // always in the log.
    const [, page] = await Promise.all([
      this.logRead(ws, req, 'findings'),
      this.audits.findingsPageText(ws, includeResolved === 'true', { limit, cursor, instances, order, severity, kind }),
    ]);
    res.setHeader('ETag', page.etag);
    // Checked here, not left to Express: it skips the check when the request says `Cache-Control: no-cache`,
    // which fetch() adds to every conditional request; an origin server answers If-None-Match all the same.
    if (etagMatches(req.headers['if-none-match'], page.etag)) {
      res.status(304);
      return undefined;
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    return page.json;
  }

  @Get('findings/:findingId')
  @ApiQuery({ name: 'instances', required: false, description: 'at most this many of its instances (0–100, default 10), with instanceCount; the rest via /findings/{findingId}/instances' })
  @ApiOperation({ summary: 'One stored finding with all its evidence and systems (a page of findings lists only the first of each), resolved ones too' })
  @ApiOkResponse({ type: StoredFindingDto })
  async finding(@Param('ws') ws: string, @Param('findingId') findingId: string, @Req() req: AuthedRequest, @Query('instances') instances?: string) {
    instanceLimit(instances); // refused before the read is logged
    await this.logRead(ws, req, 'findings');
    return this.audits.finding(ws, findingId, { instances });
  }

  @Get('findings/:findingId/systems')
  @ApiQuery({ name: 'limit', required: false, description: 'page size (1–500, default 100)' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiOperation({ summary: 'One page of the systems a stored finding is charged to, by id (a page of findings lists the first 10 with systemCount)' })
  @ApiOkResponse({ schema: { type: 'object', properties: { items: { type: 'array', items: { type: 'string' } }, nextCursor: { type: 'string', nullable: true }, total: { type: 'number' } } } })
  async findingSystems(@Param('ws') ws: string, @Param('findingId') findingId: string, @Req() req: AuthedRequest, @Query('limit') limit?: string, @Query('cursor') cursor?: string) {
    pageRequest({ limit, cursor }); // a bad limit or cursor is refused before the read is logged
    await this.logRead(ws, req, 'findings');
    return this.audits.findingSystems(ws, findingId, { limit, cursor });
  }

  @Get('findings/:findingId/instances')
  @ApiQuery({ name: 'limit', required: false, description: 'page size (1–500, default 100)' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiOperation({ summary: "One page of a stored finding's instances (the installs it occurs on, with their evidence), in subject order" })
  @ApiExtraModels(FindingInstanceDto)
  @ApiOkResponse({ schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: getSchemaPath(FindingInstanceDto) } }, nextCursor: { type: 'string', nullable: true }, total: { type: 'number' } } } })
  async findingInstances(@Param('ws') ws: string, @Param('findingId') findingId: string, @Req() req: AuthedRequest, @Query('limit') limit?: string, @Query('cursor') cursor?: string) {
    pageRequest({ limit, cursor }); // a bad limit or cursor is refused before the read is logged
    await this.logRead(ws, req, 'findings');
    return this.audits.findingInstances(ws, findingId, { limit, cursor });
  }

  @Get('score')
  @ApiQuery({ name: 'view', required: false, enum: ['full', 'summary'], description: 'summary: the total, lens and times without the per-system breakdown (what a header shows)' })
  @ApiOperation({ summary: 'The latest stored score with per-node exposure and contributions' })
  @ApiOkResponse({ type: StoredScoreDto })
  async score(@Param('ws') ws: string, @Query('view') view?: string) {
    if (view !== undefined && view !== 'full' && view !== 'summary') throw new InvalidInputError(`unknown score view "${String(view).slice(0, 40)}" (full or summary)`);
    if (view === 'summary') return (await this.db.projections.scoreSummary(ws)) ?? { total: null, reason: 'not scored yet' };
    return (await this.db.projections.score(ws)) ?? { score: null, reason: 'not scored yet' };
  }

  @Get('systems/:systemId')
  @ApiQuery({ name: 'lens', required: false })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiOperation({ summary: 'One system with its contracts, its flows and the findings charged to it (what a click on the map shows)' })
  @ApiOkResponse({ type: SystemViewDto })
  async system(@Param('ws') ws: string, @Param('systemId') systemId: string, @Req() req: AuthedRequest, @Query('lens') lens?: string, @Query('asOf') asOf?: string) {
    const opts = { lens: parseLens(lens), asOf: parseAsOf(asOf) };
    // Its contracts quote documents: an evidence read.
    await this.logRead(ws, req, 'system');
    return this.audits.system(ws, systemId, opts);
  }

  @Get('law-enforcement')
  @ApiQuery({ name: 'lens', required: false })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiOperation({ summary: 'The law-enforcement view: every holder of client information, its disclosure posture with the clause stating it, and who decides on release (the reports\' section of the same name)' })
  @ApiOkResponse({ type: LawEnforcementViewDto })
  async lawEnforcement(@Param('ws') ws: string, @Req() req: AuthedRequest, @Query('lens') lens?: string, @Query('asOf') asOf?: string) {
    const opts = { lens: parseLens(lens), asOf: parseAsOf(asOf) };
    // It quotes contracts: an evidence read.
    await this.logRead(ws, req, 'law-enforcement');
    return lawEnforcementView(await this.audits.report(ws, opts));
  }

  @Get('report')
  @ApiQuery({ name: 'format', required: false, enum: [...new Set([...Object.keys(REPORT_MEDIA_TYPES), ...Object.keys(STREAMED_REPORTS)])] })
  @ApiQuery({ name: 'lens', required: false })
  @ApiOperation({ summary: 'A consultant report: html (self-contained), pdf, md, json, ndjson, csv, sarif (json and ndjson are streamed as they are written)' })
  @ApiProduces(...new Set([...Object.values(REPORT_MEDIA_TYPES), ...Object.values(STREAMED_REPORTS)].map((t) => t.mediaType)))
  @ApiOkResponse({ description: 'The report file (attachment)', schema: { type: 'string', format: 'binary' } })
  async report(@Param('ws') ws: string, @Req() req: AuthedRequest, @Res() res: Response, @Query('format') format = 'html', @Query('lens') lens?: string) {
    // Own keys only: `in` also finds the prototype's (format=toString passed, was journalled as a read, then failed as a 500).
    if (!Object.hasOwn(REPORT_MEDIA_TYPES, format) && !Object.hasOwn(STREAMED_REPORTS, format)) throw new InvalidInputError(`unknown report format "${format}"`);
    await this.logRead(ws, req, `report:${format}`);
    const audit = await this.audits.report(ws, { lens: parseLens(lens) });
    if (Object.hasOwn(STREAMED_REPORTS, format)) {
      // Written chunk by chunk as the socket takes them: never one string (see stream-chunks.ts).
      const streamed = STREAMED_REPORTS[format as StreamedReportFormat];
      await streamChunks(res, streamed.chunks(audit), {
        // UTF-8, said as express's send said it for the JSON when it was sent whole (and as every JSON answer says it).
        'content-type': `${streamed.mediaType}; charset=utf-8`,
        'content-disposition': `attachment; filename="custody-report.${streamed.ext}"`,
      });
      return;
    }
    const type = REPORT_MEDIA_TYPES[format as ReportFormat];
    // SARIF maps each quote's offsets to a line of the stored document, as the CLI does from files on disk.
    const body = format === 'sarif' ? renderSarif(audit, await storedSourceTexts(this.db, ws, audit))
      : await renderReport(audit, format as ReportFormat, { executablePath: this.config.chromiumPath });
    res.setHeader('content-type', type.mediaType);
    res.setHeader('content-disposition', `attachment; filename="custody-report.${type.ext}"`);
    res.send(typeof body === 'string' ? body : Buffer.from(body));
  }

  @Post('what-if')
  @RequireRole('viewer') // computes a hypothetical, stores nothing
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply hypothetical changes (sign a BAA, disable training, remove a vendor, cut retention); nothing is stored' })
  @ApiBody({ type: WhatIfRequestDto })
  @ApiOkResponse({ type: WhatIfResultDto })
  async whatIf(@Param('ws') ws: string, @Body() body: { changes?: WhatIfChange[]; lens?: string }) {
    if (!Array.isArray(body?.changes) || !body.changes.length) throw new InvalidInputError('send { changes: [...] }');
    const graph = await this.audits.graph(ws);
    const lens = parseLens(body.lens) ?? defaultLens(graph.practice);
    return whatIf(graph, body.changes, { lens, settings: DEFAULT_RULE_SETTINGS, now: new Date(), triage: await loadTriage(this.db, ws) });
  }

  @Post('findings/:findingId/triage')
  @RecordedChange('Triage a finding (accepted, mitigated, false_positive, open) with a reason; survives re-runs', TriageRequestDto)
  async triage(@Param('ws') ws: string, @Param('findingId') findingId: string, @Body() body: { status: TriageStatus; reason?: string }, @Req() req: AuthedRequest) {
    return this.commands.execute(new TriageFindingCommand(ws, findingId, body?.status, body?.reason, req.actor));
  }

  @Get('audit-log')
  @ApiQuery({ name: 'after', required: false, description: 'event seq to continue after' })
  @ApiOperation({ summary: 'The append-only log of every change and evidence read in the workspace (who, what, when)' })
  @ApiOkResponse({ type: [StoredEventDto] })
  async auditLog(@Param('ws') ws: string, @Query('after') after?: string, @Query('limit') limit?: string) {
    // Embedded: reads answered before this one are chained first, so the log shows every one of them.
    await this.db.events.settled();
    return this.db.events.since(ws, Number(after) || 0, Math.min(Number(limit) || 500, 5000));
  }

  /** Custody holds sensitive material: every read of evidence (quotes, findings, reports) is in the audit log. */
  private async logRead(ws: string, req: AuthedRequest, what: string): Promise<void> {
    await this.commands.execute(new RecordEvidenceReadCommand(ws, { what }, req.actor));
  }

  @Post('reprocess')
  @HttpCode(202)
  @ApiOperation({ summary: 'Re-project and re-score the workspace' })
  @ApiAcceptedResponse({ type: JobDto })
  async reprocess(@Param('ws') ws: string) {
    return this.commands.execute(new ReprocessWorkspaceCommand(ws));
  }
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks of GET; `*` matches any). */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return (Array.isArray(header) ? header.join(',') : header).split(',').some((t) => t.trim() === '*' || strip(t) === strip(etag));
}
