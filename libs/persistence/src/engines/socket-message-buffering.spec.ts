import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { HOLD_FROM_BYTES, holdingLargeMessages } from './socket-message-buffering.js';

/** A typed protocol message: type byte, int32 length (counting itself), body. */
function message(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from(type), len, body]);
}

function chunks(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

describe('pglite-socket message buffering', () => {
  function handler() {
    const seen: Buffer[] = [];
    // The library's own handleData appends each chunk to messageBuffer; this stand-in records what it got.
    const self: { messageBuffer: Buffer } = { messageBuffer: Buffer.alloc(0) };
    const wrapped = holdingLargeMessages(async function (this: typeof self, chunk: Buffer) {
      seen.push(chunk);
      // Like the library: keep what is incomplete, consume complete messages (startup packets by their length).
      this.messageBuffer = Buffer.concat([this.messageBuffer, chunk]);
      for (;;) {
        const b = this.messageBuffer;
        const untyped = b.length >= 8 && b.readInt32BE(4) === 196608;
        const need = untyped ? b.readInt32BE(0) : b.length >= 5 ? 1 + b.readInt32BE(1) : Infinity;
        if (b.length < need) break;
        this.messageBuffer = b.subarray(need);
      }
      return 0;
    });
    return { seen, send: (c: Buffer) => wrapped.call(self, c) };
  }

  it('hands a large message over once, whole, with what followed it', async () => {
    const big = message('B', randomBytes(3 * HOLD_FROM_BYTES));
    const next = message('S', Buffer.alloc(0));
    const stream = Buffer.concat([big, next]);
    const { seen, send } = handler();
    for (const c of chunks(stream, 65_536)) await send(c);
    expect(seen).toHaveLength(1);
    expect(seen[0].equals(stream)).toBe(true);
  });

  it('passes small messages and the untyped startup packet through chunk by chunk, as before', async () => {
    const startup = Buffer.from('0000000800030000', 'hex');
    const small = Buffer.concat([message('Q', Buffer.from('SELECT 1\0')), message('Q', Buffer.from('SELECT 2\0'))]);
    const { seen, send } = handler();
    await send(startup);
    for (const c of chunks(small, 7)) await send(c);
    expect(seen.map((b) => b.length)).toEqual([startup.length, ...chunks(small, 7).map((c) => c.length)]);
  });

  it('stores and reads back a 24 MB value through the embedded engine byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'custody-socket-'));
    const engine = await startEmbeddedPostgres(join(dir, 'data'), { socketDir: join(dir, 'run') });
    const client = new pg.Client(engine.url);
    try {
      await client.connect();
      const value = randomBytes(24 * 1024 * 1024);
      await client.query('CREATE TABLE t (b bytea)');
      await client.query('INSERT INTO t VALUES ($1)', [value]);
      const { rows } = await client.query('SELECT b, octet_length(b) AS n FROM t');
      expect(rows[0].n).toBe(value.length);
      expect(Buffer.compare(rows[0].b, value)).toBe(0);
      // The connection goes on working after the large message.
      expect((await client.query('SELECT 41 + 1 AS x')).rows[0].x).toBe(42);
    } finally {
      await client.end().catch(() => undefined);
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
