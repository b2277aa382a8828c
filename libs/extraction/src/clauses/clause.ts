import type { Sentence } from '../text/sentences.js';
import type { Hit, Lexicon, Token } from './lexicon.js';
import { tokenize } from './lexicon.js';
import type { Category } from './vocabulary.js';
import { NOT_IN_CONTEXT } from './vocabulary.js';

/**
 * One operative clause: a sentence, list item or table row, or the part of one between ';' (and before ", but"),
 * read as words of the vocabulary. Who acts, the action, its object and recipients, the instrument or condition,
 * the modality and negation are answered by the functions below from the positions of those words, the same
 * way for every fact.
 */
export interface Clause {
  sentence: Sentence;
  /** Offsets into the document text. */
  start: number;
  end: number;
  /** The clause's part of the sentence view (same length as the text slice). */
  view: string;
  tokens: Token[];
  hits: Hit[];
  /** Token index of the first "except"/"unless": hits after it describe the exception, not the rule. */
  exceptAt: number;
}

const BOUNDARY_AFTER_COMMA = new Set(['but', 'however', 'whereas', 'while', 'although', 'though']);

/** The clauses of one sentence. */
export function clausesOf(sentence: Sentence, lexicon: Lexicon): Clause[] {
  const tokens = tokenize(sentence.view);
  const cuts: number[] = [0];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].lower;
    if (t === ';') cuts.push(i + 1);
    else if (t === ',' && i + 1 < tokens.length && BOUNDARY_AFTER_COMMA.has(tokens[i + 1].lower)) cuts.push(i + 1);
  }
  cuts.push(tokens.length);
  const out: Clause[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k];
    const b = cuts[k + 1];
    if (b <= a) continue;
    const first = tokens[a];
    const last = tokens[b - 1];
    const vs = k === 0 ? 0 : first.start;
    const ve = k + 2 === cuts.length ? sentence.view.length : last.end;
    const view = sentence.view.slice(vs, ve);
    const local = vs === 0 && a === 0 && b === tokens.length ? tokens : shifted(tokens, a, b, vs);
    // Lower-cased only when a hit may be a word in another sense (most clauses have none).
    let lower: string | undefined;
    const hits = lexicon.find(local).filter((h) => !excluded(h, () => (lower ??= view.toLowerCase())));
    const ex = hits.find((h) => h.cat === 'exception');
    out.push({ sentence, start: sentence.start + vs, end: sentence.start + ve, view, tokens: local, hits, exceptAt: ex ? ex.t0 : Number.POSITIVE_INFINITY });
  }
  return out;
}

/** Tokens [a, b) with offsets relative to `vs` (a clause's view), built field by field (an object spread per token was slow). */
function shifted(tokens: Token[], a: number, b: number, vs: number): Token[] {
  const out: Token[] = new Array<Token>(b - a);
  for (let k = a; k < b; k++) {
    const t = tokens[k];
    out[k - a] = { lower: t.lower, start: t.start - vs, end: t.end - vs };
  }
  return out;
}

/** Whether a hit is a word used in another sense here (see NOT_IN_CONTEXT). */
function excluded(h: Hit, lowerView: () => string): boolean {
  for (const x of NOT_IN_CONTEXT) {
    if (x.cat !== h.cat || (x.kind && x.kind !== h.kind)) continue;
    const lower = lowerView();
    if (!x.phrase.test(lower.slice(h.start, h.end))) continue;
    if (x.before && x.before.test(lower.slice(Math.max(0, h.start - 40), h.start))) return true;
    if (x.after && x.after.test(lower.slice(h.end, h.end + 40))) return true;
  }
  return false;
}

export function hitsOf(c: Clause, cat: Category, kinds?: string | string[]): Hit[] {
  const ks = kinds === undefined ? undefined : Array.isArray(kinds) ? kinds : [kinds];
  return c.hits.filter((h) => h.cat === cat && (ks === undefined || ks.includes(h.kind)));
}

export function has(c: Clause, cat: Category, kinds?: string | string[]): boolean {
  return hitsOf(c, cat, kinds).length > 0;
}

const NOMINAL = new Set(['disclosure', 'disclosures', 'sharing', 'access', 'notice', 'notices', 'notification', 'notifications', 'retention', 'deletion', 'destruction', 'erasure', 'training', 'marketing', 'advertising']);

/**
 * Whether an action hit is used as a verb, or as a noun that still names the act ("disclosure of your data",
 * "access to Customer Data") rather than a thing in a list ("agreements, notices, disclosures").
 */
export function verbal(c: Clause, h: Hit): boolean {
  if (h.t1 - h.t0 > 1 || !NOMINAL.has(c.tokens[h.t0].lower)) return true;
  const next = c.tokens[h.t1]?.lower;
  return next === 'of' || next === 'to' || next === 'by';
}

/** Whether a hit describes the exception ("… unless required by law") rather than the rule. */
export function inException(c: Clause, h: Hit): boolean {
  return h.t0 > c.exceptAt;
}

