import type { ExtractionResult } from '@custody/domain';

/** The formats a contract-like document can arrive in. */
export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'markdown' | 'text';

/** A character range of the normalised text that belongs to one page (1-based). */
export interface PageSpan {
  page: number;
  start: number;
  end: number;
}

/** A heading and the character range of the section it opens (up to the next heading). */
export interface SectionSpan {
  heading: string;
  start: number;
  end: number;
  /** Heading depth when the format says it (Markdown `#` count, HTML h1–h6): 1 is the top. */
  level?: number;
}

/**
 * A document turned into one normalised text, which the extractors read. For Markdown and plain text the
 * loader also keeps the file's own text (`source`) and the source index of every character of `text`
 * (`sourceIndex`), so evidence can be quoted from the file as the user has it; for HTML, DOCX and PDF the
 * visible or page text is `text` itself.
 */
export interface LoadedDocument {
  text: string;
  format: DocumentFormat;
  source?: string;
  sourceIndex?: Int32Array;
  /** Ranges of `text` that were link texts in the source (Markdown `[text](url)`). */
  links?: [number, number][];
  pages?: PageSpan[];
  sections: SectionSpan[];
  /** Non-fatal problems (e.g. some bytes were not valid UTF-8 and were replaced). */
  warnings?: string[];
}

/** Options of {@link loadDocument}. */
export interface LoadOptions {
  /** Largest accepted input in bytes (default 50 MB). */
  maxBytes?: number;
  /** Give up on a PDF or DOCX that takes longer than this (default 30 s). */
  timeoutMs?: number;
  /** Most bytes a DOCX may inflate to, counted while inflating (default 64 MB); over it → too_large. */
  maxInflatedBytes?: number;
  /** Most pages a PDF may have (default 2,000); over it → too_complex. */
  maxPages?: number;
}

/** Options of `extractFacts`. */
export interface ExtractOptions {
  /** File name to record in `document.file`. */
  fileName?: string;
  /** Sections from a loader; when absent, headings are guessed from the text. */
  sections?: SectionSpan[];
  /** Page count to record in `document.pages`. */
  pages?: number;
  /** Ranges of the text that were link texts in the source (from the loader). */
  links?: [number, number][];
  /**
   * Assert only answers whose calibrated confidence reaches this, for every fact; the rest stay unspecified with their
   * clauses kept as review candidates. Default: each fact's own threshold (calibration-weights.ts; see
   * {@link DEFAULT_MIN_CONFIDENCE}).
   */
  minConfidence?: number;
  /**
   * Keep the readings' own confidences and assert every answer a clause supports (no calibration, no threshold):
   * what test/bench/support/fit-calibration.ts fits the calibration on.
   */
  uncalibrated?: boolean;
}

/**
 * Confidence is the calibrated probability that an answer is right (calibration/). Each fact's threshold is chosen on
 * the tuning sets by test/bench/support/fit-calibration.ts: the lowest from this floor up at which the fact's
 * leave-one-corpus-out precision reaches 0.95 (else the best F0.5), then lowered where needed so that no answer of the
 * project's own corpora (project, holdout, shared contracts) is lost. A fact without a fitted threshold uses this one.
 */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** Anything that turns a document's text into the 12 facts: the rules (default) or a model. */
export interface FactExtractor {
  readonly name: string;
  extract(text: string, opts?: ExtractOptions): ExtractionResult | Promise<ExtractionResult>;
}
