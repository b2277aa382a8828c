import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A tiny typed client for the Custody API used by e2e tests. */
export class ApiClient {
  constructor(readonly base: string, readonly key: string, readonly ws: string) {}

  static fromServeOutput(output: string): ApiClient {
    const m = output.match(/Dashboard: (http:\/\/[^/\s]+)\/#ws=([^&\s]+)&key=(\S+)/);
    if (!m) throw new Error(`no dashboard URL with key in:\n${output}`);
    return new ApiClient(m[1], m[3], m[2]);
  }

  async get<T = unknown>(path: string): Promise<T> {
    const res = await fetch(`${this.base}/api/workspaces/${this.ws}${path}`, { headers: { 'x-api-key': this.key } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async upload(dir: string, file: string): Promise<{ id: string; status: string; created: boolean }> {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(join(dir, file))]), file);
    const res = await fetch(`${this.base}/api/workspaces/${this.ws}/documents`, { method: 'POST', body: form, headers: { 'x-api-key': this.key } });
    if (res.status !== 202) throw new Error(`upload ${file}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; status: string; created: boolean };
  }

  /** A bulk upload (POST documents/bulk, multipart) of `files` under `dir`: one result per file, in order. */
  async uploadMany(dir: string, files: readonly string[]): Promise<{ documents: ({ fileName: string; documentId: string; created: boolean } | { fileName: string; error: { code: string; message: string } })[]; accepted: number; refused: number }> {
    const form = new FormData();
    for (const file of files) form.append('file', new Blob([readFileSync(join(dir, file))]), file);
    const res = await fetch(`${this.base}/api/workspaces/${this.ws}/documents/bulk`, { method: 'POST', body: form, headers: { 'x-api-key': this.key } });
    if (res.status !== 202) throw new Error(`bulk upload of ${files.length} file(s): ${res.status} ${await res.text()}`);
    return (await res.json()) as never;
  }
}

/** `api(path)` and `json(path)` on one workspace's routes with its key (JSON bodies); `json` throws on an error status. */
export function workspaceRoutes(target: () => { base: string; ws: string; key: string }) {
  const api = (path: string, init: RequestInit = {}) => {
    const { base, ws, key } = target();
    return fetch(`${base}/api/workspaces/${ws}${path}`, { ...init, headers: { 'x-api-key': key, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  };
  const json = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await api(path, init);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return { api, json };
}
