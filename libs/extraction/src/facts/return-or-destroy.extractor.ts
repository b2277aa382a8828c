import type { Fact } from '@custody/domain';
import type { Clause } from '../clauses/clause.js';
import { agentOf, clauseSubject, hitsOf, inHypothetical, modality, negated, optionNotDuty, passive, verbal } from '../clauses/clause.js';
import type { Hit } from '../clauses/lexicon.js';
import { introOf, isTableRow } from '../clauses/structure.js';
import type { Candidate, FactContext } from './fact-context.js';
import { clauseEvidence, decide, neighbour, operative } from './fact-context.js';
import { findDurations } from '../text/numbers.js';
import { keptForPeriodAfterEnd, keptRecords } from './kept-after-end.js';
import { actsOnData, byVendor, capability, deletesData, mayScopes, onlyIfRequired } from './return-acts.js';
import { CONFIDENTIAL_HOLDS_DATA, onlyConfidential } from './return-confidential.js';
import type { Scope } from './return-end-scope.js';
import { endScope, speaksOfEnd } from './return-end-scope.js';
import { rowKeptAfterEnd } from './return-table-row.js';
import {
  AT_ACCOUNT_END_ONLY,
  boundedAfter,
  CHILD,
  END_STRICT,
  ERASURE_REQUEST,
  DEFERRED_LIFECYCLE,
  SET_ASIDE,
  KEPT_PAST_END,
  KEPT_FOR_A_REASON,
  LEAD_OPTION,
  keptBeyond,
  keptOn,
  LEGAL_RETENTION,
  MODERATION,
  NEWSLETTER,
  NO_PROMISE,
  NOMINAL_DELETE,
  NOT_AUTOMATIC,
  softwareObject,
  ON_REQUEST,
  OPEN_ENDED,
  openAlternative,
  PREFILTER,
  RIGHT_TO,
  SANCTION,
  UNTIL_ACCOUNT_END,
  REQUEST_REFERRED,
  ACCOUNT_END_WISH,
  CONSEQUENCE,
} from './return-vocabulary.js';
import { demoteGovernedRuns } from './governed-runs.js';

// The precedence that decides return_or_destroy_on_termination: which sentences and clauses count, and what one clause
// says (a deletion by the vendor first, then keeping with no end or to a stated end).

