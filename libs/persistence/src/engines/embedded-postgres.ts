import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { makePrivateDir, makeTreePrivate } from './private-files.js';
import { installSocketMessageBuffering } from './socket-message-buffering.js';

/** A PGlite database persisted on disk, exposed on a private Unix socket so `pg` and TypeORM use it unchanged. */
export interface EmbeddedPostgres {
  url: string;
  close(): Promise<void>;
}

/** Longest Unix socket path the OS accepts is 107 bytes (Linux) / 103 (macOS); leave room. */
const MAX_SOCKET_PATH = 100;

/**
 * Starts PGlite in `dataDir` behind a Unix socket in a 0700 directory (`socketDir`, or a private temp folder
 * when that path would be too long for a socket). pglite-socket has no authentication (any client that
 * connects is the superuser), so reachability is the only protection: a loopback TCP port let any local
 * user open the database and insert a working API key; a socket in a directory only this user can enter
 * does not. `port` only names the socket file (`.s.PGSQL.<port>`), so two databases can share a directory.
 * The multiplexer lets several `pg` pool connections share the single-connection engine.
 */
export async function startEmbeddedPostgres(dataDir: string, opts: { socketDir: string; port?: number; maxConnections?: number }): Promise<EmbeddedPostgres> {
  const port = opts.port ?? 5432;
  makePrivateDir(dataDir);
  let socketDir = opts.socketDir;
  let ownTemp = false;
  if (join(socketDir, `.s.PGSQL.${port}`).length > MAX_SOCKET_PATH) {
    socketDir = mkdtempSync(join(tmpdir(), 'custody-')); // created 0700
    ownTemp = true;
  } else {
    makePrivateDir(socketDir);
  }
  const path = join(socketDir, `.s.PGSQL.${port}`);
  // A socket file left by a killed process blocks listen(); the home lock says no live process owns it.
  if (existsSync(path)) rmSync(path, { force: true });
  const db = await PGlite.create(dataDir);
  // PGlite's first start unpacks its data directory with explicit 0666 modes (the umask does not apply to
  // a chmod); files it creates later follow the umask the runtime sets.
  makeTreePrivate(dataDir);
  // Large messages (a 50 MB upload's insert) are joined once, not re-copied per socket read.
  installSocketMessageBuffering();
  const server = new PGLiteSocketServer({ db, path, maxConnections: opts.maxConnections ?? 16 });
  await server.start();
  return {
    url: `postgres://postgres@localhost:${port}/postgres?host=${encodeURIComponent(socketDir)}&sslmode=disable`,
    async close() {
      await server.stop();
      await db.close();
      rmSync(path, { force: true });
      if (ownTemp) rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
