/**
 * Thresholds per kind of document (as document-info.ts reads it from the text: title, opening, vocabulary — never
 * a file name or corpus) and per fact, written by test/bench/support/kind-thresholds.ts (re-run it with --write and
 * review the diff like data). A kind's threshold for a fact replaces the fact's own (calibration-weights.ts) for
 * documents of that kind; answers below it stay review candidates with their quotes.
 *
 * Why per kind: the same calibrated probability need not be equally reliable across kinds (a clause of terms of
 * service is more often the user's duty than the vendor's act; a cookie list rarely states commitments).
 *
 * Rule (test/bench/support/threshold-choice.ts): per kind and fact with at least 30 develop answers, the lowest
 * threshold from 0.3 at which the develop sets' out-of-fold precision (10 folds grouped by service, today's and
 * earlier extractors' answers), shrunk toward the fact's precision over all kinds at that threshold (as if 20 more
 * answers at the pooled precision had been seen), reaches 0.95 at that threshold and every higher one, keeping at
 * least 10 answers. Below the fact's own threshold, the kind's answers the lowering adds (between the two) must reach
 * 0.95 themselves under the same shrinkage, and today's develop answers it adds too. A raised one stands only if no
 * right answer of the project's own corpora and no more right than wrong of today's develop answers are lost.
 * Validation is not consulted by the choice (summed after it only). On 2026-12-06 no cell qualified, so the table is
 * empty: privacy policies' sub-contractor flow-down 0.7 -> 0.6 (chosen on 2026-12-05 by the whole kind's precision)
 * added only 4 out-of-fold develop answers, too few to outweigh the fact's precision between 0.6 and 0.7; the raised
 * cells lose right answers of the own corpora or more right than wrong of today's develop answers.
 * Lowering the sub-processor names of terms (about a dozen right names withheld there) did not qualify: today's
 * develop answers below the threshold in terms are about half wrong (6 right, 6 wrong names between 0.2 and 0.49).
 */
import type { DocumentKind, FactName } from '@custody/domain';

export type AnswerFamily = 'names' | 'scalar';

/**
 * Per kind: a family's threshold (only ever raises each fact's own), and a fact's threshold in that kind, chosen
 * with shrinkage toward the fact's pooled precision (kind-thresholds.ts in test/bench/support): it replaces the fact's
 * own threshold for documents of that kind, up or down.
 */
export type KindThresholds = Partial<Record<DocumentKind, Partial<Record<AnswerFamily | FactName, number>>>>;

export const KIND_THRESHOLDS: KindThresholds = {};
