/**
 * Writes a generator's chunks (a report's UTF-8 bytes, jsonChunks / ndjsonChunks) to an HTTP response as they
 * are made, instead of joining them into one body first. A fleet's JSON report is hundreds of megabytes to
 * gigabytes: as one string it hits V8's string limit (~512 MB of UTF-8) and holds the whole text, plus its Buffer
 * copy, in memory until the socket has taken it. Here the next chunk is made only once the response has room
 * (backpressure: `write` said full, so wait for `drain`), so memory stays at a few chunks whatever the size.
 */
import type { Writable } from 'node:stream';

/** The part of a response (express's, node's ServerResponse) the stream needs. */
export type ChunkTarget = Pick<Writable, 'write' | 'end' | 'destroy' | 'once' | 'off' | 'writableEnded' | 'destroyed'>;

/**
 * Streams `chunks` into `res`, then ends it. A client that goes away stops the generator (no more of the report
 * is rendered for nobody). A generator that throws part-way destroys the response: the status line is gone
 * already, so a cut connection is the only way to tell the client the body is not whole.
 */
export async function streamChunks(res: ChunkTarget, chunks: Iterable<Uint8Array>): Promise<void> {
  const it = chunks[Symbol.iterator]();
  let gone = false;
  const onClose = () => { gone = true; };
  res.once('close', onClose);
  try {
    for (;;) {
      if (gone || res.destroyed) return;
      let next: IteratorResult<Uint8Array>;
      try {
        next = it.next();
      } catch (err) {
        res.destroy(err instanceof Error ? err : new Error(String(err)));
        throw err;
      }
      if (next.done) break;
      // Full: wait until the socket has taken what is buffered, or the client is gone.
      if (!res.write(next.value)) await drainedOrClosed(res);
    }
    res.end();
  } finally {
    res.off('close', onClose);
    // A generator left part-way (client gone, error) runs its finally blocks and lets go of what it holds.
    it.return?.();
  }
}

/** Resolves on the first of `drain` and `close`, removing both listeners (a report is thousands of waits). */
function drainedOrClosed(res: ChunkTarget): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
