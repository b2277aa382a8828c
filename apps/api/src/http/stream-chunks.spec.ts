import { createHash } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { jsonChunks, ndjsonChunks, renderJson, STREAMED_REPORTS } from '@custody/reports';
import { fleetAuditReport } from '../../../../test/fixtures/reports/fleet-audit-report.js';
import { streamChunks } from './stream-chunks.js';

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** A generator of `n` chunks that counts how many were made and whether it was closed. */
function counted(n: number, size = 1024) {
  const state = { made: 0, closed: false };
  function* gen(): Generator<Buffer> {
    try {
      for (let i = 0; i < n; i++) {
        state.made++;
        yield Buffer.alloc(size, 97 + (i % 26));
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, chunks: gen() };
}

/** A response whose socket takes nothing until `release()` is called: every write past its mark waits. */
function heldResponse() {
  const held: (() => void)[] = [];
  const res = new Writable({
    highWaterMark: 1024,
    write(_chunk, _enc, cb) { held.push(cb); },
  });
  return { res, release: () => { while (held.length) held.shift()!(); } };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('streamChunks', () => {
  it('makes the next chunk only when the response has room (backpressure)', async () => {
    const { state, chunks } = counted(50);
    const { res, release } = heldResponse();
    const done = streamChunks(res, chunks);
    for (let i = 0; i < 5; i++) await tick();
    // The first write filled the response: nothing more is made while the socket holds it.
    expect(state.made).toBe(1);
    release();
    await tick();
    expect(state.made).toBe(2);
    // Let everything through.
    while (!res.writableEnded) { release(); await tick(); }
    await done;
    expect(state.made).toBe(50);
  });

  it('stops making the report when the client goes away', async () => {
    const { state, chunks } = counted(50);
    const { res } = heldResponse();
    const done = streamChunks(res, chunks);
    await tick();
    res.destroy();
    await done;
    expect(state.made).toBe(1);
    expect(state.closed).toBe(true);
  });

  it('cuts the connection when the generator fails part-way (the status line is already sent)', async () => {
    const res = new Writable({ write(_c, _e, cb) { cb(); } });
    res.on('error', () => undefined);
    function* failing(): Generator<Buffer> {
      yield Buffer.from('{"partial":');
      throw new Error('render failed');
    }
    await expect(streamChunks(res, failing())).rejects.toThrow('render failed');
    expect(res.destroyed).toBe(true);
    expect(res.writableEnded).toBe(false);
  });

  describe('over HTTP, a fleet report read by a slow client', () => {
    const report = fleetAuditReport(300);
    let server: Server;
    let base: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        const format = new URL(req.url ?? '/', 'http://x').searchParams.get('format') as 'json' | 'ndjson';
        res.setHeader('content-type', STREAMED_REPORTS[format].mediaType);
        void streamChunks(res, STREAMED_REPORTS[format].chunks(report));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    /** Reads the body pausing between pieces, so the server's writes fill up and wait for drain. */
    const slowRead = (path: string) => new Promise<{ body: Buffer; headers: Record<string, unknown> }>((resolve, reject) => {
      request(`${base}${path}`, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (b: Buffer) => {
          parts.push(b);
          res.pause();
          setTimeout(() => res.resume(), 1);
        });
        res.on('end', () => resolve({ body: Buffer.concat(parts), headers: res.headers }));
        res.on('error', reject);
      }).on('error', reject).end();
    });

    it('sends the JSON report\'s exact bytes, in chunks, without a length known up front', async () => {
      const expected = renderJson(report);
      expect([...jsonChunks(report)].length).toBeGreaterThan(3);
      const { body, headers } = await slowRead('/?format=json');
      expect(sha(body)).toBe(sha(expected));
      expect(headers['transfer-encoding']).toBe('chunked');
    });

    it('sends the NDJSON report\'s exact bytes', async () => {
      const { body } = await slowRead('/?format=ndjson');
      expect(sha(body)).toBe(sha(Buffer.concat([...ndjsonChunks(report)])));
    });
  });
});
