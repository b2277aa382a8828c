import { chmodSync, linkSync, lstatSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CustodyError } from '@custody/domain';

/** Creates `dir` (and parents) and makes it 0700: only this user may list or enter it. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/**
 * Makes everything under `root` private: directories 0700, files 0600 (symlinks are left alone, they have
 * no mode of their own). Fixes homes created before Custody set its umask, where PGlite's files were
 * world-readable or writable.
 */
export function makeTreePrivate(root: string): void {
  let st;
  try {
    st = lstatSync(root);
  } catch (err) {
    // Gone since its folder was listed (a live database removing a temporary file): nothing left to protect.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    chmodIfPresent(root, 0o700);
    let names: string[] = [];
    try {
      names = readdirSync(root);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    for (const name of names) makeTreePrivate(join(root, name));
  } else if (!st.isSocket()) {
    chmodIfPresent(root, 0o600);
  }
}

function chmodIfPresent(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * Writes a new private file (0600, folder 0700) unless it already exists; true when this call made it. The
 * content is written aside and hard-linked into place, so two processes booting at once on one home (api and
 * worker) never see a half-written file and agree on one content: the loser's link fails and it reads the
 * winner's.
 */
export function writePrivateFileOnce(path: string, content: string | Buffer): boolean {
  makePrivateDir(dirname(path));
  const tmp = `${path}.${process.pid}.new`;
  writeFileSync(tmp, content, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return false;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Refuses a key file that other users may read or write: keys in it must be assumed leaked. */
export function assertPrivateFile(path: string, code: string): void {
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) throw new CustodyError(code, `${path} is readable or writable by other users (mode ${mode.toString(8)}); run chmod 600 ${path}`);
}
