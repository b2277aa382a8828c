/**
 * The hostile bench's client of the service's API: uploads, and polling each document until it is final, timed from
 * the moment the bench started it (hostile.bench.ts). Listings the API fails to answer are kept for the report.
 */
import type { Workspaces } from './hostile-service.js';

const FINAL = new Set(['processed', 'unparsed', 'failed']);

export interface Doc { id: string; fileName: string; status: string; reason?: string; processedAt?: string }

export function hostileClient(base: string, workspaces: Workspaces) {
  async function upload(ws: string, fileName: string, bytes: Buffer): Promise<{ id?: string; status: number }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const res = await fetch(`${base}/api/workspaces/${workspaces[ws].slug}/documents`, { method: 'POST', body: form, headers: { 'x-api-key': workspaces[ws].key } });
    const body = (await res.json().catch(() => ({}))) as { id?: string };
    return { id: body.id, status: res.status };
  }
  /** Status listings the API failed to answer (status and error code): reported, and the poll tries again. */
  const listErrors: string[] = [];
  async function docs(ws: string): Promise<Map<string, Doc>> {
    const res = await fetch(`${base}/api/workspaces/${workspaces[ws].slug}/documents`, { headers: { 'x-api-key': workspaces[ws].key } }).catch((e: Error) => e);
    if (res instanceof Error || !res.ok) {
      const body = res instanceof Error ? res.message : ((await res.json().catch(() => ({}))) as { code?: string }).code;
      listErrors.push(`${res instanceof Error ? 'fetch' : res.status} ${body ?? ''}`.trim());
      return new Map();
    }
    return new Map(((await res.json()) as Doc[]).map((d) => [d.id, d]));
  }
  /**
   * Polls until each (workspace, id) is final. `ms`: from `t0` (a performance.now()) to the document's
   * processedAt, the time the service finished it; `seenMs`: to the first poll that saw it final, which adds
   * how long the API took to answer the polls (its responsiveness under the attack, reported apart).
   */
  async function finals(t0: number, want: { ws: string; id: string }[], deadlineMs: number): Promise<Map<string, { ms: number; seenMs: number; doc?: Doc }>> {
    const wallT0 = Date.now() - (performance.now() - t0);
    const seen = new Map<string, { ms: number; seenMs: number; doc?: Doc }>();
    while (seen.size < want.length && performance.now() - t0 < deadlineMs) {
      const spaces = [...new Set(want.map((w) => w.ws))];
      const lists = await Promise.all(spaces.map((ws) => docs(ws)));
      for (const [i, ws] of spaces.entries()) {
        for (const w of want.filter((x) => x.ws === ws && !seen.has(x.id))) {
          const d = lists[i].get(w.id);
          if (!d || !FINAL.has(d.status)) continue;
          const seenMs = performance.now() - t0;
          // Finished before this upload started: the same bytes were uploaded before (stored once by hash).
          const done = d.processedAt ? Date.parse(d.processedAt) - wallT0 : NaN;
          seen.set(w.id, { ms: Number.isFinite(done) && done >= 0 ? Math.min(done, seenMs) : seenMs, seenMs, doc: d });
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return seen;
  }

  return { upload, finals, listErrors };
}
