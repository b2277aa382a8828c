/**
 * Thresholds per kind of document (as document-info.ts reads it from the text: title, opening, vocabulary — never
 * a file name or corpus) and per answer family, written by test/bench/support/kind-thresholds.ts (re-run it with
 * --write and review the diff like data). A kind's threshold only ever raises a fact's own threshold
 * (calibration-weights.ts): answers below it stay review candidates with their quotes.
 *
 * Why per kind: the same calibrated probability need not be equally reliable across kinds (a clause of terms of
 * service is more often the user's duty than the vendor's act; a cookie list rarely states commitments).
 *
 * Rule (test/bench/support/kind-thresholds.ts): for each kind and family with at least 30 develop answers, the lowest
 * threshold from 0.5 at which the develop sets' out-of-fold precision (10 folds grouped by service) reaches 0.95
 * with at least 10 answers kept, no right answer of the project's own corpora (the gates) lost, and no more right
 * than wrong answers of today's extractor on develop moved to review. A kind without one keeps the per-fact
 * thresholds. On 2026-12-05 none qualified, so the table is empty: privacy policies reach 0.95 only at 0.85
 * (names) / 0.9 (scalar), dropping 2 / 29 right answers of the own corpora; terms and DPAs never reach it;
 * 'other' (scalar) reached it at 0.8 on the earlier extractors' answers but moved 4 right and 0 wrong of today's
 * develop answers to review (and, on the unlabelled OTA documents, 5 right and 2 wrong of 8 answers).
 * The calibration weights themselves were fitted on develop and validation (calibration-weights.ts); only the
 * thresholds here are chosen out of fold, on develop alone.
 */
import type { DocumentKind } from '@custody/domain';

export type AnswerFamily = 'names' | 'scalar';

export type KindThresholds = Partial<Record<DocumentKind, Partial<Record<AnswerFamily, number>>>>;

export const KIND_THRESHOLDS: KindThresholds = {};
