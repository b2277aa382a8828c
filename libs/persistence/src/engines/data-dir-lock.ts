import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CustodyError } from '@custody/domain';

/** Data folders open in this process (a pid file cannot tell two threads of one process apart). */
const openHere = new Set<string>();

/**
 * PGlite opens a data folder that another PGlite is using without complaint (measured: a second
 * `PGlite.create` on the same folder answered queries), and two writers corrupt it. A pid file beside the
 * folder (`<dataDir>.lock`) refuses a second live process; the set above refuses a second engine in this one.
 * A lock left by a dead process is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const key = resolve(dataDir);
  if (openHere.has(key)) {
    throw new CustodyError('embedded_db_locked', `the embedded database in ${key} is already open in this process; close it first`);
  }
  const file = `${key}.lock`;
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new CustodyError('embedded_db_locked', `another process (pid ${pid}) has the embedded database in ${key} open; stop it or use another folder`);
    }
    rmSync(file, { force: true });
  }
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CustodyError('embedded_db_locked', `another process is opening the embedded database in ${key} at this moment`);
    }
    throw err;
  }
  writeFileSync(fd, String(process.pid));
  closeSync(fd);
  openHere.add(key);
  return () => {
    openHere.delete(key);
    rmSync(file, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
