import type { AuditReport } from '@custody/domain';
import type { ApiClient } from './api-client.js';
import { waitUntil } from './processes.js';

export interface HealthBody {
  status: string;
  database: string;
  queue: { backend: string; status: string; pending?: number };
  documents: { unfinished?: number };
  down: string[];
}

/** An HTTP answer reduced to what an outage test compares: status, error code and the dependency named. */
export interface Answer {
  status: number;
  error?: string;
  dependency?: string;
}

export interface Probe {
  health(): Promise<{ status: number; body: HealthBody; ms: number }>;
  /** Waits until health reports `dependency` down, then probes a read and an upload while it is. */
  duringOutage(dependency: 'database' | 'queue'): Promise<{ dependency: string; health: { status: number; body: HealthBody; ms: number }; read: Answer; upload: Answer }>;
  /** Uploads files; returns each answer's status (an outage test retries nothing here: it asserts). */
  uploadAll(dir: string, files: string[]): Promise<number[]>;
}

// A generous bound: what is tested is that requests are answered during an outage instead of hanging
// (they hung ~38 s before), not how fast; the time itself is reported.
const ANSWER_WITHIN_MS = 15_000;

async function answer(res: Response): Promise<Answer> {
  const body = (await res.json().catch(() => ({}))) as { error?: string; details?: { dependency?: string } };
  return { status: res.status, ...(body.error ? { error: body.error } : {}), ...(body.details?.dependency ? { dependency: body.details.dependency } : {}) };
}

/** Requests an outage test makes against a running server, each bounded so a hang fails the test. */
export function outageProbe(client: ApiClient): Probe {
  const headers = { 'x-api-key': client.key };
  const route = (path: string) => `${client.base}/api/workspaces/${client.ws}${path}`;
  const probe: Probe = {
    async health() {
      const t = Date.now();
      const res = await fetch(`${client.base}/api/health`, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
      return { status: res.status, body: (await res.json()) as HealthBody, ms: Date.now() - t };
    },
    async duringOutage(dependency) {
      let health = await probe.health();
      await waitUntil(async () => (health = await probe.health()).body.down.includes(dependency), ANSWER_WITHIN_MS, `health to report the ${dependency} down`);
      const read = await answer(await fetch(route('/documents'), { headers, signal: AbortSignal.timeout(ANSWER_WITHIN_MS) }));
      // Only probed when the database is down: while only the queue is, an upload is stored and accepted.
      const upload = dependency === 'database'
        ? await answer(await fetch(route('/documents'), {
          method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
          body: JSON.stringify({ fileName: 'during-outage.txt', content: 'Uploaded while the database is down.' }),
        }))
        : { status: 0 };
      return { dependency, health, read, upload };
    },
    async uploadAll(dir, files) {
      const statuses: number[] = [];
      for (const f of files) statuses.push(await client.upload(dir, f).then(() => 202, (e: Error) => Number(/: (\d{3}) /.exec(e.message)?.[1] ?? 0)));
      return statuses;
    },
  };
  return probe;
}

/** Strips what legitimately differs between runs (ids of stored documents, times) before comparing audits. */
export function normaliseAudit(report: Pick<AuditReport, 'systems' | 'flows' | 'findings'>) {
  const strip = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(strip) : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).filter(([k]) => !['documentId', 'asOf', 'generatedAt', 'triage'].includes(k)).map(([k, x]) => [k, strip(x)]))
      : v;
  return strip({ systems: report.systems, flows: report.flows, findings: report.findings.map((f) => f.id).sort() });
}
