import type { Fact } from '@custody/domain';
import type { Clause } from '../clauses/clause.js';
import { agentOf, clauseSubject, hitsOf, inHypothetical, modality, negated, optionNotDuty, passive, verbal } from '../clauses/clause.js';
import type { Hit } from '../clauses/lexicon.js';
import { introOf, isItem, isTableRow } from '../clauses/structure.js';
import type { Sentence } from '../text/sentences.js';
import type { Candidate, FactContext } from './fact-context.js';
import { clauseEvidence, decide, neighbour, operative } from './fact-context.js';
import { keptForPeriodAfterEnd } from './kept-after-end.js';

type V = Fact<'return_or_destroy_on_termination'>['value'];
/** How a sentence is about the end: itself or its heading, the sentence before it, or retention periods before it. */
type Scope = 'end' | 'previous' | 'periods';

// French: supprimé(e)s, effacé(e)s, détruit(e)s, conservé(e)s.
const PREFILTER = /\b(?:return|destroy|delet|purge|erase|dispos|retain|keep|kept|hold|held|stor|maintain|remov|supprim|effac|détrui|conserv)/i;
// The end of the contract or account, in words the vocabulary's `end` condition does not hold as one phrase: "after
// termination", "within 30 days of termination", leaving the platform, inactivity, "as long as you use".
const END = /\b(?:upon|on|following|after|at|within \w+ (?:\(\d+\) )?days? (?:of|after)|effects? of)\s+(?:the\s+)?(?:any\s+)?(?:termination|expiration|expiry|end|cancellation)\b|\bterminat(?:es|ion)\b|\bexpir(?:es|ation)\b|\b(?:close|closes|closing|delete|deletes|deleting|cancel|cancels|cancelling|canceling|deactivate|deactivates|deactivating) (?:your|their|its|the|an|a) (?:\w+ )?(?:account|subscription)\b|\b(?:cancellation|deletion|closure|deactivation|termination) of (?:your|their|the|an?) (?:\w+ )?(?:account|subscription)\b|\b(?:account|subscription) (?:is|has been|was) (?:deleted|closed|deactivated|cancell?ed|terminated)\b|\b(?:account|subscription) (?:deletion|closure|cancellation|termination)\b|\brequest\w* (?:(?:your|the|their) )?(?:account|subscription) (?:to )?be (?:deleted|closed)\b|\bfor (?:the (?:period|duration) of time|the (?:period|duration)|as long as) (?:that )?you (?:use|are using|have)\b|\bfrom the (?:date of (?:the )?)?last (?:contact|login|log-in|activity|use)\b|\bof inactivity\b|\b(?:agreement|contract|subscription|relationship|services?)(?:\s+with\s+(?:you|us|the customer))?\s+(?:ends|has ended|have ended|ended|(?:comes|has come|have come|came) to an end)\b|\b(?:leaves?|leaving|exits?|exiting|departs?|departing|stops? using|stopping using) (?:the|our|this) (?:platform|services?|network|program(?:me)?)\b|(?:\b(?:après|apres|dès|lors de|suite à)|(?<![A-Za-zÀ-ÿ])à compter de)\s+(?:la\s+|l['’]\s*)?(?:résiliation|clôture|fermeture|désactivation|expiration|fin)\b|\bfin (?:du contrat|de la relation (?:contractuelle|commerciale)|de l['’]abonnement)\b/i;
// (The last two: French, "supprimées 20 jours après résiliation", "à la fin du contrat". "à" is no ASCII word character,
// so "\b" cannot stand before it: a letter lookbehind does.)
// A retention period running out is not the end of the contract ("when the data retention period expires").
const PERIOD_EXPIRY = /\b(?:periods?|obligations?|requirements?)\b[^.;,]{0,60}?\b(?:expir\w*|ends?|ended|elapsed?|lapsed?)\b|\bexpir\w*\s+of\s+(?:the|such|this|that|these|those|its|any|each)\s+(?:[\w-]+\s+)?periods?\b/gi;
const ON_REQUEST = /\b(?:upon|on|following|after|once we (?:receive|confirm)|if you|when you|where you)\b[^.;]{0,60}\brequests?\b|\brequests? (?:the )?(?:deletion|erasure)\b|\bright to (?:erasure|deletion|be forgotten)\b/i;
// The end of the contract or the account itself (not "delete your account" as a feature); "If this Agreement
// terminates, then: … (b) … Google will delete Customer Data; … (d) upon request …" is the end, not a request.
// Asking for the account itself to be deleted ends the account ("If you request account deletion", "after you request your
// Account to be deleted"); asking to erase data is a right exercised during it.
const END_STRICT = /\b(?:(?:request\w*|upon|after|following|on)\s+(?:(?:the|your|their)\s+)?account (?:deletion|closure)|request\w* (?:(?:your|the|their) )?account (?:to )?be (?:deleted|closed)|termination|expiration|expiry|end of (?:the|this|your) (?:agreement|contract|subscription|services?|relationship)|cancellation|(?:account|subscription) (?:is|has been|was) (?:deleted|closed|deactivated|cancell?ed|terminated)|close (?:your|their|the) account|closes (?:your|their|the) account|deactivat\w+|(?:agreement|contract|subscription) (?:terminates|expires|ends))\b/i;
const CHILD = /\b(?:child|children|minor|minors|under (?:the age of )?1[3-8]|under the age)\b/i;
// "Once these periods have expired, your data will be deleted": deletion after retention periods stated just before.
const AFTER_PERIODS = /\b(?:once|when|after)\s+(?:these|those|the(?:se)? (?:above|applicable)|such)\s+(?:retention\s+)?periods?\s+(?:have\s+|has\s+)?(?:expired|ended|elapsed|passed)|\bthereafter\b/i;
// Headings under which every clause is about the end: "Termination", "Return of Customer Data", "Effects of termination".
const END_HEADING = /terminat|\breturn\b|effects? of|end of (?:the )?(?:agreement|contract|services?)/i;
// Keeping with no end the vendor commits to: indefinitely, "also after the Agreement is terminated", "for as long as
// we deem it valuable", "for our own business purposes", or the discretion to keep or delete.
const OPEN_ENDED = /\bindefinitely\b|\bperpetual(?:ly)?\b|\b(?:also|even|still)\s+after\b|\bfor (?:as long as|so long as|however long)\s+(?:we|it|the company|the vendor|company|vendor)\s+(?:consider|deem|find|believe|judge|see fit|decide|wish|want|determine)s?\b|\bfor (?:our|its) (?:own )?(?:business|commercial) (?:purposes|needs|use)\b|\b(?:discretion|is entitled to|are entitled to)\b/i;

