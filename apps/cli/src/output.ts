import { writeFileSync } from 'node:fs';

/** Writes to `--out` or stdout; binary formats refuse a terminal. */
export function emit(body: string | Uint8Array, out?: string): void {
  if (out) {
    writeFileSync(out, body);
    return;
  }
  if (typeof body !== 'string' && process.stdout.isTTY) throw new Error('binary output: use --out FILE');
  process.stdout.write(typeof body === 'string' ? (body.endsWith('\n') ? body : `${body}\n`) : Buffer.from(body));
}
