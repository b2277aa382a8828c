/**
 * Whether a sentence view can hold a name: a capital or a digit after its first character, or a lower-case letter
 * followed by a capital ("iDenfy"). The same answer as `/[\p{Lu}0-9]/u.test(v.slice(1)) || /[\p{Ll}][\p{Lu}]/u.test(v)`,
 * which the sub-processor reader asked of every sentence: its Unicode classes cost ten times a scan of character
 * codes, and a quarter of the sentences have no capital at all. ASCII is answered here; a view with any other
 * character is left to those patterns.
 */
export function mayHoldName(v: string): boolean {
  for (let i = 1; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
    if (c >= 128) return UPPER_OR_DIGIT.test(v.slice(1)) || INNER_CAPITAL.test(v);
  }
  // All ASCII with no capital after the first character: no lower-case letter can be followed by a capital either.
  return false;
}

const UPPER_OR_DIGIT = /[\p{Lu}0-9]/u;
const INNER_CAPITAL = /[\p{Ll}][\p{Lu}]/u;
