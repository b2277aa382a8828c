/**
 * `keys create` and `workspaces create` while `custody serve` (embedded) holds the home: the database is
 * the server's, so the CLI asks it, with the owner token the server left in `<home>/server.json`.
 */
import { CustodyError } from '@custody/domain';
import { OWNER_TOKEN_HEADER, readServerFile } from '../../../api/src/owner/server-file.js';

/** Runs `local` on the database; if another Custody process holds the home, sends `remote` to that server instead. */
export async function locallyOrViaServer<T>(home: string, local: () => Promise<T>, remote: { path: string; body: unknown }): Promise<T> {
  try {
    return await local();
  } catch (err) {
    if (!(err instanceof CustodyError) || err.code !== 'home_locked') throw err;
    const server = readServerFile(home);
    if (!server) throw err;
    return postToServer<T>(server.url, server.ownerToken, remote.path, remote.body);
  }
}

export async function postToServer<T>(url: string, token: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', [OWNER_TOKEN_HEADER]: token }, body: JSON.stringify(body) });
  const json = (await res.json().catch(() => ({}))) as T & { message?: string };
  if (!res.ok) throw new CustodyError(res.status === 401 ? 'unauthorized' : 'server_refused', `the running server at ${url} answered ${res.status}: ${json.message ?? res.statusText}`);
  return json;
}
