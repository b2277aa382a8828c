/**
 * The dashboard's view of the Custody API. Credentials arrive once in the URL fragment
 * (`#key=…&ws=…`, never sent to servers or logged by proxies), move to sessionStorage, and the fragment
 * is cleared from the address bar so it is not bookmarked or shared by accident.
 */
import type { AuditReport, Finding, FindingInstance, FindingKind, Lens, Page, Score, Severity, SystemView } from '@custody/domain';
import type { GroupedGraph } from '@custody/graph/grouped-graph';
import type { LawEnforcementView } from '@custody/reports/law-enforcement';

export interface Auth {
  key: string;
  workspace: string;
}

const KEY = 'custody.apiKey';
const WS = 'custody.workspace';

/** Read credentials from the fragment (then clear it) or from this tab's session. */
export function readAuth(loc: Location = location, storage: Storage = sessionStorage): Auth | null {
  const params = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const key = params.get('key');
  const workspace = params.get('ws');
  if (key && workspace) {
    storage.setItem(KEY, key);
    storage.setItem(WS, workspace);
    history.replaceState(history.state, '', `${loc.pathname}${loc.search}`);
    return { key, workspace };
  }
  const stored = { key: storage.getItem(KEY), workspace: storage.getItem(WS) };
  return stored.key && stored.workspace ? { key: stored.key, workspace: stored.workspace } : null;
}

/** A failed API call, with the status so the UI can tell "log in again" from "try later". */
/**
 * The grouped map as served. The live view says which scoring run it is of (`run`); `stale` while a newer graph
 * waits for its score job, whose ExposureScored event brings the next view; `unconfirmed` when the server could
 * not check in time which run is the latest (the dashboard reads it again: UnconfirmedMapRecheck); top-level
 * `unconfirmed` when the server's composition of the map was late and it served the map it answered last.
 */
export type MapView = GroupedGraph & { run?: { graphVersion: number; latestGraphVersion: number; stale: boolean; unconfirmed?: boolean }; unconfirmed?: boolean };

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** One entry of GET /audit-log: the append-only event store (who did what, when). */
export interface AuditEvent {
  seq: number;
  type: string;
  at: string;
  actor: string;
  payload: Record<string, unknown>;
}

/** A hypothetical change, as POST /what-if takes it (mirrors WhatIfChange in libs/rules/src/what-if.ts). */
export type WhatIfChange =
  | { type: 'sign_baa' | 'disable_training' | 'remove_system' | 'enable_disable_control'; system: string }
  | { type: 'cut_retention'; system: string; days: number };

/** What POST /what-if answers (the parts the dashboard shows). */
export interface WhatIfResponse {
  before: { score: Score; findings: Finding[] };
  after: { score: Score; findings: Finding[] };
  appeared: Finding[];
  disappeared: Finding[];
}

