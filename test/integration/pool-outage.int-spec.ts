import { connect, createServer, type Socket } from 'node:net';
import { CONNECT_TIMEOUT_MS, isDatabaseUnavailable, openDataSource, SERVER_CHECKOUT_WAIT_MS } from '@custody/persistence';

/**
 * A database server that stops answering mid-run (hung, or the network to it gone: no refusal, no reset) keeps
 * its in-flight queries and their connections. A query queued behind them must still be told the database is
 * unavailable within the connect bound, as before the pool's 30 s wait for a busy connection (found by review:
 * 30,001 ms). It is a PostgreSQL server's failure, so it needs one in both of CI's runs: `DATABASE_URL`, or the
 * local server CI starts when the embedded run unsets it; a TCP relay in front of it is frozen.
 */
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
describe('database pool: a server that stops answering', () => {
  it('fails a query queued behind hung connections within the connect bound', async () => {
    const target = new URL(url);
    let frozen = false;
    const sockets: Socket[] = [];
    const relay = createServer((c) => {
      const u = connect(Number(target.port || 5432), target.hostname);
      sockets.push(c, u);
      c.on('data', (d) => void (frozen || u.write(d)));
      u.on('data', (d) => void (frozen || c.write(d)));
      for (const s of [c, u]) s.on('error', () => undefined);
      c.on('close', () => u.destroy());
      u.on('close', () => c.destroy());
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
    const via = new URL(url);
    via.hostname = '127.0.0.1';
    via.port = String((relay.address() as { port: number }).port);
    const ds = await openDataSource(via.toString(), 2, SERVER_CHECKOUT_WAIT_MS);
    try {
      await Promise.all([ds.query('SELECT 1'), ds.query('SELECT 2')]);
      frozen = true;
      // Both connections now carry a query the server never answers.
      const hung = [ds.query('SELECT 3'), ds.query('SELECT 4')].map((q) => q.catch(() => undefined));
      await new Promise((r) => setTimeout(r, 100));
      const t0 = performance.now();
      const err = await ds.query('SELECT 5').then(() => undefined, (e: unknown) => e);
      const ms = performance.now() - t0;
      expect(isDatabaseUnavailable(err)).toBe(true);
      expect(ms).toBeLessThan(CONNECT_TIMEOUT_MS * 2);
      void hung;
    } finally {
      for (const s of sockets) s.destroy();
      await ds.destroy().catch(() => undefined);
      await new Promise((r) => relay.close(r));
    }
  }, 60_000);
});
