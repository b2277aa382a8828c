import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { collectFiles } from '@custody/audit';
import { workspaceRoutes } from './api-client.js';
import { startTestApp, type TestApp } from './app.js';
import { REPO, waitUntil } from './processes.js';

export const EXAMPLE = join(REPO, 'examples/harborview-counseling');

/**
 * The API end to end as the api-*.e2e-spec files drive it: one app (API and job processor, real PostgreSQL + Redis
 * when DATABASE_URL is set) per file, the workspace "Harborview Counseling" with an API key, and its routes. Registers
 * the app's start and close on the calling file's describe block; `current()` is valid once its beforeAll has run.
 */
export function exampleApi() {
  let t: TestApp;
  let key: string;
  let ws: string;
  const { api, json } = workspaceRoutes(() => ({ base: t.base, ws, key }));
  const upload = (fileName: string, bytes: Buffer) =>
    api('/documents', { method: 'POST', body: JSON.stringify({ fileName, contentBase64: bytes.toString('base64') }) });
  const allFinished = async () => (await json<{ status: string }[]>('/documents')).every((d) => ['processed', 'unparsed', 'failed'].includes(d.status));
  /**
   * The newest projected graph is scored: the stored score's graph version has reached the last `GraphChanged`
   * (its score job's `ExposureScored` is what tells a client to read again). Health's `queue.pending` cannot say
   * so: while the queue or database is slow to answer, health serves figures up to seconds old (HealthProbe),
   * so a loaded machine once read "0 pending" while the score job of a link was still running.
   */
  const scored = async () => {
    let latest = 0;
    for (let after = 0, page: { seq: number; type: string; payload: { version?: number } }[]; ; after = page.at(-1)!.seq) {
      page = await json<typeof page>(`/audit-log?after=${after}&limit=5000`);
      for (const e of page) if (e.type === 'GraphChanged') latest = Math.max(latest, e.payload.version ?? 0);
      if (page.length < 5000) break;
    }
    const { graphVersion } = await json<{ graphVersion?: number }>('/score');
    return latest > 0 && (graphVersion ?? 0) >= latest;
  };
  /** Every document finished, no job left in the queue and the newest graph scored: projection and score have caught up. */
  const drained = async () => {
    const health = (await (await fetch(`${t.base}/api/health`)).json()) as { queue: { pending: number } };
    return health.queue.pending === 0 && (await allFinished()) && (await scored());
  };
  /** Uploads every file of the example practice and waits until they are processed, projected and scored; each upload's status. */
  const ingestExample = async () => {
    const statuses: number[] = [];
    for (const file of collectFiles([EXAMPLE])) statuses.push((await upload(relative(EXAMPLE, file), readFileSync(file))).status);
    await waitUntil(drained, 120_000, 'example documents processed, projected and scored');
    return statuses;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const { workspace } = await t.runtime.persistence.workspaces.ensure('Harborview Counseling');
    ws = workspace.slug;
    key = (await t.runtime.persistence.workspaces.createApiKey(workspace.id)).key;
  }, 120_000);
  // In CI on da897c4 (embedded) closing once took over jest's default 60 s, while the spec alone closes in seconds;
  // the cause is not found, so the close gets the same budget as the start.
  afterAll(() => t?.close(), 120_000);

  return { api, json, upload, allFinished, drained, ingestExample, current: () => ({ t, ws, key }) };
}
