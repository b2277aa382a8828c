import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { CustodyError } from '@custody/domain';

/**
 * A pid file only one live process holds (the home's `custody.lock`, a database folder's `<dataDir>.lock`):
 * PGlite lets two processes open one folder and both write it. A file left by a dead process is taken over;
 * one held by a live process, or created by another process between our check and our create, is refused
 * with the caller's error (`holder` is the live pid, or undefined when we lost that race). Returns the release.
 */
export function takePidLock(file: string, refuse: (holder: number | undefined) => CustodyError): () => void {
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && isProcessAlive(pid)) throw refuse(pid);
    rmSync(file, { force: true });
  }
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw refuse(undefined);
    throw err;
  }
  writeFileSync(fd, String(process.pid));
  closeSync(fd);
  return () => rmSync(file, { force: true });
}

/**
 * Whether a process with this pid exists, including another user's (EPERM): a lock must not be taken over from a
 * live process we cannot signal. (server.json reads liveness as "signalable by us": see apps/api owner/server-file.)
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
