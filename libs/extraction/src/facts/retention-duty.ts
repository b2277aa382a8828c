// Keeping that a duty bounds, in the words the return_or_destroy readers share (one entry per meaning): kept-after-end.ts
// reads a period kept for a duty as no promise to delete, return-vocabulary.ts reads keeping the law bounds as not
// open-ended, and a later end that names a duty's purposes as open-ended.

/** The law compelling the keeping: "as required by law", "obliged under applicable law", "mandated by law". */
export const REQUIRED_BY_LAW = String.raw`\b(?:required|mandated|obliged|obligated) (?:by|under) (?:applicable )?laws?\b`;
/** The purposes a duty to keep names: "for tax purposes", "for legal, compliance and security reasons". */
export const DUTY_PURPOSES = String.raw`(?:tax|accounting|bookkeeping|legal|regulatory|compliance|audit|statutory|security)`;
