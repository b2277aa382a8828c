import type { Clause } from './clause.js';
import type { Hit, Token } from './lexicon.js';
import { tokenize } from './lexicon.js';
import type { NegationSpan } from './negation-reach.js';
import { COORDINATOR, negationCue, negationsIn, NOT_NEGATING, phraseAt, reaches } from './negation-reach.js';
import { NEGATION_SCOPE } from './vocabulary.js';

/**
 * The one reader of negation and its scope (issue 7). Whether a negation word reaches a later word is decided here
 * for every fact, on a clause's hits ({@link negated}) or, for readers that match patterns on a sentence's text, on
 * the words before a position ({@link negatedBefore}). The vocabulary is data (vocabulary.ts: the negation words,
 * NEGATION_SCOPE); the rules are about structure:
 * - a negation reaches to the end of its clause, not into a clause joined by "and"/"or"/a comma that has a verb of
 *   its own ("we do not sell your data and will share it with partners": the sharing is stated);
 * - not out of an opening "if"/"unless"/"when" part ("if you do not opt out, we will share"), nor into one that opens
 *   after it ("we do not notify you when we disclose your data"), nor out of a parenthesis;
 * - not past an exception ("will not disclose … except to …", "other than"): what follows is the exception's;
 * - "not only … but also", "not limited to", "no later than" are no negation; "whether or not" covers both cases;
 * - "not identifiable", "not attributable" describe data; "without" reaches the word after it ("without selling");
 * - a negation of a negative predicate cancels both ("nothing … prevents us from disclosing", "not prohibited from").
 */

// Token-level reach (the phrases, the clause boundaries) lives in negation-reach.ts; re-exported for callers of this reader.
export type { NegationSpan } from './negation-reach.js';
export { negationsIn, reaches } from './negation-reach.js';

const NEGATIVE_PREDICATE = new Set<string>(NEGATION_SCOPE.negativePredicates);
const PREDICATE_COMPLEMENT = new Set<string>(NEGATION_SCOPE.predicateComplements);
const PREDICATE_NEGATION = new Set<string>(NEGATION_SCOPE.predicateNegations);

/**
 * Whether the negation `n` is cancelled by a second one: a negation followed within five words by a negative
 * predicate ("Nothing in this Agreement prevents us from disclosing", "we are not prohibited from sharing") says the
 * act may happen. Both the outer negation and the predicate's own are then no refusal of what follows.
 */
function cancelled(tokens: Token[], negs: NegationSpan[], n: NegationSpan): boolean {
  // `n` is the predicate: an earlier negation stands close before it.
  if (PREDICATE_NEGATION.has(tokens[n.t0].lower) || (n.t1 - n.t0 > 1 && PREDICATE_NEGATION.has(tokens[n.t1 - 1].lower)) || PREDICATE_NEGATION.has(tokens[n.t0 + 1]?.lower ?? '')) {
    if (predicateOfAct(tokens, n.t0) && negs.some((m) => m.t1 <= n.t0 && n.t0 - m.t1 <= 5 && !coordinatorBetween(tokens, m.t1, n.t0))) return true;
  }
  // `n` is the outer negation: a negative predicate follows it closely.
  for (let i = n.t1; i < Math.min(tokens.length, n.t1 + 6); i++) {
    const x = tokens[i].lower;
    if (COORDINATOR.has(x)) return false;
    if (NEGATIVE_PREDICATE.has(x) && predicateOfAct(tokens, i)) return true;
  }
  return false;
}
/**
 * Whether the negative word at `i` is a predicate over an act ("prevents us from disclosing", "not restricted from
 * using", "restricts our right to use"), not an adjective of the data or purpose ("do not share restricted data",
 * "will not use your data for prohibited purposes"), which a negation before it still refuses.
 */
