import { findDurations, findDurationsFr } from '../text/numbers.js';

// A lower bound is no end: "kept for at least 5 years after termination", "for more than 5 years" may be kept for ever.
const LOWER_BOUND = /\b(?:at least|a minimum of|minimum of|minimum|no less than|not less than|more than|longer than|in excess of|au moins|au minimum|plus de)\s*(?:\w+\s+){0,2}$/i;
// What the period runs from: "after", "from", "following" the end; French "après", "à compter de", "suivant".
const RUNS_FROM = /^\s*(?:\)\s*)?(?:after|from|following|of|après|apres|suivant|(?<![\p{L}])à compter de)(?![\p{L}])/iu;
// A period from the last activity is a ceiling for inactive accounts, not one from the account's end (OTA Myspace label:
// "a maximum of five years from the date of last activity").
const LAST_ACTIVITY = /\b(?:last|latest|most recent)\s+(?:contact|login|log-in|activity|use|visit|access)\b|\binactiv/i;
// Words a period may be at most this far after the keeping verb ("kept for 36 months", "conservées pendant 3 ans").
const REACH = 60;
// What is kept is the vendor's own record of its dealings with the customer, or a part of the data: billing, invoices,
// transactions, logs, correspondence, "records of our communications", "certain information". Keeping those after the
// end is a retention duty, not the customer's data going (OTA labels: membership data kept 7 years for bookkeeping
// after termination, data kept after closure for legal duties, stay unspecified).
const RECORDS_KEPT = /\b(?:billing|invoices?|invoicing|transactions?|transactional|payments?|purchases?|tax|accounting|bookkeeping|financial|logs?|audit|correspondence|complaints?|(?:support )?tickets?)\b|\brecords? of\b|\bcommunications? with (?:you|us)\b|\b(?:certain|some|limited|specific)\s+(?:[\w-]+\s+)?(?:data|information|details|records|content)\b/i;
// Keeping for the law, taxes, fraud or disputes ("for tax purposes", "to comply with our legal obligations", French "à
// des fins de preuve", "obligations légales"): the period is a duty to keep, not a promise to delete.
const KEPT_FOR_DUTY = /\bfor\s+(?:our\s+|the\s+)?(?:tax|accounting|bookkeeping|legal|regulatory|compliance|audit|statutory|fraud[- ]prevention|security)\s+(?:purposes|reasons|obligations|requirements)\b|\bto (?:comply with|meet|fulfil|fulfill|satisfy)\s+(?:our\s+|any\s+|the\s+)?(?:applicable\s+)?(?:tax|accounting|legal|regulatory|statutory|compliance)\b|\b(?:as |where )?(?:required|mandated) by (?:applicable )?laws?\b|\blegal holds?\b|\bto (?:prevent|detect|investigate) (?:fraud|abuse)\b|\b(?:resolve|settle|handle|address)\s+(?:any\s+|possible\s+|potential\s+)?disputes\b|\blegal claims\b|(?<![\p{L}])à des fins (?:de preuve|probatoires|comptables|fiscales|légales)(?![\p{L}])|\bobligations? (?:légales?|comptables|fiscales)(?![\p{L}])/iu;
// An exception after the keeping ("unless the law requires us to keep them longer") leaves the period the data's own.
const EXCEPTION = /\b(?:unless|except|save (?:where|as)|other than)\b/i;
// A passive's subject is what is kept ("Billing records are retained for …").
const PASSIVE_BEFORE = /\b(?:is|are|be|been|being|was|were)\s+(?:\w+\s+)?$/i;

/**
 * Whether the keeping verb at [`start`, `end`) in `view` lasts a stated period counted from the end of the contract or
 * account ("Profile data is kept for 36 months after the deactivation of an account", "conservées 3 ans après la clôture
 * du compte"): the data goes once the period runs out, a delayed deletion (OTA README: "including delayed deletion").
 * Not when what is kept is the vendor's own records or a part of the data, nor keeping for a legal duty.
 * `endsContract` says whether a text names that end (the reader's own test, which knows retention periods from it).
 */
export function keptForPeriodAfterEnd(view: string, start: number, end: number, endsContract: (text: string) => boolean): boolean {
  const window = view.slice(end, end + REACH);
  const cut = view.search(EXCEPTION);
  if (KEPT_FOR_DUTY.test(cut >= 0 ? view.slice(0, cut) : view)) return false;
  const subject = PASSIVE_BEFORE.test(view.slice(0, start)) ? view.slice(Math.max(0, start - 60), start) : '';
  for (const d of [...findDurations(window), ...findDurationsFr(window)]) {
    if (LOWER_BOUND.test(window.slice(0, d.index)) || RECORDS_KEPT.test(subject + ' ' + window.slice(0, d.index))) continue;
    // What the period runs from, up to the next comma or coordinator: "1 year after the consent was granted or from the
    // last use" runs from the consent.
    const after = view.slice(end + d.index + d.length, end + d.index + d.length + 100).split(/[,;]|\s(?:or|and|ou|et)\s/)[0];
    if (RUNS_FROM.test(after) && !LAST_ACTIVITY.test(after) && endsContract(after)) return true;
  }
  return false;
}
