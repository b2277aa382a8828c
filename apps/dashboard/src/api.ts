/**
 * The dashboard's view of the Custody API. Credentials arrive once in the URL fragment
 * (`#key=…&ws=…`, never sent to servers or logged by proxies), move to sessionStorage, and the fragment
 * is cleared from the address bar so it is not bookmarked or shared by accident.
 */
import type { AuditReport, Lens } from '@custody/domain';
import type { CytoscapeElements } from '@custody/graph/cytoscape-elements';

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
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** What POST /documents answers. */
export interface UploadResult {
  id: string;
  status: string;
}

export class ApiClient {
  constructor(readonly auth: Auth, private readonly base = '') {}

  private url(path: string, lens?: Lens): string {
    const q = lens ? `?lens=${encodeURIComponent(lens)}` : '';
    return `${this.base}/api/workspaces/${encodeURIComponent(this.auth.workspace)}${path}${q}`;
  }

  private async json<T>(res: Response): Promise<T> {
    if (!res.ok) throw new ApiError(res.status, `${res.status} ${res.statusText || 'request failed'}`);
    return (await res.json()) as T;
  }

  get headers(): Record<string, string> {
    return { 'x-api-key': this.auth.key };
  }

  /** The audit (findings, systems, contracts) under a lens; the server's default lens when omitted. */
  async audit(lens?: Lens): Promise<AuditReport> {
    return this.json(await fetch(this.url('/audit', lens), { headers: { ...this.headers, accept: 'application/json' } }));
  }

  /** Cytoscape elements with every risk-derived class already set by the server. */
  async graph(lens?: Lens): Promise<CytoscapeElements> {
    return this.json(await fetch(this.url('/graph', lens), { headers: { ...this.headers, accept: 'application/json' } }));
  }

  /** Upload one document as multipart field `file`. */
  async upload(file: File): Promise<UploadResult> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.json(await fetch(this.url('/documents'), { method: 'POST', headers: this.headers, body }));
  }

  get eventsUrl(): string {
    return this.url('/events');
  }
}
