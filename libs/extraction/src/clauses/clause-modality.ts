import type { Clause } from './clause.js';
import { has } from './clause-hits.js';
import type { Hit } from './lexicon.js';

/** Whether a clause's act is hypothetical, and how firmly it is stated: may, will, attempt or a fact (clause.ts). */

// Words that open a hypothetical or concessive part ("if …", "even if …", "although …", "whether …", "in case …").
const HYPOTHETICAL_OPENER = new Set(['if', 'although', 'though', 'whether', 'case']);

/**
 * Whether the action at `h` sits in a hypothetical or concessive part that a comma closes before the main clause
 * ("Even if Content is deleted from our servers, it may remain in archives": nothing is deleted by that clause).
 * The part opens at the clause start or after a comma, with the opener among its first three words.
 */
export function inHypothetical(c: Clause, h: Hit): boolean {
  let a = h.t0;
  while (a > 0 && c.tokens[a - 1].lower !== ',') a--;
  let b = h.t1;
  while (b < c.tokens.length && c.tokens[b].lower !== ',') b++;
  if (b >= c.tokens.length - 1) return false;
  for (let i = a; i < Math.min(h.t0, a + 3); i++) {
    if (!HYPOTHETICAL_OPENER.has(c.tokens[i].lower)) continue;
    // Written without the comma, the main clause starts at its own subject and modal: "If the Agreement
    // terminates we will delete all Customer Data" — the deletion is the commitment, not the supposition.
    for (let j = i + 3; j < h.t0; j++) {
      // Not the subject of a further conditional ("… or if you would like us to delete …").
      if (MAIN_SUBJECT.has(c.tokens[j - 1].lower) && MAIN_MODAL.has(c.tokens[j].lower) && !HYPOTHETICAL_OPENER.has(c.tokens[j - 2].lower)) return false;
    }
    // Or at the act's own modal after the conditional's ("if your account will be closed the personal data will be
    // deleted"): a second modal, right before the act, is the main clause's.
    return !secondModalBefore(c, i + 1, h.t0);
  }
  return false;
}

/**
 * Whether two modals stand in [from, to), the last within three words of `to` (the act's own: "will be deleted"), with
 * no word between them that keeps the second inside the condition: a coordinated condition ("if your account will be
 * closed and the records will be erased, …") or a subordinate one ("if you would like to know whether your data will
 * be deleted, …").
 */
function secondModalBefore(c: Clause, from: number, to: number): boolean {
  const modals: number[] = [];
  for (let j = from; j < to; j++) if (MAIN_MODAL.has(c.tokens[j].lower)) modals.push(j);
  if (modals.length < 2 || to - modals[modals.length - 1] > 3) return false;
  for (let j = modals[modals.length - 2] + 1; j < modals[modals.length - 1]; j++) if (STILL_CONDITION.has(c.tokens[j].lower)) return false;
  return true;
}
const STILL_CONDITION = new Set(['and', 'or', 'but', 'that', 'whether', 'when', 'how', 'if', 'what', 'why']);

// A pronoun subject followed by a modal, after the conditional's own subject ("if you would like us to delete"), opens the main clause.
const MAIN_SUBJECT = new Set(['we', 'they', 'it', 'you']);
const MAIN_MODAL = new Set(['will', 'shall', 'must', 'may', 'can', 'would', 'should', 'might']);

export type Modality = 'may' | 'will' | 'attempt' | 'fact';

// "may, but shall not be obligated to", "may, but is not required to", "may, but will not have any obligation to".
const OPTION_NOT_DUTY = /\b(?:may|can)\s*,?\s*but\s+(?:\w+\s+)?(?:not|no|under no)\s+(?:be\s+|have\s+)?(?:any\s+|an\s+)?(?:obligat\w*|required|obliged|bound|duty)\s+(?:\w+\s+)?(?:to|so)\b/gi;

/**
 * Whether the action at `h` is one the actor says it may do but is not obliged to ("we may, but shall not be
 * obligated to: (i) delete … (iii) remove …"): an option declared not a duty, so neither a commitment nor a refusal,
 * however far the action stands from the "may" (a list of acts may follow it). The option governs the rest of the
 * sentence up to a full stop or semicolon.
 */
export function optionNotDuty(c: Clause, h: Hit): boolean {
  const before = c.sentence.view.slice(0, c.start - c.sentence.start + h.start);
  let last = -1;
  OPTION_NOT_DUTY.lastIndex = 0;
  for (let m = OPTION_NOT_DUTY.exec(before); m; m = OPTION_NOT_DUTY.exec(before)) last = m.index + m[0].length;
  return last >= 0 && !/[.;]\s|\b(?:shall|will|must)\b|\b(?:before|after|once|when|until)\s+(?:we|it|they|[A-Z]\w+)\b/.test(before.slice(last));
}

/**
 * How firmly the action at `h` is stated: the modal words within five words before it (or "may attempt"
 * anywhere before it in the clause). `attempt` beats `may` beats `will`: "will attempt to notify" is an attempt.
 */
export function modality(c: Clause, h: Hit, window = 5): Modality {
  let m: Modality = 'fact';
  for (const x of c.hits) {
    if (x.cat !== 'modal' || x.t0 >= h.t0) continue;
    if (x.kind === 'attempt') return 'attempt';
    if (h.t0 - x.t1 > window) continue;
    if (x.kind === 'may') m = 'may';
    else if (x.kind === 'will' && m === 'fact') m = 'will';
  }
  return m;
}