// Deleting content that breaks the rules is moderation during the contract, not deletion at its end.
const MODERATION = /\bviolat\w*|\bmalicious\b|\binfring\w*|\bobjectionable\b|\bharmful\b|\babus\w+|\billegal\b|\binappropriate\b|\bunlawful\b/i;
// The vendor ending the account as a sanction ("We may terminate your account … and we may delete any comments",
// "we are entitled to block and delete the account"): its discretion over a closed account, not the contract's end.
const SANCTION = /\b(?:we|us)\b[^.;]{0,30}?\b(?:may|can|reserves? the right to|(?:is|are) entitled to)(?:,?\s*(?:in|at) (?:its|our|their) (?:sole |absolute |own )*discretion,?)?\s+(?:\w+\s+){0,3}?(?:terminate|suspend|block|close|disable|deactivate)\b|(?<!\byou\s{1,3})\b(?:may|can|reserves? the right to)(?:,?\s*(?:in|at) (?:its|our|their) (?:sole |absolute |own )*discretion,?)?\s+(?:\w+\s+){0,2}?(?:terminate|suspend|block|close|disable|deactivate)\s+(?:your|the user's|a user's|any user's)\b|\bresults? in (?:the )?(?:deletion|termination|suspension) of (?:your|the) account\b|\breserves? the right to\s+(?:\w+\s+){0,2}?(?:terminate|suspend|block|close|disable|deactivate)\b/i;
const UNTIL_ACCOUNT_END = /\buntil\s+(?:you\s+(?:delete|close|cancel|deactivate|terminate)|(?:the\s+)?(?:deletion|closure|closing|termination|cancellation)\s+of)\s+(?:your|the)\s+(?:[\w-]+\s+)?account\b/i;
// Keeping that goes on after the account's end, said after "until you delete your account".
const KEPT_BEYOND = /\b(?:afterwards?|thereafter|after that|even after|for longer|longer periods?|beyond (?:that|this|then)|some (?:data|information|of (?:it|your))|other (?:data|information)|as (?:needed|necessary|required) for our)\b/i;
// "until you delete your account … or as long as necessary for our compliance purposes, whichever is longer": the later
// of two ends decides, and when the other end is open-ended the account's end is no deletion. Against a bounded period
// ("or for 30 days after you close it, whichever is later") the keeping still ends, so that stays a deletion.
const LATER_OF = /\bwhichever (?:is|comes) (?:the )?(?:longer|later|greater)\b/i;
const OPEN_OTHER_END = /\bas long as (?:(?:is|it is|may be|we consider|we deem) )?(?:reasonably |strictly )?(?:necessary|needed|required)\b|\bfor (?:our |its |the )?(?:legitimate )?(?:legal|compliance|business|security|regulatory)(?:,? (?:and |or )?(?:legal|compliance|business|security|regulatory))* (?:purposes|needs|reasons)\b/i;
const keptBeyond = (tail: string) => KEPT_BEYOND.test(tail) || (LATER_OF.test(tail) && OPEN_OTHER_END.test(tail));
// Keeping that goes on with no end after a stated period, unless the tail deletes ("… and thereafter deleted").
const keptOn = (tail: string) => ((OPEN_ENDED.test(tail) && !LEGAL_RETENTION.test(tail)) || keptBeyond(tail)) && !/\b(?:delet|destr|eras|purg|anonymi)/i.test(tail);
// A retention the law or a legal obligation requires is bounded by it, not open-ended ("we may retain certain
// information as required by law").
const LEGAL_RETENTION = /\b(?:required|permitted|obliged|obligated) (?:by|under) (?:applicable )?laws?\b|\blegal (?:obligations?|requirements?)\b|\bcomply with\b/i;
// What a delete or keep acts on: data (an object of the vocabulary) or a pronoun for it, within a few words after.
const PRONOUN = new Set(['it', 'them', 'such', 'these', 'those', 'everything', 'copies']);
// A newsletter or mailing list ends by unsubscribing: not the end of the contract or account (OTA labels: Ethereum, noyb).
const NEWSLETTER = /\bnewsletters?\b|\bmailing lists?\b|\bunsubscrib\w*/i;
// A deletion noun that still names what the vendor does at the end: "results in the deletion of", "marked for deletion".
const NOMINAL_DELETE = /^(?:deletion|destruction|erasure)$/;
const NOMINAL_ACT = /\bresult(?:s|ed)? in (?:the )?(?:permanent |automatic |irreversible )?$/i;

/**
 * `return_or_destroy_on_termination`, read from clauses about the end of the contract or account (README):
 * - yes: the vendor (or an impersonal "your data will be deleted") returns, deletes or destroys the data, delayed
 *   deletion included ("retained in backups until deleted after 90 days");
 * - no: it is not required to, does not delete ("does not automatically delete … when the account is closed"), keeps
 *   the data with no end ("maintains access also after the Agreement is terminated"), or keeps or deletes at its
 *   discretion ("is entitled to keep or delete");
 * - a bare "may delete", deletion on request and a customer's own duty or feature are not answers (review or nothing).
 * Precedence: yes (a duty anywhere wins over an exception for infeasibility), no.
 */
export function extractReturnOrDestroy(ctx: FactContext): Fact<'return_or_destroy_on_termination'> {
  const cands: Candidate<V>[] = [];
  let confidentialHoldsData: boolean | undefined;
  for (const s of operative(ctx, PREFILTER)) {
    const scope = endScope(ctx, s);
    // A retention table row ("Location data | Deleted on termination of the value-added service") is about one
    // data category and its own service, not the contract.
    if (!scope || CHILD.test(s.view) || isTableRow(s)) continue;
    const prev = neighbour(ctx, s, -1);
    if (NEWSLETTER.test(s.view) || (scope === 'previous' && prev && NEWSLETTER.test(prev.view))) continue;
    const requestOnly = ON_REQUEST.test(s.view) && !END_STRICT.test(s.view);
    const intro = introOf(ctx.sentences, s);
    const introSubject = intro ? ctx.clauses(intro).map(clauseSubject).find((x) => x !== undefined) : undefined;
    for (const c of ctx.clauses(s)) {
      if (MODERATION.test(c.view)) continue;
      const deletes = hitsOf(c, 'action', 'delete').filter((h) => deletesData(c, h));
      const retains = hitsOf(c, 'action', 'retain').filter((h) => verbal(c, h));
      if (deletes.length === 0 && retains.length === 0) continue;
      const ev = clauseEvidence(ctx, c);
      const cand = readClause(c, deletes, retains, introSubject, scope);
      if (!cand) continue;
      // "each party shall destroy or return to the other party … the other party's Confidential Information": the
      // parties' business secrets, not the customer's records, unless the document says its Confidential Information
      // holds them (OTA PubMatic label).
      if (cand.value === 'yes' && deletes.some((d) => onlyConfidential(c, d)) && !(confidentialHoldsData ??= CONFIDENTIAL_HOLDS_DATA.test(ctx.text))) {
        cands.push({ value: 'yes', evidence: ev, confidence: 0.45, review: 'the parties\' Confidential Information, which the document does not say includes customer data' });
        continue;
      }
      if (requestOnly && cand.value === 'yes') cands.push({ value: 'yes', evidence: ev, confidence: 0.5, review: 'deletion on request, not at the end of the contract or account' });
      else if (!requestOnly) cands.push({ ...cand, evidence: ev });
    }
  }
  return decide('return_or_destroy_on_termination', cands, ['yes', 'no']);
}

// What a deletion acts on is only Confidential Information: the phrase follows it, and every data word after it sits in it.
const CONFIDENTIAL = /^[^.;]{0,80}?\bconfidential information\b/i;
// The customer's records by name: "Customer Data", "Your Data", "Client Materials", "personal data", "PHI", "records of
// Customer's patients" (not bare "information" or "data", which any Confidential Information is).
const DATA_WORDS = String.raw`(?:(?:customer|client|user|end user|subscriber|member|personal|health|patient|your)(?:['’]s)?\s+(?:data|information|content|materials|records)|personally identifiable information|protected health information|phi|records of (?:the\s+)?(?:customer|client|your|its|their)(?:['’]s)?\s+(?:patients|clients|customers|users))`;
// The document makes the customer's data Confidential Information: "Confidential Information includes Customer Data",
// "Confidential Information of Customer includes Customer Data" (the common SaaS template, often a sentence after a long
// definition), "Customer's Confidential Information includes …", "Customer Data … shall be deemed Confidential
// Information", "Your Data is your Confidential Information", a definition that names personal data or health data.
const CONFIDENTIAL_HOLDS_DATA = new RegExp(
  String.raw`\bconfidential information(?:\s+of\s+(?:the\s+)?[\w'’]+)?\W{0,3}\s+(?:means|includes?|shall (?:mean|include)|(?:also )?includ\w*)\b[^.;]{0,800}?\b${DATA_WORDS}\b` +
    String.raw`|\b${DATA_WORDS}\b[^.;]{0,60}?\b(?:is|are|constitutes?|(?:shall|will) (?:be|constitute)|(?:shall|will) be (?:deemed|considered|treated as))\s+(?:deemed\s+|considered\s+)?(?:the\s+)?(?:[\w'’]+\s+)?confidential information\b` +
    String.raw`|\bprotected health information\b`,
  'i',
);

function onlyConfidential(c: Clause, d: Hit): boolean {
  const m = CONFIDENTIAL.exec(c.view.slice(d.end));
  if (!m) return false;
  const end = d.end + m.index + m[0].length;
  if (c.hits.some((x) => x.cat === 'object' && x.start >= d.end && x.end <= end - 'confidential information'.length)) return false;
  // Nor with the customer's data named after it, beside it or in it: "… Confidential Information and all Customer Data",
  // "… Confidential Information of the other party, including any Customer Data".
  return !DATA_AFTER.test(c.view.slice(end));
}
const DATA_AFTER = new RegExp(String.raw`\b${DATA_WORDS}\b`, 'i');

/** What one clause says: the first deletion of the vendor's decides; failing one, open-ended keeping. */
function readClause(c: Clause, deletes: Hit[], retains: Hit[], introSubject: Hit | undefined, scope: Scope): Omit<Candidate<V>, 'evidence'> | undefined {
  for (const d of deletes) {
    // "Even if Content is deleted from our servers, …": a supposition, not a deletion anyone commits to.
    if (!byVendor(c, d, introSubject) || !actsOnData(c, d) || inHypothetical(c, d)) continue;
    // "has the right to delete any of your content", "we do not guarantee that we will be able to return": a right the
    // vendor keeps, or an act it does not promise, is no duty either way.
    if (NO_PROMISE.test(c.view.slice(Math.max(0, d.start - 80), d.start))) continue;
    // "may, but shall not be obligated to: (i) delete …" keeps the act optional: no duty, and no refusal either.
    if (RIGHT_TO.test(c.view.slice(Math.max(0, d.start - 40), d.start)) || optionNotDuty(c, d)) return undefined;
    // "is not required to return or destroy", "does not automatically delete", "has no obligation to delete".
    if (negated(c, d)) return scope !== 'periods' ? { value: 'no', confidence: 0.7 } : undefined;
    // Deletion at the vendor's option ("may delete after a commercially reasonable period", "is entitled to keep or
    // delete") is no duty to return or destroy (shared corpus: Dropbox; the OTA Tresorit label reads it as unspecified).
    // A deletion that "may result" from termination ("may result in destruction of any Content") is a possible
    // consequence, not the vendor's discretion nor a duty: no answer either way (OTA Guilded label).
    // "before we can delete it" is what the vendor is able to do, not a discretion it keeps (OTA GitLab policy).
    // "Your Files may be deleted in accordance with our retention policies": in the passive with no agent, a possible
    // consequence too, not a discretion the vendor keeps for itself (OTA Amazon Photos label).
    // A "may" far before the deletion governs a list of acts ("may … suspend or terminate your membership and delete any
    // Content"): a sanction's discretion, no answer either way.
    if (modality(c, d) !== 'may' && mayScopes(c, d)) return undefined;
    if (modality(c, d) === 'may') return SANCTION.test(c.sentence.view) || NOMINAL_DELETE.test(c.tokens[d.t0].lower) || capability(c, d) || (passive(c, d) && !agentOf(c, d)) ? undefined : { value: 'no', confidence: 0.7 };
    return { value: 'yes', confidence: scope === 'periods' ? 0.75 : 0.85 };
  }
  // Keeping with no end counts only when the vendor itself keeps data (not "copies may still be accessible").
  for (const r of retains) {
    // Kept for a stated period after the end ("kept for 36 months after the deactivation of an account"): a delayed
    // deletion, by the vendor or impersonally ("… is kept"), not by the customer. Read to the sentence's end (a purpose
    // such as "for tax purposes" may stand after the clause), and not when keeping goes on after the period ("and
    // thereafter for as long as we deem necessary").
    if (scope !== 'periods' && !negated(c, r) && actsOnData(c, r) && byVendor(c, r, introSubject) && modality(c, r) !== 'may') {
      const rest = c.sentence.view.slice(c.start - c.sentence.start);
      if (keptForPeriodAfterEnd(rest, r.start, r.end, speaksOfEnd) && !keptOn(rest.slice(r.end))) return { value: 'yes', confidence: 0.75 };
    }
    // "We may, in our sole discretion, terminate your use … or remove any content stored on it": a sanction's discretion,
    // not keeping data without end.
    if (negated(c, r) || scope === 'periods' || !actsOnData(c, r) || agentOf(c, r)?.kind !== 'vendor' || SANCTION.test(c.sentence.view)) continue;
    if (OPEN_ENDED.test(c.view) && !LEGAL_RETENTION.test(c.view)) return { value: 'no', confidence: 0.7 };
    // "We keep some data until you delete your Account": kept up to the account's end, then no longer (README: delayed
    // deletion counts as yes).
    // Not when keeping goes on past it ("and afterwards for as long as we have a business need", "some data for longer").
    // Keeping on "thereafter only as required by law" is bounded by the law, as with open-ended keeping above.
    const until = UNTIL_ACCOUNT_END.exec(c.view);
    const tail = until ? c.sentence.view.slice(c.start - c.sentence.start + until.index + until[0].length) : '';
    if (until && !negated(c, r) && !(keptBeyond(tail) && !(/\bonly\b/i.test(tail) && LEGAL_RETENTION.test(tail)))) return { value: 'yes', confidence: 0.75 };
  }
  return undefined;
}

/**
 * Whether the vendor acts: its name, "we", a provider, or an impersonal/passive clause ("your data will be
 * deleted"); a list item without a subject takes its intro's ("Business Associate shall: (a) return or destroy …").
 * The customer's own duties and features ("you shall delete", "you may delete your account") are not.
 */
function byVendor(c: Clause, h: Hit, introSubject: Hit | undefined): boolean {
  // "will be kept by Acme for the period that you use the services, and deleted …": a participle coordinated with a
  // passive has the data as its subject, whoever the relative clause between them names.
  const before = c.tokens[h.t0 - 1]?.lower;
  if ((before === 'and' || before === 'or') && /ed$/.test(c.tokens[h.t0].lower) && c.hits.some((x) => x.cat === 'action' && x.t0 < h.t0 && passive(c, x))) return true;
  // "It may be deleted … by You": a passive whose agent is the customer.
  if (passive(c, h) && c.hits.some((x) => x.cat === 'actor' && x.kind === 'customer' && x.t0 > h.t0 && c.tokens[x.t0 - 1]?.lower === 'by')) return false;
  const who = agentOf(c, h) ?? introSubject;
  // An imperative with no subject ("**Delete your content or close your account.**") tells the user what to do.
  if (!who && h.t0 === 0 && c.start === c.sentence.start && /^[\s*_#>-]*[A-Z]/.test(c.view)) return false;
  return !who || who.kind !== 'customer';
}

// Nouns for what users keep in a service that the vocabulary does not hold as data ("materials created by the student").
const DATA_NOUN = /^(?:materials|backups|copies|uploads|photos|videos|posts|comments|messages|workspaces?)$/;

/** Whether the action acts on data: an object of the vocabulary, or a pronoun for it, within twelve words after it. */
function actsOnData(c: Clause, h: Hit): boolean {
  if (c.hits.some((x) => x.cat === 'object' && x.t0 >= h.t1 && x.t0 - h.t1 <= 12)) return true;
  for (let i = h.t1; i < Math.min(c.tokens.length, h.t1 + 12); i++) if (DATA_NOUN.test(c.tokens[i].lower)) return true;
  // Passive: the data is the subject before it ("your data will be deleted").
  // Passive or a bare participle: the data is the subject before it ("your data will be deleted", "… until deleted").
  // French participles agree with the data ("supprimées", "effacés").
  if ((passive(c, h) || /(?:ed|en|ée?s?)$/.test(c.tokens[h.t0].lower)) && c.hits.some((x) => x.cat === 'object' && x.t1 <= h.t0)) return !otherSubject(c, h);
  const next = c.tokens[h.t1]?.lower;
  return next !== undefined && PRONOUN.has(next);
}

/**
 * Whether a delete word is the act of deleting data: a verb ("delete", "destroy", "return" with its object), or a
 * noun that names the act at the end ("results in the deletion of"); not "remove" (moderation, blocks) unless refused, nor "the
 * deletion of your data may result in …" (a cause, not what happens at the end).
 */
function deletesData(c: Clause, h: Hit): boolean {
  const w = c.tokens[h.t0].lower;
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
  return /^[a-z]+s$/.test(w) && DETERMINERS.test(c.tokens[i - 1]?.lower ?? '');
}

// Data kept after it leaves the live systems: retained, archived, moved or stored elsewhere, in backups.
const KEPT_ELSEWHERE = /\b(?:retain\w*|kept|keep\w*|archiv\w*|moved?|transferred|stored|preserved|held)\b|\b(?:backups?|archives?|long-term storage)\b(?![^.;]{0,40}\b(?:delet|destroy|purg|eras|overwrit))/i;
const FROM_SYSTEMS = /^\s+(?:\w+\s+){0,2}?from\s+(?:our|its|their|the)\s+(?:active\s+|production\s+|live\s+)?(?:systems?|servers?|databases?)\b/i;

// What a refused duty to remove may be about without the vendor keeping the data: the customer's own systems, or
// backups removed later ("not required to remove your content from backups until they expire": delayed deletion).
const NOT_A_KEPT_COPY = /\b(?:your|its|their) own (?:systems?|devices?|computers?|copies|records)\b|\byour (?:devices?|computers?)\b|\buntil\b[^.;]{0,60}\b(?:expir|overwritten|rotat|purg|cycl)/i;

// "not obligated to", "has no obligation to", "is not required to", just before the act.
const NO_DUTY_TO = /\b(?:not|no)\s+(?:\w+\s+){0,2}?(?:obligat\w*|required|obliged|responsible|duty)\s+(?:\w+\s+){0,2}?to\s+$/i;

// Words every `end` phrase of the vocabulary contains: sentences without one are not read as clauses for it.
const END_WORD = /terminat|expir|cancel|clos|delet|deactivat|\bend\b|renewal/i;

/** Whether a clause names the end of the contract or account (not "when the storage period … expires"). */
function namesEnd(c: Clause): boolean {
  return hitsOf(c, 'condition', 'end').some((h) => !/^expir/i.test(c.view.slice(h.start, h.end)) || !/\b(?:periods?|obligations?|requirements?)\b[^.;,]*$/i.test(c.view.slice(0, h.start)));
}

/** Whether a text speaks of the end of the contract or account (a retention period running out is not that). */
function speaksOfEnd(text: string): boolean {
  // The period phrases are blanked only for texts END matches at all (most do not: no copy for them).
  return END.test(text) && END.test(text.replace(PERIOD_EXPIRY, (m) => ' '.repeat(m.length)));
}

/**
 * Whether a sentence is about the end of the contract or account: it says so (or its clauses name the end), the
 * sentence before it does, or its heading is about termination or return (`end`); or it deletes after retention
 * periods stated in the dozen sentences before, under the same heading (`periods`).
 */
// Words that refer back to what came before: "these purposes", "the purposes above", "such period", "thereafter".
const POINTS_BACK = /\b(?:these|those|such|the (?:above|foregoing|aforementioned))\s+(?:[\w-]+\s+)?(?:purposes?|reasons?|periods?|uses?|needs?|grounds|cases)\b|\b(?:purposes?|reasons?|periods?)\s+(?:(?:set out|listed|described|mentioned|stated)\s+)?above\b|\bthereafter\b|\b(?:after|at the end of|once|when)\s+(?:this|that|these|those|such)\s+(?:period|periods|time)\b/i;

function endScope(ctx: FactContext, s: Sentence): Scope | undefined {
  if (speaksOfEnd(s.view) || (END_WORD.test(s.view) && ctx.clauses(s).some(namesEnd))) return 'end';
  const prev = neighbour(ctx, s, -1);
  if (prev && (speaksOfEnd(prev.view) || (END_WORD.test(prev.view) && ctx.clauses(prev).some(namesEnd)))) return 'previous';
  // The sentence that closes a list goes on from the list's lead-in ("Once our relationship with you has come to an end, we
  // will retain your information for a period that enables us to:" then the items, then "We will delete it when it is no
  // longer required for these purposes"): the lead-in is the sentence before it in sense.
  // (The list is a paragraph of its own: the sentence before this one's paragraph is the last item.)
  // Only a sentence that points back to the list ("for these purposes", "after that period") goes on from it; one that does
  // not ("We delete payment data when it is no longer needed", "Our partners will delete …") starts a topic of its own.
  const last = ctx.sentences[s.index - 1];
  if (!prev && last && !last.isHeading && POINTS_BACK.test(s.view) && !isItem(ctx.sentences, s) && isItem(ctx.sentences, last) && last.heading === s.heading) {
    const lead = introOf(ctx.sentences, last, true);
    if (lead && !lead.isHeading && speaksOfEnd(lead.view)) return 'previous';
  }
  if (s.heading !== undefined && END_HEADING.test(s.heading)) return 'end';
  if (AFTER_PERIODS.test(s.view)) {
    for (let i = s.index - 1; i >= 0 && s.index - i <= 12; i--) {
      const p = ctx.sentences[i];
      if (p.heading !== s.heading) break;
      if (speaksOfEnd(p.view)) return 'periods';
    }
  }
  return undefined;
}

// A right to delete is a discretion: "has the perpetual and irrevocable right to delete", "reserves the right to delete".
const RIGHT_TO = /\bright to\s+(?:\w+\s+){0,2}?$/i;
// An act the vendor says it may not manage: "we do not guarantee that we will be able to return …".
const NO_PROMISE = /\b(?:do|does|can|cannot|can't|will) not\s+(?:\w+\s+)?(?:guarantee|promise|warrant|ensure)\b[^.;]*$/i;

/**
 * Whether a "may" earlier in the clause governs the deletion too: "may … terminate your membership and delete any
 * Content", "may deal with your Content in any appropriate manner (including by deleting it)" — no firmer modal
 * ("will", "shall", "must") stands between them.
 */
function mayScopes(c: Clause, d: Hit): boolean {
  const modals = c.hits.filter((x) => x.cat === 'modal' && x.t1 <= d.t0);
  const last = modals[modals.length - 1];
  // "may be retained … until deleted after 90 days": the deletion ends what the "may" allows, it is not one of its acts.
  return last !== undefined && last.kind === 'may' && !/^(?:can|could)$/i.test(c.view.slice(last.start, last.end)) && !/\b(?:until|after which|thereafter|then)\b/i.test(c.view.slice(last.end, d.start));
}

/** Whether the modal before a deletion is one of ability ("can", "could"), not of permission ("may", "is entitled to"). */
function capability(c: Clause, h: Hit): boolean {
  const m = c.hits.filter((x) => x.cat === 'modal' && x.kind === 'may' && x.t0 < h.t0).pop();
  return m !== undefined && /^(?:can|could)$/i.test(c.view.slice(m.start, m.end));
}