type V = Fact<'return_or_destroy_on_termination'>['value'];

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
    // data category and its own service, not the contract (rows whose period runs from the account's end: below).
    if (!scope || CHILD.test(s.view) || isTableRow(s)) continue;
    const prev = neighbour(ctx, s, -1);
    if (NEWSLETTER.test(s.view) || (scope === 'previous' && prev && NEWSLETTER.test(prev.view))) continue;
    const accountEndAsked = REQUEST_REFERRED.test(s.view) && prev !== undefined && ACCOUNT_END_WISH.test(prev.view);
    const requestOnly = ON_REQUEST.test(s.view) && !END_STRICT.test(s.view) && !accountEndAsked;
    // Kept past the end as the consequence of a reason given just before ("… for as long as needed … This means we might
    // retain …"): the reason bounds the keeping, as in one sentence (KEPT_FOR_A_REASON).
    const reasonBefore = CONSEQUENCE.test(s.view) && prev !== undefined && (KEPT_FOR_A_REASON.test(prev.view) || LEGAL_RETENTION.test(prev.view));
    const next = neighbour(ctx, s, 1);
    const erasureAsked = ERASURE_REQUEST.test(s.view) || (next !== undefined && ERASURE_REQUEST.test(next.view));
    const intro = introOf(ctx.sentences, s);
    const introSubject = intro ? ctx.clauses(intro).map(clauseSubject).find((x) => x !== undefined) : undefined;
    const leadOption = intro !== undefined && LEAD_OPTION.test(intro.view);
    for (const c of ctx.clauses(s)) {
      if (MODERATION.test(c.view)) continue;
      const deletes = hitsOf(c, 'action', 'delete').filter((h) => deletesData(c, h));
      const retains = hitsOf(c, 'action', 'retain').filter((h) => verbal(c, h));
      if (deletes.length === 0 && retains.length === 0) continue;
      const ev = clauseEvidence(ctx, c);
      const all = ctx.clauses(s);
      const cand = readClause(c, deletes, retains, introSubject, scope, erasureAsked, all.slice(0, all.indexOf(c)), leadOption);
      if (!cand) continue;
      // "each party shall destroy or return to the other party … the other party's Confidential Information": the
      // parties' business secrets, not the customer's records, unless the document says its Confidential Information
      // holds them (OTA PubMatic label).
      if (cand.value === 'yes' && deletes.some((d) => onlyConfidential(c, d)) && !(confidentialHoldsData ??= CONFIDENTIAL_HOLDS_DATA.test(ctx.text))) {
        cands.push({ value: 'yes', evidence: ev, confidence: 0.45, review: 'the parties\' Confidential Information, which the document does not say includes customer data' });
        continue;
      }
      if (reasonBefore && cand.value === 'no') {
        cands.push({ value: 'no', evidence: ev, confidence: 0.45, review: 'kept after the end for the reason the sentence before gives, not kept without end' });
        continue;
      }
      if (requestOnly && cand.value === 'yes') cands.push({ value: 'yes', evidence: ev, confidence: 0.5, review: 'deletion on request, not at the end of the contract or account' });
      else if (!requestOnly) cands.push({ ...cand, evidence: ev });
    }
  }
  // A retention table's row whose period runs from the account's or contract's end ("Account data | Duration of the
  // account + 3 years") is that category's delayed deletion (return-table-row.ts says which rows).
  if (ctx.text.includes('|')) {
    for (const s of ctx.sentences) {
      // A newsletter's row ends by unsubscribing, as in prose.
      if (!isTableRow(s) || CHILD.test(s.view) || NEWSLETTER.test(s.view) || !rowKeptAfterEnd(ctx, s)) continue;
      const c = ctx.clauses(s)[0];
      if (c) cands.push({ value: 'yes', evidence: clauseEvidence(ctx, c), confidence: 0.75 });
    }
  }
  return decide('return_or_destroy_on_termination', demoteGovernedRuns(ctx, cands), ['yes', 'no']);
}
/** What one clause says: the first deletion of the vendor's decides; failing one, open-ended keeping. */
function readClause(c: Clause, deletes: Hit[], retains: Hit[], introSubject: Hit | undefined, scope: Scope, erasureAsked: boolean, earlier: Clause[], leadOption: boolean): Omit<Candidate<V>, 'evidence'> | undefined {
  // Under the account's life alone only the period kept after it is read (return-end-scope.ts, `life`).
  for (const d of scope === 'life' ? [] : deletes) {
    // "Even if Content is deleted from our servers, …": a supposition, not a deletion anyone commits to.
    if (!byVendor(c, d, introSubject) || !actsOnData(c, d) || inHypothetical(c, d)) continue;
    // An item with no modal of its own under a lead-in that ends on the vendor's option ("Acme may (at its sole
    // discretion): * suspend … the account, and delete the content at issue"): the lead's "may" governs it, as one
    // earlier in the clause does (mayScopes): a discretion, no answer either way.
    if (leadOption && !c.hits.some((x) => x.cat === 'modal')) return undefined;
    // "rather than delete your personal information, we may deidentify it", "Notwithstanding such return or destruction
    // of the materials, …": an act set aside for another, or conceded to set up the main clause, is no deletion anyone
    // commits to.
    if (SET_ASIDE.test(c.view.slice(Math.max(0, d.start - 40), d.start))) continue;
    // "Your information will be maintained and deleted in accordance with our Privacy Policy": keeping and deleting both
    // left to another document, which says when; this one states no deletion at the end (OTA Bumble label).
    if (DEFERRED_LIFECYCLE.test(c.view)) return undefined;
    // "has the right to delete any of your content", "we do not guarantee that we will be able to return": a right the
    // vendor keeps, or an act it does not promise, is no duty either way.
    if (NO_PROMISE.test(c.view.slice(Math.max(0, d.start - 80), d.start))) continue;
    // "may, but shall not be obligated to: (i) delete …" keeps the act optional: no duty, and no refusal either.
    if (RIGHT_TO.test(c.view.slice(Math.max(0, d.start - 40), d.start)) || optionNotDuty(c, d)) return undefined;
    // "is not required to return or destroy", "does not automatically delete", "has no obligation to delete".
    // "we cannot delete them except by also deleting your account", "not deleted until your account is closed": the
    // negation with the account's end as its exception or limit says when deletion happens, it refuses none.
    if (negated(c, d) && AT_ACCOUNT_END_ONLY.test(c.view.slice(d.end))) return undefined;
    // "deletion of your account will not automatically delete the personal data … To request deletion of such data, …":
    // not deleted with the account but on request, which is erasure on request (README: unspecified), not a refusal.
    if (negated(c, d) && erasureAsked && NOT_AUTOMATIC.test(c.view.slice(Math.max(0, d.start - 40), d.start))) return undefined;
    // "no obligation to delete copies of … your Application": the customer's software, not its records.
    if (negated(c, d) && softwareObject(c.view, d.end)) continue;
    if (negated(c, d)) return scope !== 'periods' ? { value: 'no', confidence: 0.7 } : undefined;
    // "we will, if required by the applicable Privacy Policy, delete your Account data": deletion only where another rule
    // requires it is no commitment of the document's own (README: the conservative value), nor a refusal.
    if (onlyIfRequired(c, d)) return undefined;
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
    // "does not retain your personal data after you have cancelled use of the Service", under "Effect of Account
    // Termination": "… will not be retained": the vendor refusing to keep data past the end is its deletion then.
    if (notKeptAfterEnd(c, r, introSubject, scope)) return { value: 'yes', confidence: 0.75 };
    // Under a "may" only a period stated as a most ("may be kept for a maximum of three years from the end of the
    // relationship") still ends: "we may retain your data for 30 days after termination" is an option.
    // Kept for a stated period after the end ("kept for 36 months after the deactivation of an account"): a delayed
    // deletion, by the vendor or impersonally ("… is kept"), not by the customer. Read to the sentence's end (a purpose
    // such as "for tax purposes" may stand after the clause), and not when keeping goes on after the period ("and
    // thereafter for as long as we deem necessary").
    if (scope !== 'periods' && !negated(c, r) && actsOnData(c, r) && byVendor(c, r, introSubject)) {
      const rest = c.sentence.view.slice(c.start - c.sentence.start);
      if (keptForPeriodAfterEnd(rest, r.start, r.end, speaksOfEnd, modality(c, r) === 'may') && !keptOn(rest.slice(r.end))) return { value: 'yes', confidence: 0.75 };
    }
    // "We keep some data until you delete your Account", "until your account is deleted": kept up to the account's end,
    // then no longer (README: delayed deletion counts as yes), by the vendor or impersonally ("is retained until …"). Not
    // a "may" (an option to keep, OTA ASUS label), nor keeping past the end. "As long as your account is active" alone
    // is no deletion (OTA GitHub, Simpli.fi, Financial Times labels): that scope (`life`) reads only a period after it.
    if (scope !== 'periods' && scope !== 'life' && !negated(c, r) && actsOnData(c, r) && byVendor(c, r, introSubject) && !SANCTION.test(c.sentence.view) && keptUntilAccountEnd(c, r)) return { value: 'yes', confidence: 0.75 };
    // "After termination … Acme may retain and use copies of the Product", "Acme may store Content removed from the
    // Services", "such retention may persist beyond Your cessation of use": the vendor, by name or as "we", keeps the
    // customer's data past the end with no period and for no duty (README: the vendor keeping data after the account
    // ends is no; OTA Google Play label). Keeping named with a legal duty beside it ("in order to comply with certain legal
    // obligations", OTA Mix and Apple Business Connect labels read as no) stays unanswered: the conservative reading.
    if (scope !== 'periods' && scope !== 'life' && keptPastEndByVendor(c, r, earlier)) return { value: 'no', confidence: 0.7 };
    // "We may, in our sole discretion, terminate your use … or remove any content stored on it": a sanction's discretion,
    // not keeping data without end.
    if (negated(c, r) || scope === 'periods' || scope === 'life' || !actsOnData(c, r) || agentOf(c, r)?.kind !== 'vendor' || SANCTION.test(c.sentence.view)) continue;
    if (OPEN_ENDED.test(c.view) && !LEGAL_RETENTION.test(c.view)) return { value: 'no', confidence: 0.7 };
  }
  return undefined;
}

