import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes to `--out` or stdout; binary formats refuse a terminal. */
export function emit(body: string | Uint8Array, out?: string): void {
  if (out) {
    writeFileSync(out, body);
    return;
  }
  if (typeof body !== 'string' && process.stdout.isTTY) throw new Error('binary output: use --out FILE');
  process.stdout.write(typeof body === 'string' ? (body.endsWith('\n') ? body : `${body}\n`) : Buffer.from(body));
}

/**
 * Writes chunks (text, or UTF-8 bytes) to `--out` or stdout as they come, waiting when the stream is full: a large
 * fleet's report is written without ever being one string (the JSON of 100,000 installs is larger than a string may be).
 */
export async function emitChunks(chunks: Iterable<string | Uint8Array>, out?: string): Promise<void> {
  const stream: Writable = out ? createWriteStream(out) : process.stdout;
  for (const chunk of chunks) if (!stream.write(chunk)) await once(stream, 'drain');
  if (out) {
    stream.end();
    await once(stream, 'finish');
  }
}
