import type { ExtractionResult } from '@custody/domain';
import { rulesExtractor } from './extract-facts.js';
import { loadDocument } from './loaders/load-document.js';
import type { FactExtractor, LoadOptions } from './types.js';

/**
 * Loads a file (PDF, DOCX, HTML, Markdown, text) and extracts its facts; `document.file` is the file name.
 * Throws InvalidInputError (from `@custody/domain`) when the file cannot be read as a document.
 */
export async function extractDocument(bytes: Uint8Array, fileName?: string, opts: LoadOptions & { extractor?: FactExtractor } = {}): Promise<ExtractionResult> {
  const doc = await loadDocument(bytes, fileName, opts);
  // The rule-based extractor is the default; a configured model-backed one runs behind the same interface.
  const result = await (opts.extractor ?? rulesExtractor).extract(doc.text, {
    fileName,
    sections: doc.sections,
    ...(doc.pages ? { pages: doc.pages.length } : {}),
  });
  if (doc.pages?.length) {
    // A consultant cites a PDF by page: stamp each quote with the page its start offset falls on.
    for (const fact of Object.values(result.facts)) {
      for (const e of fact.evidence) {
        const page = doc.pages.find((p) => e.start !== undefined && e.start >= p.start && e.start < p.end);
        if (page) e.page = page.page;
      }
    }
  }
  return result;
}
