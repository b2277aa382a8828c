import { BudgetExceededError, InvalidInputError } from '@custody/domain';
import type { SectionSpan } from '../types.js';
import { loadHtml } from './html-loader.js';
import { assertInflatedWithin } from './zip-budget.js';
import { listZipEntries } from './zip-inspect.js';

export const DEFAULT_MAX_INFLATED = 64 * 1024 * 1024;

/**
 * DOCX via mammoth (to HTML, so headings and lists survive) and then the HTML loader. The ZIP directory
 * is checked first: it must hold word/document.xml; then every entry is inflated and counted (declared
 * sizes can lie) against `maxInflated` before mammoth unpacks anything (zip bomb → too_large).
 */
export async function loadDocx(bytes: Uint8Array, maxInflated = DEFAULT_MAX_INFLATED): Promise<{ text: string; sections: SectionSpan[] }> {
  const entries = listZipEntries(bytes);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new InvalidInputError('corrupt DOCX: the archive has no word/document.xml');
  }
  // An honest declaration over the budget is refused without inflating anything.
  const declared = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (declared > maxInflated) {
    throw new BudgetExceededError('too_large', `DOCX declares ${declared} bytes uncompressed, over the ${maxInflated}-byte budget (possible zip bomb)`, { declared });
  }
  await assertInflatedWithin(bytes, entries, maxInflated);
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (err) {
    throw new InvalidInputError(`corrupt DOCX: ${(err as Error)?.message ?? String(err)}`);
  }
  return loadHtml(html);
}
