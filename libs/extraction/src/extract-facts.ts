import type { ExtractionResult, FactSet } from '@custody/domain';
import { extractAiTraining } from './facts/ai-training.extractor.js';
import { extractBaaOffered } from './facts/baa-offered.extractor.js';
import { extractBreachNotice } from './facts/breach-notice.extractor.js';
import { extractDataSaleMarketing } from './facts/data-sale-marketing.extractor.js';
import { extractDeidentified } from './facts/deidentified-data.extractor.js';
import { readDefinitions } from './clauses/definitions.js';
import { Lexicon } from './clauses/lexicon.js';
import type { FactContext } from './facts/fact-context.js';
import { clauseCache, EXTRACTOR_ID } from './facts/fact-context.js';
import { abstain, calibrateFacts } from './calibration/calibrate.js';
import { extractLawEnforcement } from './facts/law-enforcement.extractor.js';
import { extractOffshore } from './facts/offshore.extractor.js';
import { extractRecordOwnership } from './facts/record-ownership.extractor.js';
import { extractRecordingRetention } from './facts/recording-retention.extractor.js';
import { extractReturnOrDestroy } from './facts/return-or-destroy.extractor.js';
import { extractSubcontractorFlowdown } from './facts/subcontractor-flowdown.extractor.js';
import { extractSubprocessors } from './facts/subprocessors.extractor.js';
import { identifyDocument } from './text/document-info.js';
import { lowerWordIndex } from './text/lower-words.js';
import { analyseText, viewPrefix } from './text/sentences.js';
import { compileRegexpsNatively } from './text/regexp-tier.js';
import type { ExtractOptions, FactExtractor } from './types.js';

// The readers' patterns are compiled once each, straight to machine code (regexp-tier.ts).
compileRegexpsNatively();

/**
 * Reads the 12 document facts of product.md out of a normalised text: the text is split into sentences and
 * clauses (clauses/), each clause read with the shared vocabulary (who acts, what, on what, to whom, under which
 * instrument or condition, how firmly), and each fact read from the clauses with an explicit precedence.
 * A fact no clause supports stays `unspecified`/null/[] with its candidate clauses as `review`.
 * Pure, synchronous and linear in the text length; every evidence quote is `text.slice(start, end)`.
 */
export function extractFacts(text: string, opts: ExtractOptions = {}): ExtractionResult {
  const { ctx, id } = factContext(text, opts);
  const facts: FactSet = {
    baa_offered: extractBaaOffered(ctx),
    breach_notice_days: extractBreachNotice(ctx),
    subcontractor_flowdown: extractSubcontractorFlowdown(ctx),
    subprocessors_named: extractSubprocessors(ctx),
    ai_training_on_customer_data: extractAiTraining(ctx),
    deidentified_data_use: extractDeidentified(ctx),
    data_sale_or_marketing: extractDataSaleMarketing(ctx),
    law_enforcement_disclosure: extractLawEnforcement(ctx),
    record_ownership: extractRecordOwnership(ctx),
    return_or_destroy_on_termination: extractReturnOrDestroy(ctx),
    audio_or_recording_retention_days: extractRecordingRetention(ctx),
    offshore_processing: extractOffshore(ctx),
  };
  if (!opts.uncalibrated) {
    calibrateFacts(facts, ctx, opts.minConfidence);
    abstain(facts, opts.minConfidence, ctx.kind);
  }
  return {
    document: {
      ...(opts.fileName !== undefined ? { file: opts.fileName } : {}),
      kind: id.kind,
      ...(id.title ? { title: id.title } : {}),
      parties: id.parties,
      ...(id.vendor ? { vendor: id.vendor } : {}),
      textLength: text.length,
      ...(opts.pages !== undefined ? { pages: opts.pages } : {}),
      ...(id.expires ? { expires: id.expires } : {}),
      ...(id.expiresAt ? { expiresEvidence: { quote: text.slice(id.expiresAt.start, id.expiresAt.end), ...id.expiresAt } } : {}),
      ...(id.effective ? { effective: id.effective } : {}),
    },
    facts,
  };
}

/** What every fact reader sees of a text (sentences, sections, definitions, vocabulary), and what identifies the document. */
export function factContext(text: string, opts: Pick<ExtractOptions, 'sections' | 'links'> = {}): { ctx: FactContext; id: ReturnType<typeof identifyDocument> } {
  const analysed = analyseText(text, opts.sections && opts.sections.length > 0 ? opts.sections : undefined);
  const id = identifyDocument(analysed);
  const defs = readDefinitions(viewPrefix(analysed, 60_000), id.title, analysed.sentences, id.vendorNames);
  const lexicon = new Lexicon(defs.terms);
  const ctx: FactContext = {
    text,
    sentences: analysed.sentences,
    kind: id.kind,
    partyNames: [...new Set([...id.partyNames, ...defs.vendorNames])],
    vendorNames: defs.vendorNames,
    defs,
    lexicon,
    sections: analysed.sections,
    clauses: clauseCache(lexicon),
    links: opts.links ?? [],
    isLowerWord: lowerWordIndex(text),
  };
  return { ctx, id };
}

/** The default extractor (`rules@1`) behind the {@link FactExtractor} interface. */
export const rulesExtractor: FactExtractor = {
  name: EXTRACTOR_ID,
  extract: (text, opts) => extractFacts(text, opts),
};