function predicateOfAct(tokens: Token[], i: number): boolean {
  for (let j = i + 1; j < Math.min(tokens.length, i + 5); j++) if (PREDICATE_COMPLEMENT.has(tokens[j].lower)) return true;
  return false;
}
function coordinatorBetween(tokens: Token[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (COORDINATOR.has(tokens[i].lower)) return true;
  return false;
}

/**
 * The negation that reaches the action at `h` of clause `c`, within `window` words before it, or undefined: "shall not
 * disclose", "will never sell", "no third party may access", "neither … nor shares", "without selling it".
 */
export function negationOf(c: Clause, h: Hit, window = 6): Hit | undefined {
  const negs = c.hits.filter((n) => n.cat === 'negation' && n.t0 < h.t0);
  for (const n of negs) {
    if (h.t0 - n.t0 > window) continue;
    if (!reaches(c.tokens, c.view, 0, n.t0, n.t1, h.t0)) continue;
    if (cancelled(c.tokens, negs, n)) continue;
    return n;
  }
  return undefined;
}

/** Whether the action at `h` is negated ({@link negationOf}). */
export function negated(c: Clause, h: Hit, window = 6): boolean {
  return negationOf(c, h, window) !== undefined;
}

const NO_DETERMINER = new Set(['no', 'neither', 'none', 'nothing']);

/**
 * Who is negated by `n`: the actor right after a "no"/"neither"/"none of" ("No third party may access …", "Neither we
 * nor our providers sell …"), else the last actor before the negation that is not the object of a preposition
 * ("Customer will not …", "we do not …"); undefined when the clause names none (a passive refusal).
 */
export function negatedParty(c: Clause, n: Hit): Hit | undefined {
  if (NO_DETERMINER.has(c.tokens[n.t0].lower)) {
    const after = c.hits.find((x) => x.cat === 'actor' && x.t0 >= n.t1 && x.t0 - n.t1 <= 2);
    if (after) return after;
  }
  let who: Hit | undefined;
  for (const x of c.hits) {
    if (x.cat !== 'actor' || x.t1 > n.t0) continue;
    const prev = c.tokens[x.t0 - 1]?.lower;
    if (prev === 'to' || prev === 'with' || prev === 'by' || prev === 'of' || prev === 'from' || x.t0 === x.t1) continue;
    who = x;
  }
  return who;
}

/** Whether the negation word at `index` of `view` opens a phrase that negates nothing ("not only", "no later than"). */
export function notNegatingAt(view: string, index: number): boolean {
  return phraseAt(tokenize(view.slice(index, index + 32)), 0, NOT_NEGATING) > 0;
}

/**
 * Whether the words before `index` of a sentence's text negate the word at `index` (for readers that match patterns on
 * text): the same rules as {@link negated}, over the words at most `window` characters back and not across ';'. Also
 * negated: a word that a "no-" prefix joins ("no-training terms"), and the items of a list whose lead-in is negated
 * ("… does not include the use of Content … in connection with: (1) … training …", "We do not: (a) sell …; (b) …").
 */
export function negatedBefore(view: string, index: number, window = 80): boolean {
  return negationBefore(view, index, window) >= 0;
}

/** The offset in `view` of the negation that reaches the word at `index` ({@link negatedBefore}), or -1. */
export function negationBefore(view: string, index: number, window = 80): number {
  let from = Math.max(0, index - window);
  const semi = view.lastIndexOf(';', index);
  if (semi >= from) from = semi + 1;
  const colon = view.lastIndexOf(':', index);
  // A clause with a subject of its own after the colon explains what came before, it is no item of a list the negation
  // leads in: "We don't store your card number: we use Stripe to process payments".
  const explains = colon >= from && OWN_CLAUSE.test(view.slice(colon + 1, index));
  if (explains) from = colon + 1;
  const own = negatedIn(view, from, index);
  if (own >= 0 || explains) return own;
  return colon >= 0 && LIST_OPENS.test(view.slice(colon + 1, index)) ? negatedIn(view, Math.max(0, colon - LEAD_WINDOW), colon) : -1;
}
const OWN_CLAUSE = /^\s*(?:we|you|they|i)\s/i;
// What may stand between a list's colon and its item's word: the item's mark and words of items, no sentence end.
const LIST_OPENS = /^\s*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s)?[^.]*$/;
// How far back the lead-in of a list is read (a lead-in is one clause, longer than the window before a word).
const LEAD_WINDOW = 160;
const NEGATING_PREFIX = new Set(NEGATION_SCOPE.prefixes as readonly string[]);

// Whether view[from, index) may hold a negation at all (negationCue): most clauses asked about hold none.
const NEGATION_CUE = negationCue(NEGATION_SCOPE.prefixes);

/** The offset of a negation in view[from, index) that reaches the word at `index` (or of a "no-" prefix joining it), or -1. */
export function negatedIn(view: string, from: number, index: number): number {
  // Read up to the end of the word at `index` (a word ends before any space): a negation word cut there by `index`
  // ("nev|er") is still read whole by the tokens below.
  const to = Math.min(view.length, index + 40);
  const space = view.indexOf(' ', index);
  if (!NEGATION_CUE.test(view.slice(from, space >= 0 && space < to ? space : to).toLowerCase())) return -1;
  return negatedInTokens(view, from, index);
}

/** {@link negatedIn} without its cue check (the spec compares both). */
export function negatedInTokens(view: string, from: number, index: number): number {
  const tokens = tokenize(view.slice(from, Math.min(view.length, index + 40)));
  let k = 0;
  // A word cut by the window is not read.
  if (from > 0 && /[\p{L}\p{N}]/u.test(view[from - 1] ?? '') && tokens.length > 0 && tokens[0].start === 0) k = 1;
  const rel = index - from;
  let t = tokens.findIndex((x) => x.end > rel);
  if (t < 0) t = tokens.length;
  else if (tokens[t].start < rel) {
    // The word is the end of a hyphenated one: "no-training", "no-sale".
    const head = tokens[t].lower.slice(0, rel - tokens[t].start);
    if (NEGATING_PREFIX.has(head)) return from + tokens[t].start;
    t++;
  }
  const negs = negationsIn(tokens.slice(0, t)).filter((n) => n.t0 >= k);
  for (const n of negs) {
    if (!reaches(tokens, view, from, n.t0, n.t1, t)) continue;
    if (cancelled(tokens, negs, n)) continue;
    return from + tokens[n.t0].start;
  }
  return -1;
}