// A negation of a duty to keep ("is not obliged to retain", "cannot guarantee that … will be kept") refuses no keeping.
const DUTY_BEFORE = /\b(?:obligat\w*|oblig\w*|requir\w*|responsib\w*|liable|guarantee\w*|promise\w*|warrant\w*|duty|need)\b[^.;]{0,30}$/i;
// The end after the verb: "after you have cancelled …", "following termination", "once your account is closed", "beyond the term".
const AFTER_END = /\b(?:after|following|upon|on|once|beyond|past|when)\b/i;

/**
 * Whether keeping verb `r` is refused for the time after the end ("does not retain your personal data after you have
 * cancelled use of the Service", "is not kept following termination"): data not kept past the end is deleted then
 * (README: yes). The end must follow the verb in its clause; a refused duty to keep is no refusal to keep.
 */
function notKeptAfterEnd(c: Clause, r: Hit, introSubject: Hit | undefined, scope: Scope): boolean {
  if (scope === 'periods' || scope === 'life' || !negated(c, r) || !actsOnData(c, r) || !byVendor(c, r, introSubject)) return false;
  if (modality(c, r) === 'may' || DUTY_BEFORE.test(c.view.slice(Math.max(0, r.start - 50), r.start))) return false;
  const rest = c.view.slice(r.end);
  const after = AFTER_END.exec(rest);
  // Only the end named after the verb: a refusal under a termination heading ("NING does not keep any back-up of Your
  // Content") says what is never kept, not what happens at the end.
  // A condition after it ("… after the account is closed, if required by the contract between …") makes it no commitment,
  // and deleting only when asked ("… after termination upon your written request") is erasure on request (README: unspecified).
  if (after !== null) return speaksOfEnd(rest.slice(after.index)) && !/\b(?:if|provided|where)\b/i.test(rest.slice(after.index)) && !ON_REQUEST.test(rest);
  // "After your Account is terminated, you will not be able to access our Services. … information saved on our Services
  // will not be retained": a refusal in the future, right after the sentence that names the end, is what happens then.
  // Only a whole refusal: one with a limit, a condition or an exception ("will not retain your data for longer than
  // necessary", "… without your consent", "… unless you ask us to") limits keeping in general, it does not end it.
  return scope === 'previous' && modality(c, r) === 'will' && !ON_REQUEST.test(c.sentence.view) && !REFUSAL_LIMITED.test(rest);
}
// What makes a refusal to keep less than whole: a limit, a condition or an exception after the verb.
const REFUSAL_LIMITED = /\b(?:longer|more than|beyond|unless|without|except|other than|save|if|where|provided|necessary|needed|required)\b/i;