/**
 * As {@link inException}, but an exception that opens the clause ends at its first comma ("Except for the limited
 * rights granted here, Customer will own …": the main clause after the comma is the rule).
 */
export function inExceptionPart(c: Clause, h: Hit): boolean {
  if (!Number.isFinite(c.exceptAt) || c.exceptAt > 1) return inException(c, h);
  let comma = c.exceptAt + 1;
  while (comma < c.tokens.length && c.tokens[comma].lower !== ',') comma++;
  return h.t0 > c.exceptAt && h.t0 < comma;
}

// Negation and its scope are read in one place for every fact (negation.ts); re-exported for the readers of clauses.
export { negated, negationOf, negatedParty } from './negation.js';

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
    return true;
  }
  return false;
}

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

const RECIPIENT_PREP = new Set(['to', 'with', 'from', 'by', 'of', 'for', 'about', 'among', 'between', 'through', 'via']);
const DETERMINER = new Set(['the', 'a', 'an', 'its', 'their', 'such', 'any', 'each', 'all', 'our', 'your', 'this', 'that', 'these', 'those', 'other', 'relevant', 'applicable']);

/** Whether the word at token `t` is the object of a preposition ("to the Controller", "of our providers"). */
function afterPreposition(c: Clause, t: number): boolean {
  let i = t - 1;
  while (i >= 0 && DETERMINER.has(c.tokens[i].lower)) i--;
  return i >= 0 && RECIPIENT_PREP.has(c.tokens[i].lower);
}

/**
 * Who performs the action at `h`: the last actor before it in the clause that is not the object of a
 * preposition ("to our providers", "with law enforcement"), or undefined (passive or impersonal clauses).
 */
export function subjectOf(c: Clause, h: Hit): Hit | undefined {
  let subject: Hit | undefined;
  for (const x of c.hits) {
    if (x.cat !== 'actor' || x.t0 >= h.t0) continue;
    if (afterPreposition(c, x.t0) || nounModifier(c, x, h)) continue;
    if (c.tokens[x.t0].lower === 'your' || c.tokens[x.t0].lower === 'our') continue; // possessives name an owner, not an actor
    subject = x;
  }
  return subject;
}

/**
 * Whether a passive action has data for its subject after the last actor ("The Customer can only create one account
 * and all information attached to the account will be deleted"): in the passive the thing acted on is the subject,
 * so the actor before it belongs to an earlier clause and the action's agent is unnamed.
 */
function patientBetween(c: Clause, x: Hit, h: Hit): boolean {
  return passive(c, h) && c.hits.some((o) => o.cat === 'object' && o.t0 >= x.t1 && o.t1 <= h.t0 && coordinated(c, x.t1, o.t0) && !relativeBetween(c, o.t1, h.t0));
}

/** Whether a relative pronoun stands between two positions ("… part of a conversation that can't be erased"): the verb then belongs to another noun. */
function relativeBetween(c: Clause, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (RELATIVE.has(c.tokens[i].lower)) return true;
  return false;
}
const RELATIVE = new Set(['that', 'which', 'who', 'whom', 'whose']);

/** Whether a coordinating word or a comma stands between two token positions (a new clause may start there). */
function coordinated(c: Clause, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (COORDINATOR.has(c.tokens[i].lower)) return true;
  return false;
}
// Not "that": after "ensure", "require", "agree" it opens the clause the subject is responsible for ("the Customer
// shall ensure that all data is deleted" is the customer's duty, not an impersonal deletion).
const COORDINATOR = new Set(['and', 'or', 'but', ',', 'while', 'whereas']);

/**
 * An actor word that is not the subject of a later verb, after a subject of its own: the modifier of a noun ("to
 * analyze the site and user behavior, … and prepare aggregated reports"), or the subject of a reduced relative clause
 * on the data before it ("the information, including data you provide, to …"). It names whose thing it is.
 */
function nounModifier(c: Clause, x: Hit, h: Hit): boolean {
  const next = c.tokens[x.t1];
  // A noun that is also a verb ("profiles", "trends") acts when "to" or a modal follows it ("the user profiles to …").
  const then = c.tokens[x.t1 + 1]?.lower;
  const modifies = next !== undefined && x.t1 < h.t0 && MODIFIED_NOUN.test(next.lower) && !(then !== undefined && VERB_FOLLOWER.test(then));
  // "including data you provide, to …": the actor of a reduced relative clause on the data just before it.
  const relative = c.hits.some((o) => o.cat === 'object' && o.t1 === x.t0) && /^(?:you|they|users?|customers?)$/.test(c.tokens[x.t0].lower);
  if (!modifies && !relative) return false;
  return c.hits.some((y) => y.cat === 'actor' && y.t1 <= x.t0 && y !== x && !afterPreposition(c, y.t0) && !/^(?:your|our)$/.test(c.tokens[y.t0].lower));
}
// Nouns an actor word modifies ("user behavior", "customer support", "vendor management"): what belongs to or concerns
// them. Vocabulary, reviewed as data: nouns, not verbs of the lexicon ("needs" is left out: "the user needs to remove").
const MODIFIED_NOUN = /^(?:behaviou?rs?|activit(?:y|ies)|experiences?|interactions?|preferences?|profiles?|engagement|journeys?|satisfaction|demographics?|patterns?|trends?|habits?|feedback|management|relations(?:hips)?|segments?|lifecycle)$/;
const VERB_FOLLOWER = /^(?:to|will|shall|must|may|can|should|would|could)$/;

