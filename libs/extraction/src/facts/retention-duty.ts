// Keeping that a duty bounds, in the words the return_or_destroy readers share (one entry per meaning): kept-after-end.ts
// reads a period kept for a duty as no promise to delete, return-vocabulary.ts reads keeping the law bounds as not
// open-ended, and a later end that names a duty's purposes as open-ended.

/** The law compelling the keeping: "as required by law", "obliged under applicable law", "mandated by law". */
export const REQUIRED_BY_LAW = String.raw`\b(?:required|mandated|obliged|obligated) (?:by|under) (?:applicable )?laws?\b`;
/** The purposes a duty to keep names: "for tax purposes", "for legal, compliance and security reasons". */
export const DUTY_PURPOSES = String.raw`(?:tax|accounting|bookkeeping|legal|regulatory|compliance|audit|statutory|security)`;
/**
 * Keeping against claims, as evidence or under a regulation: "in case of a claim", "litigation", "the limitation period",
 * "for evidentiary purposes", "to protect our legal interests", "where we are subject to a legal obligation", "as required
 * under anti-money laundering regulations", "as required by the Public Health Code", a retention table's "Fraud prevention" row.
 */
export const CLAIMS_AND_EVIDENCE = String.raw`\b(?:in (?:the )?(?:case|event) of (?:an?y? )?(?:claims?|disputes?|legal proceedings)|litigation|limitation periods?|statutes? of limitations?|(?:evidentiary|evidential|evidence) purposes|(?:protect|defend|establish|exercise|enforce) (?:our|its|their) (?:legal )?(?:rights|interests)|(?:establishment|exercise|defen[cs]e) of (?:legal )?claims|subject to (?:a|any) legal obligation|anti-money[- ]laundering|money laundering|fraud (?:prevention|detection)|(?:prevention|detection) of fraud|(?:required|mandated) (?:by|under) (?:the |applicable )?(?:[\w-]+ ){0,3}(?:regulations?|codes?|acts?))\b`;
