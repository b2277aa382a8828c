import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { CustodyError } from '@custody/domain';
import { startEmbeddedPostgres } from './embedded-postgres.js';

/** The engine in its own thread: what the main thread can rely on (queries, close, locks, crashes). */
describe('startEmbeddedPostgres (database thread)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'custody-pgthread-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const socketOf = (port = 5432) => join(dir, 'run', `.s.PGSQL.${port}`);

  async function query(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
    const client = new pg.Client(url);
    await client.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  }

  it('serves pg over its socket from a worker thread, keeps the data, and close removes socket and lock', async () => {
    const data = join(dir, 'db');
    const engine = await startEmbeddedPostgres(data, { socketDir: join(dir, 'run') });
    expect(engine.thread.threadId).toBeGreaterThan(0);
    expect(existsSync(socketOf())).toBe(true);
    await query(engine.url, 'CREATE TABLE t (v text)');
    await query(engine.url, 'INSERT INTO t VALUES ($1)', ['kept']);
    // The heap limit is applied to the thread (V8 adds its young generation to the old-generation limit).
    const heap = await engine.heap();
    expect(heap.limitMb).toBeGreaterThanOrEqual(256);
    expect(heap.limitMb).toBeLessThan(512);
    // Everything PGlite unpacked is private to this user.
    expect(statSync(join(data, 'PG_VERSION')).mode & 0o077).toBe(0);
    await engine.close();
    expect(existsSync(socketOf())).toBe(false);
    expect(existsSync(`${data}.lock`)).toBe(false);
    await engine.close(); // a second close is harmless

    const again = await startEmbeddedPostgres(data, { socketDir: join(dir, 'run') });
    try {
      expect((await query(again.url, 'SELECT v FROM t')).rows).toEqual([{ v: 'kept' }]);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('refuses a second engine on an open data folder, in this process and from a live other process', async () => {
    const data = join(dir, 'db');
    const engine = await startEmbeddedPostgres(data, { socketDir: join(dir, 'run') });
    try {
      await expect(startEmbeddedPostgres(data, { socketDir: join(dir, 'run2') })).rejects.toMatchObject({
        code: 'embedded_db_locked', message: expect.stringContaining('already open in this process'),
      });
      // The refused start left the running engine's socket alone.
      expect((await query(engine.url, 'SELECT 1 AS x')).rows).toEqual([{ x: 1 }]);
    } finally {
      await engine.close();
    }
    // A lock held by a live process (our parent stands in for a second Custody) refuses the start ...
    writeFileSync(`${data}.lock`, String(process.ppid));
    await expect(startEmbeddedPostgres(data, { socketDir: join(dir, 'run') })).rejects.toMatchObject({
      code: 'embedded_db_locked', message: expect.stringContaining(`pid ${process.ppid}`),
    });
    // ... one left by a dead process is taken over.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(`${data}.lock`, dead);
    const taken = await startEmbeddedPostgres(data, { socketDir: join(dir, 'run') });
    await taken.close();
  }, 120_000);

  it('turns an unusable data folder into a clear startup error and leaves no socket or lock behind', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    await expect(startEmbeddedPostgres(file, { socketDir: join(dir, 'run') })).rejects.toMatchObject({ code: 'embedded_db_unavailable' });

    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'PG_VERSION'), 'not a version\n');
    const err = (await startEmbeddedPostgres(broken, { socketDir: join(dir, 'run') }).catch((e: unknown) => e)) as CustodyError;
    expect(err.code).toBe('embedded_db_unavailable');
    expect(err.message).toContain(`could not open the embedded database in ${broken}`);
    expect(existsSync(`${broken}.lock`)).toBe(false);
    expect(readdirSync(join(dir, 'run'))).toEqual([]);
  }, 120_000);

  it('releases the data folder when the socket folder cannot be made, so a later start in this process works', async () => {
    const data = join(dir, 'db');
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, 'x'); // a file where the socket folder's parent should be
    const err = (await startEmbeddedPostgres(data, { socketDir: join(blocker, 'run') }).catch((e: unknown) => e)) as CustodyError;
    expect(err.code).toBe('embedded_db_unavailable');
    expect(existsSync(`${data}.lock`)).toBe(false);
    const engine = await startEmbeddedPostgres(data, { socketDir: join(dir, 'run') });
    try {
      expect((await query(engine.url, 'SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await engine.close();
    }
  }, 120_000);

  it('reports a thread that dies after start, and queries fail instead of hanging', async () => {
    const crashes: CustodyError[] = [];
    const engine = await startEmbeddedPostgres(join(dir, 'db'), { socketDir: join(dir, 'run'), onCrash: (e) => crashes.push(e) });
    const client = new pg.Client(engine.url);
    await client.connect();
    client.on('error', () => undefined); // the dropped connection is expected here
    await engine.thread.terminate();
    await new Promise((r) => setTimeout(r, 50));
    expect(crashes).toHaveLength(1);
    expect(crashes[0]).toMatchObject({ code: 'embedded_db_crashed', message: expect.stringContaining('stopped unexpectedly') });
    await expect(client.query('SELECT 1')).rejects.toThrow();
    await expect(new pg.Client(engine.url).connect()).rejects.toThrow();
    expect(existsSync(socketOf())).toBe(false);
    await expect(engine.heap()).rejects.toMatchObject({ code: 'embedded_db_crashed' }); // an answer, not a wait forever
    await engine.close(); // after a crash: nothing left to do, no error
    await client.end().catch(() => undefined);
  }, 120_000);

  it('by default stops the process loudly when the thread dies, instead of leaving it waiting', () => {
    const child = fileURLToPath(new URL('./testing/crash-child.ts', import.meta.url));
    const { NODE_OPTIONS: _drop, ...env } = process.env;
    const run = spawnSync(process.execPath, ['--import', 'tsx', child, dir], { env, encoding: 'utf8', timeout: 90_000 });
    expect(run.stdout).toContain('started');
    expect(run.status).toBe(1); // an uncaught error, not the child's "still alive" exit (99) nor a timeout
    expect(run.stderr).toContain('the embedded database thread for');
    expect(run.stderr).toContain('stopped unexpectedly');
  }, 120_000);
});
