/**
 * `@custody/extraction`: reads vendor contracts, BAAs, DPAs and privacy policies into the 12 document
 * facts of product.md, each with verbatim evidence at offsets of the normalised text.
 */
export { extractFacts, rulesExtractor } from './extract-facts.js';
export { DEFAULT_MIN_CONFIDENCE } from './types.js';
export { extractDocument } from './extract-document.js';
export { loadDocument } from './loaders/load-document.js';
export { normaliseWhitespace } from './loaders/normalise.js';
/** Human corrections live in the domain (pure); re-exported here where extraction callers expect them. */
export { applyCorrections } from '@custody/domain';
export { LlmExtractor, locate } from './llm-extractor.js';
export type { LlmExtractorOptions } from './llm-extractor.js';
export { analyseText } from './text/sentences.js';
export type { AnalysedText, Sentence } from './text/sentences.js';
export { findDurations, parseNumberWords } from './text/numbers.js';
export type {
  DocumentFormat,
  ExtractOptions,
  FactExtractor,
  LoadOptions,
  LoadedDocument,
  PageSpan,
  SectionSpan,
} from './types.js';
