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

/**
 * "We may share with LiveRamp and its group companies information that we collect from you": the object shifted after the
 * recipient. `after` is the text after "share with"; the object follows the names ("… and its group companies information"),
 * so a data word must come within the clause, after at least one capitalised name.
 */
export function sharesDataAfter(after: string, subject: string): boolean {
  if (/\b(?:which|who|that)$/i.test(subject)) return false;
  const clause = after.split(/[.;:]/)[0];
  // "share with Google Pay or Apple Pay or any other linked payments provider the following information": providers the
  // user links are parties the user reaches (README), not the vendor's recipients.
  return SHIFTED_OBJECT.test(clause) && !/\b(?:linked|connected)\b/i.test(clause);
}
// A data noun as the object, after the names (a lower-case word run before it, "information that we collect", "your email").
const SHIFTED_OBJECT = /^[\p{Lu}][^,;]*?\s(?:(?:your|the|certain|some|limited|personal|such|this)\s+)*(?:information|data|details|identifiers?|e-?mail\s+address(?:es)?|personal\s+data)\b/u;
