import type { Clause } from './clause.js';
import { between, has, verbal } from './clause-hits.js';
import type { Hit } from './lexicon.js';

/** Who does what in a clause: the action's subject, agent and recipients, passives, and whether the vendor acts (clause.ts). */

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
  if (x.t1 < h.t0 && compoundModifier(c, x)) return true;
  // A noun that is also a verb ("profiles", "trends") acts when "to" or a modal follows it ("the user profiles to …").
  const then = c.tokens[x.t1 + 1]?.lower;
  const modifies = next !== undefined && x.t1 < h.t0 && MODIFIED_NOUN.test(next.lower) && !(then !== undefined && VERB_FOLLOWER.test(then));
  // "including data you provide, to …": the actor of a reduced relative clause on the data just before it.
  // "to improve the ads you see, to measure … and to report …": the same after a noun a determiner opens (a contact
  // relative clause on it), whatever the noun.
  // Only when a comma or "to" ends the relative clause before the act: otherwise the act is the word's own verb or one
  // coordinated with it ("at the end of the term you may export your files and delete them", "the moment you close your
  // account you delete"), a noun phrase fronted as an adverbial being followed by the clause's own subject and verb.
  const relative = /^(?:you|they|users?|customers?)$/.test(c.tokens[x.t0].lower) && (c.hits.some((o) => o.cat === 'object' && o.t1 === x.t0) || (afterDeterminedNoun(c, x.t0) && !ownClause(c, x, h)));
  if (!modifies && !relative) return false;
  return c.hits.some((y) => y.cat === 'actor' && y.t1 <= x.t0 && y !== x && !afterPreposition(c, y.t0) && !/^(?:your|our)$/.test(c.tokens[y.t0].lower));
}
// Determiners that open a noun phrase a contact relative clause may follow ("the ads you see"); not "that"/"this", which
// also open a clause or point back ("ensure that you …").
const NOUN_OPENER = new Set([...DETERMINER].filter((w) => w !== 'that' && w !== 'this'));
/**
 * Whether token `t` follows a noun phrase a determiner opens, one to three words long with no preposition, coordinator
 * or relative pronoun in it ("the ads | you see", "any content | you post"): then the actor at `t` opens a contact
 * relative clause on that noun ("the ads you see"), not the clause's own subject.
 */
function afterDeterminedNoun(c: Clause, t: number): boolean {
  for (let i = t - 1, words = 0; i >= 0 && words <= 3; i--) {
    const w = c.tokens[i].lower;
    if (NOUN_OPENER.has(w)) return words > 0;
    if (!/^[a-z][a-z'-]*$/.test(w) || RECIPIENT_PREP.has(w) || COORDINATOR.has(w) || RELATIVE.has(w) || w === 'that' || w === 'this') return false;
    words++;
  }
  return false;
}
/** Whether no comma, semicolon or "to" stands between the actor `x` and the act `h`: the act is in the actor's own clause. */
function ownClause(c: Clause, x: Hit, h: Hit): boolean {
  for (let i = x.t1; i < h.t0; i++) if (/^(?:,|;|:|to)$/.test(c.tokens[i].lower)) return false;
  return true;
}
// Nouns an actor word modifies ("user behavior", "customer support", "vendor management"): what belongs to or concerns
// them. Vocabulary, reviewed as data: nouns, not verbs of the lexicon ("needs" is left out: "the user needs to remove").
const MODIFIED_NOUN = /^(?:behaviou?rs?|activit(?:y|ies)|experiences?|interactions?|preferences?|profiles?|engagement|journeys?|satisfaction|demographics?|patterns?|trends?|habits?|feedback|management|relations(?:hips)?|segments?|lifecycle)$/;
/**
 * "customer base", "customer service", "user support": a singular person word before a noun that is never a verb after it
 * names a group or a function, whoever the clause's subject is (none needed).
 */
function compoundModifier(c: Clause, x: Hit): boolean {
  const next = c.tokens[x.t1]?.lower;
  return next !== undefined && COMPOUND_HEAD.test(next) && /^(?:customer|user|client|member|subscriber|consumer)$/.test(c.tokens[x.t1 - 1].lower);
}
// Heads of compounds a person word modifies that no singular subject is followed by as its verb.
const COMPOUND_HEAD = /^(?:base|bases|service|services|support|care|surveys?|success)$/;
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

/** The vendor's name as a modifier of the user's thing ("Your Dailymotion account"): not an actor there. */
function ownedVendorName(c: Clause, x: Hit): boolean {
  const prev = c.tokens[x.t0 - 1]?.lower;
  return x.kind === 'vendor' && (prev === 'your' || prev === 'my');
}

/**
 * Who performs the action at `h` in the main clause: as {@link subjectOf}, skipping the actors of an opening
 * subordinate clause ("If you cancel your account, your data will be deleted": not "you").
 */
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
    if (afterPreposition(c, x.t0) || compoundModifier(c, x)) continue;
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
