import { findDurations, findDurationsFr } from '../text/numbers.js';

// A lower bound is no end: "kept for at least 5 years after termination" may be kept for ever.
const LOWER_BOUND = /\b(?:at least|a minimum of|minimum of|minimum|no less than|not less than|au moins|au minimum)\s*(?:\w+\s+){0,2}$/i;
// What the period runs from: "after", "from", "following" the end; French "après", "à compter de", "suivant".
const RUNS_FROM = /^\s*(?:\)\s*)?(?:after|from|following|of|après|apres|suivant|(?<![\p{L}])à compter de)(?![\p{L}])/iu;
// A period from the last activity is a ceiling for inactive accounts, not one from the account's end (OTA Myspace label:
// "a maximum of five years from the date of last activity").
const LAST_ACTIVITY = /\b(?:last|latest|most recent)\s+(?:contact|login|log-in|activity|use|visit|access)\b|\binactiv/i;
// Words a period may be at most this far after the keeping verb ("kept for 36 months", "conservées pendant 3 ans").
const REACH = 60;

/**
 * Whether the keeping that ends at `from` in `view` lasts a stated period counted from the end of the contract or account
 * ("Profile data is kept for 36 months after the deactivation of an account", "conservées 3 ans après la clôture du
 * compte"): the data goes once the period runs out, a delayed deletion (OTA README: "including delayed deletion").
 * `endsContract` says whether a text names that end (the reader's own test, which knows retention periods from it).
 */
export function keptForPeriodAfterEnd(view: string, from: number, endsContract: (text: string) => boolean): boolean {
  const window = view.slice(from, from + REACH);
  for (const d of [...findDurations(window), ...findDurationsFr(window)]) {
    if (LOWER_BOUND.test(window.slice(0, d.index))) continue;
    // What the period runs from, up to the next comma or coordinator: "1 year after the consent was granted or from the
    // last use" runs from the consent.
    const after = view.slice(from + d.index + d.length, from + d.index + d.length + 100).split(/[,;]|\s(?:or|and|ou|et)\s/)[0];
    if (RUNS_FROM.test(after) && !LAST_ACTIVITY.test(after) && endsContract(after)) return true;
  }
  return false;
}
