import { BudgetExceededError, InvalidInputError } from '@custody/domain';
import type { PageSpan } from '../types.js';
import { normaliseWhitespace } from './normalise.js';

/**
 * PDF text layer via unpdf (pdf.js), page by page; pages are joined with a blank line and their ranges
 * kept. A PDF without text (a scan), an encrypted one or a broken one is an InvalidInputError.
 */
export const DEFAULT_MAX_PAGES = 2000;

export async function loadPdf(bytes: Uint8Array, maxPages = DEFAULT_MAX_PAGES): Promise<{ text: string; pages: PageSpan[] }> {
  const { getDocumentProxy, extractText } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may detach the buffer it is given: hand it a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false, verbosity: 0 } as never);
  } catch (err) {
    throw pdfError(err);
  }
  try {
    // Checked before any page is read: the page tree of a 100,000-page PDF is walked lazily, page by page.
    if (pdf.numPages > maxPages) throw new BudgetExceededError('too_complex', `PDF has ${pdf.numPages} pages, more than the ${maxPages} allowed`, { pages: pdf.numPages });
    const { text: pageTexts } = await extractText(pdf, { mergePages: false });
    const pages: PageSpan[] = [];
    let text = '';
    pageTexts.forEach((raw, i) => {
      const t = normaliseWhitespace(raw);
      if (!t) return;
      if (text) text += '\n\n';
      pages.push({ page: i + 1, start: text.length, end: text.length + t.length });
      text += t;
    });
    if (!text) throw new InvalidInputError('scanned PDF: no text layer', { pages: pageTexts.length });
    return { text, pages };
  } catch (err) {
    throw pdfError(err);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

function pdfError(err: unknown): InvalidInputError | BudgetExceededError {
  if (err instanceof InvalidInputError || err instanceof BudgetExceededError) return err;
  const name = (err as { name?: string })?.name ?? '';
  const message = (err as { message?: string })?.message ?? String(err);
  if (name === 'PasswordException' || /password|encrypt/i.test(message)) {
    return new InvalidInputError('encrypted PDF: it needs a password to read', { cause: message });
  }
  return new InvalidInputError(`corrupt PDF: ${message}`, { cause: name || message });
}
