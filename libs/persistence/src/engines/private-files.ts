import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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
  const st = lstatSync(root);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    chmodSync(root, 0o700);
    for (const name of readdirSync(root)) makeTreePrivate(join(root, name));
  } else if (!st.isSocket()) {
    chmodSync(root, 0o600);
  }
}
