import { createInflateRaw } from 'node:zlib';
import { BudgetExceededError, InvalidInputError } from '@custody/domain';
import type { ZipEntry } from './zip-inspect.js';

/** Most entries a DOCX may hold (a real one has tens). */
export const MAX_ZIP_ENTRIES = 10_000;

/**
 * Inflates every entry of a ZIP and counts the bytes as they come out, discarding them, so the archive's
 * real inflated size is known before a parser (mammoth → JSZip) unpacks it into memory. The sizes a ZIP
 * declares can lie (a 1.5 GB `document.xml` declared as 4 KB), so they are never used; memory here stays
 * at one 64 KB chunk whatever the archive holds. Over `maxBytes` in total → BudgetExceededError too_large.
 */
export async function assertInflatedWithin(bytes: Uint8Array, entries: ZipEntry[], maxBytes: number): Promise<number> {
  if (entries.length > MAX_ZIP_ENTRIES) {
    throw new BudgetExceededError('too_complex', `the archive holds ${entries.length} entries, more than the ${MAX_ZIP_ENTRIES} allowed`, { entries: entries.length });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const e of entries) {
    const p = e.localOffset;
    if (p + 30 > bytes.length || view.getUint32(p, true) !== 0x04034b50) throw new InvalidInputError(`corrupt DOCX: damaged ZIP entry ${JSON.stringify(e.name)}`);
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    // The data is taken as the directory says (as JSZip will) but never past the end of the file.
    const data = bytes.subarray(Math.min(start, bytes.length), Math.min(start + e.compressedSize, bytes.length));
    if (e.method === 0) total += data.length;
    else if (e.method === 8) total += await inflatedLength(data, maxBytes - total);
    else throw new InvalidInputError(`corrupt DOCX: entry ${JSON.stringify(e.name)} uses an unsupported compression method (${e.method})`);
    if (total > maxBytes) break;
  }
  if (total > maxBytes) {
    throw new BudgetExceededError('too_large', `the archive inflates to more than ${mb(maxBytes)} (counted while inflating; possible zip bomb)`, { limit: maxBytes });
  }
  return total;
}

/** Bytes that `data` inflates to, stopping as soon as it passes `limit` (then the count is > limit). */
function inflatedLength(data: Uint8Array, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: 64 * 1024 });
    let n = 0;
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      if (err) reject(err);
      else resolve(n);
    };
    z.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > limit) {
        z.destroy();
        finish();
      }
    });
    z.on('end', () => finish());
    z.on('error', () => finish(new InvalidInputError('corrupt DOCX: an entry does not inflate (damaged or truncated data)')));
    z.end(data);
  });
}

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
