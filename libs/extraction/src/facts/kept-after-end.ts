import { findDurations, findDurationsFr } from '../text/numbers.js';
import { CLAIMS_AND_EVIDENCE, DUTY_PURPOSES, REQUIRED_BY_LAW } from './retention-duty.js';

// A lower bound is no end: "kept for at least 5 years after termination", "for more than 5 years" may be kept for ever.
const LOWER_BOUND = /\b(?:at least|a minimum of|minimum of|minimum|no less than|not less than|more than|longer than|in excess of|au moins|au minimum|plus de)\s*(?:\w+\s+){0,2}$/i;
// A period stated as a most: "for a maximum of", "up to", "no longer than", French "au maximum", "au plus".
const CEILING = /\b(?:a maximum of|maximum of|up to|no (?:more|longer) than|not (?:more|longer) than|at (?:the )?most|au maximum|au plus|pendant au plus)\s*(?:\w+\s+){0,2}$/i;
// What the period runs from: "after", "from", "following" the end; French "après", "à compter de", "suivant".
const RUNS_FROM = /^\s*(?:\)\s*)?(?:after|from|following|of|après|apres|suivant|(?<![\p{L}])à compter de)(?![\p{L}])/iu;
// A period from the last activity is a ceiling for inactive accounts, not one from the account's end (OTA Myspace label:
// "a maximum of five years from the date of last activity").
const LAST_ACTIVITY = /\b(?:last|latest|most recent)\s+(?:contact|login|log-in|activity|use|visit|access)\b|\binactiv/i;
// A period from the end of something else than the contract or account is that thing's retention: "2 years after the end
// of the recruitment process", "10 ans à compter de la fin de l'exercice" (a financial year), a calendar year, a session.
const OTHER_END = /\b(?:end|close|closure|completion|conclusion)\s+of\s+(?:(?:the|a|an|your|our|each|their|its)\s+)?(?:[\w-]+\s+)?(?:recruitment|application|hiring|selection|financial|fiscal|calendar|tax|accounting|session|recording|campaign|promotion|contest|competition|event|process|procedure|year|visit|call)\b|(?<![\p{L}])fin\s+(?:du|de la|de l['’]|des|de)\s*(?:[\p{L}-]+\s+)?(?:processus|recrutement|exercice|année|campagne|session|enregistrement|procédure|jeu|concours|candidature|visite|appel|sélection)(?![\p{L}])/iu;
// Words a period may be at most this far after the keeping verb ("kept for 36 months", "conservées pendant 3 ans"); a
// period said to come on top of the account's life may stand further on ("kept for as long as you have an account, then
// for a further 12 months after any account closure").
const REACH = 60;
const FAR_REACH = 200;
const FURTHER = /\b(?:a further|an additional|another)\s+$/i;
// The life of the account, contract or relationship plus a period ("for the life of the account + 2 years", "duration of
// the contract plus 3 years"): the period runs from the end, stated before it. Exported for the readers that decide
// whether a sentence speaks of the end at all.
export const LIFE_OF = String.raw`\b(?:life|lifetime|duration|term|length) of (?:the|your|their|its|our|an?) (?:[\w-]+ )?(?:account|subscription|contract|agreement|relationship|membership)s?`;
const LIFE_PLUS = new RegExp(String.raw`${LIFE_OF}\s*(?:\+|plus|and(?: a further| an additional| another)?)\s*$`, 'i');
// What is kept is the vendor's own record of its dealings with the customer, or a part of the data: billing, invoices,
// transactions, logs, correspondence, "records of our communications", "certain information". Keeping those after the
// end is a retention duty, not the customer's data going (OTA labels: membership data kept 7 years for bookkeeping
// after termination, data kept after closure for legal duties, stay unspecified).
const RECORDS_KEPT = /\b(?:billing|invoices?|invoicing|transactions?|transactional|payments?|purchases?|tax|accounting|bookkeeping|financial|logs?|audit|correspondence|complaints?|(?:support )?tickets?)\b|\brecords? of\b|\bcommunications? with (?:you|us)\b|\b(?:certain|some|limited|specific)\s+(?:[\w-]+\s+)?(?:data|information|details|records|content)\b/i;
// A period with no number that still ends, after the account's life: "for as long as your account is active and a
// reasonable period thereafter" (OTA Atlassian label). Not "for as long as necessary thereafter" (open-ended).
export const BOUNDED_THEREAFTER = /\b(?:an?|for an?)\s+(?:reasonable|limited|short|brief)\s+(?:period|time)(?:\s+of\s+time)?\s+(?:thereafter|afterwards?|after that)\b/i;
// The same period counted from the end named after it: "retained for a reasonable period of time following account
// deletion or deactivation" (what the end is, the reader's own test decides).
const BOUNDED_AFTER = /\b(?:an?|for an?)\s+(?:reasonable|limited|short|brief)\s+(?:period|time)(?:\s+of\s+time)?\s+(?:following|after)\s+/i;
// That period with the end it runs from, up to the next comma or coordinator: what keeping goes on after it is read
// without the end's own words ("following account deletion, and afterwards for as long as we have a business need" is
// no deletion: "deletion" names the end, it deletes nothing).
export const BOUNDED_AFTER_END = new RegExp(String.raw`${BOUNDED_AFTER.source}[^,;]*?(?=[,;]|\s(?:and|or|then)\s|$)`, 'i');
// The account's own data named beside the vendor's records ("Your account information and purchase history") is more
// than those records.
const PART = /\b(?:certain|some|limited|specific)\b/i;
const ACCOUNT_DATA = /\b(?:account|profile) (?:information|data|details)\b/i;
// Keeping for the law, taxes, fraud, disputes or claims ("for tax purposes", "to comply with our legal obligations", "in
// case of a claim", French "à des fins de preuve", "obligations légales"): the period is a duty to keep, not a promise to
// delete.
// A duty's purpose may close a list ("for backup, archival and audit purposes").
const KEPT_FOR_DUTY = new RegExp(String.raw`\bfor\s+(?:our\s+|the\s+)?(?:[\w-]+,?\s+(?:and\s+|or\s+)?){0,3}?(?:${DUTY_PURPOSES}|fraud[- ]prevention)\s+(?:purposes|reasons|obligations|requirements)\b|${CLAIMS_AND_EVIDENCE}|\bto (?:comply with|meet|fulfil|fulfill|satisfy)\s+(?:our\s+|any\s+|the\s+)?(?:applicable\s+)?(?:tax|accounting|legal|regulatory|statutory|compliance)\b|${REQUIRED_BY_LAW}|\blegal holds?\b|\bto (?:prevent|detect|investigate) (?:fraud|abuse)\b|\b(?:resolve|settle|handle|address)\s+(?:any\s+|possible\s+|potential\s+)?disputes\b|\blegal claims\b|(?<![\p{L}])à des fins (?:de preuve|probatoires|comptables|fiscales|légales)(?![\p{L}])|\bobligations? (?:légales?|comptables|fiscales)(?![\p{L}])`, 'iu');
// An exception after the keeping ("unless the law requires us to keep them longer") leaves the period the data's own.
const EXCEPTION = /\b(?:unless|except|save (?:where|as)|other than)\b/i;
// A passive's subject is what is kept ("Billing records are retained for …").
const PASSIVE_BEFORE = /\b(?:is|are|be|been|being|was|were)\s+(?:\w+\s+)?$/i;

/**
 * Whether the keeping verb at [`start`, `end`) in `view` lasts a stated period counted from the end of the contract or
 * account ("Profile data is kept for 36 months after the deactivation of an account", "conservées 3 ans après la clôture
 * du compte", "retained for the life of the account + 2 years"): the data goes once the period runs out, a delayed
 * deletion (OTA README: "including delayed deletion").
 * Not when what is kept is the vendor's own records or a part of the data, nor keeping for a legal duty.
 * `endsContract` says whether a text names that end (the reader's own test, which knows retention periods from it).
 */
export function keptForPeriodAfterEnd(view: string, start: number, end: number, endsContract: (text: string) => boolean, ceilingOnly = false): boolean {
  const subject = PASSIVE_BEFORE.test(view.slice(0, start)) ? view.slice(Math.max(0, start - 60), start) : '';
  return periodFromEnd(view, end, subject, endsContract, REACH, ceilingOnly);
}

/** Whether what `kept` names is the vendor's own records or a part of the data (RECORDS_KEPT), not the account's data whole. */
export const keptRecords = (kept: string): boolean => RECORDS_KEPT.test(kept) && !(ACCOUNT_DATA.test(kept) && !PART.test(kept));

/**
 * Whether `view` from `at` states a period counted from the end of the contract or account, what is kept being named in
 * `subject` or before the period (a retention table's row: "Account data | Kept for the duration of the account + 3 years"). Periods
 * after `reach` count only as a further period. `ceilingOnly`: only a period stated as a most counts (keeping the vendor
 * "may" do: "may be kept for a maximum of three years from the end of the relationship" still ends, "we may retain your
 * data for 30 days after termination" is an option).
 */
export function periodFromEnd(view: string, at: number, subject: string, endsContract: (text: string) => boolean, reach = FAR_REACH, ceilingOnly = false): boolean {
  const cut = view.search(EXCEPTION);
  if (KEPT_FOR_DUTY.test(cut >= 0 ? view.slice(0, cut) : view)) return false;
  const window = view.slice(at, at + FAR_REACH);
  const records = (before: string) => keptRecords(subject + ' ' + before);
  const bounded = BOUNDED_THEREAFTER.exec(window);
  if (bounded && !ceilingOnly && !records(window.slice(0, bounded.index)) && endsContract(window.slice(0, bounded.index))) return true;
  const boundedAfter = BOUNDED_AFTER.exec(window);
  if (boundedAfter && !ceilingOnly && !records(window.slice(0, boundedAfter.index)) && endsContract(window.slice(boundedAfter.index, boundedAfter.index + boundedAfter[0].length + 60))) return true;
  for (const d of [...findDurations(window), ...findDurationsFr(window)]) {
    const before = window.slice(0, d.index);
    if (d.index > reach && !FURTHER.test(before)) continue;
    // A further period far from the verb keeps what its own part of the sentence names ("your account data while your
    // account is open, and transaction records for a further 7 years"): the account data named earlier is not what it keeps.
    if (d.index > reach && RECORDS_KEPT.test(before.split(/[,;]|\s(?:and|then)\s/).pop() ?? '')) continue;
    if (LOWER_BOUND.test(before) || records(before) || (ceilingOnly && !CEILING.test(before))) continue;
    // What the period runs from, up to the next comma or coordinator: "1 year after the consent was granted or from the
    // last use" runs from the consent.
    const after = view.slice(at + d.index + d.length, at + d.index + d.length + 100).split(/[,;]|\s(?:or|and|ou|et)\s/)[0];
    // The account's life plus a period, unless the period runs from a last login instead ("plus 2 years from your last login").
    if (LIFE_PLUS.test(before) && !(RUNS_FROM.test(after) && LAST_ACTIVITY.test(after))) return true;
    if (RUNS_FROM.test(after) && !LAST_ACTIVITY.test(after) && !OTHER_END.test(after) && endsContract(after)) return true;
  }
  return false;
}
