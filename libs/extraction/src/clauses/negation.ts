import type { Clause } from './clause.js';
import type { Hit, Token } from './lexicon.js';
import { tokenize } from './lexicon.js';
import { bothCases } from './both-cases.js';
import { NEGATION_SCOPE, VOCABULARY } from './vocabulary.js';

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

type Phrase = readonly string[];
const phrases = (xs: readonly string[]): Phrase[] => xs.map((x) => x.split(' ')).sort((a, b) => b.length - a.length);

const NEGATION = phrases(VOCABULARY.negation.not.exact ?? []);
const EXCEPTION = phrases((VOCABULARY.exception.except.exact ?? []).filter((x) => !(NEGATION_SCOPE.asideNotException as readonly string[]).includes(x)));
const NOT_NEGATING = phrases(NEGATION_SCOPE.notNegating);
const DESCRIBES_DATA = phrases(NEGATION_SCOPE.describesData);
const SUBORDINATOR = new Set<string>(NEGATION_SCOPE.subordinators);
const SUBJECT = new Set<string>(NEGATION_SCOPE.subjects);
const COORDINATOR = new Set<string>(NEGATION_SCOPE.coordinators);
const FINITE = new Set<string>(NEGATION_SCOPE.finite);
const NEGATIVE_PREDICATE = new Set<string>(NEGATION_SCOPE.negativePredicates);
const SAVE_BEFORE = new Set<string>(NEGATION_SCOPE.saveBefore);
const RELATIVE = new Set<string>(NEGATION_SCOPE.relatives);
const RESUMES = new Set<string>(NEGATION_SCOPE.resumes);
const PURPOSE_VERB = new Set<string>(NEGATION_SCOPE.purposeVerbs);
const PREDICATE_COMPLEMENT = new Set<string>(NEGATION_SCOPE.predicateComplements);
const PREDICATE_NEGATION = new Set<string>(NEGATION_SCOPE.predicateNegations);

/** Length of the phrase of `list` that starts at token `i`, or 0. */
function phraseAt(tokens: Token[], i: number, list: Phrase[]): number {
  outer: for (const p of list) {
    if (i + p.length > tokens.length) continue;
    for (let k = 0; k < p.length; k++) if (tokens[i + k].lower !== p[k]) continue outer;
    return p.length;
  }
  return 0;
}

/** A negation phrase: tokens [t0, t1). */
export interface NegationSpan {
  t0: number;
  t1: number;
}

/** The negation phrases of `tokens` (the vocabulary's, longest at each position), in order. */
export function negationsIn(tokens: Token[]): NegationSpan[] {
  const out: NegationSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = phraseAt(tokens, i, NEGATION);
    if (n > 0 && !(PAIRED_WITH_NE.has(tokens[i].lower) && !neBefore(tokens, i))) {
      out.push({ t0: i, t1: i + n });
      i += n - 1;
    }
  }
  return out;
}

const PAIRED_WITH_NE = new Set<string>(NEGATION_SCOPE.pairedWithNe);
/** Whether a French "ne"/"n'" stands within six words before token `i` ("ne sont pas", "n'est pas", "n’ont pas"). */
function neBefore(tokens: Token[], i: number): boolean {
  for (let k = Math.max(0, i - 6); k < i; k++) {
    const w = tokens[k].lower;
    if (w === 'ne' || w === 'n' || w.startsWith("n'") || w.startsWith('n’')) return true;
  }
  return false;
}

/** Whether an exception opens at token `i` ("except", "unless", "other than"; "save" only as "save as …"). */
function exceptionAt(tokens: Token[], i: number): boolean {
  if (phraseAt(tokens, i, EXCEPTION) === 0) return false;
  return tokens[i].lower !== 'save' || SAVE_BEFORE.has(tokens[i + 1]?.lower ?? '');
}

/** Whether a new clause or verb group starts after the coordinator at `i`, before `t` ("… and will share", "… and we share"). */
function newClauseAfter(tokens: Token[], i: number, t: number): boolean {
  // "… and we transfer it to …": a subject pronoun right after the coordinator opens a clause of its own.
  if (i + 1 < t && SUBJECT.has(tokens[i + 1].lower)) return true;
  for (let j = i + 1; j < Math.min(t, i + 5); j++) {
    const w = tokens[j].lower;
    if (FINITE.has(w)) return true;
    if (COORDINATOR.has(w)) return false;
  }
  // "… and we share it": a subject pronoun directly before the word.
  return t - i <= 2 && t - 1 > i && SUBJECT.has(tokens[t - 1].lower);
}

/** The first comma in tokens (a, b), or -1. */
function commaIn(tokens: Token[], a: number, b: number): number {
  for (let i = a + 1; i < b; i++) if (tokens[i].lower === ',') return i;
  return -1;
}

/**
 * The comma that closes an aside opening at the comma `i`, when the negation's clause goes on after it towards `t`, or
 * -1: a relative part about the object ("do not use Customer Data, which may include PHI, to train …") resumed by a
 * preposition or the word itself, or an exception that interrupts the verb group right after the negation ("will not,
 * except as required by law, disclose …", `n1` the negation's end).
 */
