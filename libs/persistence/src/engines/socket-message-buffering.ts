import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';

/**
 * pglite-socket (0.2.x) appends every chunk a client sends to its message buffer with `Buffer.concat`, so a
 * 50 MB query message (an upload's blob as a bind parameter), arriving in 64-200 KB socket reads, is copied
 * hundreds of times: ~20 GB of copying, measured as 58 s of the embedded API's CPU (its event loop, since
 * PGlite runs in the process) for one 50 MB upload. Here a handler's chunks are held until the message they
 * belong to is complete and handed over in one piece: linear in the message size.
 *
 * Only messages larger than HOLD_FROM_BYTES are held: the startup, SSL and cancel packets (no type byte; a
 * few bytes) and ordinary queries go through exactly as before.
 */
export const HOLD_FROM_BYTES = 1024 * 1024;

interface Handler {
  messageBuffer: Buffer;
  held?: Buffer[];
  heldBytes?: number;
}

type HandleData = (this: Handler, chunk: Buffer) => Promise<number>;

/** The first `n` bytes of `first` followed by `rest`, without joining them whole. */
function head(first: Buffer, rest: Buffer[], n: number): Buffer {
  const out = Buffer.alloc(n);
  let at = first.copy(out, 0, 0, Math.min(n, first.length));
  for (const b of rest) {
    if (at >= n) break;
    at += b.copy(out, at, 0, Math.min(b.length, n - at));
  }
  return out;
}

/**
 * Wraps a handler's `handleData` (exported for the test): chunks of a large incomplete message are held;
 * once it is complete they are passed on joined, with whatever followed them.
 */
export function holdingLargeMessages(original: HandleData): HandleData {
  return function (this: Handler, chunk: Buffer) {
    const held = (this.held ??= []);
    held.push(chunk);
    this.heldBytes = (this.heldBytes ?? 0) + chunk.length;
    const total = this.messageBuffer.length + this.heldBytes;
    if (total >= 5) {
      // A typed message: one type byte, then its length (which counts itself but not the type byte).
      const need = 1 + head(this.messageBuffer, held, 5).readInt32BE(1);
      if (need >= HOLD_FROM_BYTES && total < need) return Promise.resolve(0);
    }
    const joined = held.length === 1 ? held[0] : Buffer.concat(held, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    return original.call(this, joined);
  };
}

let installed = false;

/** Installs the buffering once per process (embedded-postgres.ts, before its server starts). */
export function installSocketMessageBuffering(): void {
  if (installed) return;
  const proto = PGLiteSocketHandler.prototype as unknown as { handleData: HandleData; detach: (close?: boolean) => Promise<unknown> };
  if (typeof proto.handleData !== 'function' || typeof proto.detach !== 'function') return; // a version without them: nothing to fix
  proto.handleData = holdingLargeMessages(proto.handleData);
  const detach = proto.detach;
  proto.detach = function (this: Handler, close?: boolean) {
    // A detached handler drops what it buffered; so does the wrapper.
    this.held = [];
    this.heldBytes = 0;
    return detach.call(this, close);
  };
  installed = true;
}