/** Report formats GET /report renders. */
export const REPORT_FORMATS = ['html', 'pdf', 'md', 'json', 'csv', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The audit as the dashboard reads it: the map has the flows, so it asks for the audit without them. */
export type DashboardAudit = Omit<AuditReport, 'flows'> & { flows?: AuditReport['flows'] };

/** GET /score?view=summary: the live workspace's stored total, lens and time (null total before the first scoring). */
export interface ScoreSummary {
  total?: number | null;
  lens?: Lens;
  evaluatedAt?: string;
  reason?: string;
}

/**
 * A finding as a page of GET /findings lists it: its first N instances (instances=N) and its first systems and
 * evidence, with how many of each in all.
 */
export type ListedFinding = Finding & { instanceCount?: number; systemCount?: number; evidenceCount?: number };

/** Which findings a page of the list holds (GET /findings?order=severity&severity=&kind=). */
export interface FindingsQuery {
  severity?: Severity;
  kind?: FindingKind;
  limit: number;
  instances: number;
  cursor?: string;
}

/** Which audit to read: a lens, and a moment in the past (omitted = live). */
export interface View {
  lens?: Lens;
  asOf?: string;
}

/** What POST /documents answers for each file. */
export interface UploadResult {
  /** Null when the file was refused (see `error`). */
  id: string | null;
  status: string;
  fileName: string;
  /** Why the server refused this file (nothing of it was stored). */
  error?: string;
}

/** One row of GET /documents (its status moves received → processing → processed | unparsed | failed). */
export interface DocumentRow {
  id: string;
  fileName: string;
  size: number;
  type: string;
  status: string;
  reason?: string;
  format?: string;
  createdAt: string;
  processedAt?: string;
}

export class ApiClient {
  constructor(readonly auth: Auth, private readonly base = '') {}

  private url(path: string, query: Record<string, string | undefined> = {}): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, v);
    const q = params.toString() ? `?${params}` : '';
    return `${this.base}/api/workspaces/${encodeURIComponent(this.auth.workspace)}${path}${q}`;
  }

  private get jsonHeaders(): Record<string, string> {
    return { ...this.headers, accept: 'application/json' };
  }

  private async json<T>(res: Response): Promise<T> {
    if (!res.ok) throw new ApiError(res.status, `${res.status} ${res.statusText || 'request failed'}`);
    return (await res.json()) as T;
  }

  get headers(): Record<string, string> {
    return { 'x-api-key': this.auth.key };
  }

  /** The audit (findings, systems, contracts) under a lens (server default when omitted), live or as of a moment. */
  async audit(view: View = {}, opts: { omitFlows?: boolean } = {}): Promise<DashboardAudit> {
    return this.json(await fetch(this.url('/audit', { lens: view.lens, asOf: view.asOf, omit: opts.omitFlows ? 'flows' : undefined }), { headers: this.jsonHeaders }));
  }

  /**
   * What the map draws: fleet installs collapsed per vendor + site except the `expand`ed groups, nodes
   * already positioned by the server. A few dozen elements where /graph would send every install and flow.
   */
  async groupedGraph(view: View = {}, expand: Iterable<string> = []): Promise<MapView> {
    const keys = [...expand].join(',');
    return this.json(await fetch(this.url('/graph', { view: 'grouped', lens: view.lens, asOf: view.asOf, expand: keys || undefined }), { headers: this.jsonHeaders }));
  }

  /** The workspace the key opens (its name). */
  async workspace(): Promise<{ id: string; name: string }> {
    return this.json(await fetch(this.url(''), { headers: this.jsonHeaders }));
  }

  /** The live workspace's stored total, lens and time: what the header shows (not the per-system breakdown). */
  async scoreSummary(): Promise<ScoreSummary> {
    return this.json(await fetch(this.url('/score', { view: 'summary' }), { headers: this.jsonHeaders }));
  }

  /** One system of the live workspace as a click shows it: contracts, flows, findings, names (kilobytes, not the audit). */
  async system(id: string): Promise<SystemView> {
    return this.json(await fetch(this.url(`/systems/${encodeURIComponent(id)}`), { headers: this.jsonHeaders }));
  }

  /**
   * The law-enforcement view of a view (live, a lens, a moment): every holder of client records with its posture,
   * the clause stating it and who decides on release; the reports' own rows.
   */
  async lawEnforcement(view: View = {}): Promise<LawEnforcementView> {
    return this.json(await fetch(this.url('/law-enforcement', { lens: view.lens, asOf: view.asOf }), { headers: this.jsonHeaders }));
  }

  /** One page of the live workspace's stored findings, worst first, each with its first few instances. */
  async findingsPage(q: FindingsQuery): Promise<Page<ListedFinding>> {
    return this.json(await fetch(this.url('/findings', {
      order: 'severity', limit: String(q.limit), instances: String(q.instances), cursor: q.cursor, severity: q.severity, kind: q.kind,
    }), { headers: this.jsonHeaders }));
  }

  /** One page of a stored finding's instances (the installs it occurs on, with their evidence). */
  async findingInstances(id: string, page: { limit: number; cursor?: string }): Promise<Page<FindingInstance>> {
    return this.json(await fetch(this.url(`/findings/${encodeURIComponent(id)}/instances`, { limit: String(page.limit), cursor: page.cursor }), { headers: this.jsonHeaders }));
  }

  /** One page of the systems a stored finding is charged to, by id (a listed finding names its first few). */
  async findingSystems(id: string, page: { limit: number; cursor?: string }): Promise<Page<string>> {
    return this.json(await fetch(this.url(`/findings/${encodeURIComponent(id)}/systems`, { limit: String(page.limit), cursor: page.cursor }), { headers: this.jsonHeaders }));
  }

  /** The workspace's event log, oldest first (the server caps `limit` at 5000). */
  async auditLog(limit = 5000): Promise<AuditEvent[]> {
    return this.json(await fetch(this.url('/audit-log', { limit: String(limit) }), { headers: this.jsonHeaders }));
  }

  /** Score and findings before/after hypothetical changes; the server stores nothing. */
  async whatIf(changes: WhatIfChange[], lens?: Lens): Promise<WhatIfResponse> {
    return this.json(await fetch(this.url('/what-if'), {
      method: 'POST', headers: { ...this.jsonHeaders, 'content-type': 'application/json' }, body: JSON.stringify({ changes, lens }),
    }));
  }

  /** A rendered report as a Blob, with the file name the server suggests. */
  async report(format: ReportFormat, lens?: Lens): Promise<{ blob: Blob; filename: string }> {
    const res = await fetch(this.url('/report', { format, lens }), { headers: this.headers });
    if (!res.ok) throw new ApiError(res.status, `${res.status} ${res.statusText || 'request failed'}`);
    const named = /filename="?([^";]+)"?/i.exec(res.headers.get('content-disposition') ?? '')?.[1];
    return { blob: await res.blob(), filename: named ?? `custody-report.${format}` };
  }

  /**
   * Upload documents in one request on the bulk route (multipart field `file`, repeated: stored together, read
   * in batches, scored once); one result per file, in order; a refused file carries its error instead of an id.
   */
  async upload(files: readonly File[]): Promise<UploadResult[]> {
    const body = new FormData();
    for (const f of files) body.append('file', f, f.name);
    const res = await this.json<{ documents: ({ documentId: string; status: string; fileName: string } | { fileName: string; error: { message: string } })[] }>(
      await fetch(this.url('/documents/bulk'), { method: 'POST', headers: this.headers, body }));
    return res.documents.map((r) => 'error' in r ? { id: null, status: 'failed', fileName: r.fileName, error: r.error.message } : { id: r.documentId, status: r.status, fileName: r.fileName });
  }

  /** Every document of the workspace with its status and, when it failed, why. */
  async documents(): Promise<DocumentRow[]> {
    return this.json(await fetch(this.url('/documents'), { headers: this.jsonHeaders }));
  }

  /** Link a contract to the system it speaks for (recorded as an event; the server re-projects). */
  async linkDocument(documentId: string, system: string): Promise<{ seq: number }> {
    return this.post(`/documents/${encodeURIComponent(documentId)}/link`, { system });
  }

  /**
   * Correct a fact of a document (POST /documents/:id/facts/:fact/corrections, the FactCorrected event); with
   * `candidate`, the correction decides that review candidate (accepted when `value` holds it). The server
   * re-projects and scores; the next audit shows it.
   */
  async correctFact(documentId: string, fact: string, body: { value: unknown; reason: string; candidate?: unknown }): Promise<{ seq: number }> {
    return this.post(`/documents/${encodeURIComponent(documentId)}/facts/${encodeURIComponent(fact)}/corrections`, body);
  }

  /** A recorded change: on refusal, the server's reason (an unknown system, an invalid value), not just the status. */
  private async post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(this.url(path), { method: 'POST', headers: { ...this.jsonHeaders, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) {
      const why = await res.json().then((b: { message?: unknown }) => (typeof b?.message === 'string' ? b.message : undefined), () => undefined);
      throw new ApiError(res.status, why ?? `${res.status} ${res.statusText || 'request failed'}`);
    }
    return (await res.json()) as T;
  }

  get eventsUrl(): string {
    return this.url('/events');
  }
}
