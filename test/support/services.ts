import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Service instances a test owns and may stop and start (outage tests). They run on free ports in temp
 * directories, never touching the machine's shared PostgreSQL (5432) or Redis (6379), and are stopped by their
 * own pid or data directory only.
 */
export interface OwnService {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A free TCP port on loopback (asked of the OS, then released for the service to bind). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, up: boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const open = await new Promise<boolean>((r) => {
      const sock = new Socket();
      sock.once('connect', () => (sock.destroy(), r(true)));
      sock.once('error', () => r(false));
      sock.connect(port, '127.0.0.1');
    });
    if (open === up) return;
    if (Date.now() - started > timeoutMs) throw new Error(`port ${port} still ${up ? 'closed' : 'open'} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A Redis without persistence (a stop loses every job: the harshest outage, which the Reconciler must repair). */
export async function startOwnRedis(): Promise<OwnService> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitForPort(port, true);
  };
  const stop = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((r) => (c.once('exit', () => r()), c.kill('SIGTERM')));
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop, close: stop };
}

/** The newest PostgreSQL server binaries installed (Debian keeps them out of PATH). */
function pgBin(tool: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', tool))) return join(root, v, 'bin', tool);
  return tool;
}

/** PostgreSQL refuses to run as root: then its commands run as the `postgres` user, which owns the data dir. */
function asPostgres(tool: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', pgBin(tool), ...args]] : [pgBin(tool), args];
  execFileSync(cmd, argv, { stdio: 'ignore' });
}

/** A throwaway PostgreSQL cluster (trust auth on loopback, database `test`). */
export async function startOwnPostgres(): Promise<OwnService> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'custody-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  const data = join(dir, 'data');
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const start = async () => {
    asPostgres('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
    await waitForPort(port, true);
  };
  // Fast shutdown: open connections are cut, as in a crash or a failover.
  const stop = async () => {
    asPostgres('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']);
    await waitForPort(port, false);
  };
  await start();
  asPostgres('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'test']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/test`,
    start,
    stop,
    async close() {
      try {
        asPostgres('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop']);
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