function asideClosing(tokens: Token[], i: number, n1: number, t: number): number {
  const next = tokens[i + 1]?.lower ?? '';
  const relative = RELATIVE.has(next) || (next === 'that' && tokens[i + 2]?.lower === 'is' && tokens[i + 3]?.lower === ',');
  const exception = i === n1 && exceptionAt(tokens, i + 1);
  if (!relative && !exception) return -1;
  const close = commaIn(tokens, relative && next === 'that' ? i + 3 : i, t);
  if (close < 0) return -1;
  if (exception || close + 1 === t || RESUMES.has(tokens[close + 1].lower)) return close;
  return -1;
}

/**
 * Whether a subordinate part opening at `i` sits inside the object of a negated verb that takes a purpose, with `t` that
 * purpose: "do not use the information we collect when you use the Services to train our models" (the training is the
 * refused use's), not "do not notify you when we disclose it" (the disclosure is the condition's).
 */
function purposeOfNegatedVerb(tokens: Token[], n1: number, i: number, t: number): boolean {
  const before = tokens[t - 1]?.lower;
  if (before !== 'to' && before !== 'for') return false;
  for (let j = n1; j < i; j++) if (PURPOSE_VERB.has(tokens[j].lower)) return true;
  return false;
}

/** Whether a comma stands between tokens `a` and `b`. */
function commaBetween(tokens: Token[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (tokens[i].lower === ',') return true;
  return false;
}

/**
 * Whether the negation at token `n0` sits in a subordinate part that opens its comma-delimited stretch ("If you do not
 * opt out, …") and closes before `t`: at a comma, or where a main clause starts with a subject and a modal ("if you do
 * not opt out we will share").
 */
function inOpeningPart(tokens: Token[], n0: number, t: number): boolean {
  let a = n0;
  while (a > 0 && tokens[a - 1].lower !== ',') a--;
  let opener = -1;
  for (let i = a; i < Math.min(n0, a + 4); i++) if (SUBORDINATOR.has(tokens[i].lower)) opener = i;
  if (opener < 0) return false;
  if (commaBetween(tokens, n0, t)) return true;
  for (let j = n0 + 1; j + 1 <= t; j++) if (SUBJECT.has(tokens[j].lower) && FINITE.has(tokens[j + 1]?.lower ?? '') && j + 1 < t) return true;
  return false;
}

/** The ')' that closes the '(' at `i` before `t`, or -1. */
function closingParenthesis(tokens: Token[], i: number, t: number): number {
  for (let j = i + 1; j < t; j++) if (tokens[j].lower === ')') return j;
  return -1;
}

/** Whether the negation at `n0` is inside a parenthesis that closes before `t`. */
function closedParenthesis(tokens: Token[], n0: number, t: number): boolean {
  let open = false;
  for (let i = n0 - 1; i >= 0; i--) {
    if (tokens[i].lower === ')') break;
    if (tokens[i].lower === '(') {
      open = true;
      break;
    }
  }
  if (!open) return false;
  for (let i = n0 + 1; i < t; i++) if (tokens[i].lower === ')') return true;
  return false;
}

/**
 * Whether the negation [n0, n1) reaches token `t` (n1 <= t) of `tokens`, tokens of one clause whose text is `view`
 * from offset `base` (for the "whether" test, which reads the text).
 */
export function reaches(tokens: Token[], view: string, base: number, n0: number, n1: number, t: number): boolean {
  if (t < n1) return false;
  if (phraseAt(tokens, n0, NOT_NEGATING) > 0) return false;
  if (bothCases(view, base + tokens[n0].start)) return false;
  const w = tokens[n0].lower;
  if (w === 'not' && t > n1 && phraseAt(tokens, n1, DESCRIBES_DATA) > 0) return false;
  if (w === 'without' && t - n1 > NEGATION_SCOPE.withoutReach) return false;
  for (let i = n1; i < t; i++) {
    const x = tokens[i].lower;
    // An aside in parentheses closed before the word is skipped: "will not (except as the law requires) delete".
    if (x === '(') {
      const close = closingParenthesis(tokens, i, t);
      if (close > 0) {
        i = close;
        continue;
      }
    }
    // An aside between commas that the clause resumes after (a relative part about the object, an exception
    // interrupting the verb group) is skipped; a relative part the clause does not resume after holds the word ("do not
    // sell your data, which we use to train models").
    if (x === ',') {
      const close = asideClosing(tokens, i, n1, t);
      if (close > 0) {
        i = close;
        continue;
      }
      if (RELATIVE.has(tokens[i + 1]?.lower ?? '')) return false;
    }
    if (exceptionAt(tokens, i)) return false;
    // A subordinate part opening after the negation, not closed before the word: the word is the condition's, unless it
    // is the purpose of the negated verb whose object the part describes.
    if (SUBORDINATOR.has(x) && !commaBetween(tokens, i, t) && !purposeOfNegatedVerb(tokens, n1, i, t)) return false;
    if (COORDINATOR.has(x) && newClauseAfter(tokens, i, t)) return false;
  }
  return !inOpeningPart(tokens, n0, t) && !closedParenthesis(tokens, n0, t);
}

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

/** The offset of a negation in view[from, index) that reaches the word at `index` (or of a "no-" prefix joining it), or -1. */
function negatedIn(view: string, from: number, index: number): number {
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
