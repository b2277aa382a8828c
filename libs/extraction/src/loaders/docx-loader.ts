import { InvalidInputError } from '@custody/domain';
import type { SectionSpan } from '../types.js';
import { loadHtml } from './html-loader.js';
import { listZipEntries } from './zip-inspect.js';

const MAX_UNCOMPRESSED = 500 * 1024 * 1024;
const MAX_RATIO = 200;

/**
 * DOCX via mammoth (to HTML, so headings and lists survive) and then the HTML loader. The ZIP directory
 * is checked first: it must hold word/document.xml and must not inflate to an absurd size (zip bomb).
 */
export async function loadDocx(bytes: Uint8Array): Promise<{ text: string; sections: SectionSpan[] }> {
  const entries = listZipEntries(bytes);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new InvalidInputError('corrupt DOCX: the archive has no word/document.xml');
  }
  const total = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  const compressed = entries.reduce((n, e) => n + e.compressedSize, 0);
  if (total > MAX_UNCOMPRESSED || (compressed > 0 && total / compressed > MAX_RATIO && total > 50 * 1024 * 1024)) {
    throw new InvalidInputError('DOCX inflates to an unreasonable size (possible zip bomb)', { uncompressed: total });
  }
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (err) {
    throw new InvalidInputError(`corrupt DOCX: ${(err as Error)?.message ?? String(err)}`);
  }
  return loadHtml(html);
}
