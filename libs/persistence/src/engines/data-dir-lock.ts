import { resolve } from 'node:path';
import { CustodyError } from '@custody/domain';
import { takePidLock } from './pid-lock.js';

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
  const release = takePidLock(`${key}.lock`, (pid) => new CustodyError('embedded_db_locked', pid
    ? `another process (pid ${pid}) has the embedded database in ${key} open; stop it or use another folder`
    : `another process is opening the embedded database in ${key} at this moment`));
  openHere.add(key);
  return () => {
    openHere.delete(key);
    release();
  };
}