// Words that open a subordinate clause ("If you cancel your account, we …"): its actors are not the main verb's subject.
const SUBORDINATOR = new Set(['if', 'when', 'whenever', 'once', 'after', 'upon', 'where', 'should', 'unless', 'before', 'while', 'following', 'on']);

/** Whether actor `x` sits in a subordinate clause that opens its comma-delimited part and ends before `h` at a comma. */
function inOpeningSubordinate(c: Clause, x: Hit, h: Hit): boolean {
  let a = x.t0;
  while (a > 0 && c.tokens[a - 1].lower !== ',') a--;
  let b = x.t1;
  while (b < h.t0 && c.tokens[b].lower !== ',') b++;
  if (b >= h.t0) return false;
  for (let i = a; i < Math.min(x.t0, a + 4); i++) if (SUBORDINATOR.has(c.tokens[i].lower)) return true;
  return false;
}

/**
 * Who performs the action at `h` in the main clause: as {@link subjectOf}, skipping the actors of an opening
 * subordinate clause ("If you cancel your account, your data will be deleted": not "you").
 */
/** The vendor's name as a modifier of the user's thing ("Your Dailymotion account"): not an actor there. */
function ownedVendorName(c: Clause, x: Hit): boolean {
  const prev = c.tokens[x.t0 - 1]?.lower;
  return x.kind === 'vendor' && (prev === 'your' || prev === 'my');
}

export function agentOf(c: Clause, h: Hit): Hit | undefined {
  let subject: Hit | undefined;
  for (const x of c.hits) {
    if (x.cat !== 'actor' || x.t0 >= h.t0) continue;
    if (afterPreposition(c, x.t0) || inOpeningSubordinate(c, x, h) || nounModifier(c, x, h)) continue;
    const w = c.tokens[x.t0].lower;
    if (w === 'your' || w === 'our' || ownedVendorName(c, x)) continue;
    subject = x;
  }
  return subject && !patientBetween(c, subject, h) ? subject : undefined;
}

/**
 * The clause's grammatical subject: the first actor (not after a preposition, not a possessive) followed within
 * three words by a modal or an action ("Customer will not …", "We may share …", "(e) Customer will not attempt").
 */
export function clauseSubject(c: Clause): Hit | undefined {
  // The main verb is the first modal or action; its subject is the last actor before it (none: passive or impersonal).
  const verb = c.hits.find((y) => y.cat === 'modal' || (y.cat === 'action' && verbal(c, y)) || y.cat === 'negation');
  if (!verb) return undefined;
  let subject: Hit | undefined;
  for (const x of c.hits) {
    if (x.cat !== 'actor' || x.t1 > verb.t0) continue;
    if (afterPreposition(c, x.t0)) continue;
    const w = c.tokens[x.t0].lower;
    if (w === 'your' || w === 'our' || ownedVendorName(c, x)) continue;
    subject = x;
  }
  return subject && verb.t0 - subject.t1 <= 4 ? subject : undefined;
}

/** Actors after the action (its recipients: "… with our service providers", "… to law enforcement"). */
export function recipientsOf(c: Clause, h: Hit): Hit[] {
  return c.hits.filter((x) => x.cat === 'actor' && x.t0 >= h.t1 && c.tokens[x.t0].lower !== 'your' && c.tokens[x.t0].lower !== 'our');
}

const BE = new Set(['is', 'are', 'be', 'been', 'being', 'was', 'were', 'get', 'gets']);

/** Whether the action at `h` is passive ("is disclosed", "may be shared", "are not sold"). */
export function passive(c: Clause, h: Hit): boolean {
  for (let i = h.t0 - 1; i >= Math.max(0, h.t0 - 3); i--) {
    const t = c.tokens[i].lower;
    if (BE.has(t)) return /(?:ed|en|wn|ld|nt|pt|de)$/.test(c.tokens[h.t0].lower);
    if (t !== 'not' && t !== 'never' && t !== 'also' && t !== 'only' && !/ly$/.test(t)) return false;
  }
  return false;
}

/** Whether the action's subject is the vendor (explicitly, or a passive clause of the vendor's document about data). */
export function byVendor(c: Clause, h: Hit): boolean {
  const s = subjectOf(c, h);
  if (s) return s.kind === 'vendor';
  return passive(c, h);
}

/** The clause text between two hits (for reading what an action applies to). */
export function between(c: Clause, a: Hit | number, b: Hit | number): string {
  const from = typeof a === 'number' ? a : a.end;
  const to = typeof b === 'number' ? b : b.start;
  return c.view.slice(from, Math.max(from, to));
}
