/**
 * While an embedded server owns its home (`.custody/`), no other process may open the database, so the CLI
 * asks the running server instead. The server leaves `<home>/server.json` (mode 0600) with its address and
 * an owner token made at start: whoever can read the home is the machine's owner of this Custody.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SERVER_FILE = 'server.json';
export const OWNER_TOKEN_HEADER = 'x-custody-owner-token';

export interface ServerFile {
  url: string;
  pid: number;
  ownerToken: string;
}

const path = (home: string) => join(resolve(home), SERVER_FILE);

/** Written by `custody serve` (embedded) once it listens; returns the token. */
export function writeServerFile(home: string, url: string): ServerFile {
  const file: ServerFile = { url, pid: process.pid, ownerToken: randomBytes(32).toString('base64url') };
  writeFileSync(path(home), `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path(home), 0o600);
  return file;
}

/** The server file of a live process, or undefined (none, unreadable, or left by a process that is gone). */
export function readServerFile(home: string): ServerFile | undefined {
  if (!existsSync(path(home))) return undefined;
  try {
    const f = JSON.parse(readFileSync(path(home), 'utf8')) as ServerFile;
    if (typeof f.url !== 'string' || typeof f.ownerToken !== 'string' || !Number.isInteger(f.pid)) return undefined;
    // Alive means signalable by us: unlike the pid lock (where a pid of another user's process must still block),
    // a server.json this user wrote whose pid now belongs to another user's process (a reboot reused it) is stale.
    // A plain kill(0) here also keeps the CLI from loading the persistence package (and TypeORM) at start.
    process.kill(f.pid, 0);
    return f;
  } catch {
    return undefined;
  }
}

/** True when `token` is this process's owner token (constant-time; a file left by another process never matches). */
export function isOwnerToken(home: string, token: string | undefined): boolean {
  const f = token ? readServerFile(home) : undefined;
  if (!f || f.pid !== process.pid) return false;
  const a = Buffer.from(f.ownerToken);
  const b = Buffer.from(token!);
  return a.length === b.length && timingSafeEqual(a, b);
}
