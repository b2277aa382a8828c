/**
 * Whether an active "share … with X" (AFTER_VERB in subprocessor-triggers.ts) has the vendor pass the user's data to X.
 * "We share a commitment with Mozilla", "we share offices with X" share no data: the words between the verb and "with"
 * must name data or stand for it ("your …", "it", "such information"). A bare "share" after "who", "which" or "that"
 * has a plural antecedent ("Members who share their playlists with X"): the vendor would be "shares".
 */
const SHARED_DATA = /\b(?:your|personal|it|them|this|these|those|such|following|data|information|info|details|records?|readings?|results?|reports?|identifiers?|ids?|addresses|e-?mails?|names?|numbers?|content|files?|photos?|messages?|communications?|history|location|usage|profiles?|lists?|feedback|orders?|bookings?|transactions?|documents?)\b/i;

/** `match`: the AFTER_VERB match from "share"/"shares" to "with"; `subject`: the words before it. */
export function sharesUserData(match: string, subject: string): boolean {
  if (/^share\s/i.test(match) && /\b(?:which|who|that)$/i.test(subject)) return false;
  return SHARED_DATA.test(match.replace(/^shares?\s+/i, '').replace(/\s*with\s*$/i, ''));
}