/**
 * Whether the keeping verb `r` lasts up to the account's end and no longer: the end after the verb in its clause, and no
 * keeping past it after ("and afterwards for as long as we have a business need", "or as long as necessary"). Keeping on
 * "thereafter only as required by law" is bounded by the law, as with open-ended keeping.
 */
function keptUntilAccountEnd(c: Clause, r: Hit): boolean {
  if (modality(c, r) === 'may' || (OPEN_ENDED.test(c.view) && !LEGAL_RETENTION.test(c.view))) return false;
  const until = UNTIL_ACCOUNT_END.exec(c.view.slice(r.end));
  if (!until) return false;
  const tail = boundedAfter(c.sentence.view.slice(c.start - c.sentence.start + r.end + until.index + until[0].length));
  return !openAlternative(tail) && !(keptBeyond(tail) && !(/\bonly\b/i.test(tail) && LEGAL_RETENTION.test(tail)));
}

/**
 * Whether keeping verb `r` is the vendor's own, unrefused keeping of the data past the end or of data the customer
 * removed (KEPT_PAST_END) with no period stated and no duty or reason that bounds it (KEPT_FOR_A_REASON): the vendor
 * named as its subject ("we", its name), not a passive ("copies may remain"), a provider or the customer.
 */
function keptPastEndByVendor(c: Clause, r: Hit, earlier: Clause[]): boolean {
  // A verb with its subject elided ("Google will not distribute Your Product, but may retain … copies") has the subject
  // of the clause before it in the sentence.
  const who = agentOf(c, r) ?? earlier.map(clauseSubject).filter((x) => x !== undefined).pop();
  if (negated(c, r) || !actsOnData(c, r) || who?.kind !== 'vendor' || passive(c, r) || SANCTION.test(c.sentence.view)) return false;
  const s = c.sentence.view;
  if (!KEPT_PAST_END.test(s) || KEPT_FOR_A_REASON.test(s) || LEGAL_RETENTION.test(s)) return false;
  // A period after the verb, in figures or in words ("for thirty days"), or any number there ("Section 5"): not no end.
  const rest = s.slice(c.start - c.sentence.start + r.end);
  if (/\d/.test(rest) || findDurations(rest).length > 0) return false;
  // The vendor's own records or a part of the data ("log data and transaction records") kept after the end: a retention
  // duty, as for a period after the end (kept-after-end.ts), not the customer's data kept.
  return !keptRecords(c.view.slice(r.end, r.end + 80));
}
