import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type ThreadedEmbeddedPostgres } from './embedded-postgres.js';
import { opensExchange, sessionHoldLog, statementText } from './socket-session-exclusivity.js';

const msg = (type: string) => Uint8Array.from([type.charCodeAt(0), 0, 0, 0, 4]);

describe('opensExchange', () => {
  it('keeps the session through Parse/Bind/Describe/Execute and lets it go at Sync or a simple query', () => {
    for (const t of ['P', 'B', 'D', 'E', 'C', 'H']) expect(opensExchange(msg(t))).toBe(true);
    for (const t of ['S', 'Q', 'X']) expect(opensExchange(msg(t))).toBe(false);
    // The startup packet starts with its length, not a type byte.
    expect(opensExchange(Uint8Array.from([0, 0, 0, 8, 0, 3, 0, 0]))).toBe(false);
  });
});

/** A frontend message: type byte, length, body (Parse: statement name, then the SQL; Query: the SQL). */
const frame = (type: string, ...parts: string[]) => {
  const body = Buffer.from(parts.map((p) => `${p}\0`).join(''));
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(body.length + 4, 1);
  return Uint8Array.from(Buffer.concat([head, body]));
};

describe('sessionHoldLog (CUSTODY_SESSION_HOLD_LOG_MS)', () => {
  it('reads the SQL of a Parse or simple Query and nothing of other messages', () => {
    expect(statementText(frame('P', 'stmt1', 'SELECT  1\n FROM t'))).toBe('SELECT 1 FROM t');
    expect(statementText(frame('P', '', 'INSERT INTO x VALUES ($1)'))).toBe('INSERT INTO x VALUES ($1)');
    expect(statementText(frame('Q', 'START TRANSACTION'))).toBe('START TRANSACTION');
    expect(statementText(frame('B', '', ''))).toBeUndefined();
    expect(statementText(msg('S'))).toBeUndefined();
  });

  it('tells a hold spent waiting for the holder from one spent executing, and stays quiet under the threshold', async () => {
    const lines: string[] = [];
    const log = sessionHoldLog(100, (l) => lines.push(l));
    // A short exchange: under the threshold, no line.
    log.ran(1, frame('Q', 'SELECT 1'), 2, false, 0);
    expect(lines).toEqual([]);
    // A transaction whose client takes 150 ms between its statements while the engine works 3 ms in all.
    log.ran(2, frame('Q', 'START TRANSACTION'), 1, true, 0);
    log.ran(2, frame('P', '', 'SELECT pg_advisory_xact_lock(1)'), 1, true, 2);
    await new Promise((r) => setTimeout(r, 150));
    log.ran(2, frame('Q', 'COMMIT'), 1, false, 5);
    expect(lines).toHaveLength(1);
    const [, held, engine] = /conn 2 held (\d+) ms \(engine (\d+) ms\), 3 messages, 5 waiting; START TRANSACTION \| SELECT pg_advisory_xact_lock\(1\) \| COMMIT$/.exec(lines[0]!) ?? [];
    expect(Number(held)).toBeGreaterThanOrEqual(140);
    expect(Number(engine)).toBe(3);
    // The next hold starts afresh.
    log.ran(3, frame('Q', 'SELECT 2'), 1, false, 0);
    expect(lines).toHaveLength(1);
  });
});

/** Several `pg` connections on one embedded database, as embedded mode's pool now uses it. */
describe('one PGlite session shared by several connections', () => {
  let dir: string;
  let engine: ThreadedEmbeddedPostgres;
  const clients: pg.Client[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'custody-pgsess-'));
    engine = await startEmbeddedPostgres(join(dir, 'db'), { socketDir: join(dir, 'run') });
  }, 120_000);
  afterAll(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.end().catch(() => undefined);
  });
  const connect = async () => {
    const c = new pg.Client(engine.url);
    await c.connect();
    clients.push(c);
    return c;
  };

  it('answers every connection its own parameterised queries when they run at the same moment', async () => {
    const conns = await Promise.all([1, 2, 3, 4].map(connect));
    // Every other query carries a large parameter, so its Bind arrives over several socket reads: another
    // connection's messages got in between (before the per-exchange hold: crossed parameters, `portal ""
    // does not exist`, `bind message supplies 2 parameters, but prepared statement "" requires 3`).
    const pad = (ci: number, qi: number) => (qi % 2 ? 'x'.repeat(200_000 + ci * 7_000 + qi) : '');
    const answers = await Promise.all(conns.flatMap((c, ci) => Array.from({ length: 20 }, (_, qi) => (qi % 2
      ? c.query('SELECT $1::text AS who, $2::int * 2 AS twice, length($3::text) AS len', [`c${ci}q${qi}`, ci * 1000 + qi, pad(ci, qi)])
      : c.query('SELECT $1::text AS who, $2::int * 2 AS twice, 0 AS len', [`c${ci}q${qi}`, ci * 1000 + qi])
    ).then((r) => r.rows[0] as { who: string; twice: number; len: number }))));
    expect(answers).toEqual(conns.flatMap((_, ci) => Array.from({ length: 20 }, (_, qi) => ({ who: `c${ci}q${qi}`, twice: 2 * (ci * 1000 + qi), len: pad(ci, qi).length }))));
  }, 60_000);

  it('runs another connection\'s query outside an open transaction, after it ends', async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    await a.query('CREATE TABLE IF NOT EXISTS tx (v int)');
    await a.query('BEGIN');
    await a.query('INSERT INTO tx VALUES ($1)', [1]);
    let seen: number | undefined;
    const read = b.query('SELECT count(*)::int AS n FROM tx').then((r) => (seen = (r.rows[0] as { n: number }).n));
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toBeUndefined(); // waiting: it must not run inside a's transaction
    await a.query('ROLLBACK');
    await read;
    expect(seen).toBe(0);
  }, 60_000);

  it('lets the others go on when a connection drops in the middle of an exchange', async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    // A Parse with no Sync after it, then the connection is gone: its exchange must not hold the session.
    // (`a`'s client did not expect the ParseComplete it gets back and the drop: its own errors are expected.)
    a.on('error', () => undefined);
    const raw = (a as unknown as { connection: { parse(q: { text: string; name?: string; types?: unknown[] }): void; flush(): void; stream: { destroy(): void } } }).connection;
    raw.parse({ text: 'SELECT 1', types: [] });
    raw.flush();
    await new Promise((r) => setTimeout(r, 100));
    raw.stream.destroy();
    const r = await Promise.race([
      b.query('SELECT $1::int AS v', [7]).then((x) => x.rows[0]),
      new Promise((_, reject) => setTimeout(() => reject(new Error('the session stayed held')), 10_000)),
    ]);
    expect(r).toEqual({ v: 7 });
  }, 60_000);
});
