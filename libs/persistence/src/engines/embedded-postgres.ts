import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** A PGlite database persisted on disk, exposed on a loopback port so `pg` and TypeORM use it unchanged. */
export interface EmbeddedPostgres {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts PGlite in `dataDir` and a socket server on an OS-assigned loopback port.
 * The multiplexer lets several `pg` pool connections share the single-connection engine.
 */
export async function startEmbeddedPostgres(dataDir: string, maxConnections = 16): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const address = (server as unknown as { server?: { address(): { port: number } } }).server?.address();
  const port = address?.port ?? Number(/:(\d+)$/.exec(server.getServerConn?.() ?? '')?.[1]);
  if (!port) throw new Error('embedded PostgreSQL did not report its port');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
