/**
 * "Both cases at once": a word inside a "whether" part states neither the act nor its refusal. "Whether or not we sell
 * your data, …", "regardless of whether we share it", "the right to know whether we sell personal information",
 * "… applies to all Customer Data, whether or not it has been aggregated": an indirect question or a concession that
 * covers the case and its opposite. The part runs from "whether" (with "or not" after it, or "or not" at its end) to the
 * word, inside one clause: no sentence or clause mark (. ; : , ! ? parentheses) between them, at most eight words.
 * Shared by every reader that asks whether an act is stated or refused (negation in the clause layer, the sale and
 * de-identified scope readings), instead of a window or a look-behind per fact.
 */
const WHETHER_PART = /\bwhether\b([^.;:,!?()]*)$/i;
const WORD = /[\w'-]+/g;

export function bothCases(view: string, index: number): boolean {
  const before = view.slice(Math.max(0, index - 100), index);
  const m = WHETHER_PART.exec(before);
  if (!m) return false;
  return (m[1].match(WORD)?.length ?? 0) <= 8 && !mainClauseBefore(m[1], view.slice(index, index + 30));
}

// Written without the comma, the main clause starts at a second subject with its own verb: "Whether you are in
// California or elsewhere we do not sell …", "Whether you pay or not we never sell …". The part's own subject is the
// first ("whether we sell", "whether or not it has been aggregated"); a subject joined by "or"/"and" is the same one.
const SUBJECT = /\b(?:we|you|they|he|she|it)\b/gi;
const FINITE_AFTER = /^\s+(?:do|does|did|don't|doesn't|will|won't|shall|may|can|cannot|can't|must|never|not|are|is|would|should|might|have|has)\b/i;
function mainClauseBefore(part: string, after: string): boolean {
  const text = part + after;
  const subjects = [...part.matchAll(SUBJECT)];
  for (const s of subjects.slice(1)) {
    if (/\b(?:or|and|nor)\s*$/i.test(part.slice(0, s.index))) continue;
    if (FINITE_AFTER.test(text.slice(s.index + s[0].length))) return true;
  }
  return false;
}
