import type { Token } from './lexicon.js';
import { bothCases } from './both-cases.js';
import { NEGATION_SCOPE, VOCABULARY } from './vocabulary.js';
import { escapeRegExp } from '../text/escape-regexp.js';

/**
 * How far a negation word reaches within one clause's tokens (negation.ts gives the rules and reads them for the
 * readers): the negation phrases, and whether one reaches a later token past asides, exceptions and clause boundaries.
 */

type Phrase = readonly string[];
const phrases = (xs: readonly string[]): Phrase[] => xs.map((x) => x.split(' ')).sort((a, b) => b.length - a.length);

const NEGATION = phrases(VOCABULARY.negation.not.exact ?? []);
const EXCEPTION = phrases((VOCABULARY.exception.except.exact ?? []).filter((x) => !(NEGATION_SCOPE.asideNotException as readonly string[]).includes(x)));
export const NOT_NEGATING = phrases(NEGATION_SCOPE.notNegating);
const DESCRIBES_DATA = phrases(NEGATION_SCOPE.describesData);
const SUBORDINATOR = new Set<string>(NEGATION_SCOPE.subordinators);
const SUBJECT = new Set<string>(NEGATION_SCOPE.subjects);
export const COORDINATOR = new Set<string>(NEGATION_SCOPE.coordinators);
const FINITE = new Set<string>(NEGATION_SCOPE.finite);
const SAVE_BEFORE = new Set<string>(NEGATION_SCOPE.saveBefore);
const RELATIVE = new Set<string>(NEGATION_SCOPE.relatives);
const RESUMES = new Set<string>(NEGATION_SCOPE.resumes);
const PURPOSE_VERB = new Set<string>(NEGATION_SCOPE.purposeVerbs);

/**
 * A pattern that finds, in a lower-cased text, a word that must stand in it as a whole token for any negation phrase
 * to be among its tokens: per phrase, a word of it that is a negation on its own ("no" of "in no event") or else its
 * contraction's lone letter ("t" of "don t", a typographic apostrophe's split), or else its longest ("prohibited" of "is
 * prohibited"); and the negating prefixes ("no-" of "no-training"). No
 * match: the text's tokens hold no negation (a token is a run of letters and digits: never preceded by an ASCII letter,
 * never followed by an ASCII letter or digit). Readers ask whether a negation reaches a word for many words of
 * sentences that negate nothing; this answers them without tokenizing (negation.ts).
 */
export function negationCue(prefixes: readonly string[]): RegExp {
  const singles = new Set(NEGATION.filter((p) => p.length === 1).map((p) => p[0]));
  const words = new Set<string>();
  // A lone letter, not a lone mark: a punctuation token (",", "(") may stand right after a letter ("data,").
  for (const p of NEGATION) words.add(p.find((w) => singles.has(w)) ?? p.find((w) => /^\p{L}$/u.test(w)) ?? p.reduce((a, b) => (b.length > a.length ? b : a)));
  const alt = (xs: Iterable<string>) => [...xs].map(escapeRegExp).join('|');
  return new RegExp(String.raw`(?<![a-z])(?:${alt(words)})(?![a-z0-9])` + (prefixes.length > 0 ? String.raw`|(?<![a-z])(?:${alt(prefixes)})` : ''));
}

/** Length of the phrase of `list` that starts at token `i`, or 0. */
export function phraseAt(tokens: Token[], i: number, list: Phrase[]): number {
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
