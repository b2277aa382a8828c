import type { Clause } from '../clauses/clause.js';
import { agentOf, negated, passive, verbal } from '../clauses/clause.js';
import type { Hit } from '../clauses/lexicon.js';
import { CONDITION_AFTER, CONDITION_BEFORE, CONDITION_ELSEWHERE, NOMINAL_ACT } from './return-vocabulary.js';

// The clause readers of return_or_destroy_on_termination: who deletes or keeps, whether the act is on data, and which
// modal governs it.

// What a delete or keep acts on: data (an object of the vocabulary) or a pronoun for it, within a few words after.
const PRONOUN = new Set(['it', 'them', 'such', 'these', 'those', 'everything', 'copies']);

// Words that open a subordinate clause, whose own passive agent is not the main verb's.
const SUBORDINATOR = /^(?:until|unless|when|once|after|before|if)$/;

/**
 * Whether the vendor acts: its name, "we", a provider, or an impersonal/passive clause ("your data will be
 * deleted"); a list item without a subject takes its intro's ("Business Associate shall: (a) return or destroy …").
 * The customer's own duties and features ("you shall delete", "you may delete your account") are not.
 */
export function byVendor(c: Clause, h: Hit, introSubject: Hit | undefined): boolean {
  // "will be kept by Acme for the period that you use the services, and deleted …": a participle coordinated with a
  // passive has the data as its subject, whoever the relative clause between them names.
  const before = c.tokens[h.t0 - 1]?.lower;
  if ((before === 'and' || before === 'or') && /ed$/.test(c.tokens[h.t0].lower) && c.hits.some((x) => x.cat === 'action' && x.t0 < h.t0 && passive(c, x))) return true;
  // "It may be deleted … by You": a passive whose agent is the customer. Not an agent of a subordinate clause after the
  // verb ("stored until the account is closed by you"): that names who ends the account, not who keeps the data.
  if (passive(c, h) && c.hits.some((x) => x.cat === 'actor' && x.kind === 'customer' && x.t0 > h.t0 && c.tokens[x.t0 - 1]?.lower === 'by' && !c.tokens.slice(h.t1, x.t0).some((t) => SUBORDINATOR.test(t.lower)))) return false;
  // A verb coordinated after another with its subject elided ("If you use your ID to sign in elsewhere, and later delete
  // your account, …") has that verb's subject.
  const who = agentOf(c, h) ?? coordinatedAgent(c, h) ?? introSubject;
  // "Organizers who want to delete their account and personal information … should consult …": a deletion that someone
  // other than the vendor wants or chooses to make is their wish (a feature or a request), not the vendor deleting.
  if (WISHED.test(c.view.slice(Math.max(0, h.start - 30), h.start)) && who?.kind !== 'vendor') return false;
  // An imperative with no subject ("**Delete your content or close your account.**") tells the user what to do.
  if (!who && h.t0 === 0 && c.start === c.sentence.start && /^[\s*_#>-]*[A-Z]/.test(c.view)) return false;
  return !who || who.kind !== 'customer';
}

// A verb as what someone wants or chooses to do: "who want to delete", "if you wish to erase", "would like to remove".
const WISHED = /\b(?:wants?|wanting|wish(?:es|ing)?|would like|like|choos(?:e|es|ing)|decid(?:e|es|ing)|intend(?:s|ing)?|prefer(?:s|ring)?)\s+to\s+$/i;
// Between a coordinator and the verb it joins: an adverb of time or manner ("and later delete", "and then delete").
const COORDINATED = /^(?:and|or)$/;
const ADVERB = /^(?:later|then|also|subsequently|afterwards|thereafter|\w+ly)$/;
/** The agent of the verb before `h` that `h` is coordinated with ("you use … and later delete"), if any. */
function coordinatedAgent(c: Clause, h: Hit): Hit | undefined {
  let i = h.t0 - 1;
  if (ADVERB.test(c.tokens[i]?.lower ?? '')) i--;
  if (!COORDINATED.test(c.tokens[i]?.lower ?? '')) return undefined;
  const prev = c.hits.filter((x) => x.cat === 'action' && x.t1 <= i).pop();
  return prev ? agentOf(c, prev) : undefined;
}

// Nouns for what users keep in a service that the vocabulary does not hold as data ("materials created by the student",
// "we will delete your account profile").
const DATA_NOUN = /^(?:materials|backups|copies|uploads|photos|videos|posts|comments|messages|workspaces?|profiles?)$/;
// Nouns a participle may describe as already deleted ("deleted files"): the data words and DATA_NOUN's.
const ATTRIBUTIVE_NOUN = /^(?:information|data|content|files?|items?|records|accounts?)$/;
const dataNoun = (w: string): boolean => ATTRIBUTIVE_NOUN.test(w) || DATA_NOUN.test(w);
// Before a participle, a perfect's auxiliary or a subject makes it the verb ("we will have deleted information", "we
// deleted data"), not a modifier of the noun after it.
const VERB_BEFORE = /^(?:have|has|had|having|'ve|we|they|you|i|it)$/;
/** The participle at token `t0` stands before its noun (token `t`), or before one more coordinated participle ("erased or deleted files"). */
function attributive(c: Clause, t0: number, t: number): boolean {
  const at = (i: number) => c.tokens[i]?.lower ?? '';
  let b = t0 - 1;
  if (/ly$/.test(at(b))) b--;
  if (/^(?:or|and)$/.test(at(b)) && /(?:ed|en)$/.test(at(b - 1))) b -= 2;
  if (VERB_BEFORE.test(at(b))) return false;
  return dataNoun(at(t)) || (/^(?:or|and)$/.test(at(t)) && /(?:ed|en)$/.test(at(t + 1)) && dataNoun(at(t + 2)));
}

/** Whether the action acts on data: an object of the vocabulary, or a pronoun for it, within twelve words after it. */
export function actsOnData(c: Clause, h: Hit): boolean {
  if (c.hits.some((x) => x.cat === 'object' && x.t0 >= h.t1 && x.t0 - h.t1 <= 12)) return true;
  for (let i = h.t1; i < Math.min(c.tokens.length, h.t1 + 12); i++) if (DATA_NOUN.test(c.tokens[i].lower)) return true;
  // Passive: the data is the subject before it ("your data will be deleted").
  // Passive or a bare participle: the data is the subject before it ("your data will be deleted", "… until deleted").
  // French participles agree with the data ("supprimées", "effacés").
  if ((passive(c, h) || /(?:ed|en|ée?s?)$/.test(c.tokens[h.t0].lower)) && c.hits.some((x) => x.cat === 'object' && x.t1 <= h.t0)) return !otherSubject(c, h);
  // A passive whose subject is one of the things users keep that the vocabulary does not hold as data ("any Posts
  // associated with that account will also be deleted", "your photos and comments will be deleted"): the noun, after a
  // determiner or a coordinator, a few words before the auxiliaries.
  if (passive(c, h) && passiveSubjectIsKept(c, h)) return true;
  const next = c.tokens[h.t1]?.lower;
  return next !== undefined && PRONOUN.has(next);
}

const NOUN_OPENER = /^(?:any|all|your|their|its|the|such|these|those|and|or)$/;
/** Whether a DATA_NOUN opens the passive's subject, within five words before its auxiliaries. */
function passiveSubjectIsKept(c: Clause, h: Hit): boolean {
  let i = h.t0 - 1;
  while (i >= 0 && AUX.test(c.tokens[i].lower)) i--;
  // The noun must head the subject, not sit in a phrase on another noun ("any links to your profile will be deleted");
  // "of" after a quantifier still heads it ("all of your posts").
  const inPhrase = (w: string) => w !== 'of' && PREPOSITION.test(w);
  for (let k = i; k >= Math.max(1, i - 5); k--) {
    if (DATA_NOUN.test(c.tokens[k].lower) && NOUN_OPENER.test(c.tokens[k - 1].lower) && !inPhrase(c.tokens[k - 2]?.lower ?? '')) return true;
  }
  return false;
}

/**
 * Whether a delete word is the act of deleting data: a verb ("delete", "destroy", "return" with its object), or a
 * noun that names the act at the end ("results in the deletion of"); not "remove" (moderation, blocks) unless refused, nor "the
 * deletion of your data may result in …" (a cause, not what happens at the end).
 */
export function deletesData(c: Clause, h: Hit): boolean {
  const w = c.tokens[h.t0].lower;
  // A participle standing before its noun ("removed or deleted information may persist in backups", "the deleted files")
  // names data the user already removed; it is no deletion anyone does at the end.
  if (h.t1 - h.t0 === 1 && /(?:ed|en)$/.test(w) && attributive(c, h.t0, h.t1)) return false;
  // A refused duty to remove at the end is still about the data ("is not obligated to remove from its Services any
  // content submitted by you" on termination): the vendor keeps it. Not "has not removed", "may not be possible to
  // remove" (no duty refused).
  // "… is removed from our active systems": taken out of the vendor's systems is deleted.
  // Not when the same sentence keeps it elsewhere ("… but may be retained in backups", "… and moved to long-term
  // storage"): taken out of the live systems only, the data still exists.
  if (/^remov/.test(w) && FROM_SYSTEMS.test(c.view.slice(h.end, h.end + 50)) && !negated(c, h)) return !KEPT_ELSEWHERE.test(c.sentence.view.slice(c.start - c.sentence.start + h.end));
  if (/^remov/.test(w)) return NO_DUTY_TO.test(c.view.slice(Math.max(0, h.start - 60), h.start)) && !NOT_A_KEPT_COPY.test(c.view.slice(h.start, h.start + 120));
  if (h.t1 - h.t0 === 1 && /^(?:deletion|destruction|erasure)$/.test(w)) return NOMINAL_ACT.test(c.view.slice(Math.max(0, h.start - 40), h.start));
  // "return" is the act only with data after it ("return all PHI", "return or destroy the records"), not "return policy".
  if (/^return/.test(w)) return c.hits.some((x) => x.cat === 'object' && x.t0 > h.t0 && x.t0 - h.t1 <= 6);
  return verbal(c, h);
}

// Words between a passive's subject and its verb: "any subscriptions will be permanently deleted".
const AUX = /^(?:will|shall|would|may|must|can|be|been|being|is|are|was|were|has|have|had|then|also|automatically|permanently|securely|irreversibly|immediately|not)$/;
const DETERMINERS = /^(?:the|a|an|any|all|your|their|its|our|such|this|that|these|those|each|every|other)$/;

/**
 * Whether a passive's subject (the word just before its auxiliaries) is a noun that is not data: "… or its Content,
 * and any subscriptions will be deleted" deletes subscriptions, not the Content named before.
 */
function otherSubject(c: Clause, h: Hit): boolean {
  let i = h.t0 - 1;
  while (i >= 0 && AUX.test(c.tokens[i].lower)) i--;
  if (i < 0 || i === h.t0 - 1) return false;
  const w = c.tokens[i].lower;
  if (c.hits.some((x) => x.cat === 'object' && x.t0 <= i && i < x.t1) || DATA_NOUN.test(w) || PRONOUN.has(w) || /^(?:it|they|which|that|profiles?|accounts?|data|information|content)$/.test(w)) return false;
  // A noun with a determiner before it ("any subscriptions"), not a word inside a longer data phrase.
  // Not a noun in a prepositional phrase ("… information saved on our Services will not be retained"): the subject is
  // the data before it.
  return /^[a-z]+s$/.test(w) && DETERMINERS.test(c.tokens[i - 1]?.lower ?? '') && !PREPOSITION.test(c.tokens[i - 2]?.lower ?? '');
}
const PREPOSITION = /^(?:on|in|of|from|with|to|by|at|for|through|via|within|across|into)$/;

// Data kept after it leaves the live systems: retained, archived, moved or stored elsewhere, in backups. Kept "only in
// anonymized form" is no longer the data (no one's personal data is kept).
const KEPT_ELSEWHERE = /\b(?:retain\w*|kept|keep\w*|archiv\w*|moved?|transferred|stored|preserved|held)\b(?!\s+(?:it|them|such data)?\s*(?:only\s+)?in\s+(?:an?\s+)?(?:anonymi[sz]ed|aggregated?|de-?identified)\b)|\b(?:backups?|archives?|long-term storage)\b(?![^.;]{0,40}\b(?:delet|destroy|purg|eras|overwrit))/i;
const FROM_SYSTEMS = /^\s+(?:\w+\s+){0,2}?from\s+(?:our|its|their|the)\s+(?:active\s+|production\s+|live\s+)?(?:systems?|servers?|databases?)\b/i;

// What a refused duty to remove may be about without the vendor keeping the data: the customer's own systems, or
// backups removed later ("not required to remove your content from backups until they expire": delayed deletion).
const NOT_A_KEPT_COPY = /\b(?:your|its|their) own (?:systems?|devices?|computers?|copies|records)\b|\byour (?:devices?|computers?)\b|\buntil\b[^.;]{0,60}\b(?:expir|overwritten|rotat|purg|cycl)/i;

// "not obligated to", "has no obligation to", "is not required to", just before the act.
const NO_DUTY_TO = /\b(?:not|no)\s+(?:\w+\s+){0,2}?(?:obligat\w*|required|obliged|responsible|duty)\s+(?:\w+\s+){0,2}?to\s+$/i;

/**
 * Whether a "may" earlier in the clause governs the deletion too: "may … terminate your membership and delete any
 * Content", "may deal with your Content in any appropriate manner (including by deleting it)" — no firmer modal
 * ("will", "shall", "must") stands between them.
 */
export function mayScopes(c: Clause, d: Hit): boolean {
  const modals = c.hits.filter((x) => x.cat === 'modal' && x.t1 <= d.t0);
  const last = modals[modals.length - 1];
  // "may be retained … until deleted after 90 days": the deletion ends what the "may" allows, it is not one of its acts.
  return last !== undefined && last.kind === 'may' && !/^(?:can|could)$/i.test(c.view.slice(last.start, last.end)) && !/\b(?:until|after which|thereafter|then)\b/i.test(c.view.slice(last.end, d.start));
}

/** Whether the modal before a deletion is one of ability ("can", "could"), not of permission ("may", "is entitled to"). */
export function capability(c: Clause, h: Hit): boolean {
  const m = c.hits.filter((x) => x.cat === 'modal' && x.kind === 'may' && x.t0 < h.t0).pop();
  return m !== undefined && /^(?:can|could)$/i.test(c.view.slice(m.start, m.end));
}

/**
 * Whether the deletion at `d` happens only if another rule requires it ("we will, if required by the applicable policy,
 * delete …", "Where required by law, we will delete …", "delete your data to the extent required by law"): the document
 * then commits to no deletion of its own, and refuses none. An exception for the law ("except where required by law to
 * keep them") leaves the deletion as stated.
 */
export function onlyIfRequired(c: Clause, d: Hit): boolean {
  const s = c.sentence.view;
  const at = c.start - c.sentence.start;
  if (CONDITION_BEFORE.test(s.slice(Math.max(0, at + d.start - 160), at + d.start))) return true;
  const rest = s.slice(at + d.end).split(/[.;:]/)[0];
  const m = CONDITION_AFTER.exec(rest);
  return m !== null && m.index <= 80 && !CONDITION_ELSEWHERE.test(rest.slice(0, m.index));
}
