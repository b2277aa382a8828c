import type { ExtractionResult } from '@custody/domain';
import { rulesExtractor } from './extract-facts.js';
import { loadDocument } from './loaders/load-document.js';
import { quoteFromSource } from './source-evidence.js';
import type { FactExtractor, LoadOptions } from './types.js';

/**
 * Loads a file (PDF, DOCX, HTML, Markdown, text) and extracts its facts; `document.file` is the file name.
 * Evidence is verbatim text of the source as the user has it, at its offsets: the file's text for Markdown
 * and plain text, the visible text for HTML and DOCX, the page text for PDF.
 * Throws InvalidInputError (from `@custody/domain`) when the file cannot be read as a document.
 */
export async function extractDocument(bytes: Uint8Array, fileName?: string, opts: LoadOptions & { extractor?: FactExtractor } = {}): Promise<ExtractionResult> {
  const doc = await loadDocument(bytes, fileName, opts);
  // The rule-based extractor is the default; a configured model-backed one runs behind the same interface.
  const result = await (opts.extractor ?? rulesExtractor).extract(doc.text, {
    fileName,
    sections: doc.sections,
    ...(doc.links ? { links: doc.links } : {}),
    ...(doc.pages ? { pages: doc.pages.length } : {}),
  });
  // Quotes of Markdown and plain text are taken from the file itself, at the file's offsets.
  quoteFromSource(result, doc);
  if (doc.pages?.length) {
    // A consultant cites a PDF by page: stamp each quote with the page its start offset falls on.
    for (const e of [...Object.values(result.facts).flatMap((fact) => fact.evidence), ...(result.document.expiresEvidence ? [result.document.expiresEvidence] : [])]) {
      const page = doc.pages.find((p) => e.start !== undefined && e.start >= p.start && e.start < p.end);
      if (page) e.page = page.page;
    }
  }
  return result;
}
